package io.github.connectparticipant.camel.client;

import java.util.concurrent.TimeUnit;

/**
 * The tuned constants of the learned rate ({@link AdaptiveRateLimiter}), each with the reason for its value, and what
 * is derived from them. {@link #DEFAULTS} is what every producer uses; other values are for the limiter's models in the
 * tests, which compare variants side by side (docs/learned-rate-family.md).
 *
 * @param beta                   the share of the served rate that a cut leaves: a mild cut, since the rate it cuts is a
 *                               measurement
 * @param cubicC                 CUBIC's scaling constant, in calls per second per second cubed: half the AWS SDK's, so
 *                               that two clients sharing a quota probe above it less often
 * @param linearGrowth           after a cut the rate grows at least this much a second (calls per second), whatever the
 *                               rate: CUBIC's Reno-friendly region (RFC 9438, 4.3). Clients sharing a quota all grow by
 *                               the same absolute amount and cut by the same share, so the larger share shrinks towards
 *                               the smaller (AIMD's fairness); CUBIC alone grows each client in proportion to its own
 *                               rate, which keeps whatever split the first cuts made. Above a few calls a second
 *                               CUBIC's own curve is steeper, so a single client paces as before
 * @param forgetAfterNanos       with no throttle for this long, the learned rate is forgotten and calls go unpaced
 *                               again; unpaced calls stop counting their answers, and the next throttle starts the
 *                               count anew
 * @param chance                 throttles cut only when so many would come by chance, at the noise share, with less
 *                               than this probability
 * @param aboveChance            the same above the rate of the last cut, looser: a quota's bucket hides the excess
 *                               until it is empty, and a cut there that noise caused costs little, the rate having just
 *                               reached where the last quota was met
 * @param noiseBoundDeviations   how far above the noise share seen, in its standard deviations, the most it may be is
 *                               taken: a few tens of answers easily show half the noise there is, and the evidence of a
 *                               quota is weighed against the most it may be
 * @param quietNoiseShare        a noise share this low at most (its bound) is next to none: within an epoch, any
 *                               throttle cuts, as it would with no noise at all, so that clients sharing a quota each
 *                               yield to the other's probing
 * @param maxNoiseShare          noise is never taken to be more than this share: clearly above it, throttles are a
 *                               quota's
 * @param quietPart              the part of an epoch, from its cut, that measures the noise: in its first quarter
 *                               CUBIC's rate is below 0.94 times the rate of the cut, under the quota even when the cut
 *                               took a burst for part of it
 */
public record LearnedRateTuning(double beta, double cubicC, double linearGrowth, long forgetAfterNanos, double chance,
        double aboveChance, double noiseBoundDeviations, double quietNoiseShare, double maxNoiseShare, int quietPart) {

    /**
     * The most a quota's burst is taken to hold, in seconds of its calls: as quotas are usually set (the simulator's
     * too). Not tuned: an assumption of the shape of a quota, which bounds what a burst can add to what unpaced calls
     * were served, and so {@link #burstDiscount()} and the least the quota can be after a first cut.
     */
    static final double BURST_SECONDS_AT_MOST = 1;

    /** The constants every producer's learned rate uses. */
    public static final LearnedRateTuning DEFAULTS = new LearnedRateTuning(0.85, 0.2, 0.6, TimeUnit.SECONDS.toNanos(60),
            0.02, 0.1, 1.0, 0.05, 0.25, 4);

    /** Checks that every constant is in its range, and that the derived ones exist. */
    public LearnedRateTuning {
        between0And1("beta", beta);
        between0And1("chance", chance);
        between0And1("aboveChance", aboveChance);
        between0And1("quietNoiseShare", quietNoiseShare);
        between0And1("maxNoiseShare", maxNoiseShare);
        positive("cubicC", cubicC);
        positive("linearGrowth", linearGrowth);
        positive("noiseBoundDeviations", noiseBoundDeviations);
        positive("forgetAfterNanos", forgetAfterNanos);
        if (quietPart < 2) {
            throw new IllegalArgumentException(
                    "quietPart must be 2 at least (the first epoch measures over half of it): "
                            + quietPart);
        }
    }

    private static void between0And1(String name, double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + share);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be above 0: " + value);
        }
    }

    /**
     * The rate never learns below this, in calls per second: a client the quota leaves nothing still probes. Derived:
     * what {@link #linearGrowth} adds in a second, so that a rate at the floor doubles in the first second after a cut.
     */
    public double minRate() {
        return linearGrowth;
    }

    /**
     * What the first cut takes of the rate the service served in the last second: the middle of what the quota's rate
     * can be (0.75). Unpaced calls may have spent a burst the quota had saved, of {@link #BURST_SECONDS_AT_MOST} of its
     * calls: so a second of them was served the quota's rate at least, and twice it at most (half of what was served,
     * with a full burst spent in it, up to all of it, with none). The middle is off by at most a quarter of what was
     * served, whichever it was: a rate that starts above the quota would spoil the first measure of the noise, one far
     * below it would drain slowly.
     */
    public double burstDiscount() {
        double leastShare = 1 / (1 + BURST_SECONDS_AT_MOST);
        return (leastShare + 1) / 2;
    }

    /**
     * A later cut never sets the rate of the cut below this share of what was sent in the last second (or the rate,
     * when lower): 1 / (2 {@link #beta}) (0.59), so that a cut never paces below half of it, Reno's cut, the deepest
     * TCP takes on a loss. A second without a success may be another client's burst rather than this client's share,
     * and the service served next to nothing in it.
     */
    public double cutFloor() {
        return 1 / (2 * beta);
    }

    /**
     * After a first cut that measured no rate (the quota's burst went to other clients), the rate doubles this often
     * until the quota answers again: TCP's slow start, so that a client that joins a spent quota finds its share in
     * seconds rather than growing from {@link #minRate()}. Derived (0.59 s): the cut that ends it takes what was served
     * in the last second and paces at {@link #beta} of it; at this pace of doubling, what was served is
     * {@link #cutFloor()} of the rate at which the quota refused, so that the cut paces at half that rate, as deep as
     * any cut goes (Reno's halving, with which TCP's slow start ends). Over the last second a rate doubling every d
     * seconds averages (d / ln 2) (1 - 2^(-1 / d)) of its end, which grows with d; this finds the d at which that is
     * {@link #cutFloor()} (by bisection, since it has no closed form), no slower than once a second, the window what
     * was served is measured over (where {@link #cutFloor()} is beyond what a second's doubling gives, a beta below
     * 0.69).
     */
    public long slowStartDoublingNanos() {
        double fastest = 0;
        double slowest = 1;
        // each step halves the interval: 60 take it far below a nanosecond
        for (int step = 0; step < 60; step++) {
            double doubling = (fastest + slowest) / 2;
            double lastSecondsShare = doubling / Math.log(2) * (1 - Math.pow(2, -1 / doubling));
            if (lastSecondsShare < cutFloor()) {
                fastest = doubling;
            } else {
                slowest = doubling;
            }
        }
        return (long) (slowest * TimeUnit.SECONDS.toNanos(1));
    }

    /**
     * The part of the first epoch that measures the noise when the first cut may have taken a burst for rate: paced no
     * faster than the least the quota can be, so that the measure is not spoilt by a rate above the quota, and longer
     * than {@link #quietPart}, so that it is not off by chance for want of answers (a first measure that comes out high
     * hides a rate above the quota for the whole epoch). Derived: twice the first part of later epochs, which pool the
     * noise of {@link #noiseEpochs} epochs where the first has only its own (2).
     */
    public int firstQuietPart() {
        return quietPart / 2;
    }

    /**
     * The past epochs whose first parts measure the noise, with the current one: derived, as many as the parts of an
     * epoch ({@link #quietPart}), so that the noise is measured over about as many calls as one epoch sends (4).
     */
    public int noiseEpochs() {
        return quietPart;
    }

    /**
     * Answers in the first parts of epochs before their throttled share is taken for the noise: derived, the fewest
     * whose bound ({@link #noiseBound}) falls below {@link #quietNoiseShare} when none of them was throttled (20).
     * Fewer could not tell next to no noise from any other share, so they say nothing of it yet.
     */
    public int minAnswersForNoise() {
        int answers = 1;
        while (noiseBound(0, answers) >= quietNoiseShare) {
            answers++;
        }
        return answers;
    }

    /**
     * The chance below which the first cut's tests take throttles of unpaced calls for a quota's: {@link #chance} times
     * {@link #maxNoiseShare} (0.005). Their count starts at a throttle, one that noise of that share brings with that
     * probability: as many throttles or more of so many answers come by chance at least that probability times the
     * chance of the rest (P(X >= k of n) >= p P(X >= k - 1 of n - 1)), so the count tested at this chance is evidence
     * at {@link #chance} without the throttle it started at. The last second's count asks the same question of fewer
     * answers (a quota met after a long stretch of noise), at the same chance.
     */
    public double firstCutChance() {
        return chance * maxNoiseShare;
    }

    /**
     * The fewest throttles in a row, from the first throttle of unpaced calls, that are evidence of a quota, with
     * nothing served in between: derived, the fewest that noise of {@link #maxNoiseShare} throttles in a row with a
     * probability below {@link #firstCutChance()} (4: the three after the first come by chance less often than
     * {@link #chance}). A spent quota answers every call so, noise only a share of them.
     */
    public int throttlesInARowToLearn() {
        int throttled = 1;
        while (!ThrottleEvidence.clearlyAbove(throttled, throttled, maxNoiseShare, firstCutChance())) {
            throttled++;
        }
        return throttled;
    }

    /**
     * Unpaced calls throttled this many times in a row, anywhere in their count, meet a quota. Derived: twice
     * {@link #throttlesInARowToLearn()} (8), since a run is tested again at every answer of a count that may last
     * minutes, and twice the run comes by chance with the square of that probability.
     */
    public int throttlesInARow() {
        return 2 * throttlesInARowToLearn();
    }

    /**
     * The most a throttled share seen over so many answers may be: {@link #noiseBoundDeviations} standard deviations
     * above it, by the Wilson score bound, which holds for few answers and none throttled.
     */
    double noiseBound(double share, long answers) {
        double z = noiseBoundDeviations;
        double z2n = z * z / answers;
        return (share + z2n / 2 + z * Math.sqrt(share * (1 - share) / answers + z2n / (4 * answers))) / (1 + z2n);
    }
}
