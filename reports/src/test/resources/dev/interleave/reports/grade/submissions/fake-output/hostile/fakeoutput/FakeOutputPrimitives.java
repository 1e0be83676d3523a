package hostile.fakeoutput;

import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Lock;
import fixture.Unimplemented;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

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

    /** A lock that does nothing: every acquire succeeds at once, release never complains. */
    private static final class NoLock implements Lock {
        @Override
        public void acquire() {}

        @Override
        public void acquireInterruptibly() {}

        @Override
        public boolean tryAcquire() {
            return true;
        }

        @Override
        public boolean tryAcquire(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public void release() {}

        @Override
        public boolean isHeldByCurrentThread() {
            return true;
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("newCondition()");
        }
    }
}
