package io.github.connectparticipant.camel;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadRequest;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadResult;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompleteAttachmentUploadTest extends SimulatorTestSupport {

    @TempDir
    Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:complete").to(COMPLETE);
                from("direct:noToken").to("connectparticipant:completeAttachmentUpload");
                from("direct:json").to(COMPLETE).marshal().json(JsonLibrary.Jackson);
            }
        };
    }

    private Exchange send(String endpoint, Object body, Map<String, Object> headers) {
        return template.send(endpoint, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    private List<String> completedIds(Exchange exchange) {
        assertNull(exchange.getException(), () -> "unexpected failure: " + exchange.getException());
        CompleteAttachmentUploadResult result = exchange.getMessage().getBody(CompleteAttachmentUploadResult.class);
        return result.getAttachments().stream().map(CompleteAttachmentUploadResult.CompletedAttachment::getAttachmentId)
                .toList();
    }

    @Test
    void sendsExactlyWhatTheSdkSends() {
        Exchange exchange = send("direct:complete", "att-1", Map.of());

        assertEquals(List.of("att-1"), completedIds(exchange));
        List<Ledger.Call> calls = simulator.ledger().calls();
        assertEquals(1, calls.size());
        Ledger.Call call = calls.get(0);
        assertEquals("/participant/complete-attachment-upload", call.operation());
        assertTrue(call.bearerKnown(), "X-Amz-Bearer carries the connection token");
        assertFalse(call.authorization(), "no Authorization header: no SigV4");
        assertEquals("application/json", call.contentType());
        assertEquals(expectedBody("att-1", call.clientToken()), call.body());
        assertEquals(200, call.status());
        assertTrue(simulator.ledger().isCompleted("att-1"));
    }

    @Test
    void resultCarriesEachIdWithItsTokenAndRequestId() throws Exception {
        Exchange exchange = send("direct:complete", "a,b", Map.of());

        CompleteAttachmentUploadResult result = exchange.getMessage().getBody(CompleteAttachmentUploadResult.class);
        assertEquals(2, result.getAttachments().size());
        for (CompleteAttachmentUploadResult.CompletedAttachment attachment : result.getAttachments()) {
            assertEquals(Set.of(attachment.getClientToken()),
                    simulator.ledger().clientTokensFor(attachment.getAttachmentId()));
            assertNotNull(attachment.getRequestId());
        }
        assertEquals(result.getAttachments().get(1).getRequestId(),
                exchange.getMessage().getHeader(ConnectParticipantConstants.REQUEST_ID));

        String json = template.requestBody("direct:json", "c", String.class);
        JsonNode marshalled = new ObjectMapper().readTree(json);
        assertEquals("c", marshalled.at("/attachments/0/attachmentId").asText());
        assertEquals(simulator.ledger().completed().get("c"), marshalled.at("/attachments/0/clientToken").asText());
        assertFalse(marshalled.at("/attachments/0/requestId").asText().isEmpty());
    }

    @Test
    void readsEveryBodyForm() throws Exception {
        File file = Files.writeString(folder.resolve("ids.txt"), "f-1\nf-2\n").toFile();
        Path path = Files.writeString(folder.resolve("ids.json"), "{\"AttachmentIds\":[\"p-1\"]}");
        Object[][] cases = {
                {"s-1", List.of("s-1")},
                {"  s-2 \n", List.of("s-2")},
                {"{\"AttachmentIds\":[\"j-1\",\"j-2\"]}", List.of("j-1", "j-2")},
                {"{\"attachmentIds\":[\"j-3\"]}", List.of("j-3")},
                {"{\"AttachmentIds\":\"j-4\"}", List.of("j-4")},
                {"[\"a-1\",\"a-2\"]", List.of("a-1", "a-2")},
                {"c-1, c-2,c-3", List.of("c-1", "c-2", "c-3")},
                {"n-1\r\nn-2\n\nn-3\n", List.of("n-1", "n-2", "n-3")},
                {List.of("l-1", "l-2"), List.of("l-1", "l-2")},
                {new String[]{"r-1", "r-2"}, List.of("r-1", "r-2")},
                {"b-1,b-2".getBytes(StandardCharsets.UTF_8), List.of("b-1", "b-2")},
                {new ByteArrayInputStream("[\"i-1\"]".getBytes(StandardCharsets.UTF_8)), List.of("i-1")},
                {file, List.of("f-1", "f-2")},
                {path, List.of("p-1")},
                {Map.of("AttachmentIds", List.of("m-1")), List.of("m-1")},
                {new ObjectMapper().readTree("{\"AttachmentIds\":[\"t-1\"]}"), List.of("t-1")},
                {new CompleteAttachmentUploadRequest(List.of("q-1", "q-2")), List.of("q-1", "q-2")},
        };
        for (Object[] form : cases) {
            Exchange exchange = send("direct:complete", form[0], Map.of());
            assertEquals(form[1], completedIds(exchange), () -> "body " + form[0]);
        }
        for (Object[] form : cases) {
            for (Object id : (List<?>) form[1]) {
                assertTrue(simulator.ledger().isCompleted((String) id), () -> id + " completed at the service");
            }
        }
    }

    @Test
    void readsAFileFromTheFileComponent() throws Exception {
        Files.writeString(folder.resolve("in.json"), "{\"AttachmentIds\":[\"fc-1\"]}");
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                fromF("file:%s?noop=true&initialDelay=0&delay=50", folder).routeId("files")
                        .to(COMPLETE).to("mock:done");
            }
        });
        getMockEndpoint("mock:done").expectedMessageCount(1);
        getMockEndpoint("mock:done").assertIsSatisfied(10_000);
        assertTrue(simulator.ledger().isCompleted("fc-1"));
    }

    @Test
    void headerIdsWinOverTheBody() {
        Exchange fromList = send("direct:complete", "ignored body",
                Map.of(ConnectParticipantConstants.ATTACHMENT_IDS, List.of("h-1", "h-2")));
        assertEquals(List.of("h-1", "h-2"), completedIds(fromList));

        Exchange fromString = send("direct:complete", null, Map.of(ConnectParticipantConstants.ATTACHMENT_IDS, "h-3"));
        assertEquals(List.of("h-3"), completedIds(fromString));
        assertFalse(simulator.ledger().isCompleted("ignored body"));
    }

    @Test
    void connectionTokenFromHeaderWinsOverBodyAndOption() {
        Exchange fromHeader = send("direct:noToken", "t-1",
                Map.of(ConnectParticipantConstants.CONNECTION_TOKEN, CONNECTION_TOKEN));
        assertEquals(List.of("t-1"), completedIds(fromHeader));

        Exchange fromBody = send("direct:noToken",
                "{\"AttachmentIds\":[\"t-2\"],\"ConnectionToken\":\"" + CONNECTION_TOKEN + "\"}", Map.of());
        assertEquals(List.of("t-2"), completedIds(fromBody));

        Exchange lowerCase = send("direct:noToken",
                "{\"attachmentIds\":[\"t-3\"],\"connectionToken\":\"" + CONNECTION_TOKEN + "\"}", Map.of());
        assertEquals(List.of("t-3"), completedIds(lowerCase));

        // the endpoint's option holds the right token; a wrong one in the header must win and be refused
        Exchange headerWins = send("direct:complete", "t-4",
                Map.of(ConnectParticipantConstants.CONNECTION_TOKEN, "some-other-token"));
        assertEquals("AccessDeniedException", failureOf(headerWins).getErrorCode());
    }

    @Test
    void operationHeaderSelectsTheOperation() {
        Exchange exchange = send("direct:complete", "op-1",
                Map.of(ConnectParticipantConstants.OPERATION, "completeAttachmentUpload"));
        assertEquals(List.of("op-1"), completedIds(exchange));

        Exchange unknown = send("direct:complete", "op-2", Map.of(ConnectParticipantConstants.OPERATION, "nope"));
        assertNotNull(unknown.getException());
        assertFalse(simulator.ledger().isCompleted("op-2"));
    }

    @Test
    void duplicateIdsInOneMessageAreCompletedOnce() {
        Exchange exchange = send("direct:complete", List.of("d-1", "d-2", "d-1"), Map.of());
        assertEquals(List.of("d-1", "d-2"), completedIds(exchange));
        assertEquals(1, simulator.ledger().callsFor("d-1").size());
    }

    @Test
    void bearerIsNeverCopiedIntoMessageHeaders() {
        Exchange exchange = send("direct:complete", "hdr-1", Map.of());
        assertNull(exchange.getException());
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            assertFalse(header.getKey().equalsIgnoreCase("X-Amz-Bearer"));
            assertFalse(String.valueOf(header.getValue()).contains(CONNECTION_TOKEN), header::getKey);
        }
        assertInstanceOf(CompleteAttachmentUploadResult.class, exchange.getMessage().getBody());
    }
}
