package io.github.connectparticipant.camel.client;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learned rate, in virtual time: its rules one by one, then backlogs draining against a token-bucket quota
 * ({@link QuotaModel}), with and without random faults: the scenarios of the real-time tests (QuotaBacklogIT,
 * QuotaManyConsumersIT, TwoJvmQuotaIT, BrownoutIT) and harder ones.
 */
class AdaptiveRateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void nothingIsPacedUntilTheServiceThrottles() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long now = 5 * SECOND;
        limiter.sent(now);
        assertEquals(now, limiter.nextSendNanos(now, 0, true));
        assertEquals(Double.POSITIVE_INFINITY, limiter.currentRate(now));
    }

    @Test
    void aSpentQuotaCutsToWhatTheServiceServedInTheLastSecond() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long now = 10 * SECOND;
        // an old answer is outside the window
        limiter.served(now - 4 * SECOND, now - 3 * SECOND);
        for (int i = 0; i < 40; i++) {
            limiter.served(now - SECOND, now - SECOND / 2 + i * MS);
        }
        // the quota spent: every call throttled, which noise (at most MAX_NOISE_SHARE) never does for long
        int throttles = 0;
        while (limiter.currentRate(now) == Double.POSITIVE_INFINITY) {
            throttles++;
            limiter.throttled(now - (LearnedRateTuning.DEFAULTS.throttlesInARow() - throttles) * MS,
                    now - (LearnedRateTuning.DEFAULTS.throttlesInARow() - throttles) * MS);
        }
        assertEquals(LearnedRateTuning.DEFAULTS.throttlesInARowToLearn(), throttles, "cut after so many in a row");
        assertTrue(throttles > 2 && throttles <= LearnedRateTuning.DEFAULTS.throttlesInARow(),
                "cut after " + throttles);
        now -= (LearnedRateTuning.DEFAULTS.throttlesInARow() - throttles) * MS;
        // the window is the last second, from the start of its oldest slot (a tenth of a second)
        long windowStart = (Math.floorDiv(now, SECOND / 10) - 9) * (SECOND / 10);
        double servedPerSecond = 40 * (double) SECOND / (now - windowStart);
        assertEquals(servedPerSecond * LearnedRateTuning.DEFAULTS.burstDiscount() * LearnedRateTuning.DEFAULTS.beta(),
                limiter.currentRate(now), 0.01);
        // a throttle of a call sent before the cut is already accounted for
        limiter.throttled(now - MS / 2, now + MS);
        assertEquals(servedPerSecond * LearnedRateTuning.DEFAULTS.burstDiscount() * LearnedRateTuning.DEFAULTS.beta(),
                limiter.currentRate(now + MS), 0.1);
    }

    @Test
    void aBurstDrainedWhileTheCallsStartIsNotTakenForTheRate() {
        // consumers that start one after another over a second: the quota's burst and a second of its rate are served
        // over that second before it refuses (here 10 calls every tenth of a second; the quota, say, 50/s, burst 50)
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long start = 10 * SECOND;
        for (int i = 0; i < 100; i++) {
            limiter.served(start + i * 10 * MS, start + i * 10 * MS + MS);
        }
        long cut = start + SECOND;
        while (limiter.currentRate(cut) == Double.POSITIVE_INFINITY) {
            limiter.throttled(cut, cut);
        }
        // the window (0.9 s from the start of its oldest slot) holds 90 of them: 100 a second, a first cut to
        // 0.75 x 100 and a curve from 0.85 x 75 = 64/s, above the quota; the least the quota can be is what was served
        // over 1 + the part of the second the calls ran (all of it): 45/s, and the first half of the epoch goes no faster
        double maxRate = LearnedRateTuning.DEFAULTS.burstDiscount() * 100;
        double leastQuota = 90 / 2.0;
        double k = Math.cbrt(maxRate * (1 - LearnedRateTuning.DEFAULTS.beta()) / LearnedRateTuning.DEFAULTS.cubicC());
        long halfEpoch = cut + (long) (k / 2 * SECOND);
        assertEquals(leastQuota, limiter.currentRate(cut), 0.01);
        assertEquals(leastQuota, limiter.currentRate(halfEpoch - MS), 0.01,
                "paced at the least quota for half the epoch");
        assertEquals(maxRate + LearnedRateTuning.DEFAULTS.cubicC() * Math.pow(k / 2 - k, 3),
                limiter.currentRate(halfEpoch + MS),
                0.1, "then on the curve back to the rate of the cut");
        // the noise is measured over that half, not its first quarter: a tenth of the calls throttled in the first
        // quarter, a fifth in the second
        long paced = (long) (SECOND / leastQuota);
        int throttled = 0;
        int answers = 0;
        for (long t = cut + paced; t < halfEpoch - MS; t += paced, answers++) {
            boolean secondQuarter = t > cut + (long) (k / 4 * SECOND);
            boolean throttle = answers % 10 == 0 || secondQuarter && answers % 10 == 5;
            throttled += throttle ? 1 : 0;
            answer(limiter, t, throttle);
        }
        assertEquals(leastQuota, limiter.currentRate(halfEpoch - MS), 0.01, "no cut for the noise");
        assertEquals(throttled / (double) answers, limiter.noiseShare(), 1e-9);
        assertTrue(limiter.noiseShare() > 0.12, "the second quarter counted: " + limiter.noiseShare());
    }

    @Test
    void aBurstDrainedAtOnceLeavesTheFirstCutAsItWas() {
        // the calls ran a tenth of a second before the quota refused: what was served is mostly its burst, and the
        // first cut (0.75 x 0.85 of it) is below the least the quota can be; the epoch is as any other
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long cut = 10 * SECOND + 95 * MS;
        for (int i = 0; i < 50; i++) {
            limiter.served(cut - 90 * MS + i * MS, cut - 90 * MS + i * MS);
        }
        while (limiter.currentRate(cut) == Double.POSITIVE_INFINITY) {
            limiter.throttled(cut, cut);
        }
        double servedPerSecond = 50 * (double) SECOND / (cut - (Math.floorDiv(cut, SECOND / 10) - 9) * (SECOND / 10));
        double maxRate = LearnedRateTuning.DEFAULTS.burstDiscount() * servedPerSecond;
        assertEquals(LearnedRateTuning.DEFAULTS.beta() * maxRate, limiter.currentRate(cut), 0.01);
        double k = Math.cbrt(maxRate * (1 - LearnedRateTuning.DEFAULTS.beta()) / LearnedRateTuning.DEFAULTS.cubicC());
        assertEquals(maxRate + LearnedRateTuning.DEFAULTS.cubicC() * Math.pow(k / 4 - k, 3),
                limiter.currentRate(cut + (long) (k / 4 * SECOND)), 0.01, "on the curve from the cut");
    }

    @Test
    void theNoiseIsMeasuredFromTheFewestAnswersThatCouldShowNextToNone() {
        // the Wilson bound at one standard deviation of no throttle in n answers is 1 / (n + 1): below 5% from 20
        assertEquals(20, LearnedRateTuning.DEFAULTS.minAnswersForNoise());
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long cut = 10 * SECOND;
        spendQuota(limiter, cut, 20);
        double rate = limiter.currentRate(cut);
        for (int i = 1; i < LearnedRateTuning.DEFAULTS.minAnswersForNoise(); i++) {
            answer(limiter, cut + i * MS, i == 1);
        }
        assertEquals(0, limiter.noiseShare(), "one throttle in 19 answers: no noise measured yet");
        answer(limiter, cut + LearnedRateTuning.DEFAULTS.minAnswersForNoise() * MS, false);
        assertEquals(1 / 20.0, limiter.noiseShare(), 1e-9, "one in 20");
        assertEquals(rate, limiter.currentRate(cut), 1e-9, "no cut for it");
    }

    @Test
    void theRateGrowsBackPastTheCutAndIsForgottenAfterAMinuteWithoutThrottles() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long cut = 10 * SECOND;
        spendQuota(limiter, cut, 20);
        double maxRate = limiter.currentRate(cut) / LearnedRateTuning.DEFAULTS.beta();
        double k = Math.cbrt(maxRate * (1 - LearnedRateTuning.DEFAULTS.beta()) / LearnedRateTuning.DEFAULTS.cubicC());
        assertEquals(maxRate, limiter.currentRate(cut + (long) (k * SECOND)), 0.01, "back at the rate of the cut");
        assertTrue(limiter.currentRate(cut + (long) ((k + 5) * SECOND)) > maxRate + 20, "probes beyond it");
        limiter.sent(cut + 30 * SECOND);
        assertTrue(limiter.nextSendNanos(cut + 30 * SECOND, 0, true) > cut + 30 * SECOND, "still paced");
        long later = cut + LearnedRateTuning.DEFAULTS.forgetAfterNanos() + SECOND;
        limiter.sent(later);
        assertEquals(later, limiter.nextSendNanos(later, 0, true), "forgotten");
    }

    @Test
    void neverBelowTheMinimumRateAndAFixedCapAlwaysApplies() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long now = 10 * SECOND;
        spendQuota(limiter, now, 0);
        assertEquals(LearnedRateTuning.DEFAULTS.minRate(), limiter.currentRate(now), 1e-9);
        limiter.sent(now);
        assertEquals(now + (long) (SECOND / LearnedRateTuning.DEFAULTS.minRate()), limiter.nextSendNanos(now, 0, true));
        assertEquals(now, limiter.nextSendNanos(now, 0, false), "not for an endpoint with adaptiveRateLimit=false");

        AdaptiveRateLimiter capped = new AdaptiveRateLimiter();
        capped.sent(now);
        assertEquals(now + SECOND / 4, capped.nextSendNanos(now, 4, true), "rateLimit=4");
    }

    @Test
    void aStrayThrottleAtLowTrafficDoesNotPaceTheNextBurst() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long t = 10 * SECOND;
        // one call a second, one of them throttled
        for (int i = 0; i < 30; i++, t += SECOND) {
            answer(limiter, t, i == 20);
        }
        // then a burst of 200 calls in a second: none waits
        for (int i = 0; i < 200; i++, t += SECOND / 200) {
            assertEquals(t, limiter.nextSendNanos(t, 0, true), "call " + i + " of the burst");
            limiter.sent(t);
            answer(limiter, t, false);
        }
        assertEquals(Double.POSITIVE_INFINITY, limiter.currentRate(t));
    }

    @Test
    void aStrayThrottleIsForgottenAfterAMinuteAndTheNextThrottlesAreCountedFromTheirFirst() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        long t = 10 * SECOND;
        answer(limiter, t, true);
        // a stray throttle, then seventy calls served, one a second: the last second never holds enough answers to
        // tell noise from a quota, the count from the first throttle does
        for (int i = 0; i < 70; i++) {
            t += SECOND;
            answer(limiter, t, false);
        }
        assertEquals(Double.POSITIVE_INFINITY, limiter.currentRate(t));
        // then every other call throttled: counted from the first of them (the stray one is forgotten after a minute
        // without another), that is clearly above any noise within a few dozen calls; counted from the stray one, the
        // seventy served before dilute it for a hundred calls more
        int calls = callsUntilTheFirstCut(limiter, t, SECOND);
        assertTrue(calls <= 60, "cut after " + calls + " calls");
    }

    @Test
    void aQuotaMetAfterALongStretchOfNoiseIsFound() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        Random random = new Random(3);
        long t = 10 * SECOND;
        // two minutes of 100 calls a second, 5% throttled at random: noise, the calls stay unpaced
        for (int i = 0; i < 12_000; i++) {
            t += SECOND / 100;
            answer(limiter, t, random.nextDouble() < 0.05);
        }
        assertEquals(Double.POSITIVE_INFINITY, limiter.currentRate(t));
        // then a quota of half the calls (a bucket refilling at 50 a second, paced calls at 100): every other one
        // throttled, never eight in a row; diluted in the two minutes since the first throttle, it is clear in the
        // last second
        int calls = callsUntilTheFirstCut(limiter, t, SECOND / 100);
        assertTrue(calls <= 100, "cut after " + calls + " calls");
    }

    @Test
    void steadyRandomThrottlesWithoutAQuotaLeaveThePaceUnbound() {
        // 200 calls a second for a minute, a share of them throttled whatever the rate: the calls stay at the demand
        // (#33's goal, at least 95% of the minute) up to a fifth throttled, twice the most the family of quota models
        // holds. docs/learned-rate-family.md ("Noise alone, run by run") gives every run of 200, the table
        // QuotaFamilyTest checks: at a fifth, 9 of them fall below (this seed is not one); at 30%, all do
        for (double share : new double[]{0.05, 0.10, 0.20}) {
            double atDemand = QuotaFamily.noiseRun(share, 17).atDemand();
            assertTrue(atDemand >= 0.95, "share " + share + ": at the demand " + atDemand + " of the minute");
        }
    }

    @Test
    void aQuotaAboveRandomThrottlesIsFoundAndTheirShareTakenForNoise() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter();
        java.util.Random random = new java.util.Random(23);
        long t = 10 * SECOND;
        // unpaced, a tenth throttled at random: nothing learned
        for (int i = 0; i < 2000; i++, t += SECOND / 200) {
            answer(limiter, t, random.nextDouble() < 0.10);
        }
        assertEquals(Double.POSITIVE_INFINITY, limiter.currentRate(t));
        // the quota is spent: nearly every call throttled
        for (int i = 0; i < 20 && limiter.currentRate(t) == Double.POSITIVE_INFINITY; i++, t += SECOND / 200) {
            answer(limiter, t, true);
        }
        double cut = limiter.currentRate(t);
        assertTrue(cut < 200, "cut: " + cut);
        // below the rate of the cut, a tenth throttled still: the noise, and no further cut
        long paced = (long) (SECOND / cut);
        for (int i = 0; i < 200; i++, t += paced) {
            answer(limiter, t, random.nextDouble() < 0.10);
        }
        assertEquals(0.10, limiter.noiseShare(), 0.06);
        assertTrue(limiter.currentRate(t) >= cut, "no cut for the noise: " + limiter.currentRate(t));
    }

    @Test
    void theStatisticalTestAsksForMoreThanChance() {
        // two throttles in ten answers are chance at a noise of 10%, not at none
        assertFalse(ThrottleEvidence.clearlyAbove(2, 10, 0.10, 0.02));
        assertTrue(ThrottleEvidence.clearlyAbove(2, 10, 0.002, 0.02));
        // 130 of 1000 at 10%: about three standard deviations
        assertTrue(ThrottleEvidence.clearlyAbove(130, 1000, 0.10, 0.02));
        assertFalse(ThrottleEvidence.clearlyAbove(110, 1000, 0.10, 0.02));
        assertTrue(ThrottleEvidence.clearlyAbove(1, 1000, 0.0, 0.02), "with no noise, any throttle");
        assertFalse(ThrottleEvidence.clearlyAbove(0, 10, 0.0, 0.02), "no throttle");
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
        assertTrue(eightAtTwenty.drainRatio() <= 1.05 && eightAtTwenty.throttledShare() <= 0.03,
                eightAtTwenty::toString);
        // 9% again since the slow start and the linear growth (7.2% and 8.7%); 10% while the first cut waited for
        // evidence without them
        assertTrue(thirtyTwoAtTen.drainRatio() <= 1.05 && thirtyTwoAtTen.throttledShare() <= 0.09,
                thirtyTwoAtTen::toString);
        assertTrue(twoClients.drainRatio() <= 1.05 && twoClients.throttledShare() <= 0.09, twoClients::toString);
        assertTrue(twoClients.smallestClientShare() >= 0.40, twoClients::toString);
    }

    @Test
    void aClientThatStartsALittleLateStillGetsAFairShare() {
        // TwoJvmQuotaIT as it runs: two JVMs of 8 consumers on a quota of 10/s, calls of 5 to 45 ms, the second JVM
        // starting a little later (its first calls take longer: classes load, the HTTP client warms). It may meet a
        // quota the first has spent, burst and all, and serve nothing before its first cut: it starts slow, doubling,
        // rather than from the minimum rate; and after every cut both grow by the same amount a second, which evens
        // out what split is left
        QuotaScenarios.LateClient late = QuotaScenarios.lateClient(LearnedRateTuning.DEFAULTS, 1, QuotaScenarios.SEEDS);
        System.out.printf("a client starting 20 to 500 ms late: smallest share %.3f on average, under 35%% in %d of "
                + "%d runs, %d over 1.05x or 15%% throttled%n", late.meanSmallestShare(), late.runsUnder35Percent(),
                late.runs(), late.runsOutOfBounds());
        // with neither the slow start nor the linear growth: 0.42 on average, 33 of 240 under 35% (seeds 1 to 40);
        // with the linear growth alone: 0.43, 16 of 240. Bounds: 0.44 on average, under 35% in one run of 40 at most,
        // over 1.05x the ideal or 15% throttled in one of 200 at most (2 of the 2,400 runs from seed 1)
        assertEquals(List.of(), late.missed(), late::toString);
    }

    @Test
    void aQuotaWithAlmostNoBurstIsFoundInSeconds() {
        // a first cut after a burst of 2 measures next to no rate: the slow start finds the quota (1.32x the ideal
        // drain without it)
        QuotaModel.Outcome outcome = new QuotaModel(20, 2, 5).run(600, 8);
        System.out.println("quota 20/s, burst 2: " + outcome);
        assertTrue(outcome.drainRatio() <= 1.15 && outcome.throttledShare() <= 0.05, outcome::toString);
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
        assertTrue(noBurst.drainRatio() <= 1.2 && noBurst.throttledShare() <= 0.05, noBurst::toString);
        assertTrue(large.drainRatio() <= 1.05 && large.throttledShare() <= 0.02, large::toString);
    }

    @Test
    void randomThrottlesWithoutAQuotaKeepThePaceOfAnUnpacedClient() {
        // 8 consumers, 5 ms a call, a share of the calls throttled at random and as many failing with server faults
        for (double share : new double[]{0.05, 0.10, 0.20}) {
            QuotaModel.Outcome learned = new QuotaModel(0, 0, 5).brownout(share, share, 7).run(20000, 8);
            QuotaModel.Outcome unpaced = new QuotaModel(0, 0, 5).brownout(share, share, 7).unpaced().run(20000, 8);
            double ratio = learned.seconds() / unpaced.seconds();
            System.out.printf("random throttles %.0f%%: %.1f s, unpaced %.1f s: %.2fx%n", 100 * share,
                    learned.seconds(), unpaced.seconds(), ratio);
            assertTrue(ratio <= 1.05, share + ": " + ratio);
        }
    }

    @Test
    void aQuotaUnderRandomFaultsIsServedWithoutChasingTheNoise() {
        // BrownoutIT's scenario: 600 messages, 8 consumers, a quota of 50 a second, 30% of the admitted calls failing
        // at random (a third of them throttled), one run a seed
        QuotaScenarios.Runs brownout = QuotaScenarios.brownout(LearnedRateTuning.DEFAULTS, 1, QuotaScenarios.SEEDS);
        // what is above 1.43 is the draws' chance and the quota's own throttles, while the rate is learned (unpaced
        // calls meet the quota) and each time it probes above it
        System.out.println(brownout);
        // with no noise at all, a message takes 1 / 0.7 = 1.43 calls. Bounds: drain 1.05x at the median, over 1.2x in
        // one run of 8 at most, 2x at the 99th percentile; 1.5 calls a message on average and 1.6 at the 95th
        // percentile
        assertEquals(List.of(), brownout.missed(), brownout::toString);
    }

    @Test
    void aQuotaUnderRandomFaultsWithCallsOfVaryingLength() {
        // BrownoutIT's quota as it runs: calls of 5 to 25 ms. A stretch of noise that looks like the quota met again
        // now and then cuts the rate; each such cut is scaled by the epoch's noise, so that the rate does not go
        // lower with each (seeds 1 to 40: drains over 1.2x the ideal in 5 before, 2 since)
        QuotaScenarios.Runs jitter = QuotaScenarios.brownoutWithJitter(LearnedRateTuning.DEFAULTS, 1,
                QuotaScenarios.SEEDS);
        System.out.println(jitter);
        // drain 1.05x at the median, over 1.2x in one run of 10 at most, 2x at the 99th percentile; 1.5 calls a
        // message on average, 1.6 at the 97.5th percentile
        assertEquals(List.of(), jitter.missed(), jitter::toString);
    }

    @Test
    void consumersThatStartOneAfterAnotherDoNotLeaveTheRateAboveTheQuota() {
        // BrownoutIT as a JVM may start it: its 8 consumers one after another over 1 or 1.5 s (classes load, the
        // broker's consumers open), calls of 5 to 25 ms. The quota's burst drains over that time and counts as rate, so
        // the first cut lands above the quota; measured over a quarter of its epoch, the first noise took the excess
        // for noise (109 and 138 throttled by the quota a run on average, 1.60 and 1.65 calls a message), over half
        // of it, paced at the least the quota can be, it does not
        for (long over : new long[]{1000, 1500}) {
            QuotaScenarios.Runs startOver = QuotaScenarios.startOver(LearnedRateTuning.DEFAULTS, over, 1,
                    QuotaScenarios.SEEDS);
            System.out.println(startOver);
            // 60 throttled by the quota on average; drain 1.05x at the median, over 1.2x in one run of 40 at most, 2x
            // at the 99th percentile; 1.53 calls a message on average
            assertEquals(List.of(), startOver.missed(), startOver::toString);
        }
    }

    /** So many answers in the last second, then the quota spent: as many throttles in a row as the first cut needs. */
    private static void spendQuota(AdaptiveRateLimiter limiter, long cut, int served) {
        for (int i = served; i > 0; i--) {
            limiter.served(cut - i * 10 * MS, cut - i * 10 * MS);
        }
        for (int i = 0; i < LearnedRateTuning.DEFAULTS.throttlesInARowToLearn(); i++) {
            limiter.throttled(cut, cut);
        }
    }

    /**
     * Calls every interval from t on, every other one throttled, until the rate is learned (1,000 at most): how many
     * it took.
     */
    private static int callsUntilTheFirstCut(AdaptiveRateLimiter limiter, long t, long interval) {
        int calls = 0;
        while (limiter.currentRate(t) == Double.POSITIVE_INFINITY && calls < 1000) {
            t += interval;
            answer(limiter, t, calls++ % 2 == 0);
        }
        return calls;
    }

    /** A call sent at t and answered 1 ms later. */
    private static void answer(AdaptiveRateLimiter limiter, long t, boolean throttled) {
        if (throttled) {
            limiter.throttled(t, t + MS);
        } else {
            limiter.served(t, t + MS);
        }
    }
}
