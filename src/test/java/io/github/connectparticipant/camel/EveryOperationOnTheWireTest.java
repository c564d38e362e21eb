package io.github.connectparticipant.camel;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectparticipant.ConnectParticipantClient;
import software.amazon.awssdk.services.connectparticipant.model.ConnectionType;
import software.amazon.awssdk.services.connectparticipant.model.ScanDirection;
import software.amazon.awssdk.services.connectparticipant.model.SortKey;
import software.amazon.awssdk.services.connectparticipant.model.StartPosition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation beyond the attachment flow, sent once by the official AWS SDK for Java v2 and once by the component
 * with the same input (and the same client token where the SDK sends one) to the simulator: the same path, content
 * type and body, member for member, the same bearer, no signature.
 */
class EveryOperationOnTheWireTest extends SimulatorTestSupport {

    static final String PARTICIPANT_TOKEN = "participant-token-for-the-wire-test";
    static final String SESSION_ID = "0d3a8c1e-5b7f-4e2a-9c6d-1f2e3a4b5c6d";
    static final String TOKEN = "RAW(" + CONNECTION_TOKEN + ")";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:op").toD("connectparticipant:${header.op}?connectionToken=" + TOKEN);
                from("direct:connect").to("connectparticipant:createParticipantConnection?participantToken=RAW("
                        + PARTICIPANT_TOKEN + ")&connectionTypes=WEBSOCKET,CONNECTION_CREDENTIALS"
                        + "&connectParticipant=true");
            }
        };
    }

    /** The SDK's call, then the component's, and the two as the simulator received them. */
    private List<Ledger.Call> bothSend(Consumer<ConnectParticipantClient> bySdk, String operation, Object body,
            Map<String, Object> headers) {
        try (ConnectParticipantClient sdk = SdkWireCompatibilityTest.sdk()) {
            bySdk.accept(sdk);
        }
        Exchange exchange = template.send(operation.equals("createParticipantConnection")
                ? "direct:connect"
                : "direct:op", e -> {
                    e.getMessage().setHeader("op", operation);
                    e.getMessage().getHeaders().putAll(headers);
                    e.getMessage().setBody(body);
                });
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        List<Ledger.Call> calls = simulator.ledger().calls();
        assertEquals(2, calls.size(), operation + ": " + calls);
        Ledger.Call sdkCall = calls.get(0);
        Ledger.Call componentCall = calls.get(1);
        assertEquals(sdkCall.operation(), componentCall.operation(), operation);
        assertEquals(sdkCall.contentType(), componentCall.contentType(), operation);
        assertEquals(sdkCall.body(), componentCall.body(), operation + ": the same body, member for member");
        assertEquals(sdkCall.caller(), componentCall.caller(), operation + ": the same bearer");
        assertTrue(sdkCall.bearerKnown() && componentCall.bearerKnown(), operation);
        assertFalse(sdkCall.authorization() || componentCall.authorization(), "neither signs the request");
        assertEquals(sdkCall.status(), componentCall.status(), operation);
        simulator.ledger().clear();
        return calls;
    }

    @Test
    void sendMessageAndSendEvent() {
        // a content that needs escaping, with a character outside the BMP
        String content = "Hello \"there\" \\ \u00e9\n\ud83d\ude00";
        bothSend(sdk -> sdk.sendMessage(b -> b.contentType("text/markdown").content(content).clientToken("m-token")
                .connectionToken(CONNECTION_TOKEN)), "sendMessage", content,
                Map.of(ConnectParticipantConstants.CONTENT_TYPE, "text/markdown",
                        ConnectParticipantConstants.CLIENT_TOKEN, "m-token"));
        bothSend(sdk -> sdk.sendEvent(b -> b.contentType("application/vnd.amazonaws.connect.event.typing")
                .clientToken("e-token").connectionToken(CONNECTION_TOKEN)), "sendEvent", null,
                Map.of(ConnectParticipantConstants.CONTENT_TYPE, "application/vnd.amazonaws.connect.event.typing",
                        ConnectParticipantConstants.CLIENT_TOKEN, "e-token"));
        bothSend(sdk -> sdk.sendEvent(b -> b.contentType("application/vnd.amazonaws.connect.event.message.read")
                .content("{\"messageId\":\"m-1\"}").clientToken("r-token").connectionToken(CONNECTION_TOKEN)),
                "sendEvent", "{\"messageId\":\"m-1\"}",
                Map.of(ConnectParticipantConstants.CONTENT_TYPE, "application/vnd.amazonaws.connect.event.message.read",
                        ConnectParticipantConstants.CLIENT_TOKEN, "r-token"));
    }

    @Test
    void getTranscript() {
        bothSend(sdk -> sdk.getTranscript(b -> b.contactId("contact-1").maxResults(5).nextToken("page-0")
                .scanDirection(ScanDirection.BACKWARD).sortOrder(SortKey.ASCENDING)
                .startPosition(StartPosition.builder().mostRecent(3).build()).connectionToken(CONNECTION_TOKEN)),
                "getTranscript", null, Map.of(ConnectParticipantConstants.CONTACT_ID, "contact-1",
                        ConnectParticipantConstants.MAX_RESULTS, 5, ConnectParticipantConstants.NEXT_TOKEN, "page-0",
                        ConnectParticipantConstants.SCAN_DIRECTION, "BACKWARD",
                        ConnectParticipantConstants.SORT_ORDER, "ASCENDING",
                        ConnectParticipantConstants.START_POSITION_MOST_RECENT, 3));
        bothSend(sdk -> sdk.getTranscript(b -> b.connectionToken(CONNECTION_TOKEN)), "getTranscript", null, Map.of());
    }

    @Test
    void connectionDisconnectViewsAndAuthentication() {
        simulator.acceptParticipantTokens(PARTICIPANT_TOKEN);
        simulator.addView("view/token+with spaces&more", "Form");
        bothSend(sdk -> sdk.createParticipantConnection(b -> b.type(ConnectionType.WEBSOCKET,
                ConnectionType.CONNECTION_CREDENTIALS).connectParticipant(true).participantToken(PARTICIPANT_TOKEN)),
                "createParticipantConnection", null, Map.of());
        bothSend(sdk -> sdk.describeView(b -> b.viewToken("view/token+with spaces&more")
                .connectionToken(CONNECTION_TOKEN)), "describeView", null,
                Map.of(ConnectParticipantConstants.VIEW_TOKEN, "view/token+with spaces&more"));
        bothSend(sdk -> sdk.getAuthenticationUrl(b -> b.sessionId(SESSION_ID).redirectUri("https://example.com/back")
                .connectionToken(CONNECTION_TOKEN)), "getAuthenticationUrl", null,
                Map.of(ConnectParticipantConstants.SESSION_ID, SESSION_ID,
                        ConnectParticipantConstants.REDIRECT_URI, "https://example.com/back"));
        bothSend(sdk -> sdk.cancelParticipantAuthentication(b -> b.sessionId(SESSION_ID)
                .connectionToken(CONNECTION_TOKEN)), "cancelParticipantAuthentication", null,
                Map.of(ConnectParticipantConstants.SESSION_ID, SESSION_ID));
        // last: it ends the participant's session (the simulator's static token is not affected)
        bothSend(sdk -> sdk.disconnectParticipant(b -> b.clientToken("d-token").connectionToken(CONNECTION_TOKEN)),
                "disconnectParticipant", null, Map.of(ConnectParticipantConstants.CLIENT_TOKEN, "d-token"));
    }
}
