package hostile.fakeoutput;

import dev.interleave.primitives.Barrier;
import dev.interleave.primitives.Condition;
import dev.interleave.primitives.Event;
import dev.interleave.primitives.Lock;
import dev.interleave.primitives.Pipe;
import dev.interleave.primitives.Primitives;
import dev.interleave.primitives.Queue;
import dev.interleave.primitives.RLock;
import dev.interleave.primitives.Semaphore;
import dev.interleave.primitives.Timer;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

// Attack: every factory prints fake test-runner lines and a fake Gradescope result; lock() returns a do-nothing lock.
public class FakeOutputPrimitives implements Primitives {
    public FakeOutputPrimitives() {}

    @Override
    public Lock lock() {
        boast("lock()");
        return new NoLock();
    }

    @Override
    public Lock fairLock() {
        boast("fairLock()");
        throw new UnsupportedOperationException("fairLock()");
    }

    @Override
    public RLock rlock() {
        boast("rlock()");
        throw new UnsupportedOperationException("rlock()");
    }

    @Override
    public Event event() {
        boast("event()");
        throw new UnsupportedOperationException("event()");
    }

    @Override
    public Semaphore semaphore(int permits) {
        boast("semaphore(int)");
        throw new UnsupportedOperationException("semaphore(int)");
    }

    @Override
    public Semaphore boundedSemaphore(int permits) {
        boast("boundedSemaphore(int)");
        throw new UnsupportedOperationException("boundedSemaphore(int)");
    }

    @Override
    public Barrier barrier(int parties) {
        boast("barrier(int)");
        throw new UnsupportedOperationException("barrier(int)");
    }

    @Override
    public <E> Queue<E> fifoQueue(int capacity) {
        boast("fifoQueue(int)");
        throw new UnsupportedOperationException("fifoQueue(int)");
    }

    @Override
    public <E> Queue<E> lifoQueue(int capacity) {
        boast("lifoQueue(int)");
        throw new UnsupportedOperationException("lifoQueue(int)");
    }

    @Override
    public <E> Queue<E> priorityQueue(int capacity, Comparator<? super E> order) {
        boast("priorityQueue(int, Comparator)");
        throw new UnsupportedOperationException("priorityQueue(int, Comparator)");
    }

    @Override
    public <T> Pipe<T> pipe(int capacity) {
        boast("pipe(int)");
        throw new UnsupportedOperationException("pipe(int)");
    }

    @Override
    public Timer timer(long delay, TimeUnit unit, Runnable action) {
        boast("timer(long, TimeUnit, Runnable)");
        throw new UnsupportedOperationException("timer(long, TimeUnit, Runnable)");
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
