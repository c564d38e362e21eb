package io.github.connectparticipant.camel.client;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry budget's rules, in virtual time. */
class RetryBudgetTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final ServiceCallFailure FAULT = new ServiceCallFailure(503, "Http503", "down", null, -1, null);
    private static final ServiceCallFailure NO_ANSWER = ServiceCallFailure.noAnswer(new java.io.IOException("reset"));

    @Test
    void retriesArePaidForAndSuccessesPayBack() {
        RetryBudget budget = new RetryBudget();
        GatedCall call = new GatedCall();
        assertEquals(RetryBudget.AfterFault.RETRY, budget.faulted(call, FAULT, true, 0));
        assertEquals(RetryBudget.CAPACITY - RetryBudget.RETRY_COST, budget.tokens());
        budget.succeeded(call);
        assertEquals(RetryBudget.CAPACITY, budget.tokens(), "a retry that succeeds returns its cost");

        assertEquals(RetryBudget.AfterFault.RETRY, budget.faulted(call, NO_ANSWER, true, 0));
        assertEquals(RetryBudget.CAPACITY - RetryBudget.NO_ANSWER_RETRY_COST, budget.tokens(), "no answer costs more");
        assertEquals(RetryBudget.AfterFault.GIVE_UP, budget.faulted(new GatedCall(), FAULT, false, 0),
                "out of attempts, and the service is not down");
    }

    @Test
    void runsOfFaultsAmongSuccessesAreADegradedServiceNotAnOutage() {
        // a brownout: runs of 2, 3 and 5 faults with a success after each, as long as the runs take
        for (int run : new int[]{2, 3, 5}) {
            RetryBudget budget = new RetryBudget();
            long now = 0;
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < run; i++) {
                    now += SECOND / 4;
                    assertFalse(budget.faulted(new GatedCall(), FAULT, true, now) == RetryBudget.AfterFault.HOLD,
                            "a run of " + run + " is not an outage, with the bucket dry or not (round " + round + ")");
                }
                budget.succeeded(new GatedCall());
            }
            assertFalse(budget.inOutage(), "runs of " + run);
        }
    }

    @Test
    void faultsInARowAmongConcurrentCallsAreAnOutageWhenTheyLastOrAreMany() {
        // eight concurrent calls fail together by chance within a few milliseconds: no outage
        RetryBudget budget = new RetryBudget();
        for (int i = 0; i < 8; i++) {
            assertFalse(budget.faulted(new GatedCall(), FAULT, true, i * 1_000_000L) == RetryBudget.AfterFault.HOLD);
        }
        budget.succeeded(new GatedCall());
        // faults a tenth of a second apart, with no other answer: down at the sixth, the run having lasted long enough
        long start = SECOND;
        RetryBudget.AfterFault last = RetryBudget.AfterFault.RETRY;
        long at = start;
        for (int i = 0; last != RetryBudget.AfterFault.HOLD; i++) {
            at = start + i * 100_000_000L;
            last = budget.faulted(new GatedCall(), FAULT, true, at);
        }
        assertEquals(start + (RetryBudget.OUTAGE_AFTER_FAULTS - 1) * 100_000_000L, at);
        assertTrue(at - start >= RetryBudget.OUTAGE_AFTER_NANOS);
        // sixteen in a row at once: down too (32 consumers meeting an outage together)
        RetryBudget many = new RetryBudget();
        int faults = 0;
        do {
            faults++;
        } while (many.faulted(new GatedCall(), FAULT, true, faults) != RetryBudget.AfterFault.HOLD);
        assertEquals(RetryBudget.OUTAGE_AFTER_FAULTS_AT_ONCE, faults);
    }

    @Test
    void aDryBudgetWithSuccessesInBetweenIsADegradedServiceNotAnOutage() {
        RetryBudget budget = new RetryBudget();
        for (int i = 0; i < RetryBudget.CAPACITY / RetryBudget.RETRY_COST; i++) {
            budget.faulted(new GatedCall(), FAULT, true, 0);
            if (i % 3 == 0) {
                budget.answered(new GatedCall());
            }
        }
        assertEquals(0, budget.tokens());
        GatedCall call = new GatedCall();
        assertEquals(RetryBudget.AfterFault.RETRY, budget.faulted(call, FAULT, true, 0), "the call keeps its attempts");
        assertEquals(0, call.paidCost, "unpaid");
        assertFalse(budget.inOutage());
    }

    @Test
    void faultsInARowAreAnOutageWithOneProbeASecond() {
        RetryBudget budget = new RetryBudget();
        int faults = 0;
        RetryBudget.AfterFault last;
        // a lone message's attempts, a tenth of a second apart
        long now = 0;
        do {
            now += SECOND / 10;
            last = budget.faulted(new GatedCall(), FAULT, true, now);
            faults++;
        } while (last == RetryBudget.AfterFault.RETRY);
        assertEquals(RetryBudget.AfterFault.HOLD, last);
        assertEquals(RetryBudget.OUTAGE_AFTER_FAULTS, faults, "an outage before a lone message's nine attempts");
        assertEquals(SECOND * 6 / 10, now);
        assertTrue(budget.inOutage());
        // from here on, times are relative to a clock that the outage started at one second
        budget = new RetryBudget();
        for (int i = RetryBudget.OUTAGE_AFTER_FAULTS - 1; i >= 0; i--) {
            budget.faulted(new GatedCall(), FAULT, true, SECOND - i * (RetryBudget.OUTAGE_AFTER_NANOS / 5));
        }
        assertTrue(budget.inOutage());
        assertEquals(RetryBudget.AfterFault.HOLD, budget.faulted(new GatedCall(), FAULT, false, SECOND),
                "held, even out of attempts: the outage's doing, not the message's");

        GatedCall first = new GatedCall();
        GatedCall second = new GatedCall();
        assertEquals(RetryBudget.PROBE_INTERVAL_NANOS, budget.admitOrWait(first, SECOND), "no probe before a second");
        assertEquals(0, budget.admitOrWait(first, 2 * SECOND));
        assertTrue(first.probe);
        assertTrue(budget.admitOrWait(second, 2 * SECOND) > 0, "one probe at a time");
        assertEquals(RetryBudget.AfterFault.HOLD, budget.faulted(first, FAULT, true, 2 * SECOND));
        assertTrue(budget.admitOrWait(second, 2 * SECOND + SECOND / 2) > 0, "the next probe a second later");
        assertEquals(0, budget.admitOrWait(second, 3 * SECOND));

        budget.answered(second);
        assertFalse(budget.inOutage(), "any answer that is not a fault ends it");
        assertEquals(RetryBudget.CAPACITY, budget.tokens(), "with a full bucket");
        assertEquals(0, budget.admitOrWait(new GatedCall(), 3 * SECOND));
    }
}
