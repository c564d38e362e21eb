package io.github.connectparticipant.camel.client;

/**
 * How much longer one message may wait for capacity (for its turn at the learned rate, for the service to come back
 * from an outage, for a throttle's Retry-After) before it fails retryable: maxWaitForCapacity, spent across all the
 * message's calls. One per message, used by the thread that processes it.
 */
public final class CapacityWait {

    private final long maxWaitMillis;
    private long remainingNanos;

    public CapacityWait(long maxWaitMillis) {
        this.maxWaitMillis = maxWaitMillis;
        this.remainingNanos = maxWaitMillis * 1_000_000L;
    }

    /** The message's whole allowance, maxWaitForCapacity. */
    public long maxWaitMillis() {
        return maxWaitMillis;
    }

    public long remainingNanos() {
        return Math.max(0, remainingNanos);
    }

    public void spent(long nanos) {
        remainingNanos -= nanos;
    }

    /** Sleeps for this long out of the remaining wait; false, without sleeping, when it would outlast it. */
    public boolean sleep(long millis) throws InterruptedException {
        long nanos = millis * 1_000_000L;
        if (nanos > remainingNanos()) {
            return false;
        }
        long start = System.nanoTime();
        try {
            Thread.sleep(millis);
        } finally {
            spent(System.nanoTime() - start);
        }
        return true;
    }
}
