package io.github.connectparticipant.camel.connection;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.ConnectionTokenCache;
import io.github.connectparticipant.camel.client.FailedCall;
import io.github.connectparticipant.camel.client.FailedCallException;
import io.github.connectparticipant.camel.client.ParticipantJson;
import io.github.connectparticipant.camel.client.RequestLimits;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.client.ServiceRequest;
import io.github.connectparticipant.camel.model.CancelParticipantAuthenticationResult;
import io.github.connectparticipant.camel.model.CreateParticipantConnectionResult;
import io.github.connectparticipant.camel.model.DescribeViewResult;
import io.github.connectparticipant.camel.model.DisconnectParticipantResult;
import io.github.connectparticipant.camel.model.GetAuthenticationUrlResult;

/**
 * The participant's connection and what goes with it: CreateParticipantConnection (asked for, or made from a
 * participant token for any other operation, and kept in the {@link ConnectionTokenCache}), DisconnectParticipant,
 * DescribeView, and the customer authentication (GetAuthenticationUrl, CancelParticipantAuthentication).
 */
public final class ParticipantConnections {

    /** The AWS API reference: a session id is a UUID, 36 characters. */
    private static final int SESSION_ID_LENGTH = 36;
    private static final int MAX_REDIRECT_URI = 1024;
    private static final int MAX_VIEW_TOKEN = 1000;
    private static final List<String> CREDENTIALS_ONLY = List.of("CONNECTION_CREDENTIALS");
    private static final List<String> SOCKET_AND_CREDENTIALS = List.of("WEBSOCKET", "CONNECTION_CREDENTIALS");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ServiceCalls calls;
    private final ServiceOperation createConnection;
    private final ConnectionTokenCache cache;
    private final List<String> connectionTypes;
    private final Boolean connectParticipant;

    /**
     * @param createConnection   CreateParticipantConnection, which makes connection tokens from participant tokens
     * @param connectionTypes    what createParticipantConnection asks for
     * @param connectParticipant ConnectParticipant for every creation, or null to send none
     */
    public ParticipantConnections(ServiceCalls calls, ServiceOperation createConnection, ConnectionTokenCache cache,
            List<String> connectionTypes, Boolean connectParticipant) {
        this.calls = calls;
        this.createConnection = createConnection;
        this.cache = cache;
        this.connectionTypes = List.copyOf(connectionTypes);
        this.connectParticipant = connectParticipant;
    }

    /** The operation createParticipantConnection: what the route asked for, nothing kept. */
    public CreateParticipantConnectionResult create(String participantToken, CallContext context) {
        return create(participantToken, connectionTypes, context);
    }

    /**
     * A connection for following the chat: a websocket URL and a connection token for the calls beside it (the
     * transcript), the participant marked as connected.
     */
    public CreateParticipantConnectionResult createForChat(String participantToken, CallContext context) {
        return create(participantToken, SOCKET_AND_CREDENTIALS, Boolean.TRUE, context);
    }

    /**
     * Runs another operation with a connection token made from the participant token: the one kept for it, or a new
     * one; when the service refuses that token (403 AccessDeniedException: it expired early, or the participant
     * reconnected), once more with a token made anew.
     */
    public <T> T withConnectionTokenFrom(String participantToken, CallContext context, Function<String, T> operation) {
        String made = connectionToken(participantToken, context);
        try {
            return operation.apply(made);
        } catch (FailedCallException e) {
            if (e.failure().statusCode() != 403 || !"AccessDeniedException".equals(e.failure().errorCode())) {
                throw e;
            }
            cache.forget(participantToken, made);
            return operation.apply(connectionToken(participantToken, context));
        }
    }

    private String connectionToken(String participantToken, CallContext context) {
        return cache.connectionToken(participantToken, () -> {
            CreateParticipantConnectionResult created = create(participantToken, CREDENTIALS_ONLY, context);
            if (created.getConnectionToken() == null || created.getConnectionExpiry() == null) {
                throw FailedCall.ofMessage("CreateParticipantConnection answered no connection credentials",
                        "NoConnectionCredentials", 200, created.getRequestId(), true, 1, context.redeliveries())
                        .toException();
            }
            return new ConnectionTokenCache.Connection(created.getConnectionToken(), created.getConnectionExpiry());
        });
    }

    public DisconnectParticipantResult disconnect(ServiceOperation disconnect, String connectionToken,
            CallContext context) {
        return calls.call(ServiceRequest.post(disconnect,
                ParticipantJson.disconnectParticipantBody(context.clientTokens().forCall("disconnect", true)),
                connectionToken), answer -> new DisconnectParticipantResult(answer.requestId()), context);
    }

    public DescribeViewResult describeView(ServiceOperation describeView, String viewToken, String connectionToken,
            CallContext context) {
        RequestLimits.checkText("the view token", viewToken, 1, MAX_VIEW_TOKEN, true);
        return calls.call(ServiceRequest.get(describeView, viewToken, connectionToken), answer -> {
            JsonNode view = answer.body() != null ? answer.body().get("View") : null;
            return new DescribeViewResult(view != null && view.isObject()
                    ? ParticipantJson.MAPPER.convertValue(view, OBJECT)
                    : null, answer.requestId());
        }, context);
    }

    public GetAuthenticationUrlResult getAuthenticationUrl(ServiceOperation getAuthenticationUrl, String sessionId,
            String redirectUri, String connectionToken,
            CallContext context) {
        RequestLimits.checkText("the session id", sessionId, SESSION_ID_LENGTH, SESSION_ID_LENGTH, true);
        RequestLimits.checkText("the redirect URI", redirectUri, 1, MAX_REDIRECT_URI, true);
        return calls.call(ServiceRequest.post(getAuthenticationUrl,
                ParticipantJson.getAuthenticationUrlBody(sessionId, redirectUri), connectionToken),
                answer -> new GetAuthenticationUrlResult(ServiceCalls.text(answer.body(), "AuthenticationUrl"),
                        answer.requestId()),
                context);
    }

    public CancelParticipantAuthenticationResult cancelAuthentication(ServiceOperation cancelAuthentication,
            String sessionId, String connectionToken,
            CallContext context) {
        RequestLimits.checkText("the session id", sessionId, SESSION_ID_LENGTH, SESSION_ID_LENGTH, true);
        return calls.call(ServiceRequest.post(cancelAuthentication,
                ParticipantJson.cancelParticipantAuthenticationBody(sessionId), connectionToken),
                answer -> new CancelParticipantAuthenticationResult(answer.requestId()), context);
    }

    private CreateParticipantConnectionResult create(String participantToken, List<String> types,
            CallContext context) {
        return create(participantToken, types, connectParticipant, context);
    }

    private CreateParticipantConnectionResult create(String participantToken, List<String> types, Boolean connect,
            CallContext context) {
        return calls.call(ServiceRequest.post(createConnection,
                ParticipantJson.createParticipantConnectionBody(types, connect), participantToken),
                answer -> {
                    JsonNode credentials = answer.body() != null ? answer.body().get("ConnectionCredentials") : null;
                    JsonNode websocket = answer.body() != null ? answer.body().get("Websocket") : null;
                    return new CreateParticipantConnectionResult(ServiceCalls.text(credentials, "ConnectionToken"),
                            instant(ServiceCalls.text(credentials, "Expiry")), ServiceCalls.text(websocket, "Url"),
                            instant(ServiceCalls.text(websocket, "ConnectionExpiry")), answer.requestId());
                }, context);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
