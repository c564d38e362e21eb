package io.github.connectparticipant.camel.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectparticipant.camel.client.ParticipantJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one chat over the participant's websocket, more reliably than the official chat clients: a subscription
 * not acknowledged, a socket closed or dropped, and a heartbeat or ping unanswered at the next tick each replace the
 * socket (so a silent socket is found within two heartbeat intervals); new connections are made with jittered,
 * growing backoff; after every reconnect the gap is filled from the transcript after the last item seen, every page;
 * items are handed on once each (by Id: neither seen before nor waiting already) and in AbsoluteTime order within the
 * reorder window. A follower that resumes after a kept item reads what came after it from the transcript first.
 * A chat that ends (its chat.ended event, or 403 when connecting again) is announced once and no longer followed.
 * Everything of a chat runs one task at a time ({@link SerialScheduler}), and its items are handed on one at a time, the
 * next once the route is done with the last, so they reach the route in order; the service calls (the connection,
 * the transcript) run on another executor and come back to the chat's tasks with their answer, so that a chat whose
 * service answers slowly holds up no other chat.
 */
public final class ChatFollower {

    private static final Logger LOG = LoggerFactory.getLogger(ChatFollower.class);
    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };
    private static final String SUBSCRIBE = "{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}";
    private static final String HEARTBEAT = "{\"topic\":\"aws/heartbeat\"}";
    private static final String PING = "{\"topic\":\"aws/ping\"}";
    private static final long MIN_RECONNECT_MILLIS = 100;
    private static final long MAX_RECONNECT_MILLIS = 30_000;

    /**
     * What a follower passes and how it keeps time.
     *
     * @param itemTypes        the item types handed on
     * @param includeOwnItems  whether the participant's own items are handed on
     * @param participantRole  the participant's role, which tells its own items
     * @param fillGaps         whether gaps are filled from the transcript after a reconnect
     * @param heartbeatMillis  how often a heartbeat and a ping go out
     * @param subscribeMillis  how long a subscription may go unanswered
     * @param reorderMillis    how long an item waits for others out of order
     * @param lifetimeMillis   how long a socket serves before it is replaced (make-before-break)
     * @param maxWaiting       the most items the chat holds waiting for the route; beyond, it lets them go and reads
     *                         them from the transcript once those are handed on
     */
    public record Settings(Set<String> itemTypes, boolean includeOwnItems, String participantRole, boolean fillGaps,
            long heartbeatMillis, long subscribeMillis, long reorderMillis, long lifetimeMillis, int maxWaiting) {
    }

    private final ChatService service;
    private final Settings settings;
    private final SerialScheduler scheduler;
    private final HttpClient http;
    /** Where the service calls run (they may wait for an answer, or for capacity). */
    private final Executor calls;
    /** Whether an item's key was handed on before (the consumer marks it once the route is done with it). */
    private final Predicate<String> seenBefore;
    /** Hands an item on; the callback runs once the route is done with it. */
    private final BiConsumer<ChatItem, Runnable> handOn;
    /** Where a restarted consumer left this chat, or null: the first socket fills the gap after it. */
    private final ChatItem.Position resumeAfter;

    // all below is touched by the chat's serial tasks only
    private long generation;
    private WebSocket socket;
    /** The socket being replaced by a new one (make-before-break): its items still count until the new one subscribes. */
    private WebSocket retiring;
    private long retiringGeneration = -1;
    private ScheduledFuture<?> rotation;
    private Instant connectionExpiry;
    private String connectionToken;
    private boolean subscribed;
    /** When the first socket that subscribed asked to; null until its answer came. */
    private volatile Instant followedSince;
    /** When the current socket asked to subscribe. */
    private Instant subscribeAskedAt;
    private boolean heartbeatPending;
    private ScheduledFuture<?> heartbeats;
    private int reconnects;
    private String lastItemId;
    private Instant lastItemTime = Instant.EPOCH;
    /**
     * The last item seen when the previous gap was filled (or the first socket subscribed): a gap is read from the
     * transcript after it, not after the last item seen, so that frames lost on a live socket (an item seen after them
     * would hide them) are found too; what comes back twice is handed on once.
     */
    private String checkpointId;
    private String contactId;
    private final List<ChatItem> pending = new ArrayList<>();
    /** Items past the reorder window, in order, waiting for the route; one is in the route while handing. */
    private final ArrayDeque<ChatItem> ready = new ArrayDeque<>();
    private boolean handing;
    /** Stopped while an item was in the route: done once the route is done with it. */
    private CompletableFuture<Void> stoppedWhileHanding;
    /** A gap is being read from the transcript: the socket's items wait for it, after it. */
    private boolean filling;
    /**
     * Items were let go (too many waiting for the route, in this chat or in all): every one after is let go too, and
     * once those waiting are handed on they are read from the transcript, after the last item kept.
     */
    private boolean lettingGo;
    /** The latest item kept (waiting or handed on), which a read of what was let go starts after. */
    private String lastKeptId;
    private Instant lastKeptTime = Instant.EPOCH;
    /** Items waiting for the route in every chat of the consumer: bounded in all. */
    private final WaitingItems allWaiting;
    private volatile int mostWaiting;
    /**
     * Item frames the current socket sent before its subscription was answered, or while its gap was read: handed on
     * after the gap, or dropped with the socket (the next gap has them).
     */
    private final List<JsonNode> beforeSubscribed = new ArrayList<>();
    /** The keys of the items waiting (in the reorder window, ready, or in the route): each is handed on once. */
    private final Set<String> waitingKeys = new HashSet<>();
    private boolean flushScheduled;
    private volatile boolean stopped;
    private volatile boolean ended;
    private volatile int socketsOpened;
    /** When the chat last stopped being followable (a failed connection or socket) with no socket subscribed since; 0 while fine. */
    private volatile long failingSinceNanos;
    /** Why, in words that hold no credential. */
    private volatile String lastFailure;

    public ChatFollower(ChatService service, Settings settings, SerialScheduler scheduler, HttpClient http,
            Executor calls, WaitingItems allWaiting, Predicate<String> seenBefore,
            BiConsumer<ChatItem, Runnable> handOn, ChatItem.Position resumeAfter) {
        this.service = service;
        this.settings = settings;
        this.scheduler = scheduler;
        this.http = http;
        this.calls = calls;
        this.allWaiting = allWaiting;
        this.seenBefore = seenBefore;
        this.handOn = handOn;
        this.resumeAfter = resumeAfter;
        if (resumeAfter != null) {
            lastItemId = resumeAfter.id();
            lastItemTime = resumeAfter.absoluteTime();
            lastKeptId = lastItemId;
            lastKeptTime = lastItemTime;
        }
    }

    public void start() {
        scheduler.execute(this::connect);
    }

    /**
     * Stops following: nothing more is handed on, and the socket closes.
     *
     * @return done once the socket is closed and the route is done with the item it had, if any (so that its chat's
     *         last item is kept, and whoever follows the chat next starts after it)
     */
    public CompletableFuture<Void> stop() {
        stopped = true;
        CompletableFuture<Void> closed = new CompletableFuture<>();
        scheduler.execute(() -> {
            generation++;
            closeSocket();
            releaseWaiting();
            if (handing) {
                stoppedWhileHanding = closed;
            } else {
                closed.complete(null);
            }
        });
        return closed;
    }

    /** Whether a socket has subscribed to the chat yet. */
    public boolean isFollowing() {
        return followedSince != null;
    }

    /** Whether the chat has ended (and is no longer followed). */
    public boolean ended() {
        return ended;
    }

    /**
     * How long the chat has failed to be followed (its connection refused or failing, or its socket replaced) with no
     * socket subscribed since, at this System.nanoTime(); 0 while it is followed, or has not failed yet.
     */
    public long failingForNanos(long nowNanos) {
        long since = failingSinceNanos;
        return since == 0 ? 0 : Math.max(1, nowNanos - since);
    }

    /** Why the chat last failed to be followed (no credential in it), or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** The chat could not be followed, for this reason: failing from now on, unless it was already. */
    private void failed(String why) {
        lastFailure = why;
        if (failingSinceNanos == 0) {
            failingSinceNanos = System.nanoTime() | 1;
        }
    }

    /** How many sockets this follower has opened (the first and every replacement). */
    public int socketsOpened() {
        return socketsOpened;
    }

    /** A new connection, at its turn under the service's cap on the chat consumers' connections. */
    private void connect() {
        if (stopped || ended) {
            return;
        }
        long wait = service.reserveConnection();
        if (wait > 0) {
            scheduler.schedule(this::connectNow, wait, TimeUnit.MILLISECONDS);
        } else {
            connectNow();
        }
    }

    private void connectNow() {
        if (stopped || ended) {
            return;
        }
        long thisSocket = ++generation;
        calls.execute(() -> {
            ChatService.Connection connection = null;
            RuntimeException failure = null;
            try {
                connection = service.connect();
            } catch (RuntimeException e) {
                failure = e;
            }
            ChatService.Connection made = connection;
            RuntimeException failed = failure;
            scheduler.execute(() -> connected(thisSocket, made, failed));
        });
    }

    private void connected(long thisSocket, ChatService.Connection connection, RuntimeException failure) {
        if (thisSocket != generation || stopped || ended) {
            return;
        }
        if (failure instanceof ChatService.ChatEndedException) {
            // it ended while the socket was down: what came before the end, while the service still answers
            if (settings.fillGaps() && followedSince != null && connectionToken != null) {
                fillGap(thisSocket, why -> {
                    if (why != null) {
                        LOG.debug("The gap before the chat's end could not be read: {}", why);
                    }
                    if (!ended) {
                        chatEnded();
                    }
                });
            } else {
                chatEnded();
            }
            return;
        }
        if (failure != null) {
            LOG.info("Chat connection failed, trying again: {}", failure.getMessage());
            failed("the connection failed: " + failure.getMessage());
            reconnectLater();
            return;
        }
        connectionToken = connection.connectionToken();
        connectionExpiry = connection.connectionExpiry();
        socketsOpened++;
        LOG.debug("Opening chat socket {}", thisSocket);
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(connection.websocketUrl()), new Frames(thisSocket))
                .whenComplete((opened, error) -> scheduler.execute(() -> opened(thisSocket, opened, error)));
    }

    private void opened(long thisSocket, WebSocket opened, Throwable failure) {
        if (thisSocket != generation || stopped) {
            if (opened != null) {
                opened.abort();
            }
            return;
        }
        if (failure != null) {
            // the class only: a handshake failure's message may quote the socket's URL, which holds a credential
            String why = rootCause(failure).getClass().getSimpleName();
            LOG.info("Chat socket did not open, trying again: {}", why);
            failed("the socket did not open: " + why);
            reconnectLater();
            return;
        }
        socket = opened;
        LOG.debug("Chat socket {} open, subscribing", thisSocket);
        // the service follows the chat for this socket from when it takes the subscription, before its answer comes
        subscribeAskedAt = Instant.now();
        socket.sendText(SUBSCRIBE, true);
        scheduler.schedule(() -> {
            if (thisSocket == generation && !subscribed) {
                replace("its subscription went unanswered");
            }
        }, settings.subscribeMillis(), TimeUnit.MILLISECONDS);
    }

    private void onFrame(long thisSocket, String text) {
        boolean fromRetiring = thisSocket == retiringGeneration;
        if (stopped || (thisSocket != generation && !fromRetiring)) {
            return;
        }
        JsonNode frame;
        try {
            frame = ParticipantJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            LOG.debug("Chat socket sent a frame that is not JSON; ignored");
            return;
        }
        if (fromRetiring) {
            // until its successor subscribes, the retiring socket's items still count (what both carry counts once);
            // while the successor's gap is read, after it
            if ("aws/chat".equals(frame.path("topic").asText())) {
                if (filling) {
                    beforeSubscribed.add(frame);
                } else {
                    itemFrame(frame);
                }
            }
            return;
        }
        switch (frame.path("topic").asText()) {
            case "aws/subscribe" -> subscribeAnswered(frame);
            case "aws/heartbeat" -> heartbeatPending = false;
            case "aws/ping" -> heartbeatPending = frame.path("statusCode").asInt() != 200;
            case "aws/chat" -> {
                if (subscribed && !filling) {
                    itemFrame(frame);
                } else {
                    // ahead of the subscription's answer, or of the gap it fills: after the gap, or the order would
                    // break
                    beforeSubscribed.add(frame);
                }
            }
            default -> {
                if (frame.has("message")) {
                    replace("it sent an error: " + frame.path("message").asText());
                }
            }
        }
    }

    private void subscribeAnswered(JsonNode frame) {
        if (subscribed) {
            return;
        }
        if (!"success".equals(frame.path("content").path("status").asText())) {
            replace("its subscription failed");
            return;
        }
        subscribed = true;
        reconnects = 0;
        failingSinceNanos = 0;
        LOG.debug("Chat socket {} subscribed", generation);
        long thisSocket = generation;
        heartbeats = scheduler.scheduleAtFixedRate(() -> heartbeat(thisSocket), settings.heartbeatMillis(),
                settings.heartbeatMillis(), TimeUnit.MILLISECONDS);
        boolean fill = settings.fillGaps() && (followedSince != null || resumeAfter != null);
        if (followedSince == null) {
            followedSince = subscribeAskedAt;
            checkpointId = lastItemId;
        }
        if (!fill) {
            subscribedAndFilled(thisSocket);
            return;
        }
        readGapThen(thisSocket, "its gap", () -> subscribedAndFilled(thisSocket));
    }

    /**
     * Reads a gap from the transcript while the socket's items wait; then goes on, or replaces the socket when the
     * gap (named in the reason) could not be read.
     */
    private void readGapThen(long thisSocket, String gap, Runnable next) {
        filling = true;
        fillGap(thisSocket, why -> {
            filling = false;
            if (why != null) {
                replace(gap + " could not be read from the transcript (" + why + ")");
            } else {
                next.run();
            }
        });
    }

    /** The socket's subscription was answered and its gap filled: its own items now, the old socket closed. */
    private void subscribedAndFilled(long thisSocket) {
        if (thisSocket != generation) {
            return;
        }
        replayHeldFrames(thisSocket);
        retire();
        scheduleRotation(thisSocket);
    }

    /** The frames held while a gap was read, after it. */
    private void replayHeldFrames(long thisSocket) {
        if (thisSocket == generation) {
            beforeSubscribed.forEach(this::itemFrame);
        }
        beforeSubscribed.clear();
    }

    /**
     * Replaces the socket before its lifetime and its connection's expiry run out: the new socket is opened and
     * subscribed, and its gap filled, before the old one closes, so nothing is missed in between.
     */
    private void scheduleRotation(long thisSocket) {
        long untilExpiry = connectionExpiry != null
                ? Duration.between(Instant.now(), connectionExpiry).toMillis()
                : Long.MAX_VALUE;
        // a minute before the expiry, or half way to it when that is sooner than a minute away
        long beforeExpiry = untilExpiry == Long.MAX_VALUE
                ? Long.MAX_VALUE
                : Math.max(untilExpiry / 2, untilExpiry - 60_000);
        long delay = Math.min(settings.lifetimeMillis(), beforeExpiry);
        rotation = scheduler.schedule(() -> rotate(thisSocket), Math.max(delay, 0), TimeUnit.MILLISECONDS);
    }

    private void rotate(long thisSocket) {
        if (thisSocket != generation || stopped || ended || socket == null) {
            return;
        }
        LOG.debug("Rotating chat socket {} before its lifetime or its connection's expiry", thisSocket);
        retire();
        retiring = socket;
        retiringGeneration = generation;
        socket = null;
        subscribed = false;
        heartbeatPending = false;
        if (heartbeats != null) {
            heartbeats.cancel(false);
            heartbeats = null;
        }
        connect();
    }

    /** Closes the socket that was being replaced, once its successor is subscribed. */
    private void retire() {
        if (retiring != null) {
            retiring.sendClose(WebSocket.NORMAL_CLOSURE, "replaced");
            retiring.abort();
            retiring = null;
        }
        retiringGeneration = -1;
    }

    private void heartbeat(long thisSocket) {
        if (thisSocket != generation || socket == null) {
            return;
        }
        if (heartbeatPending) {
            replace("a heartbeat went unanswered");
            return;
        }
        heartbeatPending = true;
        socket.sendText(HEARTBEAT, true);
        socket.sendText(PING, true);
    }

    private void itemFrame(JsonNode frame) {
        try {
            JsonNode content = frame.get("content");
            Map<String, Object> fields = ParticipantJson.MAPPER.readValue(
                    content != null && content.isTextual() ? content.asText() : String.valueOf(content), ITEM);
            offer(ChatItem.of(fields));
        } catch (java.io.IOException e) {
            LOG.debug("Chat socket sent an item that is not JSON; ignored");
        }
    }

    /**
     * Reads what was sent while the socket was down, or lost on it (the transcript after the checkpoint), on the calls'
     * executor; back on the chat's tasks, offers it and runs then with why it could not be read, or null. A socket
     * replaced meanwhile drops the answer (its successor reads the gap again).
     */
    private void fillGap(long thisSocket, Consumer<String> then) {
        if (lettingGo) {
            // the read starts before what was let go, and keeps what it reads within the bound again
            checkpointId = lastKeptId;
            lettingGo = false;
        }
        String after = checkpointId;
        String token = connectionToken;
        calls.execute(() -> {
            List<Map<String, Object>> missed = null;
            String failure = null;
            try {
                missed = service.itemsAfter(after, token);
            } catch (RuntimeException e) {
                failure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            }
            List<Map<String, Object>> read = missed;
            String why = failure;
            scheduler.execute(() -> {
                if (thisSocket != generation || stopped) {
                    filling = false;
                    return;
                }
                if (read != null) {
                    for (Map<String, Object> fields : read) {
                        ChatItem item = ChatItem.of(fields);
                        // without a checkpoint, the whole transcript came back: what was sent before the chat was
                        // followed stays
                        if (item != null && (after != null || !item.absoluteTime().isBefore(followedSince))) {
                            offer(item);
                        }
                    }
                    // while items are let go, the next read starts before them
                    checkpointId = lettingGo ? lastKeptId : lastItemId;
                }
                then.accept(why);
            });
        });
    }

    private void offer(ChatItem item) {
        if (item == null) {
            return;
        }
        if (!item.absoluteTime().isBefore(lastItemTime)) {
            lastItemTime = item.absoluteTime();
            lastItemId = item.id();
        }
        if (item.contactId() != null) {
            contactId = item.contactId();
        }
        boolean passes = settings.itemTypes().contains(item.type())
                && (settings.includeOwnItems() || !settings.participantRole().equals(item.participantRole()));
        if ((passes || item.endsTheChat()) && isNew(item)) {
            if (!item.endsTheChat() && (lettingGo || waitingHere() >= settings.maxWaiting() || allWaiting.full())) {
                // too many waiting for the route: this one is read from the transcript later
                if (!lettingGo) {
                    LOG.debug("Chat items are waiting for the route beyond the bound: the next are read from the"
                            + " transcript later");
                }
                boolean first = !lettingGo;
                lettingGo = true;
                if (first && waitingHere() == 0) {
                    // nothing of this chat's in the route to call back: the bound in all was met by other chats
                    scheduler.schedule(this::readWhatWasLetGo, settings.reorderMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
            keep(item);
            if (!item.absoluteTime().isBefore(lastKeptTime)) {
                lastKeptTime = item.absoluteTime();
                lastKeptId = item.id();
            }
            pending.add(item);
            if (!flushScheduled) {
                flushScheduled = true;
                scheduler.schedule(this::flush, settings.reorderMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (item.endsTheChat()) {
            ended = true;
            closeSocket();
        }
    }

    /** Whether the item was neither handed on before nor is waiting already; if so, it is waiting from now on. */
    private boolean firstTime(ChatItem item) {
        if (!isNew(item)) {
            return false;
        }
        keep(item);
        return true;
    }

    /** Neither handed on before nor waiting already. */
    private boolean isNew(ChatItem item) {
        return !seenBefore.test(item.seenKey()) && !waitingKeys.contains(item.seenKey());
    }

    /** The item waits for the route from now on, and counts in this chat and in all. */
    private void keep(ChatItem item) {
        waitingKeys.add(item.seenKey());
        allWaiting.add();
        mostWaiting = Math.max(mostWaiting, waitingKeys.size());
    }

    /** The item no longer waits (handed on, or the chat no longer followed). */
    private void release(ChatItem item) {
        if (waitingKeys.remove(item.seenKey())) {
            allWaiting.remove();
        }
    }

    /**
     * Once every item kept is handed on, reads those let go from the transcript; while the chats' items in all are at
     * their bound, a little later (another chat's items are in the route). The read takes every page after the last
     * item kept and keeps up to the bound again, so a backlog far beyond the bound is read a few times, once for each
     * bound's worth of it.
     */
    private void readWhatWasLetGo() {
        if (stopped || ended || !lettingGo || handing || !pending.isEmpty() || !subscribed || filling) {
            // not now: the socket's next subscription reads them, or the last item kept, once handed on, calls again
            return;
        }
        if (allWaiting.full()) {
            scheduler.schedule(this::readWhatWasLetGo, settings.reorderMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        long thisSocket = generation;
        readGapThen(thisSocket, "what was let go", () -> replayHeldFrames(thisSocket));
    }

    /** Items that will not be handed on (the chat is no longer followed) no longer count as waiting. */
    private void releaseWaiting() {
        pending.forEach(this::release);
        ready.forEach(this::release);
        pending.clear();
        ready.clear();
    }

    /** The most items this chat has held for the route at once (in the reorder window, ready, and in the route). */
    public int mostItemsWaiting() {
        return mostWaiting;
    }

    /** The items this chat holds for the route: in the reorder window, ready, and in the route. */
    private int waitingHere() {
        return waitingKeys.size();
    }

    /** The reorder window is over: its items, in order, join those ready for the route. */
    private void flush() {
        flushScheduled = false;
        pending.sort(Comparator.comparing(ChatItem::absoluteTime).thenComparing(ChatItem::id));
        ready.addAll(pending);
        pending.clear();
        if (!handing) {
            handNext();
        }
    }

    /** Hands the next ready item on; the one after goes once the route is done with it. */
    private void handNext() {
        ChatItem item = ready.poll();
        if (item == null || stopped) {
            handing = false;
            if (stoppedWhileHanding != null) {
                stoppedWhileHanding.complete(null);
            }
            readWhatWasLetGo();
            return;
        }
        handing = true;
        handOn.accept(item, () -> scheduler.execute(() -> {
            // the consumer marked it seen: no longer waiting
            release(item);
            handNext();
        }));
    }

    /** The service refused the participant: announce the end once (unless its event came), follow no more. */
    private void chatEnded() {
        ended = true;
        closeSocket();
        // a chat whose contact id was never seen gets one of its own, so that its end is not taken for another's
        String contact = contactId != null ? contactId : "unknown-" + java.util.UUID.randomUUID();
        Map<String, Object> fields = Map.of("Id", "chat-ended", "Type", "EVENT", "ContentType", ChatItem.CHAT_ENDED,
                "ParticipantRole", "SYSTEM", "AbsoluteTime", Instant.now().toString(), "ContactId", contact);
        ChatItem end = ChatItem.of(fields);
        if (firstTime(end)) {
            // after what is waiting in the reorder window
            pending.add(end);
            flush();
        }
    }

    private void replace(String why) {
        LOG.info("Replacing the chat socket: {}", why);
        failed("the socket was replaced: " + why);
        generation++;
        closeSocket();
        reconnectLater();
    }

    private void reconnectLater() {
        if (stopped || ended) {
            return;
        }
        long ceiling = Math.min(MAX_RECONNECT_MILLIS, MIN_RECONNECT_MILLIS * (1L << Math.min(reconnects, 20)));
        reconnects++;
        long delay = MIN_RECONNECT_MILLIS + ThreadLocalRandom.current().nextLong(ceiling);
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void closeSocket() {
        subscribed = false;
        filling = false;
        beforeSubscribed.clear();
        heartbeatPending = false;
        retire();
        if (rotation != null) {
            rotation.cancel(false);
            rotation = null;
        }
        if (heartbeats != null) {
            heartbeats.cancel(false);
            heartbeats = null;
        }
        if (socket != null) {
            socket.abort();
            socket = null;
        }
    }

    /** The socket's frames, handed to the scheduler thread with the socket they came from. */
    private final class Frames implements WebSocket.Listener {

        private final long thisSocket;
        private final StringBuilder partial = new StringBuilder();

        Frames(long thisSocket) {
            this.thisSocket = thisSocket;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                scheduler.execute(() -> onFrame(thisSocket, text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            scheduler.execute(() -> {
                if (thisSocket == generation && !stopped && !ended) {
                    replace("it closed (" + statusCode + ")");
                }
            });
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            scheduler.execute(() -> {
                if (thisSocket == generation && !stopped && !ended) {
                    replace("it failed (" + error.getClass().getSimpleName() + ")");
                }
            });
        }
    }
}
