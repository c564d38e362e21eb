package io.github.connectparticipant.camel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.connectparticipant.camel.attachments.AttachmentSending;
import io.github.connectparticipant.camel.model.GetAttachmentResult;
import io.github.connectparticipant.camel.model.SendAttachmentResult;
import io.github.connectparticipant.camel.model.StartAttachmentUploadResult;
import io.github.connectparticipant.simulator.Fault;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * startAttachmentUpload, getAttachment and sendAttachment against the simulator's whole flow.
 */
class SendAttachmentTest extends SimulatorTestSupport {

    private static final String TOKEN_OPTION = "?connectionToken=RAW(" + CONNECTION_TOKEN + ")";
    private static final String START = "/participant/start-attachment-upload";
    private static final String UPLOAD = "PUT /upload/";

    @TempDir
    Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return directRoutes(
                "direct:send", "connectparticipant:sendAttachment" + TOKEN_OPTION,
                "direct:start", "connectparticipant:startAttachmentUpload" + TOKEN_OPTION,
                "direct:get", "connectparticipant:getAttachment" + TOKEN_OPTION + "&urlExpiryInSeconds=60",
                "direct:complete", COMPLETE,
                "direct:limited", "connectparticipant:sendAttachment" + TOKEN_OPTION
                        + "&maxAttachmentSize=1000&allowedFileTypes=pdf,png");
    }

    private Path file(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }

    private Exchange send(String endpoint, Object body, Map<String, Object> headers) {
        return template.send(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().getHeaders().putAll(headers);
        });
    }

    private List<Ledger.Call> calls(String operationPrefix) {
        return simulator.ledger().calls().stream().filter(c -> c.operation().startsWith(operationPrefix)).toList();
    }

    @Test
    void sendsAFileThroughTheWholeFlowAndGetsItBack() throws Exception {
        Path photo = file("photo.png", 30_000);
        Exchange sent = send("direct:send", photo.toFile(), Map.of());
        assertNull(sent.getException(), () -> String.valueOf(sent.getException()));
        SendAttachmentResult result = sent.getMessage().getBody(SendAttachmentResult.class);
        assertEquals("photo.png", result.getAttachmentName());
        assertEquals(30_000, result.getAttachmentSizeInBytes());
        assertEquals("image/png", result.getContentType());
        assertEquals(result.getAttachmentId(), sent.getMessage().getHeader(ConnectParticipantConstants.ATTACHMENT_ID));

        assertEquals(1, calls(START).size());
        Ledger.Call upload = calls(UPLOAD).get(0);
        assertEquals(200, upload.status());
        assertFalse(upload.bearerKnown(), "no X-Amz-Bearer on the upload: that URL is not the service");
        assertEquals("image/png", upload.contentType());
        assertTrue(simulator.ledger().isCompleted(result.getAttachmentId()));

        Exchange got = send("direct:get", null,
                Map.of(ConnectParticipantConstants.ATTACHMENT_ID, result.getAttachmentId()));
        assertNull(got.getException(), () -> String.valueOf(got.getException()));
        GetAttachmentResult location = got.getMessage().getBody(GetAttachmentResult.class);
        assertEquals(30_000L, location.getAttachmentSizeInBytes());
        assertTrue(location.getUrlExpiry().isAfter(java.time.Instant.now()));
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(location.getUrl())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(Files.readAllBytes(photo), download.body(), "the bytes come back as they were sent");
        String getBody = calls("/participant/attachment").get(0).body();
        assertEquals("{\"AttachmentId\":\"" + result.getAttachmentId() + "\",\"UrlExpiryInSeconds\":60}", getBody);
    }

    @Test
    void bytesWithNameAndTypeFromHeaders() {
        Exchange sent = send("direct:send", "hello, chat".getBytes(StandardCharsets.UTF_8),
                Map.of(ConnectParticipantConstants.ATTACHMENT_NAME, "note",
                        ConnectParticipantConstants.CONTENT_TYPE, "text/plain"));
        assertNull(sent.getException(), () -> String.valueOf(sent.getException()));
        assertEquals("text/plain", calls(UPLOAD).get(0).contentType());
        assertEquals("(11 bytes)", calls(UPLOAD).get(0).body());
    }

    @Test
    void aRedeliveredMessageRepeatsItsCallsAndGetsTheSameAttachment() throws Exception {
        Path report = file("report.pdf", 5000);
        Map<String, Object> key = Map.of(ConnectParticipantConstants.IDEMPOTENCY_KEY, "outbox:report.pdf");
        String first = send("direct:send", report.toFile(), key).getMessage().getBody(SendAttachmentResult.class)
                .getAttachmentId();
        Exchange again = send("direct:send", report.toFile(), key);
        assertNull(again.getException(), () -> String.valueOf(again.getException()));
        assertEquals(first, again.getMessage().getBody(SendAttachmentResult.class).getAttachmentId(),
                "the same start token hands back the same attachment");
        assertEquals(1, calls("/participant/complete").stream().filter(c -> first.equals(c.attachmentId()))
                .map(Ledger.Call::clientToken).distinct().count(), "both completes carry one token");
        assertEquals(1, calls(START).stream().map(Ledger.Call::clientToken).distinct().count());
        assertEquals(0, simulator.ledger().calls().stream().filter(c -> c.status() == 409).count());
    }

    @Test
    void aTransientUploadFailureIsRetriedOnTheSameUrl() throws Exception {
        Path sheet = file("sheet.xlsx", 2000);
        simulator.faults().scriptFor("upload:sheet.xlsx", Fault.error(503, "SlowDown", "Please reduce your rate"));
        Exchange sent = send("direct:send", sheet.toFile(), Map.of());
        assertNull(sent.getException(), () -> String.valueOf(sent.getException()));
        assertEquals(List.of(503, 200), calls(UPLOAD).stream().map(Ledger.Call::status).toList());
        assertEquals(1, calls(START).size());
    }

    @Test
    void anExpiredUploadUrlIsNotReusedTheFlowStartsAgain() throws Exception {
        Path clip = file("clip.mp4", 4000);
        simulator.faults().scriptFor("upload:clip.mp4", Fault.error(403, "AccessDenied", "Request has expired"));
        Exchange sent = send("direct:send", clip.toFile(), Map.of());
        assertNull(sent.getException(), () -> String.valueOf(sent.getException()));
        List<Ledger.Call> starts = calls(START);
        assertEquals(2, starts.size(), "a second start, under its own token");
        assertNotEquals(starts.get(0).clientToken(), starts.get(1).clientToken());
        List<Ledger.Call> uploads = calls(UPLOAD);
        assertNotEquals(uploads.get(0).attachmentId(), uploads.get(1).attachmentId());
        assertEquals(uploads.get(1).attachmentId(), sent.getMessage().getBody(SendAttachmentResult.class)
                .getAttachmentId());
    }

    @Test
    void aUrlAboutToExpireIsNeverUsed() throws Exception {
        simulator.uploadUrlLifetime(Duration.ofSeconds(2));
        try {
            Exchange sent = send("direct:send", file("late.png", 100).toFile(), Map.of());
            ConnectParticipantException failure = failureOf(sent);
            assertEquals("UploadUrlExpired", failure.getErrorCode());
            assertEquals(AttachmentSending.MAX_STARTS, calls(START).size());
            assertEquals(List.of(), calls(UPLOAD), "no upload to a URL about to expire");
        } finally {
            simulator.uploadUrlLifetime(Duration.ofMinutes(5));
        }
    }

    @Test
    void startAttachmentUploadAnswersTheUploadMetadata() throws Exception {
        Exchange started = send("direct:start", null, Map.of(ConnectParticipantConstants.ATTACHMENT_NAME, "a.png",
                ConnectParticipantConstants.ATTACHMENT_SIZE, 1234L));
        assertNull(started.getException(), () -> String.valueOf(started.getException()));
        StartAttachmentUploadResult result = started.getMessage().getBody(StartAttachmentUploadResult.class);
        assertEquals(Map.of("Content-Type", "image/png", "Content-Length", "1234",
                "x-amz-meta-attachment-name", "a.png"), result.getHeadersToInclude());
        assertEquals(result.getUploadUrl(), started.getMessage().getHeader(ConnectParticipantConstants.UPLOAD_URL));
        String token = calls(START).get(0).clientToken();
        assertEquals("{\"ContentType\":\"image/png\",\"AttachmentSizeInBytes\":1234,\"AttachmentName\":\"a.png\","
                + "\"ClientToken\":\"" + token + "\"}", calls(START).get(0).body());

        // the service refuses to complete what was never uploaded
        ConnectParticipantException notUploaded = failureOf(
                send("direct:complete", result.getAttachmentId(), Map.of()));
        assertEquals(400, notUploaded.getStatusCode());
        assertTrue(notUploaded.getMessage().contains("has not been uploaded"), notUploaded::getMessage);
    }

    @Test
    void localChecksRefuseBeforeAnyCall() throws Exception {
        Object[][] cases = {
                {"direct:limited", file("big.png", 1001).toFile(), Map.of(), "is 1001 bytes; the limit is 1000"},
                {"direct:limited", file("tool.exe", 10).toFile(), Map.of(), "is not one of"},
                {"direct:send", file("empty.pdf", 0).toFile(), Map.of(), "is empty"},
                {"direct:send", file("data.bin", 10).toFile(), Map.of(), "cannot tell the content type of data.bin"},
                {"direct:send", new byte[]{1, 2}, Map.of(), "no attachment name"},
                {"direct:send", 42, Map.of(), "no attachment: the body must be a file"},
                {"direct:send", new java.io.ByteArrayInputStream(new byte[10]),
                        Map.of(ConnectParticipantConstants.ATTACHMENT_NAME, "s.txt"), "no attachment size"},
                {"direct:start", null, Map.of(ConnectParticipantConstants.ATTACHMENT_NAME, "x".repeat(257) + ".png",
                        ConnectParticipantConstants.ATTACHMENT_SIZE, 5L), "longer than 256"},
                {"direct:start", null, Map.of(ConnectParticipantConstants.ATTACHMENT_NAME, "tab\there.png",
                        ConnectParticipantConstants.ATTACHMENT_SIZE, 5L), "name holds a control character"},
                {"direct:start", null, Map.of(ConnectParticipantConstants.ATTACHMENT_NAME, "half\ud83d.png",
                        ConnectParticipantConstants.ATTACHMENT_SIZE, 5L), "name holds half of a surrogate pair"},
                {"direct:start", null, Map.of(ConnectParticipantConstants.ATTACHMENT_NAME, "a.png",
                        ConnectParticipantConstants.ATTACHMENT_SIZE, 5L, ConnectParticipantConstants.CONTENT_TYPE,
                        "image/png\r\nX: y"), "the content type holds a control character"},
                {"direct:get", null, Map.of(), "no attachment ids"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Exchange exchange = send((String) c[0], c[1], (Map<String, Object>) c[2]);
            ConnectParticipantInvalidInputException failure = assertInstanceOf(
                    ConnectParticipantInvalidInputException.class, exchange.getException());
            assertTrue(failure.getMessage().contains((String) c[3]), failure.getMessage() + " / " + c[3]);
        }
        assertEquals(0, simulator.ledger().callCount(), "nothing is sent");
    }
}
