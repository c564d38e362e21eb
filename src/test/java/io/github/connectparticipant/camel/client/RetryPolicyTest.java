package io.github.connectparticipant.camel.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static final CapacityWait NO_WAIT = new CapacityWait(0);

    private static ServiceCallFailure status(int status) {
        return new ServiceCallFailure(status, "E" + status, "m", "r", -1, null);
    }

    @Test
    void backoffIsFullJitterUnderAnExponentialCeilingWithACap() {
        RetryPolicy policy = new RetryPolicy(10, 100, 20_000);
        for (int failed = 1; failed <= 12; failed++) {
            long ceiling = Math.min(20_000, 100L << (failed - 1));
            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                long delay = policy.delayBeforeRetry(failed, -1);
                assertTrue(delay >= 0 && delay <= ceiling, "delay " + delay + " over ceiling " + ceiling);
                delays.add(delay);
            }
            long max = delays.stream().mapToLong(Long::longValue).max().orElseThrow();
            long min = delays.stream().mapToLong(Long::longValue).min().orElseThrow();
            assertTrue(max > ceiling * 0.8 && min < ceiling * 0.2, "jitter spans [0, " + ceiling + "]");
        }
    }

    @Test
    void retryAfterIsAMinimumButCapped() {
        RetryPolicy policy = new RetryPolicy(3, 100, 20_000);
        for (int i = 0; i < 200; i++) {
            assertTrue(policy.delayBeforeRetry(1, 3_000) >= 3_000);
            assertEquals(20_000, policy.delayBeforeRetry(1, 120_000), "a Retry-After over the cap waits the cap");
        }
    }

    @Test
    void retriesTransientFailuresOnly() {
        assertTrue(RetryPolicy.isRetryable(status(429), false));
        assertTrue(RetryPolicy.isRetryable(status(500), false));
        assertTrue(RetryPolicy.isRetryable(status(503), false));
        assertTrue(RetryPolicy.isRetryable(ServiceCallFailure.noAnswer(new java.net.SocketTimeoutException()), false));
        for (int permanent : new int[]{400, 402, 403, 404, 409}) {
            assertFalse(RetryPolicy.isRetryable(status(permanent), false), "HTTP " + permanent);
        }
        assertTrue(RetryPolicy.isRetryable(status(409), true), "409 after an attempt whose outcome is unknown");
    }

    @Test
    void stopsAtMaxAttemptsAndReportsThem() {
        RetryPolicy policy = new RetryPolicy(4, 0, 0);
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy.GaveUp gaveUp = assertThrows(RetryPolicy.GaveUp.class,
                () -> policy.run("a", CallGate.OPEN, NO_WAIT, () -> {
                    calls.incrementAndGet();
                    throw status(500);
                }));
        assertEquals(4, calls.get());
        assertEquals(4, gaveUp.attempts());
        assertTrue(gaveUp.retryable());

        calls.set(0);
        RetryPolicy.GaveUp permanent = assertThrows(RetryPolicy.GaveUp.class,
                () -> policy.run("a", CallGate.OPEN, NO_WAIT, () -> {
                    calls.incrementAndGet();
                    throw status(400);
                }));
        assertEquals(1, calls.get());
        assertFalse(permanent.retryable());
    }

    @Test
    void conflictAfterUnknownOutcomeIsRetriedInTheLoop() throws Exception {
        RetryPolicy policy = new RetryPolicy(3, 0, 0);
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy.Succeeded<String> succeeded = policy.run("a", CallGate.OPEN, NO_WAIT, () -> {
            switch (calls.incrementAndGet()) {
                case 1 -> throw ServiceCallFailure.noAnswer(new java.io.IOException("reset"));
                case 2 -> throw status(409);
                default -> {
                    return "ok";
                }
            }
        });
        assertEquals("ok", succeeded.value());
        assertEquals(3, succeeded.attempts());
        assertEquals(3, calls.get());
    }
}
