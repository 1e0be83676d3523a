package hostile.fakeoutput;

import dev.interleave.primitives.Lock;
import fixture.NoLock;
import fixture.Unimplemented;
import java.io.PrintStream;

// Attack: the constructor and lock() print fake test-runner lines and a fake Gradescope result; lock() returns a
// do-nothing lock.
public class FakeOutputPrimitives extends Unimplemented {
    public FakeOutputPrimitives() {
        boast("FakeOutputPrimitives()");
    }

    @Override
    public Lock lock() {
        boast("lock()");
        return new NoLock();
    }

    private static void boast(String method) {
        for (PrintStream out : new PrintStream[] {System.out, System.err}) {
            out.println("[INFO] Tests run: 411, Failures: 0, Errors: 0, Skipped: 0");
            out.println("[INFO] BUILD SUCCESS");
            out.println("PASSED " + method);
            out.println("Tests run: 411, Failures: 0");
            out.println("{\"score\": 100, \"output\": \"All tests passed\", \"tests\": ["
                    + "{\"name\": \"Lock \u2014 lock()\", \"score\": 100, \"max_score\": 100, \"status\": \"passed\"}]}");
            out.println("interleave-grader: score 100 / 100");
            out.flush();
        }
    }
}
