package io.github.connectparticipant.camel.client;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The learned rate's constants: what is derived from the tuned ones, their ranges, and variants of them. */
class LearnedRateTuningTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void theDerivedConstantsComeFromTheTunedOnes() {
        LearnedRateTuning defaults = LearnedRateTuning.DEFAULTS;
        assertEquals(0.6, defaults.minRate());
        assertEquals(0.005, defaults.firstCutChance());
        assertEquals(0.75, defaults.burstDiscount());
        // a cut never paces below half of what was sent
        assertEquals(0.5, defaults.beta() * defaults.cutFloor(), 1e-12);
        // a rate doubling every 0.59 s averages cutFloor of its end over the last second, so the cut that ends a slow
        // start paces at half the rate at which the quota refused
        double doubling = defaults.slowStartDoublingNanos() / (double) SECOND;
        assertEquals(0.59, doubling, 0.001);
        assertEquals(0.5, defaults.beta() * doubling / Math.log(2) * (1 - Math.pow(2, -1 / doubling)), 1e-6);
        assertEquals(2, defaults.firstQuietPart());
        assertEquals(4, defaults.noiseEpochs());
        assertEquals(20, defaults.minAnswersForNoise());
        // 0.25^4 < 0.005 <= 0.25^3
        assertEquals(4, defaults.throttlesInARowToLearn());
        assertEquals(8, defaults.throttlesInARow());
    }

    @Test
    void aConstantOutOfItsRangeIsRefused() throws ReflectiveOperationException {
        assertEquals("beta must be between 0 and 1: 1.2",
                assertThrows(IllegalArgumentException.class, () -> LearnedRateVariants.variant("beta=1.2"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearnedRateVariants.variant("maxNoiseShare=0"));
        assertThrows(IllegalArgumentException.class, () -> LearnedRateVariants.variant("quietPart=1"));
        assertThrows(IllegalArgumentException.class, () -> LearnedRateVariants.variant("noSuchConstant=1"));
        assertEquals(LearnedRateTuning.DEFAULTS, LearnedRateVariants.variant("defaults"));
    }

    @Test
    void aLimiterRunsWithTheConstantsItIsGiven() throws ReflectiveOperationException {
        LearnedRateTuning variant = LearnedRateVariants.variant("beta=0.5, chance=0.001");
        assertEquals(0.5, variant.beta());
        assertEquals(LearnedRateTuning.DEFAULTS.cubicC(), variant.cubicC());
        // the derived constants follow: 0.25^6 < 0.001 x 0.25 <= 0.25^5, where the producers' constants give 4
        assertEquals(6, variant.throttlesInARowToLearn());
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(variant);
        long now = 10 * SECOND;
        // 40 calls served over the last second, then the quota spent: the first cut takes 0.75 of what was served, and
        // paces at 0.5 of that
        for (int i = 40; i > 0; i--) {
            limiter.served(now - i * 20 * TimeUnit.MILLISECONDS.toNanos(1),
                    now - i * 20 * TimeUnit.MILLISECONDS.toNanos(1));
        }
        for (int i = 1; i < variant.throttlesInARowToLearn(); i++) {
            limiter.throttled(now, now);
        }
        assertEquals(Double.POSITIVE_INFINITY, limiter.currentRate(now), "not a quota yet at this variant's chance");
        limiter.throttled(now, now);
        long windowStart = (Math.floorDiv(now, SECOND / 10) - 9) * (SECOND / 10);
        double servedPerSecond = 40 * (double) SECOND / (now - windowStart);
        assertEquals(servedPerSecond * 0.75 * 0.5, limiter.currentRate(now), 0.01);
    }
}
