package io.github.connectparticipant.simulator;

import java.util.function.LongPredicate;

/**
 * The simulator's own quota ({@link Quota}) on a virtual clock, for models that run in virtual time: what it admits of a
 * call at a given moment (nanoseconds from the model's start), so that a model meets exactly the shapes the simulator
 * enforces.
 */
public final class VirtualQuota {

    private VirtualQuota() {
    }

    /** Calls per one-second window of this kind. */
    public static LongPredicate windows(QuotaWindow window, int perSecond) {
        long[] now = {0};
        Quota quota = new Quota(() -> now[0]);
        quota.set(window, perSecond);
        return nanos -> {
            now[0] = nanos;
            return quota.admits("operation");
        };
    }
}
