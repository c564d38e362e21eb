package io.github.connectparticipant.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A stand-in for the Amazon Connect Participant Service on a loopback port, for tests, demos and development: it
 * speaks the service's wire protocol for CompleteAttachmentUpload, checks what the real service checks, answers errors
 * as it does, keeps a {@link Ledger} and injects faults on demand ({@link #faults()}).
 */
public final class ParticipantServiceSimulator implements AutoCloseable {

    static final String COMPLETE_ATTACHMENT_UPLOAD = "/participant/complete-attachment-upload";
    private static final String ERROR_NAMESPACE = ":http://internal.amazon.com/coral/com.amazonaws.connectparticipant/";
    private static final int MAX_BODY = 64 * 1024;
    private static final byte[] EMPTY_RESULT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body apart; with Nagle on, each small answer waits out the client's
        // delayed ACK (about 40 ms on Linux). Read once, when the first server of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Set<String> connectionTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedAttachmentIds = ConcurrentHashMap.newKeySet();
    private final FaultInjector faults = new FaultInjector();
    private final Ledger ledger = new Ledger();
    private final HttpServer server;
    private final ExecutorService executor;

    private ParticipantServiceSimulator(String host, int port, int threads, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(address, 128);
        }
        executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts a simulator on 127.0.0.1.
     *
     * @param port 0 for any free port
     */
    public static ParticipantServiceSimulator start(int port) throws IOException {
        return start("127.0.0.1", port, 64);
    }

    /** Starts a simulator on this address, answering with this many threads at most. */
    public static ParticipantServiceSimulator start(String host, int port, int threads) throws IOException {
        return start(host, port, threads, null);
    }

    /** Starts a simulator that answers over HTTPS with this TLS context (its key store holds the server's key). */
    public static ParticipantServiceSimulator start(String host, int port, int threads, SSLContext tls)
            throws IOException {
        ParticipantServiceSimulator simulator = new ParticipantServiceSimulator(host, port, threads, tls);
        simulator.server.start();
        return simulator;
    }

    /** The URL to give the component as uriEndpointOverride. */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Accept these connection tokens in X-Amz-Bearer; any other is answered 403 AccessDeniedException. */
    public ParticipantServiceSimulator acceptConnectionTokens(String... tokens) {
        connectionTokens.addAll(List.of(tokens));
        return this;
    }

    /** Refuse these attachment ids, always, with 400 ValidationException, as the service refuses unknown ids. */
    public ParticipantServiceSimulator refuseAttachmentIds(Collection<String> attachmentIds) {
        refusedAttachmentIds.addAll(attachmentIds);
        return this;
    }

    /** Refuse these attachment ids, always, with 400 ValidationException. */
    public ParticipantServiceSimulator refuseAttachmentIds(String... attachmentIds) {
        return refuseAttachmentIds(List.of(attachmentIds));
    }

    /** Where faults are scripted or given rates. */
    public FaultInjector faults() {
        return faults;
    }

    /** What was received and completed. */
    public Ledger ledger() {
        return ledger;
    }

    /** Forgets the ledger and the faults; keeps the tokens and refused ids. */
    public void reset() {
        ledger.clear();
        faults.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!COMPLETE_ATTACHMENT_UPLOAD.equals(path)) {
                sendError(exchange, 404, "UnknownOperationException", "No operation at " + path);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendError(exchange, 405, "UnknownOperationException", "Use POST");
                return;
            }
            completeAttachmentUpload(exchange);
        }
    }

    private void completeAttachmentUpload(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        String bearer = headers.getFirst("X-Amz-Bearer");
        String body = readBody(exchange);
        JsonNode json = parse(body);
        JsonNode ids = json != null ? json.get("AttachmentIds") : null;
        String attachmentId = ids != null && ids.isArray() && ids.size() > 0 && ids.get(0).isTextual()
                ? ids.get(0).asText() : null;
        JsonNode tokenNode = json != null ? json.get("ClientToken") : null;
        String clientToken = tokenNode != null && tokenNode.isTextual() ? tokenNode.asText() : null;
        CallRecorder recorder = new CallRecorder(headers, body, attachmentId, clientToken,
                bearer != null && connectionTokens.contains(bearer));

        Fault fault = faults.next(attachmentId);
        if (fault != null && fault.kind() == Fault.Kind.ERROR) {
            recorder.record(fault.status(), fault.errorType());
            sendFault(exchange, fault);
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.SLOW) {
            sleep(fault.delay().toMillis());
        }

        Answer answer = answer(bearer, json, ids, attachmentId, clientToken);
        if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
            recorder.record(0, null);
            // closing the exchange before any response header closes the connection: the client gets no answer
            return;
        }
        recorder.record(answer.status, answer.errorType);
        if (answer.status == 200) {
            send(exchange, 200, EMPTY_RESULT, null, null);
        } else {
            sendError(exchange, answer.status, answer.errorType, answer.message);
        }
    }

    /** What the service would answer, having done the work when the call is valid. */
    private Answer answer(String bearer, JsonNode json, JsonNode ids, String attachmentId, String clientToken) {
        if (bearer == null || bearer.isEmpty()) {
            return Answer.validation("Value null at 'connectionToken' failed to satisfy constraint: "
                                     + "Member must not be null");
        }
        if (bearer.length() > 1000) {
            return Answer.validation("Value at 'connectionToken' failed to satisfy constraint: "
                                     + "Member must have length less than or equal to 1000");
        }
        if (!connectionTokens.contains(bearer)) {
            return new Answer(403, "AccessDeniedException",
                    "You do not have sufficient access to perform this action.");
        }
        if (json == null || !json.isObject()) {
            return Answer.validation("The request body is not a JSON object");
        }
        if (ids == null || !ids.isArray() || ids.size() != 1 || attachmentId == null) {
            return Answer.validation("Value at 'attachmentIds' failed to satisfy constraint: "
                                     + "Member must have length less than or equal to 1 and greater than or equal to 1");
        }
        if (attachmentId.isEmpty() || attachmentId.length() > 256) {
            return Answer.validation("Value at 'attachmentIds.1.member' failed to satisfy constraint: "
                                     + "Member must have length between 1 and 256");
        }
        if (clientToken == null || clientToken.isEmpty() || clientToken.length() > 500) {
            return Answer.validation("Value at 'clientToken' failed to satisfy constraint: "
                                     + "Member must have length between 1 and 500");
        }
        if (refusedAttachmentIds.contains(attachmentId)) {
            return Answer.validation("Attachment " + attachmentId + " is not valid for this contact");
        }
        String earlierToken = ledger.complete(attachmentId, clientToken);
        if (earlierToken != null) {
            return new Answer(409, "ConflictException",
                    "Attachment " + attachmentId + " was already completed by another request");
        }
        return new Answer(200, null, null);
    }

    private record Answer(int status, String errorType, String message) {
        static Answer validation(String message) {
            return new Answer(400, "ValidationException", "1 validation error detected: " + message);
        }
    }

    /** Records one call with what it was answered. */
    private final class CallRecorder {
        private final Headers headers;
        private final String body;
        private final String attachmentId;
        private final String clientToken;
        private final boolean bearerKnown;
        private final long arrivedNanos = System.nanoTime();

        CallRecorder(Headers headers, String body, String attachmentId, String clientToken, boolean bearerKnown) {
            this.headers = headers;
            this.body = body;
            this.attachmentId = attachmentId;
            this.clientToken = clientToken;
            this.bearerKnown = bearerKnown;
        }

        void record(int status, String errorType) {
            ledger.record(new Ledger.Call(COMPLETE_ATTACHMENT_UPLOAD, attachmentId, clientToken, bearerKnown,
                    headers.containsKey("Authorization"), headers.getFirst("Content-Type"), body, status, errorType,
                    arrivedNanos, System.nanoTime()));
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void sendFault(HttpExchange exchange, Fault fault) throws IOException {
        String retryAfter = fault.retryAfter() != null ? Long.toString(fault.retryAfter().toSeconds()) : null;
        byte[] body = fault.message() != null ? errorBody(fault.message()) : null;
        send(exchange, fault.status(), body, fault.errorType(), retryAfter);
    }

    private static void sendError(HttpExchange exchange, int status, String errorType, String message)
            throws IOException {
        send(exchange, status, errorBody(message), errorType, null);
    }

    private static byte[] errorBody(String message) {
        return JSON.createObjectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String errorType, String retryAfter)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            headers.set("x-amzn-ErrorType", errorType + ERROR_NAMESPACE);
        }
        if (retryAfter != null) {
            headers.set("Retry-After", retryAfter);
        }
        if (body != null) {
            headers.set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } else {
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "participant-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
