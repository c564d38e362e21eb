package io.github.connectparticipant.camel.metrics;

import java.time.Instant;

/**
 * What a chat consumer records: each item handed on and how late it reached the route, and each gap read from the
 * transcript; its gauges (chats followed, items waiting) read the consumer. {@link #NONE} records nothing.
 */
public interface ChatMetrics extends AutoCloseable {

    /** Records nothing: no Micrometer, or no registry. */
    ChatMetrics NONE = new ChatMetrics() {

        @Override
        public void handedOn(Instant absoluteTime) {
        }

        @Override
        public void gapRead() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * An item of this AbsoluteTime reaches the route now: its lateness is measured here, so that a consumer without
     * meters does no work for it.
     */
    void handedOn(Instant absoluteTime);

    /** A gap was read from the transcript: after a reconnect or a restart, or items let go under the memory bound. */
    void gapRead();

    /** The consumer stopped: its gauges go (they read it); its counters stay, and go on when it starts again. */
    @Override
    void close();
}
