package io.github.connectparticipant.camel;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvalidInputTest extends SimulatorTestSupport {

    @TempDir
    Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return directRoutes("direct:complete", COMPLETE + "&maxAttachmentsPerMessage=5",
                "direct:noToken", "connectparticipant:completeAttachmentUpload");
    }

    private void assertRefused(String endpoint, Object body, Map<String, Object> headers, String expectedProblem) {
        Exchange exchange = template.send(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().getHeaders().putAll(headers);
        });
        ConnectParticipantInvalidInputException failure = assertInstanceOf(
                ConnectParticipantInvalidInputException.class, exchange.getException());
        assertTrue(failure.getMessage().contains(expectedProblem),
                () -> "'" + failure.getMessage() + "' should say '" + expectedProblem + "'");
        assertFalse(failure.isRetryable());
        assertEquals("ValidationException", failure.getErrorCode());
        assertEquals(0, failure.getStatusCode());
        assertEquals(0, failure.getAttempts());
        assertEquals(0, simulator.ledger().callCount(), "nothing is sent for invalid input");
    }

    private void assertRefused(Object body, String expectedProblem) {
        assertRefused("direct:complete", body, Map.of(), expectedProblem);
    }

    @Test
    void refusesMissingIds() {
        assertRefused(null, "no attachment ids");
        assertRefused("", "no attachment ids");
        assertRefused(" \n\n ,, ", "no attachment ids");
        assertRefused(List.of(), "no attachment ids");
        assertRefused("{\"Other\":1}", "no AttachmentIds");
        assertRefused("{\"AttachmentIds\":[]}", "no attachment ids");
    }

    @Test
    void refusesBadIds() {
        assertRefused(List.of("ok", " "), "attachment id #2 is blank");
        assertRefused(Arrays.asList("ok", null), "attachment id #2 in the body is null");
        assertRefused("x".repeat(257), "257 characters long; the limit is 256");
        assertRefused(List.of("bad\u0007id"), "control character");
        // a JSON escape can spell half a character, which has no UTF-8 form to send
        assertRefused("{\"AttachmentIds\":[\"ok\",\"bad\\ud800id\"]}",
                "attachment id #2 holds half of a surrogate pair at index 3");
        assertRefused(List.of("bad\udc00"), "half of a surrogate pair");
        assertRefused("[\"a\", 7]", "attachment id #2 in the JSON array is a NUMBER, not a string");
        assertRefused(List.of("a", 7), "attachment id #2 in the body is a Integer, not a String");
        assertRefused("a,b,c,d,e,f", "holds 6 attachment ids; the limit is 5");
    }

    @Test
    void refusesBadTokens() {
        assertRefused("direct:noToken", "id-1", Map.of(), "no connection token");
        assertRefused("direct:noToken", "id-1", Map.of(ConnectParticipantConstants.CONNECTION_TOKEN, " "),
                "no connection token");
        assertRefused("direct:noToken", "id-1",
                Map.of(ConnectParticipantConstants.CONNECTION_TOKEN, "t".repeat(1001)),
                "the connection token is 1001 characters long; the limit is 1000");
        assertRefused("direct:complete", "id-1", Map.of(ConnectParticipantConstants.CLIENT_TOKEN, "c".repeat(501)),
                "the client token is 501 characters long; the limit is 500");
        assertRefused("direct:complete", "id-1", Map.of(ConnectParticipantConstants.CLIENT_TOKEN, "c\ud83d"),
                "the client token holds half of a surrogate pair at index 1");
        assertRefused("{\"AttachmentIds\":[\"a\"],\"ConnectionToken\":5}", "ConnectionToken is a NUMBER");
        // a header cannot carry these: HttpClient would send spaces instead, and the service answer 403
        for (String token : new String[]{"tok\r\nX-Injected: 1", "tok\nen", "tok\u0000en", "tok\ten", "tok\u007fen",
                "tök"}) {
            assertRefused("direct:noToken", "id-1", Map.of(ConnectParticipantConstants.CONNECTION_TOKEN, token),
                    "which an HTTP header cannot carry");
        }
        assertRefused("{\"AttachmentIds\":[\"a\"],\"ConnectionToken\":\"tok\\r\\nen\"}",
                "the connection token holds a control character at index 3");
    }

    @Test
    void refusesUnreadableBodies() throws Exception {
        assertRefused(42, "cannot read attachment ids from a body of type java.lang.Integer");
        assertRefused("{\"AttachmentIds\":[\"a\"", "the body is not valid JSON");
        assertRefused(new byte[]{'a', (byte) 0xC3, (byte) 0x28}, "not valid UTF-8");
        assertRefused("[".repeat(100) + "]".repeat(100), "the body is not valid JSON");
        assertRefused("{\"AttachmentIds\":{\"a\":1}}", "AttachmentIds is a OBJECT, not an array of strings");
        assertRefused(new ByteArrayInputStream(new byte[AttachmentRequestReader.MAX_BODY_BYTES + 10]),
                "the body is larger than");
        Path big = folder.resolve("big.txt");
        Files.write(big, new byte[AttachmentRequestReader.MAX_BODY_BYTES + 1]);
        assertRefused(big.toFile(), "the body is larger than");
    }
}
