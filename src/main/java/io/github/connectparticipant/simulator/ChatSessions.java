package io.github.connectparticipant.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The chat behind the simulator's operations beyond the attachment flow: connection tokens made from participant
 * tokens (with an expiry, refused with 403 once past it or once the participant disconnected), messages and events
 * (idempotent by client token), the transcript with its pages, views, and the customer authentication. Every request
 * is checked against the service model's limits, as the service checks it.
 */
final class ChatSessions {

    static final String VIEWS = "/participant/views/";
    private static final String CONNECTION = "/participant/connection";
    private static final String MESSAGE = "/participant/message";
    private static final String EVENT = "/participant/event";
    private static final String TRANSCRIPT = "/participant/transcript";
    private static final String DISCONNECT = "/participant/disconnect";
    private static final String AUTHENTICATION_URL = "/participant/authentication-url";
    private static final String CANCEL_AUTHENTICATION = "/participant/cancel-authentication";
    private static final Set<String> MESSAGE_TYPES = Set.of("text/plain", "text/markdown", "application/json",
            "application/vnd.amazonaws.connect.message.interactive.response");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    /** A connection token handed out: whose it is, until when, and whether its participant left. */
    private record Connection(String participantToken, Instant expiry, boolean disconnected) {
    }

    /** The chat of the connection tokens given to acceptConnectionTokens, which belong to no participant token. */
    static final String DEFAULT_CONTACT = "contact-sim-0001";
    private static final String CHAT_ENDED = "application/vnd.amazonaws.connect.event.chat.ended";

    private final Supplier<String> baseUrl;
    private final Supplier<ChatSocketServer> sockets;
    /** Each participant token accepted, and the chat (contact id) it takes part in. */
    /** What the echoing agent puts before the participant's words. */
    static final String ECHO = "You said: ";

    private final Map<String, String> participantTokens = new ConcurrentHashMap<>();
    private final Set<String> endedContacts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger contacts = new AtomicInteger(1);
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final List<ObjectNode> transcript = new ArrayList<>();
    private final Map<String, ObjectNode> itemsByClientToken = new ConcurrentHashMap<>();
    private final Map<String, String> views = new ConcurrentHashMap<>();
    private final AtomicInteger connectionsCreated = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofDays(1);
    /** Whether the agent answers each of the participant's messages with its own words (an echo bot). */
    private volatile boolean agentEcho;

    /** @param sockets the websocket endpoint, started on first use; null where Java-WebSocket is absent */
    ChatSessions(Supplier<String> baseUrl, Supplier<ChatSocketServer> sockets) {
        this.baseUrl = baseUrl;
        this.sockets = sockets;
    }

    void acceptParticipantTokens(String... tokens) {
        for (String token : tokens) {
            participantTokens.computeIfAbsent(token,
                    t -> String.format("contact-sim-%04d", contacts.incrementAndGet()));
        }
    }

    /** The chat a participant token takes part in. */
    String contactOf(String participantToken) {
        String contactId = participantTokens.get(participantToken);
        if (contactId == null) {
            throw new IllegalArgumentException("not a participant token the simulator accepts");
        }
        return contactId;
    }

    /** The chat of a bearer: a connection token's participant's, else the default chat. */
    private String contactOfBearer(String bearer) {
        Connection connection = bearer != null ? connections.get(bearer) : null;
        return connection != null ? participantTokens.get(connection.participantToken()) : DEFAULT_CONTACT;
    }

    /** An agent's message in the participant's chat: it joins the transcript and goes to its sockets. */
    String agentMessage(String participantToken, String content) {
        ObjectNode item = agentItem(contactOf(participantToken), "text/plain", content);
        add(item);
        return item.get("Id").asText();
    }

    void agentEcho(boolean agentEcho) {
        this.agentEcho = agentEcho;
    }

    /**
     * Ends the participant's chat: a chat.ended event, its sockets closed, and from then on its connection tokens
     * and CreateParticipantConnection refused with 403, as the service does.
     */
    void endChat(String participantToken) {
        String contactId = contactOf(participantToken);
        add(newItem(contactId, "EVENT", CHAT_ENDED, null, "SYSTEM", "SYSTEM_MESSAGE", "system"));
        endedContacts.add(contactId);
        ChatSocketServer live = liveSockets();
        if (live != null) {
            live.closeChat(contactId);
        }
    }

    /** The simulated agent's message in a chat. */
    private static ObjectNode agentItem(String contactId, String contentType, String content) {
        return newItem(contactId, "MESSAGE", contentType, content, "AGENT", "Agent", "agent-sim");
    }

    /** The websocket endpoint, started on first use; null where Java-WebSocket is absent. */
    private ChatSocketServer liveSockets() {
        return sockets != null ? sockets.get() : null;
    }

    private static ObjectNode newItem(String contactId, String type, String contentType, String content,
            String role, String displayName, String participantId) {
        ObjectNode item = JSON.createObjectNode().put("AbsoluteTime", Instant.now().toString());
        if (content != null) {
            item.put("Content", content);
        }
        return item.put("ContentType", contentType).put("Id", UUID.randomUUID().toString()).put("Type", type)
                .put("ParticipantId", participantId).put("DisplayName", displayName).put("ParticipantRole", role)
                .put("ContactId", contactId).put("InitialContactId", contactId);
    }

    /** An item joins its chat's transcript and goes to the chat's sockets. */
    private void add(ObjectNode item) {
        synchronized (transcript) {
            transcript.add(item);
        }
        ChatSocketServer live = liveSockets();
        if (live != null) {
            live.push(item.get("ContactId").asText(), item);
        }
    }

    void connectionTokenLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    void addView(String viewToken, String name) {
        views.put(viewToken, name);
    }

    int connectionsCreated() {
        return connectionsCreated.get();
    }

    List<Map<String, Object>> transcript() {
        synchronized (transcript) {
            return transcript.stream().map(item -> JSON.convertValue(item, ITEM)).toList();
        }
    }

    /** Forgets the connections handed out, the chat and its views; keeps the participant tokens. */
    void clear() {
        agentEcho = false;
        connections.clear();
        synchronized (transcript) {
            transcript.clear();
        }
        itemsByClientToken.clear();
        views.clear();
        endedContacts.clear();
        connectionsCreated.set(0);
    }

    boolean knows(String bearer) {
        return participantTokens.containsKey(bearer) || connections.containsKey(bearer);
    }

    /** The operation at this path, or null. */
    ParticipantServiceSimulator.SimulatedOperation operation(String path) {
        return switch (path) {
            case CONNECTION ->
                new ParticipantServiceSimulator.SimulatedOperation("CreateParticipantConnection", json -> "connection",
                        this::createConnection, "POST", true);
            case MESSAGE ->
                new ParticipantServiceSimulator.SimulatedOperation("SendMessage", json -> text(json, "Content"),
                        (json, bearer) -> chatItem(json, "MESSAGE", true, bearer));
            case EVENT ->
                new ParticipantServiceSimulator.SimulatedOperation("SendEvent", json -> text(json, "ContentType"),
                        (json, bearer) -> chatItem(json, "EVENT", false, bearer));
            case TRANSCRIPT -> new ParticipantServiceSimulator.SimulatedOperation("GetTranscript", json -> "transcript",
                    (json, bearer) -> transcriptPage(json, bearer));
            case DISCONNECT ->
                new ParticipantServiceSimulator.SimulatedOperation("DisconnectParticipant", json -> "disconnect",
                        this::disconnect);
            case AUTHENTICATION_URL ->
                new ParticipantServiceSimulator.SimulatedOperation("GetAuthenticationUrl",
                        json -> text(json, "SessionId"),
                        (json, bearer) -> authenticationUrl(json));
            case CANCEL_AUTHENTICATION ->
                new ParticipantServiceSimulator.SimulatedOperation("CancelParticipantAuthentication",
                        json -> text(json, "SessionId"), (json, bearer) -> cancelAuthentication(json));
            default -> null;
        };
    }

    /** DescribeView: a GET of /participant/views/{ViewToken}. */
    ParticipantServiceSimulator.SimulatedOperation describeView(String encodedViewToken) {
        String viewToken = URLDecoder.decode(encodedViewToken, StandardCharsets.UTF_8);
        return new ParticipantServiceSimulator.SimulatedOperation("DescribeView", json -> viewToken, (json, bearer) -> {
            if (viewToken.isEmpty() || viewToken.length() > 1000) {
                return Answer.validation("Value at 'viewToken' failed to satisfy constraint: Member must have length"
                        + " between 1 and 1000");
            }
            String name = views.get(viewToken);
            if (name == null) {
                return new Answer(404, "ResourceNotFoundException", "The view was not found", null);
            }
            ObjectNode result = JSON.createObjectNode();
            ObjectNode view = result.putObject("View").put("Id", "view-" + Math.abs(viewToken.hashCode()))
                    .put("Arn", "arn:aws:connect:us-east-1:000000000000:instance/sim/view/" + name)
                    .put("Name", name).put("Version", 1);
            view.putObject("Content").put("InputSchema", "{}").put("Template", "{}").putArray("Actions")
                    .add("Submit");
            return ok(result);
        }, "GET", false);
    }

    /** A participant token, checked as the service checks CreateParticipantConnection's bearer. */
    Answer checkParticipantToken(String bearer) {
        if (bearer == null || bearer.isEmpty() || bearer.length() > 1000) {
            return Answer.validation("Value at 'participantToken' failed to satisfy constraint: Member must have"
                    + " length between 1 and 1000");
        }
        String contactId = participantTokens.get(bearer);
        // after a chat ends, its participant can no longer connect
        return contactId != null && !endedContacts.contains(contactId) ? null : Answer.accessDenied();
    }

    /** A connection token this simulator handed out: null while valid, else 403. */
    Answer checkConnectionToken(String bearer) {
        Connection connection = connections.get(bearer);
        if (connection == null || connection.disconnected() || !Instant.now().isBefore(connection.expiry())
                || endedContacts.contains(participantTokens.get(connection.participantToken()))) {
            return Answer.accessDenied();
        }
        return null;
    }

    private Answer createConnection(JsonNode json, String participantToken) {
        JsonNode types = json.get("Type");
        if (types == null || !types.isArray() || types.isEmpty()) {
            return Answer.validation("Value at 'type' failed to satisfy constraint: Member must not be empty");
        }
        ObjectNode result = JSON.createObjectNode();
        for (JsonNode type : types) {
            String name = type.isTextual() ? type.asText() : "";
            if ("CONNECTION_CREDENTIALS".equals(name)) {
                String token = "sim-connection-" + UUID.randomUUID();
                Instant expiry = Instant.now().plus(lifetime);
                connections.put(token, new Connection(participantToken, expiry, false));
                connectionsCreated.incrementAndGet();
                result.putObject("ConnectionCredentials").put("ConnectionToken", token)
                        .put("Expiry", expiry.toString());
            } else if ("WEBSOCKET".equals(name)) {
                ChatSocketServer live = liveSockets();
                String url = live != null
                        ? live.issue(participantTokens.get(participantToken), Instant.now().plus(lifetime))
                        // without Java-WebSocket on the class path, a URL that serves no socket
                        : baseUrl.get().replaceFirst("^http", "ws") + "/connect/" + UUID.randomUUID();
                result.putObject("Websocket").put("Url", url)
                        .put("ConnectionExpiry", Instant.now().plusSeconds(100).toString());
            } else {
                return Answer.validation("Value '" + name + "' at 'type' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [WEBSOCKET, CONNECTION_CREDENTIALS]");
            }
        }
        JsonNode connect = json.get("ConnectParticipant");
        if (connect != null && !connect.isBoolean()) {
            return Answer.validation("ConnectParticipant must be a boolean");
        }
        return ok(result);
    }

    /** SendMessage and SendEvent: the item joins the transcript once per client token. */
    private Answer chatItem(JsonNode json, String type, boolean message, String bearer) {
        String contentType = text(json, "ContentType");
        String content = text(json, "Content");
        String clientToken = text(json, "ClientToken");
        if (contentType == null || contentType.isEmpty() || contentType.length() > 100) {
            return Answer.validation("Value at 'contentType' failed to satisfy constraint: Member must have length"
                    + " between 1 and 100");
        }
        if (message && !MESSAGE_TYPES.contains(contentType)) {
            return Answer.validation("Content type " + contentType + " is not supported for messages");
        }
        if (message
                ? content == null || content.isEmpty() || content.length() > 16384
                : content != null && (content.isEmpty() || content.length() > 16384)) {
            return Answer.validation("Value at 'content' failed to satisfy constraint: Member must have length"
                    + " between 1 and 16384");
        }
        if (clientToken != null && clientToken.length() > 500) {
            return Answer.validation("Value at 'clientToken' failed to satisfy constraint: Member must have length"
                    + " less than or equal to 500");
        }
        ObjectNode item = clientToken != null ? itemsByClientToken.get(clientToken) : null;
        if (item == null) {
            String contactId = contactOfBearer(bearer);
            item = newItem(contactId, type, contentType, content, "CUSTOMER", "Customer", "participant-" + contactId);
            ObjectNode earlier = clientToken != null ? itemsByClientToken.putIfAbsent(clientToken, item) : null;
            if (earlier != null) {
                item = earlier;
            } else {
                add(item);
                if (message && agentEcho) {
                    add(agentItem(contactId, contentType, ECHO + content));
                }
            }
        }
        return ok(JSON.createObjectNode().put("Id", item.get("Id").asText())
                .put("AbsoluteTime", item.get("AbsoluteTime").asText()));
    }

    /** GetTranscript: a page of MaxResults items (10 unless given), newest first unless ASCENDING. */
    private Answer transcriptPage(JsonNode json, String bearer) {
        JsonNode maxResults = json.get("MaxResults");
        if (maxResults != null
                && (!maxResults.canConvertToInt() || maxResults.asInt() < 0 || maxResults.asInt() > 100)) {
            return Answer.validation("Value at 'maxResults' failed to satisfy constraint: Member must have value"
                    + " between 0 and 100");
        }
        String sortOrder = text(json, "SortOrder");
        if (sortOrder != null && !Set.of("ASCENDING", "DESCENDING").contains(sortOrder)) {
            return Answer.validation("Value at 'sortOrder' failed to satisfy constraint: Member must satisfy enum"
                    + " value set: [DESCENDING, ASCENDING]");
        }
        String nextToken = text(json, "NextToken");
        int from;
        try {
            from = nextToken == null ? 0 : Integer.parseInt(nextToken.substring("page-".length()));
        } catch (RuntimeException e) {
            return Answer.validation("The next token is not valid");
        }
        String scanDirection = text(json, "ScanDirection");
        if (scanDirection != null && !Set.of("FORWARD", "BACKWARD").contains(scanDirection)) {
            return Answer.validation("Value at 'scanDirection' failed to satisfy constraint: Member must satisfy enum"
                    + " value set: [FORWARD, BACKWARD]");
        }
        String contactId = contactOfBearer(bearer);
        List<ObjectNode> items = new ArrayList<>();
        synchronized (transcript) {
            for (ObjectNode item : transcript) {
                if (contactId.equals(item.path("ContactId").asText())) {
                    items.add(item);
                }
            }
        }
        // from a start position: the items after it (FORWARD, the default) or before it (BACKWARD), oldest first
        String startId = text(json.path("StartPosition"), "Id");
        if (startId != null) {
            int at = -1;
            for (int i = 0; i < items.size(); i++) {
                if (startId.equals(items.get(i).get("Id").asText())) {
                    at = i;
                }
            }
            if (at < 0) {
                return Answer.validation("The start position's item is not in this transcript");
            }
            items = "BACKWARD".equals(scanDirection)
                    ? new ArrayList<>(items.subList(0, at))
                    : new ArrayList<>(items.subList(at + 1, items.size()));
        }
        if (!"ASCENDING".equals(sortOrder)) {
            Collections.reverse(items);
        }
        int size = maxResults != null ? maxResults.asInt() : 10;
        int to = Math.min(items.size(), from + size);
        ObjectNode result = JSON.createObjectNode().put("InitialContactId", contactId);
        ArrayNode page = result.putArray("Transcript");
        for (int i = from; i < to; i++) {
            page.add(items.get(i));
        }
        if (to < items.size() && size > 0) {
            result.put("NextToken", "page-" + to);
        }
        return ok(result);
    }

    private Answer disconnect(JsonNode json, String connectionToken) {
        connections.computeIfPresent(connectionToken,
                (token, connection) -> new Connection(connection.participantToken(), connection.expiry(), true));
        return Answer.ok("{}".getBytes(StandardCharsets.UTF_8));
    }

    private Answer authenticationUrl(JsonNode json) {
        Answer badSession = checkSessionId(text(json, "SessionId"));
        if (badSession != null) {
            return badSession;
        }
        String redirectUri = text(json, "RedirectUri");
        if (redirectUri == null || redirectUri.isEmpty() || redirectUri.length() > 1024) {
            return Answer.validation("Value at 'redirectUri' failed to satisfy constraint: Member must have length"
                    + " between 1 and 1024");
        }
        return ok(JSON.createObjectNode().put("AuthenticationUrl",
                baseUrl.get() + "/authenticate?session=" + text(json, "SessionId")));
    }

    private Answer cancelAuthentication(JsonNode json) {
        Answer badSession = checkSessionId(text(json, "SessionId"));
        return badSession != null ? badSession : Answer.ok("{}".getBytes(StandardCharsets.UTF_8));
    }

    private static Answer checkSessionId(String sessionId) {
        if (sessionId == null || sessionId.length() != 36) {
            return Answer.validation("Value at 'sessionId' failed to satisfy constraint: Member must have length 36");
        }
        return null;
    }

    private static Answer ok(ObjectNode result) {
        return Answer.ok(result.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode json, String member) {
        JsonNode value = json.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
