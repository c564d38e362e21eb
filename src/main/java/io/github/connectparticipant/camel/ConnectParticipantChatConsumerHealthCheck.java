package io.github.connectparticipant.camel;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.camel.chat.ChatFollower;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Whether a chat consumer can follow its chats, for Camel's consumer health check of its route: DOWN while the service
 * is in an outage (as the producers' check), and while a chat has failed to be followed (its connections refused or
 * failing, its sockets replaced without subscribing again) for longer than followFailureThreshold; UP otherwise, also
 * while chats wait for their first connection's turn, which is pacing, not failure. The reason names how many chats,
 * for how long, and the last failure's words, which hold no token or socket URL.
 */
public class ConnectParticipantChatConsumerHealthCheck extends AbstractHealthCheck {

    private final ConnectParticipantChatConsumer consumer;

    public ConnectParticipantChatConsumerHealthCheck(ConnectParticipantChatConsumer consumer, String routeId) {
        super("camel", "consumer:" + routeId);
        this.consumer = consumer;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Collection<ChatFollower> chats = consumer.followers();
        if (chats == null) {
            builder.message("The consumer is not started").down();
            return;
        }
        builder.detail("chats.followed", chats.size());
        if (ConnectParticipantProducerHealthCheck.reportedOutage(consumer.getEndpoint().getRetryBudget(), builder)) {
            return;
        }
        long threshold = TimeUnit.MILLISECONDS.toNanos(consumer.getEndpoint().getConfiguration()
                .getFollowFailureThreshold());
        long now = System.nanoTime();
        int failing = 0;
        long longest = 0;
        String lastFailure = null;
        for (ChatFollower chat : chats) {
            long failingFor = chat.failingForNanos(now);
            if (failingFor > threshold) {
                failing++;
                if (failingFor > longest) {
                    longest = failingFor;
                    lastFailure = chat.lastFailure();
                }
            }
        }
        builder.detail("chats.failing", failing);
        if (failing == 0) {
            builder.up();
            return;
        }
        builder.message(failing + " of " + chats.size() + " chats have not been followed for longer than "
                + TimeUnit.NANOSECONDS.toSeconds(threshold) + " s (the longest for "
                + TimeUnit.NANOSECONDS.toSeconds(longest) + " s: " + lastFailure + "); they are tried again")
                .down();
    }
}
