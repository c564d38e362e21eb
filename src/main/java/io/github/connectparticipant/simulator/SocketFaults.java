package io.github.connectparticipant.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulator's chat sockets do wrong on demand, as real networks and services do: leave a subscription
 * unanswered or answer it late, fall silent (heartbeats and pings unanswered), send each frame twice, swap frames, leave items to the
 * transcript
 * only (as when they were sent while a socket was down). Dropping sockets:
 * {@link ParticipantServiceSimulator#dropSockets()}.
 */
public final class SocketFaults {

    private volatile boolean noSubscribeAnswer;
    private volatile boolean silent;
    private volatile boolean duplicateFrames;
    private volatile boolean outOfOrder;
    private volatile boolean newestItemAheadOfSubscribeAnswer;
    private final AtomicInteger itemsLeftToTranscript = new AtomicInteger();
    private volatile Duration subscribeAnswerDelay = Duration.ZERO;

    /** Subscriptions go unanswered while true. */
    public SocketFaults noSubscribeAnswer(boolean noAnswer) {
        this.noSubscribeAnswer = noAnswer;
        return this;
    }

    /** Every frame from a client goes unanswered while true: the socket stays open and says nothing. */
    public SocketFaults silent(boolean silent) {
        this.silent = silent;
        return this;
    }

    /** Every item frame is sent twice while true. */
    public SocketFaults duplicateFrames(boolean duplicate) {
        this.duplicateFrames = duplicate;
        return this;
    }

    /** While true, every other item frame is held back and sent after the next one: the two arrive swapped. */
    public SocketFaults outOfOrder(boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
        return this;
    }

    /**
     * While true, a subscription gets the chat's newest item ahead of its answer (as a service that pushes to a socket
     * before it answers may): the items before it, sent while no socket was subscribed, are only in the transcript.
     */
    public SocketFaults newestItemAheadOfSubscribeAnswer(boolean ahead) {
        this.newestItemAheadOfSubscribeAnswer = ahead;
        return this;
    }

    /**
     * A subscription takes effect at once (the socket gets the chat's items from then on) but its answer comes this
     * much later, as on a slow network: the client learns late that it follows the chat.
     */
    public SocketFaults subscribeAnswerDelay(Duration delay) {
        this.subscribeAnswerDelay = delay;
        return this;
    }

    /** The next this many items join the transcript without a frame. */
    public SocketFaults leaveToTranscript(int items) {
        itemsLeftToTranscript.set(items);
        return this;
    }

    /** Back to a healthy socket. */
    public void clear() {
        noSubscribeAnswer = false;
        silent = false;
        duplicateFrames = false;
        outOfOrder = false;
        newestItemAheadOfSubscribeAnswer = false;
        subscribeAnswerDelay = Duration.ZERO;
        itemsLeftToTranscript.set(0);
    }

    Duration subscribeAnswerDelay() {
        return subscribeAnswerDelay;
    }

    boolean noSubscribeAnswer() {
        return noSubscribeAnswer;
    }

    boolean silent() {
        return silent;
    }

    boolean duplicateFrames() {
        return duplicateFrames;
    }

    boolean outOfOrder() {
        return outOfOrder;
    }

    boolean newestItemAheadOfSubscribeAnswer() {
        return newestItemAheadOfSubscribeAnswer;
    }

    boolean takeItemLeftToTranscript() {
        return itemsLeftToTranscript.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }
}
