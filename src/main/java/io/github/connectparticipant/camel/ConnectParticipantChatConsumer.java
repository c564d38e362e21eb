package io.github.connectparticipant.camel;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.connectparticipant.camel.chat.ChatCheckpoints;
import io.github.connectparticipant.camel.chat.ChatFollower;
import io.github.connectparticipant.camel.chat.ChatItem;
import io.github.connectparticipant.camel.chat.ChatService;
import io.github.connectparticipant.camel.chat.ClusterNodes;
import io.github.connectparticipant.camel.chat.SealedTokens;
import io.github.connectparticipant.camel.chat.SerialScheduler;
import io.github.connectparticipant.camel.chat.WaitingItems;
import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.CallPacer;
import io.github.connectparticipant.camel.client.CapacityWait;
import io.github.connectparticipant.camel.client.ClientTokens;
import io.github.connectparticipant.camel.client.FailedCallException;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.TranscriptQuery;
import io.github.connectparticipant.camel.connection.ParticipantConnections;
import io.github.connectparticipant.camel.metrics.ChatMetrics;
import io.github.connectparticipant.camel.metrics.Metering;
import io.github.connectparticipant.camel.model.CreateParticipantConnectionResult;
import io.github.connectparticipant.camel.transcript.TranscriptReading;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("connectparticipant:chat?participantToken=...")} follows the participant's chat over its websocket;
 * {@code from("connectparticipant:chats")} follows the chats that followChat adds (and unfollowChat removes), many at
 * once: their sockets on a few threads, their items in the route up to concurrentConsumers at once (each chat's one at
 * a time, in order, through Camel's asynchronous routing engine), their service calls on as many threads again, so
 * that neither a slow route on one chat nor a slow service for one chat holds up another. Each item becomes an
 * exchange (the body its Content, or the whole item; headers ItemId,
 * ItemType, ContentType, ParticipantRole, DisplayName, AbsoluteTime, ContactId, AttachmentIds). The following of each
 * chat is a {@link ChatFollower}; its service calls go through the endpoint's one call path, its connections at the
 * pace the service's chat consumers share. An item is marked seen once the route is done with it (or its error handler
 * is), and with a state repository kept as its chat's last item ({@link ChatCheckpoints}), so a restart resumes after
 * it: exactly once while running, at least once across a crash (the item in the route then is handed on again).
 * Its health is its route's consumer check ({@link ConnectParticipantChatConsumerHealthCheck}); its meters are
 * {@link ChatMetrics}.
 */
public class ConnectParticipantChatConsumer extends DefaultConsumer implements HealthCheckAware {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectParticipantChatConsumer.class);
    private static final int MEMORY_IDS = 10_000;
    /** How long stopping waits for the chats' sockets to close (a connection being made may hold a thread). */
    private static final long STOP_WAIT_SECONDS = 5;
    /** Threads the followed chats share (one for a single chat). */
    private static final int CHATS_THREADS = 4;
    /**
     * How long followChat on a node that does not lead the chat's shard waits for the leader to take it: a shard whose
     * leader died has a new one within the time a node takes to be found gone and a lock to move, about 10 s.
     */
    private static final long LEADER_WAIT_MILLIS = 30_000;

    private final ConnectParticipantConfiguration configuration;
    private final boolean manyChats;
    private ScheduledExecutorService pool;
    /** Where the items are handed to the route, and where the chats' service calls wait for their answers. */
    private ExecutorService handOffs;
    private ExecutorService callThreads;
    /** The items the chats hold waiting for the route, bounded in all (maxItemsWaiting). */
    private WaitingItems waiting;
    private HttpClient http;
    private IdempotentRepository seen;
    private boolean ownRepository;
    private ChatFollower.Settings settings;
    /** itemBody=item: the body is the whole item, not its Content. */
    private boolean wholeItemBody;
    private ParticipantConnections connections;
    private TranscriptReading transcripts;
    private CallPacer connectionPace;
    /** Where each chat's last item (and, for chats with a key, each token sealed) is kept; null without a repository. */
    private ChatCheckpoints checkpoints;
    /** The chats followed, by participant token (in memory; kept sealed only through checkpoints). */
    private final Map<String, ChatFollower> followers = new ConcurrentHashMap<>();
    private HealthCheck healthCheck;
    /** How many shards the chats are spread over (the shards option). */
    private int shards = 1;
    /** In a cluster, the leadership of the shards, and its rounds' thread; null without a cluster service. */
    private ChatShardLeadership leadership;
    private ScheduledExecutorService shardRounds;
    /** The shards this node follows, in a cluster; guarded by shardLock, with following a chat in them. */
    private final Set<Integer> shardsHere = new HashSet<>();
    private final Object shardLock = new Object();
    private ChatMetrics metrics = ChatMetrics.NONE;

    public ConnectParticipantChatConsumer(ConnectParticipantEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.manyChats = configuration.getOperation() == ConnectParticipantOperations.chats;
    }

    @Override
    public ConnectParticipantEndpoint getEndpoint() {
        return (ConnectParticipantEndpoint) super.getEndpoint();
    }

    /** The follower of the chat of connectparticipant:chat, while started. */
    public ChatFollower getFollower() {
        String participantToken = configuration.getParticipantToken();
        return participantToken != null ? followers.get(participantToken) : null;
    }

    /** The chats followed, while started; null while stopped. */
    Collection<ChatFollower> followers() {
        return isStarted() ? followers.values() : null;
    }

    @Override
    public HealthCheck getHealthCheck() {
        return healthCheck;
    }

    @Override
    public void setHealthCheck(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }

    @Override
    protected void doBuild() throws Exception {
        if (healthCheck == null) {
            healthCheck = new ConnectParticipantChatConsumerHealthCheck(this, getRouteId());
        }
        super.doBuild();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckConsumerEnabled());
    }

    /** How many chats are followed. */
    public int getFollowedChats() {
        return followers.size();
    }

    /** The items its chats hold waiting for the route (bounded by maxItemsWaiting), while started. */
    public WaitingItems getItemsWaiting() {
        return waiting;
    }

    /**
     * Follows the chat of this participant token, unless it is followed already: here when this node follows the chat's
     * shard (every shard without a cluster), else by asking the shard's leader through the state repository, and
     * waiting until it does.
     */
    void follow(String participantToken) {
        if (!ifShardHere(participantToken, token -> followHere(token, false))) {
            askLeader(participantToken, true);
        }
    }

    /** Stops following the chat of this participant token, and forgets where it stood; in a cluster, wherever it is. */
    void unfollow(String participantToken) {
        if (!ifShardHere(participantToken, this::unfollowHere)) {
            askLeader(participantToken, false);
        }
    }

    /**
     * Does this with the chat when this node follows its shard (every shard without a cluster), under the shard lock
     * so that the shard cannot be lost meanwhile.
     *
     * @return whether it did
     */
    private boolean ifShardHere(String participantToken, Consumer<String> action) {
        if (leadership == null) {
            action.accept(participantToken);
            return true;
        }
        synchronized (shardLock) {
            if (!shardsHere.contains(shardOf(participantToken))) {
                return false;
            }
            action.accept(participantToken);
            return true;
        }
    }

    private int shardOf(String participantToken) {
        return ChatCheckpoints.shardOf(ChatCheckpoints.chatKey(participantToken), shards);
    }

    /**
     * Follows the chat here, unless it is followed already; after its kept last item, if any.
     *
     * @param kept whether the chat is in its shard's kept list already (followed again), so that it is not written
     */
    private void followHere(String participantToken, boolean kept) {
        followers.computeIfAbsent(participantToken, token -> {
            String chatKey = checkpoints != null ? ChatCheckpoints.chatKey(token) : null;
            ChatItem.Position resumeAfter = null;
            if (checkpoints != null) {
                resumeAfter = checkpoints.lastItem(chatKey);
                if (!kept) {
                    checkpoints.followed(chatKey, token);
                }
            }
            ChatFollower follower = new ChatFollower(new Service(token), settings, new SerialScheduler(pool), http,
                    callThreads, waiting, seen::contains, (item, done) -> handOn(item, token, chatKey, done),
                    resumeAfter);
            follower.start();
            return follower;
        });
    }

    private void unfollowHere(String participantToken) {
        stopFollowing(participantToken);
        if (checkpoints != null) {
            checkpoints.forget(ChatCheckpoints.chatKey(participantToken));
        }
    }

    /**
     * In a cluster, asks the leader of the chat's shard to follow it (or no longer), and waits until the shard's kept
     * list shows it done (a chat that ended meanwhile is done too): within a round or two while the shard has a
     * leader. This holds the calling thread (followChat's, unfollowChat's) that long, so that an exchange that
     * completes has its chat followed somewhere; and it asks again, since two nodes that ask at once may overwrite
     * each other's request.
     */
    private void askLeader(String participantToken, boolean follow) {
        String chatKey = ChatCheckpoints.chatKey(participantToken);
        int shard = ChatCheckpoints.shardOf(chatKey, shards);
        if (follow) {
            checkpoints.keepToken(chatKey, participantToken);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEADER_WAIT_MILLIS);
        while (checkpoints.isFollowedByLeader(chatKey) != follow && (!follow || checkpoints.keepsToken(chatKey))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No node of the cluster " + (follow ? "followed" : "unfollowed")
                        + " the chat within " + LEADER_WAIT_MILLIS / 1000 + " s: its shard " + shard + " has no"
                        + " leader (is a connectparticipant:chats route running, with the same shards, state"
                        + " repository and cluster service, on a node that can lead it?)");
            }
            checkpoints.request(chatKey, follow);
            try {
                Thread.sleep(ChatShardLeadership.ROUND_MILLIS / 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the shard's leader took the chat", e);
            }
        }
    }

    /** The shards this node leads, with their chats: followed when gained, let go when lost, requests each round. */
    private final class ShardsHere implements ChatShardLeadership.Shards {

        @Override
        public void gained(int shard) {
            synchronized (shardLock) {
                shardsHere.add(shard);
                checkpoints.followShard(shard, ConnectParticipantChatConsumer::unreadableToken)
                        .forEach(token -> followHere(token, true));
            }
        }

        @Override
        public CompletableFuture<Void> lost(int shard) {
            List<CompletableFuture<Void>> stopped = new ArrayList<>();
            synchronized (shardLock) {
                shardsHere.remove(shard);
                followedWhere(chatKey -> ChatCheckpoints.shardOf(chatKey, shards) == shard)
                        .forEach(participantToken -> stopped.add(stopFollowing(participantToken)));
                checkpoints.leaveShard(shard);
            }
            return CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new));
        }

        @Override
        public void round(int shard) {
            ChatCheckpoints.Requests requests = checkpoints.takeRequests(shard,
                    ConnectParticipantChatConsumer::unreadableToken);
            synchronized (shardLock) {
                if (!shardsHere.contains(shard)) {
                    return;
                }
                requests.follow().forEach(token -> followHere(token, false));
                for (String chatKey : requests.unfollow()) {
                    followedWhere(chatKey::equals).forEach(ConnectParticipantChatConsumer.this::stopFollowing);
                    checkpoints.forget(chatKey);
                }
            }
        }
    }

    /** The participant tokens followed here whose chat key (see {@link ChatCheckpoints#chatKey}) matches. */
    private List<String> followedWhere(Predicate<String> chatKeyMatches) {
        return followers.keySet().stream().filter(token -> chatKeyMatches.test(ChatCheckpoints.chatKey(token)))
                .toList();
    }

    private static void unreadableToken(String why) {
        LOG.warn("A chat kept in the state repository is not followed again: {}", why);
    }

    /**
     * Stops following the chat of this participant token; what is kept of it stays, for a restart.
     *
     * @return done once its socket is closed
     */
    private CompletableFuture<Void> stopFollowing(String participantToken) {
        ChatFollower follower = followers.remove(participantToken);
        return follower != null ? follower.stop() : CompletableFuture.completedFuture(null);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String participantToken = configuration.getParticipantToken();
        if (!manyChats && (participantToken == null || participantToken.isBlank())) {
            throw new IllegalArgumentException("connectparticipant:chat needs the participantToken option: the"
                    + " participant's socket is made from it (CreateParticipantConnection)");
        }
        ConnectParticipantEndpoint endpoint = getEndpoint();
        ServiceCalls calls = endpoint.newServiceCalls(endpoint.newRetryPolicy());
        connections = endpoint.newParticipantConnections(calls);
        transcripts = new TranscriptReading(calls);
        seen = configuration.getIdempotentRepository();
        ownRepository = seen == null;
        if (ownRepository) {
            seen = MemoryIdempotentRepository.memoryIdempotentRepository(MEMORY_IDS);
        }
        ServiceHelper.startService(seen);
        connectionPace = endpoint.getComponent().getServiceCapacity().chatConnections(endpoint.getServiceBaseUrl());
        shards = manyChats ? atLeastOne("shards", configuration.getShards()) : 1;
        checkpoints = newCheckpoints();
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        pool = executors.newScheduledThreadPool(this, "ConnectParticipantChat",
                unboundedQueue("ConnectParticipantChat", manyChats ? CHATS_THREADS : 1));
        handOffs = newPool(executors, "ConnectParticipantChatHandOff");
        callThreads = newPool(executors, "ConnectParticipantChatCalls");
        http = endpoint.newWebSocketClient();
        wholeItemBody = "item".equals(configuration.getItemBody());
        Set<String> itemTypes = Arrays.stream(configuration.getItemTypes().split(",")).map(String::strip)
                .filter(type -> !type.isEmpty()).collect(Collectors.toUnmodifiableSet());
        settings = new ChatFollower.Settings(itemTypes, configuration.isIncludeOwnItems(),
                configuration.getParticipantRole(), configuration.isFillGaps(), configuration.getHeartbeatInterval(),
                configuration.getSubscribeTimeout(), configuration.getReorderWindow(),
                configuration.getSocketLifetime(), configuration.getMaxItemsWaitingPerChat());
        int perChat = atLeastOne("maxItemsWaitingPerChat", configuration.getMaxItemsWaitingPerChat());
        waiting = new WaitingItems(
                manyChats ? atLeastOne("maxItemsWaiting", configuration.getMaxItemsWaiting()) : perChat);
        Metering metering = endpoint.getMetering();
        if (metering != null) {
            WaitingItems items = waiting;
            metrics = metering.forChats(endpoint.getServiceBaseUrl(), endpoint.getId(), followers::size, items::count);
        }
        if (manyChats) {
            startFollowingShards(endpoint);
        } else {
            followHere(participantToken, false);
        }
    }

    /**
     * With a cluster service in the context, the shards this node leads, from the rounds of its leadership; without
     * one, every shard, and the chats kept in each followed again.
     */
    private void startFollowingShards(ConnectParticipantEndpoint endpoint) {
        CamelClusterService clusterService = ClusterServiceHelper.lookupService(endpoint.getCamelContext())
                .orElse(null);
        if (clusterService != null && (checkpoints == null || !checkpoints.keepsTokens())) {
            throw new IllegalArgumentException("connectparticipant:chats in a cluster (the context has a cluster"
                    + " service) needs a stateRepository that every node shares and a stateEncryptionKey: a chat moves"
                    + " to another node with its token, sealed, and its last item");
        }
        endpoint.getComponent().registerChatsConsumer(endpoint.getServiceBaseUrl(), this);
        if (clusterService != null) {
            ClusterNodes nodes = new ClusterNodes(configuration.getStateRepository(), UUID.randomUUID().toString(),
                    shards, TimeUnit.MILLISECONDS.toNanos(ChatShardLeadership.NODE_GONE_MILLIS));
            leadership = new ChatShardLeadership(clusterService, nodes, shards, new ShardsHere());
            shardRounds = endpoint.getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "ConnectParticipantChatShards");
            leadership.start(shardRounds);
            LOG.info("connectparticipant:chats follows the shards of its chats that this node leads, through the"
                    + " cluster service {}", clusterService.getId());
            return;
        }
        if (checkpoints != null) {
            int kept = 0;
            for (int shard = 0; shard < shards; shard++) {
                for (String token : checkpoints.followShard(shard, ConnectParticipantChatConsumer::unreadableToken)) {
                    followHere(token, true);
                    kept++;
                }
            }
            if (kept > 0) {
                LOG.info("Following again the {} chats kept in the state repository", kept);
            }
        }
    }

    /**
     * concurrentConsumers threads (one for a single chat); with Camel's virtual threads on, a virtual thread for each
     * task, since they cost next to nothing while they wait.
     */
    private ExecutorService newPool(ExecutorServiceManager executors, String name) {
        if (manyChats && ThreadType.current() == ThreadType.VIRTUAL) {
            return executors.newCachedThreadPool(this, name);
        }
        int threads = manyChats ? atLeastOne("concurrentConsumers", configuration.getConcurrentConsumers()) : 1;
        return executors.newThreadPool(this, name, unboundedQueue(name, threads));
    }

    /** The option's value, when it is at least 1; a clear error at start-up when it is not. */
    private static int atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
        return value;
    }

    /**
     * So many threads, and no bound on the tasks waiting for them: Camel's default profile refuses tasks beyond 1,000,
     * which hundreds of chats reach (each has its heartbeats and timers waiting), and a chat whose task is refused stops.
     * What waits is bounded otherwise: a few tasks a chat, and its items by maxItemsWaitingPerChat.
     */
    private static ThreadPoolProfile unboundedQueue(String name, int threads) {
        return new ThreadPoolProfileBuilder(name).poolSize(threads).maxPoolSize(threads).maxQueueSize(-1).build();
    }

    private ChatCheckpoints newCheckpoints() {
        StateRepository<String, String> repository = configuration.getStateRepository();
        if (repository == null) {
            return null;
        }
        ServiceHelper.startService(repository);
        String key = configuration.getStateEncryptionKey();
        SealedTokens tokens = manyChats && key != null && !key.isBlank() ? new SealedTokens(key) : null;
        if (manyChats && tokens == null) {
            LOG.info("connectparticipant:chats keeps each chat's last item but no participant token (no"
                    + " stateEncryptionKey): after a restart a chat resumes once followChat follows it again");
        }
        return new ChatCheckpoints(repository, tokens, shards);
    }

    @Override
    protected void doStop() throws Exception {
        if (manyChats) {
            getEndpoint().getComponent().unregisterChatsConsumer(getEndpoint().getServiceBaseUrl(), this);
        }
        if (leadership != null) {
            // the rounds first, then the shards given up (once the route is done with their items) for other nodes
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(shardRounds);
            leadership.stop();
            leadership = null;
            shardRounds = null;
        }
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (String participantToken : List.copyOf(followers.keySet())) {
            closed.add(stopFollowing(participantToken));
        }
        if (pool != null) {
            // once the sockets are closed, what is left on the pool (heartbeats, rotations, reconnects) is for chats
            // no longer followed
            try {
                CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).get(STOP_WAIT_SECONDS,
                        TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("Not every chat socket closed in time; the pool stops anyway");
            }
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(pool);
            pool = null;
        }
        for (ExecutorService executor : new ExecutorService[]{handOffs, callThreads}) {
            if (executor != null) {
                getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            }
        }
        handOffs = null;
        callThreads = null;
        if (ownRepository) {
            ServiceHelper.stopService(seen);
        }
        metrics.close();
        metrics = ChatMetrics.NONE;
        super.doStop();
    }

    /**
     * One item, one exchange, through Camel's asynchronous routing engine on a hand-off thread: a failure goes to the
     * route's error handler. Once the route is done with it (its callback), the item is seen (and kept as the chat's
     * last), and its chat's next item may go. A chat that ended is handed on (its end, once) and no longer followed.
     */
    private void handOn(ChatItem item, String participantToken, String chatKey, Runnable done) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(wholeItemBody ? item.fields() : item.content());
        message.setHeader(ConnectParticipantConstants.ITEM_ID, item.id());
        message.setHeader(ConnectParticipantConstants.ITEM_TYPE, item.type());
        message.setHeader(ConnectParticipantConstants.CONTENT_TYPE, item.contentType());
        message.setHeader(ConnectParticipantConstants.PARTICIPANT_ROLE, item.participantRole());
        message.setHeader(ConnectParticipantConstants.DISPLAY_NAME, item.displayName());
        message.setHeader(ConnectParticipantConstants.ABSOLUTE_TIME, item.absoluteTime().toString());
        message.setHeader(ConnectParticipantConstants.CONTACT_ID, item.contactId());
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_IDS, item.attachmentIds());
        try {
            handOffs.execute(() -> {
                metrics.handedOn(item.absoluteTime());
                try {
                    getAsyncProcessor().process(exchange,
                            doneSync -> handedOn(exchange, item, participantToken, chatKey, done));
                } catch (RuntimeException e) {
                    exchange.setException(e);
                    handedOn(exchange, item, participantToken, chatKey, done);
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping: the item is not seen, and a restart hands it on
            releaseExchange(exchange, false);
        }
    }

    private void handedOn(Exchange exchange, ChatItem item, String participantToken, String chatKey, Runnable done) {
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing chat item " + item.id(), exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
            seen.add(item.seenKey());
            if (checkpoints != null) {
                if (item.endsTheChat()) {
                    checkpoints.forget(chatKey);
                } else {
                    checkpoints.handedOn(chatKey, item);
                }
            }
            if (item.endsTheChat() && manyChats) {
                followers.remove(participantToken);
            }
        } finally {
            done.run();
        }
    }

    /** The follower's calls through the endpoint's one call path, with the participant token. */
    private final class Service implements ChatService {

        private final String participantToken;

        Service(String participantToken) {
            this.participantToken = participantToken;
        }

        @Override
        public Connection connect() {
            try {
                CreateParticipantConnectionResult created = connections.createForChat(participantToken, context());
                if (created.getWebsocketUrl() == null) {
                    throw new IllegalStateException("CreateParticipantConnection answered no websocket URL");
                }
                return new Connection(created.getWebsocketUrl(), created.getConnectionToken(),
                        created.getConnectionExpiry());
            } catch (FailedCallException e) {
                throw ended(e);
            }
        }

        @Override
        public long reserveConnection() {
            return TimeUnit.NANOSECONDS.toMillis(
                    connectionPace.reserveNanos(configuration.getConnectionRateLimit(), System.nanoTime()));
        }

        @Override
        public List<Map<String, Object>> itemsAfter(String itemId, String connectionToken) {
            metrics.gapRead();
            try {
                TranscriptQuery query = new TranscriptQuery(null, 100, "FORWARD", "ASCENDING", itemId, null, null);
                return transcripts.read(ConnectParticipantOperations.getTranscript, query, null, true,
                        connectionToken, context()).getTranscript();
            } catch (FailedCallException e) {
                // a 403 here is the connection token's (expired): the next connection makes a new one
                throw ConnectParticipantException.of(e.failure());
            }
        }

        private CallContext context() {
            return new CallContext(new ClientTokens.Source(null, "chat"), 0,
                    new CapacityWait(configuration.getMaxWaitForCapacity()));
        }

        /** A 403 means the participant is no longer in the chat; any other failure is the failure. */
        private RuntimeException ended(FailedCallException e) {
            if (e.failure().statusCode() == 403) {
                return new ChatEndedException("the service refused the participant (403): the chat has ended");
            }
            return ConnectParticipantException.of(e.failure());
        }
    }
}
