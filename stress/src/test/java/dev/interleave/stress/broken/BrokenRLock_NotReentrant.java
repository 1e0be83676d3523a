package dev.interleave.stress.broken;

import dev.interleave.primitives.RLock;
import dev.interleave.stress.broken.fixed.FixedRLock;

/**
 * {@code rlock()} that does not recognize its own owner.
 *
 * <p>The owner acquires again (a method that holds the lock calls another that takes it too):
 * the lock is held, so the owner waits for it to be released, by itself. It waits for ever.
 *
 * <p>The fix ({@link FixedRLock}): an owner that acquires again adds a hold and goes on.
 */
@Defect(kind = DefectKind.DEADLOCK, primitive = Part.RLOCK,
        what = "the RLock is not reentrant: the owner that acquires again waits for itself",
        exposedBy = "a thread that holds the lock acquires it again")
public final class BrokenRLock_NotReentrant extends BrokenPrimitives {
    @Override
    public RLock rlock() {
        return new ForgetfulRLock();
    }

    static final class ForgetfulRLock extends FixedRLock {
        @Override
        protected boolean tryTake(Thread me) {
            // BUG: no "if (owner.get() == me) { holds++; return true; }"
            if (owner.compareAndSet(null, me)) {
                holds = 1;
                return true;
            }
            return false;
        }
    }
}
