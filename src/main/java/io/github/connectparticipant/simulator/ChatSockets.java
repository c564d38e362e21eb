package io.github.connectparticipant.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The participant's websocket, as the service serves the URL CreateParticipantConnection hands out: it answers the
 * subscription to {@code aws/chat}, heartbeats and pings, and pushes each item of its chat as a frame whose content is
 * the item as a JSON string. Faults on demand ({@link SocketFaults}): no subscription answer, a silent socket, dropped
 * sockets, duplicated frames, items left to the transcript.
 */
final class ChatSockets extends WebSocketServer implements ChatSocketServer {

    static final String PATH = "/connect/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChatSockets.class);

    /** What a socket URL handed out is for: its chat, until when it may be connected. */
    private record Issued(String contactId, long connectBeforeNanos, java.time.Instant closeAt) {
    }

    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    /** Every socket URL handed out, for tests that look for one where it must not be (a log). */
    private final List<String> issuedUrls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<WebSocket, String> subscribedContacts = new ConcurrentHashMap<>();
    /** Per chat, how often its last subscribed socket went (a client that replaces sockets before they close: 0). */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> unsubscribed = new ConcurrentHashMap<>();
    private final SocketFaults faults = new SocketFaults();
    private final CountDownLatch started = new CountDownLatch(1);
    /** Closes each socket at its connection's expiry. */
    private final java.util.concurrent.ScheduledExecutorService closer = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "participant-simulator-socket-expiry");
                thread.setDaemon(true);
                return thread;
            });
    /** Each chat's newest item frame, for a subscription that gets it ahead of its answer. */
    private final Map<String, String> newestFrames = new ConcurrentHashMap<>();
    /** A frame held back to be sent after the next one, when frames go out of order. */
    private final Map<String, String> heldFrames = new ConcurrentHashMap<>();

    private ChatSockets(String host) {
        super(new InetSocketAddress(host, 0));
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0);
    }

    /**
     * Starts an endpoint on this host and answers once its port is bound. Called by name, so that the simulator never
     * links this class where Java-WebSocket is absent.
     */
    static ChatSocketServer startOn(String host) throws InterruptedException {
        ChatSockets sockets = new ChatSockets(host);
        sockets.start();
        if (!sockets.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the simulator's websocket endpoint did not start");
        }
        return sockets;
    }

    @Override
    public SocketFaults faults() {
        return faults;
    }

    @Override
    public void stop() throws InterruptedException {
        closer.shutdownNow();
        stop(1000);
    }

    /** A socket URL for this chat, to be connected within 100 s, as the service's. */
    @Override
    public String issue(String contactId, java.time.Instant closeAt) {
        String id = java.util.UUID.randomUUID().toString();
        issued.put(id, new Issued(contactId, System.nanoTime() + TimeUnit.SECONDS.toNanos(100), closeAt));
        String url = "ws://" + getAddress().getHostString() + ":" + getPort() + PATH + id;
        issuedUrls.add(url);
        return url;
    }

    @Override
    public List<String> issuedUrls() {
        return List.copyOf(issuedUrls);
    }

    /** Sends an item to the sockets subscribed to its chat, as the service pushes it (unless a fault holds it). */
    @Override
    public void push(String contactId, ObjectNode item) {
        String frame = JSON.createObjectNode().put("topic", "aws/chat").put("contentType", "application/json")
                .put("content", item.toString()).toString();
        newestFrames.put(contactId, frame);
        if (faults.takeItemLeftToTranscript()) {
            return;
        }
        List<String> frames = new ArrayList<>();
        if (faults.outOfOrder()) {
            // every other frame held back and sent after the next one
            String held = heldFrames.remove(contactId);
            if (held == null) {
                heldFrames.put(contactId, frame);
                return;
            }
            frames.add(frame);
            frames.add(held);
        } else {
            frames.add(frame);
        }
        for (Map.Entry<WebSocket, String> socket : subscribedContacts.entrySet()) {
            if (socket.getValue().equals(contactId) && socket.getKey().isOpen()) {
                try {
                    for (String each : frames) {
                        socket.getKey().send(each);
                        if (faults.duplicateFrames()) {
                            socket.getKey().send(each);
                        }
                    }
                } catch (WebsocketNotConnectedException e) {
                    // it closed since it was found open (its client died, or it was dropped): the frame is lost with
                    // it, as on the service, and the item stays in the transcript
                    LOG.debug("Chat socket {} closed before an item reached it",
                            System.identityHashCode(socket.getKey()));
                }
            }
        }
    }

    /** Closes every socket of this chat, as the service does when the chat ends. */
    @Override
    public void closeChat(String contactId) {
        newestFrames.remove(contactId);
        for (Map.Entry<WebSocket, String> socket : new ArrayList<>(subscribedContacts.entrySet())) {
            if (socket.getValue().equals(contactId)) {
                socket.getKey().close(1000, "The chat has ended");
            }
        }
    }

    /** Drops every open socket without a closing handshake, as a network failure does. */
    @Override
    public int dropAll() {
        List<WebSocket> open = new ArrayList<>(getConnections());
        open.forEach(ChatSockets::drop);
        return open.size();
    }

    /**
     * Drops a socket as a network failure does: no closing frame (1006), and the TCP connection reset rather than
     * closed, so that the client hears of it at once (a FIN alone was sometimes not noticed before the next heartbeat).
     */
    private static void drop(WebSocket socket) {
        ByteChannel channel = socket instanceof WebSocketImpl impl ? impl.getChannel() : null;
        if (channel instanceof SocketChannel tcp) {
            try {
                tcp.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException e) {
                // closed already: nothing to reset
            }
        }
        socket.closeConnection(1006, "dropped");
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    /** Open sockets subscribed to a chat. */
    @Override
    public int subscribed(String contactId) {
        return (int) subscribedContacts.entrySet().stream()
                .filter(socket -> socket.getValue().equals(contactId) && socket.getKey().isOpen()).count();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        String path = handshake.getResourceDescriptor();
        Issued url = path.startsWith(PATH) ? issued.remove(path.substring(PATH.length())) : null;
        if (url == null || System.nanoTime() > url.connectBeforeNanos()) {
            socket.send(JSON.createObjectNode().put("message", "Forbidden").put("connectionId", "sim")
                    .put("requestId", java.util.UUID.randomUUID().toString()).toString());
            socket.close(1008, "Forbidden");
            return;
        }
        socket.setAttachment(url.contactId());
        long untilClose = java.time.Duration.between(java.time.Instant.now(), url.closeAt()).toMillis();
        closer.schedule(() -> socket.close(1000, "The connection has expired"), Math.max(0, untilClose),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        JsonNode frame;
        try {
            frame = JSON.readTree(message);
        } catch (java.io.IOException e) {
            socket.send("{\"message\":\"Bad request\"}");
            return;
        }
        String topic = frame.path("topic").asText();
        if (faults.silent()) {
            return;
        }
        switch (topic) {
            case "aws/subscribe" -> {
                String newest = newestFrames.get((String) socket.getAttachment());
                if (faults.newestItemAheadOfSubscribeAnswer() && newest != null) {
                    socket.send(newest);
                }
                if (faults.noSubscribeAnswer()) {
                    return;
                }
                subscribedContacts.put(socket, socket.getAttachment());
                LOG.debug("Chat socket {} subscribed", System.identityHashCode(socket));
                ObjectNode answer = JSON.createObjectNode().put("topic", "aws/subscribe");
                answer.putObject("content").put("status", "success").putArray("topics").add("aws/chat");
                long lateMillis = faults.subscribeAnswerDelay().toMillis();
                if (lateMillis > 0) {
                    CompletableFuture.delayedExecutor(lateMillis, TimeUnit.MILLISECONDS).execute(() -> {
                        if (socket.isOpen()) {
                            socket.send(answer.toString());
                        }
                    });
                } else {
                    socket.send(answer.toString());
                }
            }
            case "aws/heartbeat" -> socket.send("{\"topic\":\"aws/heartbeat\"}");
            case "aws/ping" -> socket.send("{\"topic\":\"aws/ping\",\"statusCode\":200,\"statusContent\":\"OK\"}");
            default -> socket.send("{\"message\":\"Unknown topic\"}");
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        LOG.debug("Chat socket {} closed: {} {} (by the client: {})", System.identityHashCode(socket), code, reason,
                remote);
        unsubscribe(socket);
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
        LOG.debug("Chat socket {} failed", socket != null ? System.identityHashCode(socket) : null, e);
        if (socket != null) {
            unsubscribe(socket);
        }
    }

    /** Forgets a socket that went, and counts the moment when it leaves its chat with no subscribed socket. */
    private void unsubscribe(WebSocket socket) {
        String contactId = subscribedContacts.remove(socket);
        if (contactId != null && !subscribedContacts.containsValue(contactId)) {
            unsubscribed.computeIfAbsent(contactId, id -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
        }
    }

    @Override
    public int unsubscribedMoments(String contactId) {
        java.util.concurrent.atomic.AtomicInteger moments = unsubscribed.get(contactId);
        return moments == null ? 0 : moments.get();
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
