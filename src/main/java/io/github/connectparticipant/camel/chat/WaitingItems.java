package io.github.connectparticipant.camel.chat;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat items a consumer's chats hold waiting for the route, counted across the chats, so that a slow route costs
 * memory up to a bound: beyond it, a chat lets its next items go and reads them from the transcript later.
 */
public final class WaitingItems {

    private final int most;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** At most this many items wait for the route in all the chats. */
    public WaitingItems(int most) {
        if (most < 1) {
            throw new IllegalArgumentException("at least one item must be able to wait, not " + most);
        }
        this.most = most;
    }

    /** How many items wait now. */
    public int count() {
        return count.get();
    }

    /** The most items that waited at once. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    boolean full() {
        return count.get() >= most;
    }

    void add() {
        mostAtOnce.accumulateAndGet(count.incrementAndGet(), Math::max);
    }

    void remove() {
        count.decrementAndGet();
    }
}
