package io.github.connectparticipant.camel.metrics;

import java.time.Duration;

/**
 * What a chat consumer records: each item handed on and how late it reached the route, and each gap read from the
 * transcript; its gauges (chats followed, items waiting) read the consumer. {@link #NONE} records nothing.
 */
public interface ChatMetrics extends AutoCloseable {

    /** Records nothing: no Micrometer, or no registry. */
    ChatMetrics NONE = new ChatMetrics() {

        @Override
        public void handedOn(Duration sinceSent) {
        }

        @Override
        public void gapRead() {
        }

        @Override
        public void close() {
        }
    };

    /** An item reached the route this long after its AbsoluteTime (zero when the clocks disagree the other way). */
    void handedOn(Duration sinceSent);

    /** A gap was read from the transcript: after a reconnect or a restart, or items let go under the memory bound. */
    void gapRead();

    /** The consumer stopped: its gauges go (they read it); its counters stay, and go on when it starts again. */
    @Override
    void close();
}
