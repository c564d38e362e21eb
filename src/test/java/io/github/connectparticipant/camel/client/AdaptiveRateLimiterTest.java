package io.github.connectparticipant.camel.client;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learned rate, in virtual time: its rules one by one, then backlogs draining against a token-bucket quota
 * ({@link QuotaModel}), the scenarios of the real-time tests (QuotaBacklogIT, QuotaManyConsumersIT, TwoJvmQuotaIT)
 * and a few harder ones.
 */
class AdaptiveRateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void nothingIsPacedUntilTheServiceThrottles() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long now = 5 * SECOND;
        limiter.sent(now);
        assertEquals(now, limiter.nextSendNanos(now, 0, true));
        assertEquals(Double.POSITIVE_INFINITY, limiter.currentRate(now));
    }

    @Test
    void aThrottleCutsToBetaOfWhatWasServedInTheLastSecond() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long now = 10 * SECOND;
        // an old success is outside the window
        limiter.succeeded(now - 3 * SECOND);
        for (int i = 0; i < 40; i++) {
            limiter.succeeded(now - SECOND / 2 + i * 1_000_000L);
        }
        limiter.throttled(now - 1_000_000L, now);
        assertEquals(40 * AdaptiveRateLimiter.BETA, limiter.currentRate(now), 0.01);
        // a second throttle of a call sent before the cut is already accounted for
        limiter.throttled(now - 500_000L, now + 1_000_000L);
        assertEquals(40 * AdaptiveRateLimiter.BETA, limiter.currentRate(now + 1_000_000L), 0.1);
        // a call sent after the cut cuts again
        limiter.throttled(now + 2_000_000L, now + 3_000_000L);
        assertTrue(limiter.currentRate(now + 3_000_000L) < 40 * AdaptiveRateLimiter.BETA);
    }

    @Test
    void theRateGrowsBackPastTheCutAndIsForgottenAfterAMinuteWithoutThrottles() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long cut = 10 * SECOND;
        for (int i = 20; i > 0; i--) {
            limiter.succeeded(cut - i * 10_000_000L);
        }
        limiter.throttled(cut, cut);
        double atCut = limiter.currentRate(cut);
        assertEquals(20 * AdaptiveRateLimiter.BETA, atCut, 0.01);
        double k = Math.cbrt(20 * (1 - AdaptiveRateLimiter.BETA) / AdaptiveRateLimiter.CUBIC_C);
        assertEquals(20, limiter.currentRate(cut + (long) (k * SECOND)), 0.01, "back at the rate of the cut");
        assertTrue(limiter.currentRate(cut + (long) ((k + 5) * SECOND)) > 30, "probes beyond it");
        limiter.sent(cut + 30 * SECOND);
        assertTrue(limiter.nextSendNanos(cut + 30 * SECOND, 0, true) > cut + 30 * SECOND, "still paced");
        long later = cut + AdaptiveRateLimiter.FORGET_AFTER_NANOS + SECOND;
        limiter.sent(later);
        assertEquals(later, limiter.nextSendNanos(later, 0, true), "forgotten");
    }

    @Test
    void neverBelowTheMinimumRateAndAFixedCapAlwaysApplies() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long now = 10 * SECOND;
        limiter.throttled(now, now);
        assertEquals(AdaptiveRateLimiter.MIN_RATE, limiter.currentRate(now), 1e-9);
        limiter.sent(now);
        assertEquals(now + (long) (SECOND / AdaptiveRateLimiter.MIN_RATE), limiter.nextSendNanos(now, 0, true));
        assertEquals(now, limiter.nextSendNanos(now, 0, false), "not for an endpoint with adaptiveRateLimit=false");

        AdaptiveRateLimiter capped = new AdaptiveRateLimiter();
        capped.sent(now);
        assertEquals(now + SECOND / 4, capped.nextSendNanos(now, 4, true), "rateLimit=4");
    }

    @Test
    void aBacklogDrainsAtTheQuotaWithFewThrottles() {
        // the scenarios of QuotaBacklogIT, QuotaManyConsumersIT and TwoJvmQuotaIT: 5 ms per call, a burst of one
        // second's quota
        QuotaModel.Outcome eightAtTwenty = new QuotaModel(20, 20, 5).run(600, 8);
        QuotaModel.Outcome thirtyTwoAtTen = new QuotaModel(10, 10, 5).run(400, 32);
        QuotaModel.Outcome twoClients = new QuotaModel(10, 10, 5).run(600, 8, 8);
        System.out.println("8 consumers, quota 20/s: " + eightAtTwenty
                           + "\n32 consumers, quota 10/s: " + thirtyTwoAtTen
                           + "\ntwo clients of 8, quota 10/s: " + twoClients);
        assertTrue(eightAtTwenty.drainRatio() <= 1.05 && eightAtTwenty.throttledShare() <= 0.03, eightAtTwenty::toString);
        assertTrue(thirtyTwoAtTen.drainRatio() <= 1.05 && thirtyTwoAtTen.throttledShare() <= 0.09,
                thirtyTwoAtTen::toString);
        assertTrue(twoClients.drainRatio() <= 1.05 && twoClients.throttledShare() <= 0.09, twoClients::toString);
        assertTrue(twoClients.smallestClientShare() >= 0.40, twoClients::toString);
    }

    @Test
    void harderQuotas() {
        // slow answers, a quota with almost no burst, a large quota
        QuotaModel.Outcome slow = new QuotaModel(10, 10, 200).run(400, 8, 8);
        QuotaModel.Outcome noBurst = new QuotaModel(20, 5, 5).run(600, 8);
        QuotaModel.Outcome large = new QuotaModel(400, 400, 5).run(12000, 16);
        System.out.println("slow answers: " + slow + "\nburst 5: " + noBurst + "\nquota 400/s: " + large);
        assertTrue(slow.drainRatio() <= 1.1 && slow.throttledShare() <= 0.12 && slow.smallestClientShare() >= 0.35,
                slow::toString);
        assertTrue(noBurst.drainRatio() <= 1.15 && noBurst.throttledShare() <= 0.05, noBurst::toString);
        assertTrue(large.drainRatio() <= 1.05 && large.throttledShare() <= 0.02, large::toString);
    }
}
