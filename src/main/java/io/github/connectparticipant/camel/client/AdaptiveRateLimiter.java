package io.github.connectparticipant.camel.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pace of the calls to one operation of one service, shared by every producer of a Camel context that calls it.
 * <p>
 * <b>The idea.</b> A quota and noise both answer 429. Only a quota throttles more as the rate grows; noise (a brownout,
 * a noisy neighbour, a busy partition) throttles a steady share whatever the rate, and pacing slower would not lower
 * it. So the limiter cuts the rate only on evidence that the throttles grew with the rate. The evidence is a test: the
 * throttles counted are more than a given share explains, with a probability below a given chance (the binomial tail,
 * {@code clearlyAbove}). The constants named in brackets are {@link LearnedRateTuning}'s, each with the reason for its
 * value there: 10 tuned, and those derived from them.
 * <ol>
 * <li><b>Unpaced.</b> Until a first cut, calls are not paced: the hot path is a volatile read. From the first throttle
 * on, the answers are counted. The first cut comes at {@code throttlesInARow} throttles in a row, or when the throttled
 * share since the first throttle, or over the last second, is clearly above {@code maxNoiseShare}
 * ({@code firstCutChance}: {@code chance}, for the throttles after the one the count started at). Noise is never more
 * than that share; a spent quota refuses nearly every call.</li>
 * <li><b>A cut.</b> A cut sets the <i>rate of the cut</i> from what the service served in the last second: once it
 * refuses, that is its quota for this client, and a cut never sets it above the pace it cuts. The pace drops to
 * {@code beta} times it.</li>
 * <li><b>The epoch.</b> After a cut the pace grows back along CUBIC's curve ({@code cubicC}): slowly near the rate of
 * the cut, faster beyond it, so that a quota that was raised, or freed by another client, is found again. It grows at
 * least {@code linearGrowth} a second, the same for every client, which evens out clients that share a quota. The time
 * back to the rate of the cut is the epoch.</li>
 * <li><b>The noise.</b> In the first quarter of an epoch ({@code quietPart}) the pace is below the rate of the cut, and
 * any other client that met the quota has just cut too. The throttled share of the calls sent there, pooled over this
 * epoch and the last {@code noiseEpochs} epochs, is the noise, once they are {@code minAnswersForNoise}. The tests
 * weigh the throttles against its upper bound ({@code noiseBoundDeviations}).</li>
 * <li><b>Later cuts.</b> A throttle of a call sent since the last cut cuts again in two cases. Within the epoch: the
 * calls sent since the cut were throttled clearly more than the noise ({@code chance}), or any throttle when the noise
 * is next to none ({@code quietNoiseShare}). The cut was not deep enough, the quota fell, or another client probes
 * above its share; each client yields to the others' probing, which shares a quota fairly. Above the rate of the cut:
 * the last second's calls were throttled clearly more than the noise ({@code aboveChance}, looser, since a bucket hides
 * the excess until it is empty): the quota is met again. What the service served is scaled back by the noise. Above the
 * rate of the cut it is the lower of the last second's and the average since the cut (a saved burst may have passed in
 * the last second), and the noise the larger of the noise and this epoch's share throttled below the rate of the cut.
 * While the noise is unknown, the tests within the epoch take it to be {@code maxNoiseShare}.</li>
 * <li><b>Bounds.</b> Throttles of calls sent before the last cut are already accounted for: the calls in flight when
 * the quota is met cost one cut, not one each. A later cut never paces below half of what was sent in the last second
 * (or of the pace, when lower; {@code cutFloor}), nor any below {@code minRate}. After {@code forgetAfterNanos}
 * without a throttle, the rate is forgotten and calls go unpaced again.</li>
 * <li><b>The first cut's burst.</b> The calls before the first cut may have spent a burst the quota had saved, taken to
 * be a second's calls at most ({@code BURST_SECONDS_AT_MOST}, an assumption of the quota's shape). So the first cut
 * takes {@code burstDiscount} of what was served, the middle of what the quota can be. Where it is still above the
 * least the quota can be (what was served over one second plus the part of it the calls ran), the first epoch paces
 * no faster than that least quota for its first half ({@code firstQuietPart}), and measures the noise there. A first
 * cut that measured next to no rate (another client took the burst) is a slow start instead: the pace doubles every
 * {@code slowStartDoublingNanos} until the next cut, which takes what was served in the last second: so fast that the
 * cut paces at half the rate at which the quota refused, as TCP's slow start ends.</li>
 * </ol>
 * Under noise alone the calls stay unpaced, or, after a chance cut, the pace grows back past the rate of the cut and
 * on. A fixed cap ({@code rateLimit}) bounds the pace too. The state machine takes the time as an argument
 * ({@link #nextSendNanos}, {@link #sent}, {@link #served}, {@link #throttled}), so that it can be driven in virtual
 * time; {@link #acquire} is the blocking pacing built on it. docs/learned-rate-family.md gives its figures on a family of
 * quota shapes, and what each rule carries.
 */
public final class AdaptiveRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveRateLimiter.class);

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int WINDOW_SLOTS = 10;
    private static final long SLOT_NANOS = SECOND / WINDOW_SLOTS;

    /**
     * Answers other than throttles ever counted (striped: every call of every thread adds to it, the rare throttle
     * reads it), throttles ever counted, and their totals at the start of each slot of the last second (rings).
     */
    private final LongAdder served = new LongAdder();
    private final long[] servedAtSlotStart = new long[WINDOW_SLOTS];
    private long throttles;
    private final long[] throttlesAtSlotStart = new long[WINDOW_SLOTS];
    private volatile long currentSlot = Long.MIN_VALUE;

    /** The tuned constants, and the derived ones that take a search to find (once, here). */
    private final LearnedRateTuning tuning;
    private final int minAnswersForNoise;
    private final int runToCut;
    private final int runToLearn;
    private final long slowStartDoublingNanos;

    /** Callers wait their turn in order. */
    private final ReentrantLock turn = new ReentrantLock(true);

    /** True once a cut taught a rate; read without a lock on every call. */
    private volatile boolean learned;
    /**
     * True while the answers are counted (from the first throttle of unpaced calls, or the last cut), and the time the
     * calls counted were sent from; read on every answer.
     */
    private volatile boolean counting;
    private volatile long countFromNanos;
    private double maxRate;
    private double cubicK;
    private long lastSendNanos;
    private long lastThrottleNanos;
    /** When CUBIC is back at the rate of the last cut: calls sent before go below it, calls sent after above it. */
    private long epochEndNanos;
    /** The end of the first part of the epoch, its answers and throttles so far: they measure the noise. */
    private long quietEndNanos;
    private long answersQuiet;
    private long throttlesQuiet;
    private int throttlesInARow;
    /** Answers to calls sent since the last cut below and above the rate of the cut, and the throttles among them. */
    private long answersBelow;
    private long throttlesBelow;
    private long answersAbove;
    private long throttlesAbove;
    /** The answers in the first parts of the last epochs, and the throttles among them (rings). */
    private final long[] pastAnswersQuiet;
    private final long[] pastThrottlesQuiet;
    private int pastEpochs;
    /** True from a first cut that measured no rate until the next cut (see {@code slowStartDoublingNanos}). */
    private boolean slowStart;
    /**
     * The most the first part of this epoch sends (see {@code firstQuietPart}); infinite unless the first cut may
     * have taken a burst for rate.
     */
    private double quietCap = Double.POSITIVE_INFINITY;

    /** A learned rate with the constants every producer uses. */
    public AdaptiveRateLimiter() {
        this(LearnedRateTuning.DEFAULTS);
    }

    /** A learned rate with the given constants (the limiter's models in the tests compare variants). */
    public AdaptiveRateLimiter(LearnedRateTuning tuning) {
        this.tuning = tuning;
        this.minAnswersForNoise = tuning.minAnswersForNoise();
        this.runToCut = tuning.throttlesInARow();
        this.runToLearn = tuning.throttlesInARowToLearn();
        this.slowStartDoublingNanos = tuning.slowStartDoublingNanos();
        this.pastAnswersQuiet = new long[tuning.noiseEpochs()];
        this.pastThrottlesQuiet = new long[tuning.noiseEpochs()];
    }

    /**
     * Waits for this caller's turn at the current rate.
     *
     * @param  capacityWait the message's remaining wait; what this wait takes is deducted
     * @param  fixedRate    the caller's cap in calls per second, 0 for none
     * @param  adaptive     whether the learned rate applies to this caller
     * @return              when the call may be sent (System.nanoTime), or -1 when the wait would outlast the message's
     */
    public long acquire(CapacityWait capacityWait, double fixedRate, boolean adaptive) throws InterruptedException {
        if (fixedRate <= 0 && !(adaptive && learned)) {
            return System.nanoTime();
        }
        long start = System.nanoTime();
        long deadline = start + capacityWait.remainingNanos();
        if (!turn.tryLock(Math.max(0, deadline - start), TimeUnit.NANOSECONDS)) {
            capacityWait.spent(System.nanoTime() - start);
            return -1;
        }
        try {
            for (;;) {
                long now = System.nanoTime();
                long next = nextSendNanos(now, fixedRate, adaptive);
                if (next <= now) {
                    sent(now);
                    capacityWait.spent(now - start);
                    return now;
                }
                if (next > deadline) {
                    capacityWait.spent(now - start);
                    return -1;
                }
                LockSupport.parkNanos(this, next - now);
                if (Thread.interrupted()) {
                    capacityWait.spent(System.nanoTime() - start);
                    throw new InterruptedException();
                }
            }
        } finally {
            turn.unlock();
        }
    }

    /** When the next call may go, at the rate in force now. */
    public synchronized long nextSendNanos(long now, double fixedRate, boolean adaptive) {
        double rate = fixedRate > 0 ? fixedRate : Double.POSITIVE_INFINITY;
        if (adaptive && learned) {
            if (forgotten(now)) {
                learned = false;
                counting = false;
            } else {
                rate = Math.min(rate, rateAt(now));
            }
        }
        if (rate == Double.POSITIVE_INFINITY) {
            return now;
        }
        return lastSendNanos + (long) (SECOND / rate);
    }

    /** No throttle for {@code forgetAfterNanos}: the learned rate, and the count of unpaced answers, end. */
    private boolean forgotten(long now) {
        return now - lastThrottleNanos > tuning.forgetAfterNanos();
    }

    public synchronized void sent(long now) {
        lastSendNanos = now;
    }

    /**
     * The service answered a call sent at sentNanos with anything but a throttle (a success, a refusal, a server
     * fault, or no answer): the call went through its quota, so it counts for the rate the service serves.
     */
    public void served(long sentNanos, long now) {
        long slot = Math.floorDiv(now, SLOT_NANOS);
        if (slot != currentSlot) {
            rollTo(slot);
        }
        served.increment();
        if (counting && sentNanos >= countFromNanos) {
            answered(sentNanos, false, now);
        }
    }

    /** The service throttled a call sent at sentNanos: the rate may be cut (see the class's description). */
    public synchronized void throttled(long sentNanos, long now) {
        lastThrottleNanos = now;
        // unpaced sends are not recorded: the throttled one paces the next
        lastSendNanos = Math.max(lastSendNanos, sentNanos);
        long slot = Math.floorDiv(now, SLOT_NANOS);
        rollTo(slot);
        throttles++;
        if (learned && sentNanos < countFromNanos) {
            // in flight at the cut: already accounted for
            return;
        }
        if (!counting) {
            // the first throttle of unpaced calls: their share from now on tells noise from a quota
            startCounting(sentNanos, Long.MAX_VALUE);
        }
        answered(sentNanos, true, now);
        int oldest = (int) Math.floorMod(slot - WINDOW_SLOTS + 1, WINDOW_SLOTS);
        long servedInWindow = served.sum() - servedAtSlotStart[oldest];
        long throttledInWindow = throttles - throttlesAtSlotStart[oldest];
        // the window runs from the start of its oldest slot: between 0.9 and 1 second
        double windowToSecond = (double) SECOND / (now - (slot - WINDOW_SLOTS + 1) * SLOT_NANOS);
        double servedPerSecond = servedInWindow * windowToSecond;
        double noise = noise(Double.NaN, false);
        double noiseBound = noise(Double.NaN, true);
        long throttledSinceCut = throttlesBelow + throttlesAbove;
        long answersSinceCut = answersBelow + answersAbove;
        double base;
        String why;
        if (!learned) {
            if (throttlesInARow < runToCut
                    && !ThrottleEvidence.clearlyAbove(throttledSinceCut, answersSinceCut, tuning.maxNoiseShare(),
                            tuning.firstCutChance())
                    && !ThrottleEvidence.clearlyAbove(throttledInWindow, servedInWindow + throttledInWindow,
                            tuning.maxNoiseShare(),
                            tuning.firstCutChance())) {
                // unpaced calls throttled no more than noise may be, since the first throttle and in the last second
                // (a quota met after a long stretch of noise: its throttles are diluted in the count since the first)
                return;
            }
            // the last second's calls may have spent a burst the quota had saved
            base = servedPerSecond * tuning.burstDiscount();
            why = "the quota was spent";
        } else if (known(noiseBound, tuning.maxNoiseShare()) < tuning.quietNoiseShare()
                || ThrottleEvidence.clearlyAbove(throttledSinceCut, answersSinceCut,
                        known(noiseBound, tuning.maxNoiseShare()), tuning.chance())) {
            // more throttled since the cut than noise is (with next to no noise, any throttle is): the rate is still
            // above the quota (the cut was not deep enough, the quota fell, another client took more of it: every
            // client sharing it yields, which is what shares it fairly); what the service served is the quota
            base = Math.min(rateAt(now), servedPerSecond / (1 - known(noise)));
            why = "still above the quota";
        } else if (sentNanos >= epochEndNanos && throttledAboveRecently(now, servedInWindow, throttledInWindow,
                known(noiseBound))) {
            // above the rate of the last cut, throttles grew with the rate: the quota is met again, no higher than
            // what the service served in the last second or on average since the cut (a burst it had saved may have
            // passed in the last second), scaled back by the noise
            double noiseOfEpoch = Math.max(known(noise), shareThrottledBelow());
            double servedSinceCut = (answersSinceCut - throttledSinceCut) / (1 - noiseOfEpoch);
            base = Math.min(rateAt(now), Math.min(servedPerSecond / (1 - noiseOfEpoch),
                    servedSinceCut * SECOND / (now - countFromNanos)));
            why = "the quota met again";
        } else {
            return;
        }
        if (slowStart) {
            // the end of a slow start: what the service served in the last second, nothing scaled or floored (the
            // doubling rate ran ahead of what was sent and of what the quota refused)
            base = Math.min(rateAt(now), servedPerSecond);
        }
        if (learned) {
            int epoch = pastEpochs++ % tuning.noiseEpochs();
            pastAnswersQuiet[epoch] = answersQuiet;
            pastThrottlesQuiet[epoch] = throttlesQuiet;
        }
        // a second without a success may be another client's burst: never far below what was sent (the learned rate
        // itself may have grown far past what the callers send)
        double sentPerSecond = (servedInWindow + throttledInWindow) * windowToSecond;
        maxRate = Math.max(tuning.minRate(),
                learned && !slowStart
                        ? Math.max(base, Math.min(rateAt(now), sentPerSecond) * tuning.cutFloor())
                        : base);
        cubicK = Math.cbrt(maxRate * (1 - tuning.beta()) / tuning.cubicC());
        slowStart = !learned && servedInWindow < runToLearn;
        double quotaAtLeast = learned || slowStart
                ? Double.POSITIVE_INFINITY
                : quotaAtLeast(servedInWindow, activeSlots(slot));
        quietCap = tuning.beta() * maxRate > quotaAtLeast ? quotaAtLeast : Double.POSITIVE_INFINITY;
        if (slowStart) {
            why = why + ", with next to nothing served: a slow start";
        }
        startCounting(now, now + (long) (cubicK * SECOND));
        learned = true;
        if (LOG.isDebugEnabled()) {
            LOG.debug("Learned rate cut to {} calls/s: {} ({} of {} calls throttled since the last cut, noise {})",
                    String.format("%.1f", tuning.beta() * maxRate), why, throttledSinceCut, answersSinceCut,
                    String.format("%.3f", known(noise)));
        }
    }

    /** The learned rate now, in calls per second; infinite when nothing was learned (or it was forgotten). */
    public synchronized double currentRate(long now) {
        return learned ? rateAt(now) : Double.POSITIVE_INFINITY;
    }

    /**
     * The throttled share that comes whatever the rate: that of the calls sent in the first part
     * ({@code quietPart}) of this epoch and the last {@code noiseEpochs} ones, once they are
     * {@code minAnswersForNoise} at least.
     *
     * @param  unknown what to answer while they are fewer
     * @param  bound   false for the share seen; true for the most it may be, {@code noiseBoundDeviations} standard
     *                 deviations above it (the Wilson score bound, which holds for few answers and none throttled)
     */
    private double noise(double unknown, boolean bound) {
        long answers = answersQuiet;
        long throttled = throttlesQuiet;
        for (int back = 0; back < Math.min(pastEpochs, tuning.noiseEpochs()); back++) {
            int epoch = Math.floorMod(pastEpochs - 1 - back, tuning.noiseEpochs());
            answers += pastAnswersQuiet[epoch];
            throttled += pastThrottlesQuiet[epoch];
        }
        if (answers < minAnswersForNoise) {
            return unknown;
        }
        double share = throttled / (double) answers;
        return Math.min(tuning.maxNoiseShare(), bound ? tuning.noiseBound(share, answers) : share);
    }

    /**
     * The share of this epoch's calls below the rate of the cut that were throttled, 0 while they are fewer than
     * {@code minAnswersForNoise}: noise too, and many more calls than the epoch's first part. Where it is the
     * larger, the first parts' few answers showed less noise than there is (by chance), and a cut scaled by them alone
     * would take the rate lower each time noise looks like the quota met again.
     */
    private double shareThrottledBelow() {
        if (answersBelow < minAnswersForNoise) {
            return 0;
        }
        return Math.min(tuning.maxNoiseShare(), throttlesBelow / (double) answersBelow);
    }

    /**
     * Whether the calls sent above the rate of the last cut are throttled more than noise is: those of the last second
     * once the rate has been above it that long (the share grows with the rate, so older answers would dilute it).
     */
    private boolean throttledAboveRecently(long now, long servedInWindow, long throttledInWindow, double noise) {
        if (now - epochEndNanos < SECOND) {
            return ThrottleEvidence.clearlyAbove(throttlesAbove, answersAbove, noise, tuning.aboveChance());
        }
        return ThrottleEvidence.clearlyAbove(throttledInWindow, servedInWindow + throttledInWindow, noise,
                tuning.aboveChance());
    }

    /** The throttled share taken for noise, 0 while unknown. */
    public synchronized double noiseShare() {
        return known(noise(Double.NaN, false));
    }

    private static double known(double noise) {
        return known(noise, 0);
    }

    /** The noise, or this while it is unknown. */
    private static double known(double noise, double unknown) {
        return Double.isNaN(noise) ? unknown : noise;
    }

    /** Counts the answers to the calls sent from now on, below and above the given time. */
    private void startCounting(long fromNanos, long epochEnd) {
        countFromNanos = fromNanos;
        epochEndNanos = epochEnd;
        quietEndNanos = epochEnd == Long.MAX_VALUE
                ? fromNanos
                : fromNanos + (epochEnd - fromNanos)
                        / (quietCap < Double.POSITIVE_INFINITY ? tuning.firstQuietPart() : tuning.quietPart());
        answersQuiet = 0;
        throttlesQuiet = 0;
        answersBelow = 0;
        throttlesBelow = 0;
        answersAbove = 0;
        throttlesAbove = 0;
        counting = true;
    }

    private synchronized void answered(long sentNanos, boolean throttle, long now) {
        if (!counting || sentNanos < countFromNanos) {
            return;
        }
        if (!learned && forgotten(now)) {
            // unpaced calls without a throttle for so long: the first throttle was a stray one, and the answers to
            // count (with the lock their counting takes) start again at the next
            counting = false;
            return;
        }
        throttlesInARow = throttle ? throttlesInARow + 1 : 0;
        if (sentNanos < epochEndNanos) {
            answersBelow++;
            throttlesBelow += throttle ? 1 : 0;
            if (sentNanos < quietEndNanos) {
                answersQuiet++;
                throttlesQuiet += throttle ? 1 : 0;
            }
        } else {
            answersAbove++;
            throttlesAbove += throttle ? 1 : 0;
        }
    }

    /**
     * CUBIC: beta * maxRate at the cut, back to maxRate after cubicK seconds, growing faster beyond; never slower than
     * {@code linearGrowth} from the cut; doubling in a slow start.
     */
    private double rateAt(long now) {
        if (slowStart) {
            return Math.max(tuning.minRate(),
                    tuning.beta() * maxRate
                            * Math.pow(2, (now - countFromNanos) / (double) slowStartDoublingNanos));
        }
        double sinceCut = (now - countFromNanos) / (double) SECOND;
        double t = sinceCut - cubicK;
        double rate = Math.max(maxRate + tuning.cubicC() * t * t * t,
                tuning.beta() * maxRate + tuning.linearGrowth() * sinceCut);
        return Math.max(tuning.minRate(), now < quietEndNanos ? Math.min(rate, quietCap) : rate);
    }

    /**
     * The least the quota can be, from what unpaced calls that met it were served in the last second: at most its
     * burst ({@code BURST_SECONDS_AT_MOST} of its calls) and its rate over the part of that second the calls ran.
     */
    private static double quotaAtLeast(long servedInWindow, int activeSlots) {
        return servedInWindow / (LearnedRateTuning.BURST_SECONDS_AT_MOST + activeSlots / (double) WINDOW_SLOTS);
    }

    /** How many slots of the last second, up to the given one, had an answer. */
    private int activeSlots(long slot) {
        long total = served.sum() + throttles;
        int active = 0;
        for (int back = 0; back < WINDOW_SLOTS; back++) {
            int index = (int) Math.floorMod(slot - back, WINDOW_SLOTS);
            long atStart = servedAtSlotStart[index] + throttlesAtSlotStart[index];
            active += total > atStart ? 1 : 0;
            total = atStart;
        }
        return active;
    }

    private synchronized void rollTo(long slot) {
        long current = currentSlot;
        if (slot <= current) {
            return;
        }
        long servedTotal = served.sum();
        // slots that passed with no answer start at the same totals
        long from = current == Long.MIN_VALUE ? slot : Math.max(current + 1, slot - WINDOW_SLOTS + 1);
        for (long s = from; s <= slot; s++) {
            int index = (int) Math.floorMod(s, WINDOW_SLOTS);
            servedAtSlotStart[index] = servedTotal;
            throttlesAtSlotStart[index] = throttles;
        }
        currentSlot = slot;
    }
}
