package io.github.connectparticipant.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the Amazon Connect Participant Service on a loopback port, for tests, demos and development: it
 * speaks the service's wire protocol for CompleteAttachmentUpload, checks what the real service checks, answers errors
 * as it does, keeps a {@link Ledger}, injects faults on demand ({@link #faults()}), and enforces a request-rate
 * {@link #quota(double) quota} or an {@link #outage(Duration) outage} when asked.
 */
public final class ParticipantServiceSimulator implements AutoCloseable {

    static final String COMPLETE_ATTACHMENT_UPLOAD = "/participant/complete-attachment-upload";
    static final String START_ATTACHMENT_UPLOAD = "/participant/start-attachment-upload";
    static final String GET_ATTACHMENT = "/participant/attachment";
    private static final String ERROR_NAMESPACE = ":http://internal.amazon.com/coral/com.amazonaws.connectparticipant/";
    private static final int MAX_BODY = 64 * 1024;
    private static final byte[] EMPTY_RESULT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ParticipantServiceSimulator.class);

    static {
        // The JDK server writes headers and body apart; with Nagle on, each small answer waits out the client's
        // delayed ACK (about 40 ms on Linux). Read once, when the first server of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Set<String> connectionTokens = ConcurrentHashMap.newKeySet();
    /** Whether Java-WebSocket is on the class path, so that the chat sockets can be served. */
    private static final boolean WEBSOCKETS = isPresent("org.java_websocket.server.WebSocketServer");
    private static final String CHAT_SOCKETS = "io.github.connectparticipant.simulator.ChatSockets";
    private final ChatSessions chat = new ChatSessions(this::baseUrl, WEBSOCKETS ? this::chatSockets : null);
    private ChatSocketServer chatSockets;
    private final Set<String> refusedAttachmentIds = ConcurrentHashMap.newKeySet();
    private final FaultInjector faults = new FaultInjector();
    private final Quota quota = new Quota();
    private volatile boolean logRequests;
    /** Until when (System.nanoTime) every call is answered 503; 0 for no outage. */
    private volatile long outageUntilNanos;
    /** Participants whose CreateParticipantConnection answers late, and how late. */
    private final Map<String, Duration> slowConnections = new ConcurrentHashMap<>();
    private final Ledger ledger = new Ledger();
    private final AttachmentStore attachments = new AttachmentStore();
    private final AttachmentTransfers transfers;
    private final HttpServer server;
    private final ExecutorService executor;

    private ParticipantServiceSimulator(String host, int port, int threads, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        try {
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            } else {
                server = HttpServer.create(address, 128);
            }
        } catch (BindException e) {
            // the JDK's message names no port
            BindException named = new BindException("The simulator cannot listen on " + host + ":" + port
                    + ": the port is in use (another simulator, or an application"
                    + " that took it); give it a free port, or 0 for any");
            named.initCause(e);
            throw named;
        }
        executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        transfers = new AttachmentTransfers(attachments, ledger, faults, this::baseUrl);
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

    /**
     * Accept these participant tokens for CreateParticipantConnection, which hands out connection tokens that the
     * other operations accept until they expire ({@link #connectionTokenLifetime}) or their participant disconnects.
     */
    public ParticipantServiceSimulator acceptParticipantTokens(String... tokens) {
        // each participant token takes part in a chat of its own (contactId), with its own transcript and sockets
        chat.acceptParticipantTokens(tokens);
        return this;
    }

    /** How long the connection tokens CreateParticipantConnection hands out stay valid (a day unless set). */
    public ParticipantServiceSimulator connectionTokenLifetime(Duration lifetime) {
        chat.connectionTokenLifetime(lifetime);
        return this;
    }

    /** A view DescribeView answers for this view token (any other is answered 404 ResourceNotFoundException). */
    public ParticipantServiceSimulator addView(String viewToken, String name) {
        chat.addView(viewToken, name);
        return this;
    }

    /** The chat as it stands: messages and events sent, oldest first, each as the service's transcript item. */
    public List<Map<String, Object>> transcript() {
        return chat.transcript();
    }

    /**
     * An agent's message in the chat of this participant token: it joins the transcript and goes to the chat's
     * subscribed sockets as a frame.
     *
     * @return the item's id
     */
    public String agentMessage(String participantToken, String content) {
        return chat.agentMessage(participantToken, content);
    }

    /**
     * An agent that answers each message a participant sends (SendMessage, once per client token) at once, in the
     * same chat and content type, with its words after "You said: ", as an echo bot would; off unless asked.
     */
    public ParticipantServiceSimulator agentEcho(boolean agentEcho) {
        chat.agentEcho(agentEcho);
        return this;
    }

    /**
     * Ends the chat of this participant token: a chat.ended event goes to the transcript and the sockets, the sockets
     * close, and the participant's connection tokens and CreateParticipantConnection are refused with 403 from then on.
     */
    public ParticipantServiceSimulator endChat(String participantToken) {
        chat.endChat(participantToken);
        return this;
    }

    /** The contact id of the chat this participant token takes part in. */
    public String contactId(String participantToken) {
        return chat.contactOf(participantToken);
    }

    /** What the chat sockets do wrong on demand. */
    public SocketFaults socketFaults() {
        return chatSockets().faults();
    }

    /** Drops every open chat socket without a closing handshake, as a network failure does; answers how many. */
    public int dropSockets() {
        return chatSockets().dropAll();
    }

    /** Open sockets subscribed to the chat of this participant token. */
    public int subscribedSockets(String participantToken) {
        return chatSockets().subscribed(chat.contactOf(participantToken));
    }

    /**
     * Every websocket URL CreateParticipantConnection has handed out: each is a credential (its path opens the chat's
     * socket), which a client must keep out of its logs.
     */
    public List<String> socketUrlsIssued() {
        return chatSockets().issuedUrls();
    }

    /**
     * How often the chat of this participant token was left with no subscribed socket (its last one closed, expired,
     * failed or was dropped): a client that opens and subscribes a socket's successor before the socket closes keeps
     * it at 0 across rotations.
     */
    public int unsubscribedMoments(String participantToken) {
        return chatSockets().unsubscribedMoments(chat.contactOf(participantToken));
    }

    /** How many connection tokens CreateParticipantConnection has handed out. */
    public int connectionsCreated() {
        return chat.connectionsCreated();
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

    /**
     * A request-rate quota on every operation, shared by all callers: a token bucket of this many calls a second, with
     * a burst of one second's calls. A call that exceeds it is answered 429 ThrottlingException without Retry-After,
     * as the service does. 0 removes the quota.
     */
    public ParticipantServiceSimulator quota(double callsPerSecond) {
        return quota(callsPerSecond, Math.max(1, callsPerSecond));
    }

    /** A request-rate quota on every operation: this many calls a second, and a burst of this many calls. */
    public ParticipantServiceSimulator quota(double callsPerSecond, double burst) {
        quota.set(callsPerSecond, burst);
        return this;
    }

    /**
     * A request-rate quota on every operation that counts calls per one-second window, fixed (the count starts again
     * on each whole second) or sliding (the second before each call), instead of a token bucket.
     */
    public ParticipantServiceSimulator quota(QuotaWindow window, int callsPerSecond) {
        quota.set(window, callsPerSecond);
        return this;
    }

    /**
     * CreateParticipantConnection for these participants answers only after the delay (a service slow for some
     * chats), until reset.
     */
    public ParticipantServiceSimulator slowConnections(Duration delay, String... participantTokens) {
        for (String participantToken : participantTokens) {
            slowConnections.put(participantToken, delay);
        }
        return this;
    }

    /** The calls the quota refused since it was set (429), apart from the throttles the faults inject. */
    public long quotaThrottles() {
        return quota.refused();
    }

    /**
     * An outage from now on, for this long: every call of every operation is answered 503 with no body, as a load
     * balancer in front of a service that is down answers. The uploads to storage are not affected.
     */
    public ParticipantServiceSimulator outage(Duration duration) {
        outageUntilNanos = System.nanoTime() + duration.toNanos();
        return this;
    }

    /**
     * Forgets the ledger, the faults, the quota, any outage and slow connections, the attachments, the chats' items
     * and the echoing agent; keeps the tokens and refused ids.
     */
    public void reset() {
        ledger.clear();
        chat.clear();
        faults.clear();
        quota.clear();
        slowConnections.clear();
        outageUntilNanos = 0;
        attachments.clear();
    }

    /**
     * One INFO line per call (operation, status and error type, time taken, request id; never a token or a body), as
     * the command line prints unless {@code --quiet}; off unless asked, since tests and benchmarks make millions.
     */
    public ParticipantServiceSimulator logRequests(boolean logRequests) {
        this.logRequests = logRequests;
        return this;
    }

    /** How long the upload URLs that StartAttachmentUpload hands out stay valid (5 minutes unless set). */
    public ParticipantServiceSimulator uploadUrlLifetime(Duration lifetime) {
        attachments.urlLifetime(lifetime);
        return this;
    }

    /** The websocket endpoint, started on first use (most uses of the simulator never open a socket). */
    private synchronized ChatSocketServer chatSockets() {
        if (!WEBSOCKETS) {
            throw new IllegalStateException("The simulator serves chat sockets with Java-WebSocket: add"
                    + " org.java-websocket:Java-WebSocket to the class path");
        }
        if (chatSockets == null) {
            try {
                // by name: this class must not link Java-WebSocket's types, which may be absent
                chatSockets = (ChatSocketServer) Class.forName(CHAT_SOCKETS)
                        .getDeclaredMethod("startOn", String.class).invoke(null, server.getAddress().getHostString());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the simulator's chat sockets did not start", e);
            }
        }
        return chatSockets;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ParticipantServiceSimulator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (chatSockets != null) {
                try {
                    chatSockets.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.nio.channels.ClosedSelectorException e) {
                    // the socket server's selector closed under its stop (seen with 2,000 sockets open): it is
                    // stopped; the HTTP server below must stop all the same, or its dispatcher keeps the JVM alive
                    LOG.debug("The chat socket server's selector closed while it stopped");
                }
            }
        }
        server.stop(0);
        attachments.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(AttachmentTransfers.UPLOAD_PATH)) {
                transfers.upload(exchange);
                return;
            }
            if (path.startsWith(AttachmentTransfers.DOWNLOAD_PATH)) {
                transfers.download(exchange);
                return;
            }
            SimulatedOperation operation = path.startsWith(ChatSessions.VIEWS)
                    ? chat.describeView(path.substring(ChatSessions.VIEWS.length()))
                    : switch (path) {
                        case COMPLETE_ATTACHMENT_UPLOAD -> new SimulatedOperation("CompleteAttachmentUpload",
                                json -> firstText(json.get("AttachmentIds")),
                                (json, bearer) -> completeAttachmentUpload(json));
                        case START_ATTACHMENT_UPLOAD -> new SimulatedOperation("StartAttachmentUpload",
                                json -> text(json, "AttachmentName"), (json, bearer) -> startAttachmentUpload(json));
                        case GET_ATTACHMENT -> new SimulatedOperation("GetAttachment",
                                json -> text(json, "AttachmentId"),
                                (json, bearer) -> getAttachment(json));
                        default -> chat.operation(path);
                    };
            if (operation == null) {
                String requestId = UUID.randomUUID().toString();
                logAnswer("no operation (" + exchange.getRequestMethod() + " of an unknown path)", 404,
                        "UnknownOperationException", requestId, System.nanoTime());
                sendError(exchange, requestId, 404, "UnknownOperationException", "No operation at " + path);
            } else if (!operation.method().equals(exchange.getRequestMethod())) {
                String requestId = UUID.randomUUID().toString();
                logAnswer(operation.name() + " (" + exchange.getRequestMethod() + ")", 405,
                        "UnknownOperationException", requestId, System.nanoTime());
                sendError(exchange, requestId, 405, "UnknownOperationException", "Use " + operation.method());
            } else {
                serviceCall(exchange, path, operation);
            }
        }
    }

    /**
     * An operation of the service: its name (for the request log, which never shows a path that may hold a token),
     * which value of the request names what it is about (for the ledger and the faults
     * scripted for it), the answer to a well-formed call with a known bearer, its HTTP method, and whether its bearer
     * is a participant token (CreateParticipantConnection) rather than a connection token.
     */
    record SimulatedOperation(String name, Function<JsonNode, String> subject,
            BiFunction<JsonNode, String, Answer> answer, String method, boolean participantBearer) {

        SimulatedOperation(String name, Function<JsonNode, String> subject,
                BiFunction<JsonNode, String, Answer> answer) {
            this(name, subject, answer, "POST", false);
        }
    }

    private void serviceCall(HttpExchange exchange, String path, SimulatedOperation operation) throws IOException {
        long arrivedNanos = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        Headers headers = exchange.getRequestHeaders();
        String bearer = headers.getFirst("X-Amz-Bearer");
        String body = readBody(exchange);
        ParsedBody parsed = "GET".equals(operation.method()) ? ParsedBody.NONE : ParsedBody.of(body);
        JsonNode json = parsed.object();
        String subject = json != null ? operation.subject().apply(json) : null;
        String clientToken = json != null ? text(json, "ClientToken") : null;
        CallRecorder recorder = new CallRecorder(path, headers, body, subject, clientToken,
                bearer != null && (connectionTokens.contains(bearer) || chat.knows(bearer)));

        Fault fault = outageUntilNanos != 0 && System.nanoTime() < outageUntilNanos
                ? Fault.serviceUnavailable()
                : !quota.admits(path) ? Fault.throttle() : faults.next(subject);
        if (fault != null && fault.kind() == Fault.Kind.ERROR) {
            recorder.record(fault.status(), fault.errorType());
            logAnswer(operation.name(), fault.status(), fault.errorType(), requestId, arrivedNanos);
            sendFault(exchange, requestId, fault);
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.SLOW) {
            sleep(fault.delay().toMillis());
        }
        Duration slowFor = operation.participantBearer() && bearer != null ? slowConnections.get(bearer) : null;
        if (slowFor != null) {
            sleep(slowFor.toMillis());
        }

        Answer answer = operation.participantBearer() ? chat.checkParticipantToken(bearer) : checkBearer(bearer);
        if (answer == null) {
            answer = json == null
                    ? Answer.validation(parsed.problem())
                    : operation.answer().apply(json, bearer);
        }
        if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
            recorder.record(0, null);
            logAnswer(operation.name(), 0, null, requestId, arrivedNanos);
            // closing the exchange before any response header closes the connection: the client gets no answer
            return;
        }
        recorder.record(answer.status(), answer.errorType());
        logAnswer(operation.name(), answer.status(), answer.errorType(), requestId, arrivedNanos);
        if (answer.status() == 200) {
            send(exchange, requestId, 200, answer.result(), null, null);
        } else {
            sendError(exchange, requestId, answer.status(), answer.errorType(), answer.message());
        }
    }

    /**
     * One line per call when {@link #logRequests(boolean) asked}: the operation, what it was answered and the request
     * id the answer carries; never a token, a body or a path (a view's path holds its token).
     */
    private void logAnswer(String operation, int status, String errorType, String requestId, long arrivedNanos) {
        if (logRequests && LOG.isInfoEnabled()) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrivedNanos);
            String outcome = status == 0
                    ? "no answer (connection dropped)"
                    : errorType != null ? status + " " + errorType : Integer.toString(status);
            LOG.info("{} -> {} in {} ms, request id {}", operation, outcome, millis, requestId);
        }
    }

    /** The connection token, checked as the service checks it, before the request's own members. */
    private Answer checkBearer(String bearer) {
        if (bearer == null || bearer.isEmpty()) {
            return Answer.validation("Value null at 'connectionToken' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (bearer.length() > 1000) {
            return Answer.validation("Value at 'connectionToken' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 1000");
        }
        if (connectionTokens.contains(bearer)) {
            return null;
        }
        // a connection token CreateParticipantConnection issued: until it expires, or its participant disconnects
        return chat.checkConnectionToken(bearer);
    }

    /** CompleteAttachmentUpload, the work done when the call is valid. */
    private Answer completeAttachmentUpload(JsonNode json) {
        JsonNode ids = json.get("AttachmentIds");
        String attachmentId = firstText(ids);
        String clientToken = clientTokenOrNew(text(json, "ClientToken"));
        if (ids == null || !ids.isArray() || ids.size() != 1 || attachmentId == null) {
            return Answer.validation("Value at 'attachmentIds' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 1 and greater than or equal to 1");
        }
        if (attachmentId.isEmpty() || attachmentId.length() > 256) {
            return Answer.validation("Value at 'attachmentIds.1.member' failed to satisfy constraint: "
                    + "Member must have length between 1 and 256");
        }
        Answer badToken = checkClientToken(clientToken);
        if (badToken != null) {
            return badToken;
        }
        if (refusedAttachmentIds.contains(attachmentId)) {
            return Answer.validation("Attachment " + attachmentId + " is not valid for this contact");
        }
        // an id this simulator handed out must have been uploaded; others stand for uploads made elsewhere
        if (attachments.isIssued(attachmentId) && !attachments.isUploaded(attachmentId)) {
            return Answer.validation("Attachment " + attachmentId + " has not been uploaded");
        }
        String earlierToken = ledger.complete(attachmentId, clientToken);
        if (earlierToken != null) {
            return new Answer(409, "ConflictException",
                    "Attachment " + attachmentId + " was already completed by another request", null);
        }
        return Answer.ok(EMPTY_RESULT);
    }

    /** StartAttachmentUpload: an attachment id and a pre-signed style upload URL on this simulator. */
    private Answer startAttachmentUpload(JsonNode json) {
        String contentType = text(json, "ContentType");
        JsonNode size = json.get("AttachmentSizeInBytes");
        String name = text(json, "AttachmentName");
        String clientToken = clientTokenOrNew(text(json, "ClientToken"));
        if (contentType == null || contentType.isEmpty() || contentType.length() > 255) {
            return Answer.validation("Value at 'contentType' failed to satisfy constraint: "
                    + "Member must have length between 1 and 255");
        }
        if (size == null || !size.canConvertToLong() || size.asLong() < 1) {
            return Answer.validation("Value at 'attachmentSizeInBytes' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1");
        }
        if (name == null || name.isEmpty() || name.length() > 256) {
            return Answer.validation("Value at 'attachmentName' failed to satisfy constraint: "
                    + "Member must have length between 1 and 256");
        }
        Answer badToken = checkClientToken(clientToken);
        if (badToken != null) {
            return badToken;
        }
        AttachmentStore.Issued issued = attachments.start(clientToken, name, contentType, size.asLong());
        ObjectNode result = JSON.createObjectNode().put("AttachmentId", issued.attachmentId());
        ObjectNode metadata = result.putObject("UploadMetadata")
                .put("Url", transfers.uploadUrl(issued))
                .put("UrlExpiry", issued.urlExpiry().toString());
        ObjectNode headersToInclude = metadata.putObject("HeadersToInclude");
        issued.headersToInclude().forEach(headersToInclude::put);
        return Answer.ok(result.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** GetAttachment: a download URL that serves the uploaded bytes back. */
    private Answer getAttachment(JsonNode json) {
        String attachmentId = text(json, "AttachmentId");
        JsonNode expiry = json.get("UrlExpiryInSeconds");
        if (attachmentId == null || attachmentId.isEmpty() || attachmentId.length() > 256) {
            return Answer.validation("Value at 'attachmentId' failed to satisfy constraint: "
                    + "Member must have length between 1 and 256");
        }
        if (expiry != null && (!expiry.canConvertToInt() || expiry.asInt() < 5 || expiry.asInt() > 300)) {
            return Answer.validation("Value at 'urlExpiryInSeconds' failed to satisfy constraint: "
                    + "Member must have value between 5 and 300");
        }
        AttachmentStore.Issued issued = attachments.issued(attachmentId);
        if (issued == null || !attachments.isUploaded(attachmentId) || !ledger.isCompleted(attachmentId)) {
            return Answer.validation("Attachment " + attachmentId + " is not a completed attachment");
        }
        int seconds = expiry != null ? expiry.asInt() : 300;
        ObjectNode result = JSON.createObjectNode()
                .put("Url", transfers.downloadUrl(issued))
                .put("UrlExpiry", Instant.now().plusSeconds(seconds).toString())
                .put("AttachmentSizeInBytes", issued.size());
        return Answer.ok(result.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A client token, when the call carries one, within the model's limits; a call without one gets one, as the
     * service (and every SDK) makes one, so that a call by hand (curl) works as the SDK's does.
     */
    private static String clientTokenOrNew(String clientToken) {
        return clientToken != null ? clientToken : UUID.randomUUID().toString();
    }

    private static Answer checkClientToken(String clientToken) {
        if (clientToken.isEmpty() || clientToken.length() > 500) {
            return Answer.validation("Value at 'clientToken' failed to satisfy constraint: "
                    + "Member must have length between 1 and 500");
        }
        return null;
    }

    private static String text(JsonNode json, String member) {
        JsonNode value = json.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String firstText(JsonNode array) {
        return array != null && array.isArray() && array.size() > 0 && array.get(0).isTextual()
                ? array.get(0).asText()
                : null;
    }

    /** Records one call with what it was answered. */
    private final class CallRecorder {

        private final String operation;
        private final Headers headers;
        private final String body;
        private final String attachmentId;
        private final String clientToken;
        private final boolean bearerKnown;
        private final long arrivedNanos = System.nanoTime();

        CallRecorder(String operation, Headers headers, String body, String attachmentId, String clientToken,
                boolean bearerKnown) {
            this.operation = operation;
            this.headers = headers;
            this.body = body;
            this.attachmentId = attachmentId;
            this.clientToken = clientToken;
            this.bearerKnown = bearerKnown;
        }

        void record(int status, String errorType) {
            ledger.record(new Ledger.Call(operation, attachmentId, clientToken, bearerKnown,
                    headers.containsKey("Authorization"), headers.getFirst("Content-Type"), body, status, errorType,
                    arrivedNanos, System.nanoTime(), Ledger.caller(headers.getFirst("X-Amz-Bearer"))));
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
    }

    /** A request body read as the service reads it: a JSON object, or why it is not one. */
    private record ParsedBody(ObjectNode object, String problem) {

        static final ParsedBody NONE = new ParsedBody(JSON.createObjectNode(), null);
        /** Jackson's pointer to where an unclosed array or object began, with the source redacted. */
        private static final Pattern START_MARKER = Pattern
                .compile("\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");

        static ParsedBody of(String body) {
            if (body.isBlank()) {
                return new ParsedBody(null, "The request body is empty; the operation takes a JSON object");
            }
            try {
                JsonNode json = JSON.readTree(body);
                return json instanceof ObjectNode object
                        ? new ParsedBody(object, null)
                        : new ParsedBody(null, "The request body is JSON but not an object: it is "
                                + json.getNodeType().name().toLowerCase(Locale.ROOT));
            } catch (JsonProcessingException e) {
                JsonLocation where = e.getLocation();
                String at = where == null
                        ? ""
                        : where.getCharOffset() >= body.length()
                                ? " at its end, after character " + body.length()
                                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
                String reason = START_MARKER.matcher(e.getOriginalMessage())
                        .replaceAll("(opened at line $1, column $2)");
                return new ParsedBody(null, "The request body stops being JSON" + at + ": " + reason);
            }
        }
    }

    private static void sendFault(HttpExchange exchange, String requestId, Fault fault) throws IOException {
        String retryAfter = fault.retryAfter() != null ? Long.toString(fault.retryAfter().toSeconds()) : null;
        byte[] body = fault.message() != null ? errorBody(fault.message()) : null;
        send(exchange, requestId, fault.status(), body, fault.errorType(), retryAfter);
    }

    private static void sendError(HttpExchange exchange, String requestId, int status, String errorType,
            String message) throws IOException {
        send(exchange, requestId, status, errorBody(message), errorType, null);
    }

    private static byte[] errorBody(String message) {
        return JSON.createObjectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, String requestId, int status, byte[] body, String errorType,
            String retryAfter) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("x-amzn-RequestId", requestId);
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
