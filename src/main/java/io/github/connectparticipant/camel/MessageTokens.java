package io.github.connectparticipant.camel;

import java.util.function.Function;

import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.ClientTokens;
import io.github.connectparticipant.camel.client.RequestLimits;
import io.github.connectparticipant.camel.connection.ParticipantConnections;
import org.apache.camel.Message;

/**
 * Which tokens a message's calls carry, decided in one place. Each comes from the message's header if it has a
 * non-empty one, else from the body where the body can hold it (completeAttachmentUpload's JSON), else from the
 * endpoint's option: the connection token, the participant token (a connection token is made from it when no
 * connection token is given), and the client token (else derived from the message's idempotency key).
 */
final class MessageTokens {

    private final ConnectParticipantConfiguration configuration;

    MessageTokens(ConnectParticipantConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * Runs the operation with the connection token the message or endpoint gives; without one, with a connection
     * token made from the participant token, kept until shortly before its expiry and made anew once when the
     * service refuses it (403).
     *
     * @param fromBody the connection token the body gives, or null
     */
    <T> T withConnectionToken(Message message, String fromBody, CallContext context,
            ParticipantConnections connections, Function<String, T> operation) {
        String connectionToken = firstGiven(header(message, ConnectParticipantConstants.CONNECTION_TOKEN), fromBody,
                configuration.getConnectionToken());
        if (connectionToken != null) {
            checkGiven(connectionToken);
            return operation.apply(connectionToken);
        }
        if (givenParticipantToken(message) == null) {
            checkGiven(null);
        }
        return connections.withConnectionTokenFrom(participantToken(message), context, operation);
    }

    /** The participant token for createParticipantConnection, which needs one. */
    String participantToken(Message message) {
        String participantToken = givenParticipantToken(message);
        if (participantToken == null || participantToken.isBlank()) {
            throw new ConnectParticipantInvalidInputException("no participant token: set the "
                    + ConnectParticipantConstants.PARTICIPANT_TOKEN
                    + " header or the participantToken option");
        }
        RequestLimits.checkBearer("the participant token", participantToken);
        return participantToken;
    }

    /**
     * Where the message's client tokens come from: a fixed one given, or the message's idempotency key.
     *
     * @param fromBody the client token the body gives, or null
     */
    ClientTokens.Source clientTokens(Message message, String fromBody) {
        String fixed = firstGiven(header(message, ConnectParticipantConstants.CLIENT_TOKEN), fromBody,
                configuration.getClientToken());
        RequestLimits.checkClientToken(fixed);
        return new ClientTokens.Source(fixed, idempotencyKey(message));
    }

    private String givenParticipantToken(Message message) {
        return firstGiven(header(message, ConnectParticipantConstants.PARTICIPANT_TOKEN), null,
                configuration.getParticipantToken());
    }

    private static void checkGiven(String connectionToken) {
        if (connectionToken == null || connectionToken.isBlank()) {
            throw new ConnectParticipantInvalidInputException(
                    "no connection token: set the " + ConnectParticipantConstants.CONNECTION_TOKEN
                            + " header, the body's ConnectionToken or the"
                            + " connectionToken option, or a participant token (the "
                            + ConnectParticipantConstants.PARTICIPANT_TOKEN
                            + " header or the participantToken option)");
        }
        RequestLimits.checkBearer("the connection token", connectionToken);
    }

    /**
     * The key client tokens derive from: set by the route, else the message id, which a JMS consumer sets to the
     * JMSMessageID and so survives broker redelivery. Never the exchange id, which a redelivery changes.
     */
    private static String idempotencyKey(Message message) {
        String key = message.getHeader(ConnectParticipantConstants.IDEMPOTENCY_KEY, String.class);
        return key != null && !key.isEmpty() ? key : message.getMessageId();
    }

    private static String header(Message message, String name) {
        return message.getHeader(name, String.class);
    }

    /** The first of these that is given (not null, not empty). */
    static String firstGiven(String first, String second, String third) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second != null && !second.isEmpty() ? second : third;
    }
}
