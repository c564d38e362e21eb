package io.github.connectparticipant.camel.client;

/**
 * A fixed pace for one kind of call, shared by its callers without blocking any of them: each reserves a turn and is
 * told how long to wait for it. As many calls as one second's pace go at once (a burst), then one every interval (the
 * generic cell rate algorithm), so no second holds more than twice the pace.
 */
public final class CallPacer {

    private static final double NANOS_PER_SECOND = 1e9;

    /** When the next turn is free at the pace (the theoretical arrival time). */
    private long nextTurnNanos = Long.MIN_VALUE;

    /**
     * Reserves a turn at this pace.
     *
     * @param  perSecond the pace; 0 or less for none (no wait)
     * @param  nowNanos  System.nanoTime() now
     * @return           how long to wait for the turn, in nanoseconds
     */
    public synchronized long reserveNanos(double perSecond, long nowNanos) {
        if (perSecond <= 0) {
            return 0;
        }
        long interval = (long) (NANOS_PER_SECOND / perSecond);
        long burst = Math.max(1, (long) perSecond);
        long turn = nextTurnNanos == Long.MIN_VALUE ? nowNanos : Math.max(nextTurnNanos, nowNanos);
        nextTurnNanos = turn + interval;
        return Math.max(0, turn - (burst - 1) * interval - nowNanos);
    }
}
