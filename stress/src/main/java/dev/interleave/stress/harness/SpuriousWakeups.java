package dev.interleave.stress.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fault injection: spurious wake-ups on demand, so that an {@code if} where a {@code while}
 * belongs is caught even when the operating system never wakes a thread spuriously.
 *
 * <p>{@link LockSupport#park()} may return for no reason at all, and a correct primitive waits in
 * a loop that checks its condition again. A primitive that checks only once ({@code if}) works
 * as long as nothing wakes its waiters early, which on a quiet machine is almost always. This
 * class wakes them early, in two ways:
 *
 * <ul>
 *   <li><b>The injector</b> (opt-in: {@code -D}{@value #PROPERTY}{@code =true}, or
 *       {@link #enable()}): while a test runs, a daemon thread unparks the test's threads at
 *       random moments, every few hundred microseconds: the test thread of every
 *       {@link InterleaveTest} class (see {@link TimeBound}) and every worker started through
 *       {@link Workers}. Run the conformance suite with it on and every blocking call it makes
 *       is woken, again and again, while it waits; a correct implementation still passes.
 *   <li><b>One forced wake-up</b> ({@link #wakeOnce(Thread)}): a test that has proven a thread
 *       blocked unparks it once and waits until it has either parked again or finished. Unlike
 *       the injector, this is a schedule, not luck: the same implementation gives the same
 *       verdict on every run.
 * </ul>
 *
 * <p><b>Where injection cannot reach.</b> {@code LockSupport.unpark} wakes a thread parked by
 * {@code LockSupport.park*} (which every {@code java.util.concurrent} wait and the reference
 * primitives use) or makes its next park return at once. It does not reach a thread in
 * {@link Object#wait()} (a monitor-based implementation), in {@link Thread#sleep}, in
 * {@link Thread#join} or blocked on entry to a {@code synchronized} block; nor threads the test
 * did not start through the harness: a timer's own thread, the threads of Lincheck and of
 * jcstress. {@link #wakeOnce} reports which case it met.
 */
public final class SpuriousWakeups {
    /** The system property that turns the injector on for every test: {@code true}. */
    public static final String PROPERTY = "interleave.spuriousWakeups";

    /** The longest pause of the injector between two rounds of wake-ups. */
    static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final Set<Thread> TARGETS = ConcurrentHashMap.newKeySet();
    private static final AtomicLong INJECTED = new AtomicLong();
    private static volatile boolean enabled = Boolean.parseBoolean(System.getProperty(PROPERTY, "false").trim());
    private static volatile Thread injector;

    private SpuriousWakeups() {}

    /** Whether the injector is on. */
    public static boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns the injector on for the threads that start being watched from now on. Under a
     * security manager (a grader's sandbox) the caller needs {@link #CONTROL}: the code under test
     * must not turn the injector off.
     */
    public static void enable() {
        checkControl();
        enabled = true;
    }

    /** Turns the injector off; the threads watched so far are left alone from now on. Needs {@link #CONTROL}. */
    public static void disable() {
        checkControl();
        enabled = false;
        TARGETS.clear();
    }

    /** The permission to turn the injector on or off, which the harness has and the code under test has not. */
    public static final RuntimePermission CONTROL = new RuntimePermission("interleave.controlHarness");

    @SuppressWarnings("removal")
    private static void checkControl() {
        SecurityManager security = System.getSecurityManager();
        if (security != null) {
            security.checkPermission(CONTROL);
        }
    }

    /** How many wake-ups the injector has sent so far (in this JVM). */
    public static long injected() {
        return INJECTED.get();
    }

    /**
     * Watches the calling thread until {@link #unwatch()} (when the injector is on; else does
     * nothing). {@link Workers} and {@link TimeBound} call it for the threads they start.
     */
    static void watch() {
        if (!enabled) {
            return;
        }
        TARGETS.add(Thread.currentThread());
        startInjector();
    }

    /** Stops watching the calling thread. */
    static void unwatch() {
        TARGETS.remove(Thread.currentThread());
    }

    private static synchronized void startInjector() {
        Thread running = injector;
        if (running != null && running.isAlive()) {
            LockSupport.unpark(running);
            return;
        }
        Thread thread = new Thread(SpuriousWakeups::inject, "interleave-spurious-wakeups");
        thread.setDaemon(true);
        injector = thread;
        thread.start();
    }

    /**
     * The injector's loop: while some thread is watched, pause a random moment (up to
     * {@link #MAX_PAUSE_NANOS}), then unpark each watched thread with probability one half.
     * With nothing to watch it parks until {@link #watch()} wakes it.
     */
    private static void inject() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            if (!enabled || TARGETS.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                continue;
            }
            LockSupport.parkNanos(1 + random.nextLong(MAX_PAUSE_NANOS));
            for (Thread target : List.copyOf(TARGETS)) {
                if (random.nextBoolean()) {
                    LockSupport.unpark(target);
                    INJECTED.incrementAndGet();
                }
            }
        }
    }

    /** What {@link #wakeOnce} found. */
    public enum Reach {
        /** The thread was parked; it was unparked and has parked again. */
        PARKED_AGAIN,
        /** The thread was parked; it was unparked and then finished (returned or threw). */
        FINISHED,
        /**
         * The thread was not parked by {@code LockSupport} (it waits in {@code Object.wait},
         * sleeps, joins, or waits for a monitor): an unpark cannot reach it, and none was sent.
         */
        UNREACHABLE
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Wakes {@code thread}, which the caller has proven blocked, once and spuriously: unparks it
     * and waits (at most {@link Delays#LONG_DELAY_MS}) until it has either parked again or
     * finished. A thread that is not parked by {@code LockSupport} cannot be reached and is left
     * alone.
     *
     * <p>That the thread parked again is read from its JVM statistics (the count of its waits
     * grows by one), so the answer does not depend on how fast the scheduler runs it.
     *
     * @throws HangError if the thread neither parks again nor finishes within the bound (it
     *         spins, or runs for ever)
     */
    public static Reach wakeOnce(Thread thread) {
        ThreadInfo before = THREADS.getThreadInfo(thread.getId(), 1);
        if (before == null || !parkedByLockSupport(before)) {
            return before == null ? Reach.FINISHED : Reach.UNREACHABLE;
        }
        long waits = before.getWaitedCount();
        LockSupport.unpark(thread);
        long start = System.nanoTime();
        while (true) {
            ThreadInfo now = THREADS.getThreadInfo(thread.getId(), 0);
            if (now == null || now.getThreadState() == Thread.State.TERMINATED) {
                return Reach.FINISHED;
            }
            boolean blocked = now.getThreadState() == Thread.State.WAITING
                    || now.getThreadState() == Thread.State.TIMED_WAITING;
            if (blocked && now.getWaitedCount() > waits) {
                return Reach.PARKED_AGAIN;
            }
            if (Delays.millisSince(start) > Delays.LONG_DELAY_MS) {
                throw new HangError("thread \"" + thread.getName() + "\" was woken spuriously and neither parked "
                        + "again nor finished within " + Delays.LONG_DELAY_MS + " ms; it is " + now.getThreadState());
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
    }

    private static boolean parkedByLockSupport(ThreadInfo info) {
        Thread.State state = info.getThreadState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        StackTraceElement[] stack = info.getStackTrace();
        return stack.length > 0 && stack[0].getMethodName().equals("park")
                && stack[0].getClassName().endsWith(".Unsafe");
    }
}
