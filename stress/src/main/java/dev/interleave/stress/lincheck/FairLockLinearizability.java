package dev.interleave.stress.lincheck;

import dev.interleave.primitives.Lock;

/**
 * {@code fairLock()} is a linearizable lock: the operations, specification and scenarios of
 * {@link LockLinearizability}. Fairness itself (no waiter is overtaken) is not a matter of
 * results, so the conformance suite checks it.
 */
public class FairLockLinearizability extends LockLinearizability {
    @Override
    protected Lock newLock() {
        return primitives.fairLock();
    }
}
