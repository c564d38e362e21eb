package io.github.connectparticipant.simulator;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's quota shapes, in virtual time: what each admits of calls at given moments. */
class QuotaTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1000 * MS;

    private final AtomicLong now = new AtomicLong(100 * SECOND);
    private final Quota quota = new Quota(now::get);

    /** How many of so many calls, one every step, the operation's quota admits. */
    private int admitted(int calls, long step) {
        int admitted = 0;
        for (int i = 0; i < calls; i++) {
            admitted += quota.admits("op") ? 1 : 0;
            now.addAndGet(step);
        }
        return admitted;
    }

    @Test
    void aTokenBucketAdmitsItsBurstAtOnceThenItsRate() {
        quota.set(10, 3);
        assertEquals(3, admitted(10, 0), "the burst, all at once");
        now.addAndGet(SECOND / 5);
        assertEquals(2, admitted(10, 0), "a fifth of a second later, two more");
        // then a call every 50 ms from now to two seconds on (41 calls): the 20 tokens its rate adds, one in two
        assertEquals(20, admitted(41, 50 * MS), "its rate");
        assertEquals(10 - 3 + 10 - 2 + 41 - 20, quota.refused(), "every refusal counted");
    }

    @Test
    void aFixedWindowAdmitsItsCountInEachWholeSecond() {
        quota.set(QuotaWindow.FIXED, 5);
        now.set(100 * SECOND + 900 * MS);
        assertEquals(5, admitted(10, MS), "the end of one second");
        now.set(101 * SECOND);
        assertEquals(5, admitted(10, MS), "and again at the start of the next: 10 within 110 ms");
    }

    @Test
    void aSlidingWindowNeverAdmitsMoreThanItsCountInAnySecond() {
        quota.set(QuotaWindow.SLIDING, 5);
        now.set(100 * SECOND + 900 * MS);
        assertEquals(5, admitted(10, MS), "the first five");
        now.set(101 * SECOND);
        assertEquals(0, admitted(10, MS), "none until a second after the first");
        now.set(101 * SECOND + 900 * MS);
        assertEquals(5, admitted(10, MS), "then as many as a second ago");
    }

    @Test
    void eachOperationHasItsOwnQuotaAndNoneMeansEveryCall() {
        quota.set(QuotaWindow.FIXED, 1);
        assertTrue(quota.admits("a"));
        assertTrue(quota.admits("b"));
        assertFalse(quota.admits("a"));
        quota.clear();
        assertEquals(1000, admitted(1000, 0));
        assertThrows(IllegalArgumentException.class, () -> quota.set(QuotaWindow.SLIDING, 0));
        assertThrows(IllegalArgumentException.class, () -> quota.set(10, 0.5));
    }
}
