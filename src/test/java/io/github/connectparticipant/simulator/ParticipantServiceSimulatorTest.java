package io.github.connectparticipant.simulator;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.connectparticipant.camel.CapturedLogAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator on its own, driven by the JDK's HTTP client: the service's checks, error shapes and idempotency.
 */
class ParticipantServiceSimulatorTest {

    private ParticipantServiceSimulator simulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens("good-token");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> post(String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("X-Amz-Bearer", bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> complete(String bearer, String id, String token) throws Exception {
        return post(ParticipantServiceSimulator.COMPLETE_ATTACHMENT_UPLOAD, bearer,
                "{\"AttachmentIds\":[\"" + id + "\"],\"ClientToken\":\"" + token + "\"}");
    }

    private static void assertError(HttpResponse<String> response, int status, String errorType) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals(errorType, response.headers().firstValue("x-amzn-ErrorType").orElse("").split(":")[0]);
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
        assertTrue(response.body().startsWith("{\"message\":"), response::body);
    }

    @Test
    void aPortInUseIsNamed() {
        // the port this test's simulator holds
        BindException clash = assertThrows(BindException.class,
                () -> ParticipantServiceSimulator.start(simulator.port()));
        assertTrue(clash.getMessage().contains("127.0.0.1:" + simulator.port() + ": the port is in use"),
                clash.getMessage());
    }

    @Test
    void completesOnceAndTreatsARepeatAsTheSameRequest() throws Exception {
        HttpResponse<String> first = complete("good-token", "a-1", "tok-1");
        assertEquals(200, first.statusCode());
        assertEquals("{}", first.body());
        assertTrue(first.headers().firstValue("x-amzn-RequestId").isPresent());

        assertEquals(200, complete("good-token", "a-1", "tok-1").statusCode());
        assertError(complete("good-token", "a-1", "tok-2"), 409, "ConflictException");
        assertEquals(Map.of("a-1", "tok-1"), simulator.ledger().completed());
        assertEquals(3, simulator.ledger().callsFor("a-1").size());
    }

    @Test
    void connectionTokensFromAParticipantTokenExpireAndEndWithTheParticipant() throws Exception {
        simulator.acceptParticipantTokens("participant-1").connectionTokenLifetime(Duration.ofMillis(300));
        assertError(post("/participant/connection", "unknown-participant", "{\"Type\":[\"CONNECTION_CREDENTIALS\"]}"),
                403, "AccessDeniedException");
        assertError(post("/participant/connection", "participant-1", "{\"Type\":[\"TEXT\"]}"), 400,
                "ValidationException");
        HttpResponse<String> created = post("/participant/connection", "participant-1",
                "{\"Type\":[\"CONNECTION_CREDENTIALS\"]}");
        assertEquals(200, created.statusCode(), created::body);
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body())
                .path("ConnectionCredentials").path("ConnectionToken").asText();
        String message = "{\"ContentType\":\"text/plain\",\"Content\":\"hi\",\"ClientToken\":\"c-1\"}";
        assertEquals(200, post("/participant/message", token, message).statusCode());
        assertEquals(200, post("/participant/message", token, message).statusCode(), "a repeat");
        assertEquals(1, simulator.transcript().size(), "one message for one client token");
        Thread.sleep(400);
        assertError(post("/participant/message", token, message), 403, "AccessDeniedException");

        simulator.connectionTokenLifetime(Duration.ofHours(1));
        String fresh = new com.fasterxml.jackson.databind.ObjectMapper().readTree(post("/participant/connection",
                "participant-1", "{\"Type\":[\"CONNECTION_CREDENTIALS\"]}").body())
                .path("ConnectionCredentials").path("ConnectionToken").asText();
        assertEquals(200, post("/participant/disconnect", fresh, "{\"ClientToken\":\"d-1\"}").statusCode());
        assertError(post("/participant/message", fresh, message), 403, "AccessDeniedException");
        assertEquals(2, simulator.connectionsCreated());
    }

    @Test
    void checksTheBearerAndTheBody() throws Exception {
        assertError(complete(null, "b-1", "t"), 400, "ValidationException");
        assertError(complete("x".repeat(1001), "b-1", "t"), 400, "ValidationException");
        assertError(complete("stranger", "b-1", "t"), 403, "AccessDeniedException");
        String path = ParticipantServiceSimulator.COMPLETE_ATTACHMENT_UPLOAD;
        assertError(post(path, "good-token", "{\"AttachmentIds\":[\"b-1\",\"b-2\"],\"ClientToken\":\"t\"}"), 400,
                "ValidationException");
        assertError(post(path, "good-token", "{\"AttachmentIds\":[],\"ClientToken\":\"t\"}"), 400,
                "ValidationException");
        assertError(post(path, "good-token", "{\"AttachmentIds\":[\"b-1\"],\"ClientToken\":\"\"}"), 400,
                "ValidationException");
        assertError(complete("good-token", "x".repeat(257), "t"), 400, "ValidationException");
        assertError(complete("good-token", "b-1", "t".repeat(501)), 400, "ValidationException");
        assertError(post(path, "good-token", "not json"), 400, "ValidationException");
        assertError(post("/participant/nothing", "good-token", "{}"), 404, "UnknownOperationException");
        simulator.refuseAttachmentIds("b-9");
        assertError(complete("good-token", "b-9", "t"), 400, "ValidationException");
        assertTrue(simulator.ledger().completed().isEmpty());
        assertFalse(simulator.ledger().calls().get(2).bearerKnown());
    }

    @Test
    void aCallWithoutAClientTokenGetsOneAsFromTheService() throws Exception {
        String path = ParticipantServiceSimulator.COMPLETE_ATTACHMENT_UPLOAD;
        assertEquals(200, post(path, "good-token", "{\"AttachmentIds\":[\"c-1\"]}").statusCode());
        String made = simulator.ledger().completed().get("c-1");
        assertNotNull(made);
        // a repeat without a token is another request, as it would be on the service
        assertError(post(path, "good-token", "{\"AttachmentIds\":[\"c-1\"]}"), 409, "ConflictException");
        HttpResponse<String> started = post(ParticipantServiceSimulator.START_ATTACHMENT_UPLOAD, "good-token",
                "{\"ContentType\":\"text/plain\",\"AttachmentSizeInBytes\":3,\"AttachmentName\":\"a.txt\"}");
        assertEquals(200, started.statusCode(), started::body);
        assertTrue(started.body().contains("\"AttachmentId\""), started::body);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsToldWhere() throws Exception {
        String path = ParticipantServiceSimulator.COMPLETE_ATTACHMENT_UPLOAD;
        HttpResponse<String> truncated = post(path, "good-token", "{\"AttachmentIds\":[\"d-1\"");
        assertError(truncated, 400, "ValidationException");
        assertTrue(truncated.body().contains("The request body stops being JSON at its end, after character 23:"
                + " Unexpected end-of-input: expected close marker for Array (opened at line 1, column 18)"),
                truncated::body);
        HttpResponse<String> notJson = post(path, "good-token", "{\"AttachmentIds\": [d-1]}");
        assertTrue(notJson.body().contains("stops being JSON at line 1, column 21"), notJson::body);
        assertTrue(notJson.body().contains("Unrecognized token 'd'"), notJson::body);
        HttpResponse<String> array = post(path, "good-token", "[\"d-1\"]");
        assertTrue(array.body().contains("The request body is JSON but not an object: it is array"), array::body);
        HttpResponse<String> empty = post(path, "good-token", "");
        assertTrue(empty.body().contains("The request body is empty"), empty::body);
        assertTrue(simulator.ledger().completed().isEmpty());
    }

    @Test
    void logsOneLinePerCallWhenAskedAndNeverAToken() throws Exception {
        try (AutoCloseable log = CapturedLogAccess.atTrace()) {
            complete("good-token", "e-1", "tok-e");
            assertFalse(CapturedLogAccess.text(log).contains("CompleteAttachmentUpload ->"));
            simulator.logRequests(true).faults().script(Fault.throttle());
            HttpResponse<String> throttled = complete("good-token", "e-2", "tok-e2");
            HttpResponse<String> done = complete("good-token", "e-2", "tok-e2");
            complete("stranger-token", "e-3", "tok-e3");
            String text = CapturedLogAccess.text(log);
            assertTrue(text.contains("CompleteAttachmentUpload -> 429 ThrottlingException in "), text);
            assertTrue(text.contains("request id " + throttled.headers().firstValue("x-amzn-RequestId").orElseThrow()),
                    text);
            assertTrue(text.contains("CompleteAttachmentUpload -> 200 in "), text);
            assertTrue(text.contains("request id " + done.headers().firstValue("x-amzn-RequestId").orElseThrow()),
                    text);
            assertTrue(text.contains("CompleteAttachmentUpload -> 403 AccessDeniedException in "), text);
            assertFalse(text.contains("good-token") || text.contains("stranger-token") || text.contains("tok-e"),
                    text);
        }
    }

    @Test
    void injectsScriptedFaults() throws Exception {
        simulator.faults().script(Fault.throttle(Duration.ofSeconds(2)), Fault.internalError(),
                Fault.serviceUnavailable(), Fault.error(402, "ServiceQuotaExceededException", "full"));
        HttpResponse<String> throttled = complete("good-token", "f-1", "t");
        assertError(throttled, 429, "ThrottlingException");
        assertEquals("2", throttled.headers().firstValue("Retry-After").orElseThrow());
        assertError(complete("good-token", "f-1", "t"), 500, "InternalServerException");
        HttpResponse<String> unavailable = complete("good-token", "f-1", "t");
        assertEquals(503, unavailable.statusCode());
        assertEquals("", unavailable.body());
        assertFalse(unavailable.headers().firstValue("x-amzn-ErrorType").isPresent());
        assertError(complete("good-token", "f-1", "t"), 402, "ServiceQuotaExceededException");
        assertEquals(200, complete("good-token", "f-1", "t").statusCode());
    }

    @Test
    void droppedConnectionDoesTheWorkButLosesTheAnswer() throws Exception {
        simulator.faults().scriptFor("d-1", Fault.dropConnection());
        assertThrows(IOException.class, () -> complete("good-token", "d-1", "t"));
        assertTrue(simulator.ledger().isCompleted("d-1"));
        assertEquals(0, simulator.ledger().callsFor("d-1").get(0).status());
    }

    private com.fasterxml.jackson.databind.JsonNode start(String name, long size) throws Exception {
        HttpResponse<String> started = post(ParticipantServiceSimulator.START_ATTACHMENT_UPLOAD, "good-token",
                "{\"ContentType\":\"image/png\",\"AttachmentSizeInBytes\":" + size + ",\"AttachmentName\":\"" + name
                        + "\",\"ClientToken\":\"t-" + name + "\"}");
        assertEquals(200, started.statusCode(), started::body);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body());
    }

    private HttpResponse<String> put(String url, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> headersToInclude(com.fasterxml.jackson.databind.JsonNode started) {
        Map<String, String> headers = new java.util.HashMap<>();
        started.at("/UploadMetadata/HeadersToInclude").fields()
                .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    @Test
    void theUploadTargetChecksWhatS3Checks() throws Exception {
        com.fasterxml.jackson.databind.JsonNode started = start("a.png", 4);
        String url = started.at("/UploadMetadata/Url").asText();
        Map<String, String> headers = headersToInclude(started);
        assertEquals(Map.of("Content-Type", "image/png", "Content-Length", "4", "x-amz-meta-attachment-name", "a.png"),
                headers);

        Map<String, String> missing = new java.util.HashMap<>(headers);
        missing.remove("x-amz-meta-attachment-name");
        assertTrue(put(url, missing, new byte[4]).body().contains("<Code>SignatureDoesNotMatch</Code>"));
        Map<String, String> changed = new java.util.HashMap<>(headers);
        changed.put("Content-Type", "image/jpeg");
        assertEquals(403, put(url, changed, new byte[4]).statusCode());
        Map<String, String> withBearer = new java.util.HashMap<>(headers);
        withBearer.put("X-Amz-Bearer", "good-token");
        assertTrue(put(url, withBearer, new byte[4]).body().contains("<Code>AccessDenied</Code>"));
        assertEquals(403, put(url.replaceAll("Signature=[^&]+", "Signature=forged"), headers, new byte[4])
                .statusCode());
        assertTrue(put(url, headers, new byte[3]).statusCode() >= 400, "a short body is refused");

        String id = started.get("AttachmentId").asText();
        assertError(complete("good-token", id, "c-1"), 400, "ValidationException");
        assertEquals(200, put(url, headers, new byte[]{1, 2, 3, 4}).statusCode());
        assertEquals(200, complete("good-token", id, "c-1").statusCode());

        HttpResponse<String> got = post(ParticipantServiceSimulator.GET_ATTACHMENT, "good-token",
                "{\"AttachmentId\":\"" + id + "\"}");
        assertEquals(200, got.statusCode(), got::body);
        HttpResponse<byte[]> bytes = http.send(HttpRequest
                .newBuilder(URI.create(
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(got.body()).get("Url").asText()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[]{1, 2, 3, 4}, bytes.body());
    }

    @Test
    void anExpiredUploadUrlIsRefused() throws Exception {
        simulator.uploadUrlLifetime(Duration.ofMillis(1));
        com.fasterxml.jackson.databind.JsonNode started = start("late.png", 2);
        Thread.sleep(20);
        HttpResponse<String> late = put(started.at("/UploadMetadata/Url").asText(), headersToInclude(started),
                new byte[2]);
        assertEquals(403, late.statusCode());
        assertTrue(late.body().contains("expired"), late::body);
    }

    @Test
    void randomFaultsFollowTheirRates() throws Exception {
        simulator.faults().rates(new FaultRates(0.5, 0, 0, 0, 0, 0, Duration.ZERO, 7));
        int throttled = 0;
        for (int i = 0; i < 200; i++) {
            if (complete("good-token", "r-" + i, "t").statusCode() == 429) {
                throttled++;
            }
        }
        assertTrue(throttled > 60 && throttled < 140, "about half throttled: " + throttled);
        assertThrows(IllegalArgumentException.class, () -> new FaultRates(0.6, 0.6, 0, 0, 0, 0, null, 1));
    }
}
