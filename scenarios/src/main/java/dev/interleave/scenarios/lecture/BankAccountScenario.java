package dev.interleave.scenarios.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.primitives.Lock;
import dev.interleave.scenarios.Case;
import dev.interleave.scenarios.ExpectedFailure;
import dev.interleave.scenarios.ExpectedSuccess;
import dev.interleave.scenarios.explore.Exploration;
import dev.interleave.scenarios.explore.Explorer;
import dev.interleave.scenarios.explore.Options;
import dev.interleave.scenarios.explore.Setup;
import dev.interleave.scenarios.explore.Task;
import dev.interleave.stress.harness.ImplementationUnderTest;
import dev.interleave.stress.harness.InterleaveTest;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;

/**
 * Case 5 of the lecture, the race condition: the balance is 10.000; your company transfers
 * 2.000 while eBay charges 1.000. Reading, changing and writing the balance is a critical
 * section. Without a lock, the exploration finds the schedules in which one update is lost
 * (9.000 or 12.000) and shows one as the slide's table; with the {@code Lock} around the
 * critical section, every schedule ends at 11.000.
 */
@InterleaveTest
@DisplayName("5. Bank account race")
public class BankAccountScenario {
    static final Case CASE = new Case("bank-account", "5. Bank account race");

    /** The shared account: one plain field, as in the lecture. */
    static final class Account {
        int balance = 10_000;
    }

    static String money(int amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
    }

    /** Read, change, write: the critical section, three steps of the schedule. */
    static void transfer(Task t, Account account, int amount) throws Exception {
        int value = t.call("Read Value", () -> account.balance, v -> "Read Value (" + money(v) + ")");
        int updated = t.call(amount > 0 ? "Increment Value" : "Decrement Value", () -> value + amount,
                v -> (amount > 0 ? "Increment Value (" : "Decrement Value (") + money(v) + ")");
        t.run("Write Value", () -> account.balance = updated);
    }

    static void program(Setup s, boolean locked) {
        Account account = new Account();
        Lock lock = locked ? s.primitives().lock("Lock") : null;
        for (String[] party : new String[][] {{"Thread 1 (your company)", "2000"}, {"Thread 2 (ebay)", "-1000"}}) {
            int amount = Integer.parseInt(party[1]);
            s.task(party[0], t -> {
                if (lock == null) {
                    transfer(t, account, amount);
                } else {
                    t.run("lock.acquire()", lock::acquire);
                    try {
                        transfer(t, account, amount);
                    } finally {
                        t.run("lock.release()", lock::release);
                    }
                }
            });
        }
        s.state("Balance", () -> money(account.balance));
        s.outcome(() -> "balance " + money(account.balance));
        s.check(() -> account.balance == 11_000 ? null
                : "Lost update: the balance is " + money(account.balance) + " instead of 11.000; "
                        + (account.balance == 9_000 ? "Thread 2 (ebay) overwrote the result of Thread 1 (your company)"
                                : "Thread 1 (your company) overwrote the result of Thread 2 (ebay)") + ".");
    }

    @ExpectedFailure
    @DisplayName("without a lock, an update is lost")
    void withoutLockAnUpdateIsLost() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, false),
                Options.systematic().allOutcomes()).explore();
        CASE.expectFailure("unsynchronized", "a lost update", found, Explorer.Ending.VIOLATION);
        assertTrue(found.outcomes().containsKey("balance 9.000") && found.outcomes().containsKey("balance 12.000"),
                "both lost updates (9.000 and 12.000) should be among the outcomes: " + found.outcomes());
        assertTrue(found.exhausted(), "every schedule should have been explored: " + found.method());
    }

    @ExpectedSuccess
    @DisplayName("with the lock around the critical section, always 11.000")
    void withLockAlwaysElevenThousand() {
        Exploration found = new Explorer(ImplementationUnderTest.primitives(), s -> program(s, true),
                Options.systematic()).explore();
        CASE.expectSuccess("with-lock", found);
        assertEquals(java.util.Set.of("balance 11.000"), found.outcomes().keySet());
    }
}
