package io.github.connectparticipant.camel.client;

/**
 * The test of the learned rate ({@link AdaptiveRateLimiter}): whether throttles are more than a given share of the
 * answers explains.
 */
final class ThrottleEvidence {

    /** Beyond this many answers the binomial tail is taken from its normal approximation. */
    private static final int EXACT_TAIL_ANSWERS = 200;

    private ThrottleEvidence() {
    }

    /**
     * More throttles than a share p of the answers explains: as many or more would come by chance with a probability
     * below chance (the binomial tail, or its normal approximation for many answers). With a share of 0, any throttle
     * is.
     */
    static boolean clearlyAbove(long throttled, long answers, double p, double chance) {
        if (throttled == 0) {
            return false;
        }
        if (p == 0) {
            return true;
        }
        if (answers > EXACT_TAIL_ANSWERS) {
            // the upper tail of the standard normal, continuity corrected (Zelen and Severo's approximation)
            double z = (throttled - 0.5 - p * answers) / Math.sqrt(p * (1 - p) * answers);
            return z > 0 && upperNormalTail(z) < chance;
        }
        // P(X >= throttled) = 1 - P(X < throttled), the terms of the binomial pmf one from the last
        double term = Math.pow(1 - p, answers);
        double below = 0;
        for (long k = 0; k < throttled; k++) {
            below += term;
            term *= (answers - k) / (double) (k + 1) * p / (1 - p);
        }
        return 1 - below < chance;
    }

    /** P(Z > z) for the standard normal, z >= 0, to about 1e-7 (Abramowitz and Stegun 26.2.17). */
    private static double upperNormalTail(double z) {
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
    }
}
