package io.github.connectparticipant.camel;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import io.github.connectparticipant.camel.chat.ChatFollower;
import io.github.connectparticipant.camel.chat.ChatItem;
import io.github.connectparticipant.camel.chat.ChatService;
import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.CapacityWait;
import io.github.connectparticipant.camel.client.ClientTokens;
import io.github.connectparticipant.camel.client.FailedCallException;
import io.github.connectparticipant.camel.client.RetryPolicy;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.TranscriptQuery;
import io.github.connectparticipant.camel.connection.ParticipantConnections;
import io.github.connectparticipant.camel.model.CreateParticipantConnectionResult;
import io.github.connectparticipant.camel.transcript.TranscriptReading;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("connectparticipant:chat?participantToken=...")}: follows the participant's chat over its websocket and
 * hands each item on as an exchange (the body its Content, or the whole item; headers ItemId, ItemType, ContentType,
 * ParticipantRole, DisplayName, AbsoluteTime, ContactId, AttachmentIds). The following itself is a
 * {@link ChatFollower}; its service calls go through the endpoint's one call path.
 */
public class ConnectParticipantChatConsumer extends DefaultConsumer {

    private static final int MEMORY_IDS = 10_000;

    private final ConnectParticipantConfiguration configuration;
    private ScheduledExecutorService scheduler;
    private HttpClient http;
    private IdempotentRepository seen;
    private boolean ownRepository;
    private ChatFollower follower;

    public ConnectParticipantChatConsumer(ConnectParticipantEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public ConnectParticipantEndpoint getEndpoint() {
        return (ConnectParticipantEndpoint) super.getEndpoint();
    }

    /** The follower of the chat, while started. */
    public ChatFollower getFollower() {
        return follower;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String participantToken = configuration.getParticipantToken();
        if (participantToken == null || participantToken.isBlank()) {
            throw new IllegalArgumentException("connectparticipant:chat needs the participantToken option: the"
                    + " participant's socket is made from it (CreateParticipantConnection)");
        }
        ConnectParticipantEndpoint endpoint = getEndpoint();
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxAttempts(), configuration.getRetryBaseDelay(),
                configuration.getRetryMaxDelay());
        ServiceCalls calls = new ServiceCalls(endpoint.getServiceClient(), retryPolicy, endpoint::gate);
        ParticipantConnections connections = new ParticipantConnections(calls,
                ConnectParticipantOperations.createParticipantConnection, endpoint.getConnectionTokens(),
                configuration.connectionTypeList(), configuration.getConnectParticipant());
        TranscriptReading transcripts = new TranscriptReading(calls);
        seen = configuration.getIdempotentRepository();
        ownRepository = seen == null;
        if (ownRepository) {
            seen = MemoryIdempotentRepository.memoryIdempotentRepository(MEMORY_IDS);
        }
        ServiceHelper.startService(seen);
        scheduler = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "ConnectParticipantChat");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(configuration.getConnectTimeout())).build();
        Set<String> itemTypes = Arrays.stream(configuration.getItemTypes().split(",")).map(String::strip)
                .filter(type -> !type.isEmpty()).collect(Collectors.toUnmodifiableSet());
        follower = new ChatFollower(new Service(participantToken, connections, transcripts),
                new ChatFollower.Settings(itemTypes, configuration.isIncludeOwnItems(),
                        configuration.getParticipantRole(), configuration.isFillGaps(),
                        configuration.getHeartbeatInterval(), configuration.getSubscribeTimeout(),
                        configuration.getReorderWindow()),
                scheduler, http, seen::add, this::handOn);
        follower.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (follower != null) {
            follower.stop();
        }
        if (scheduler != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(scheduler);
            scheduler = null;
        }
        if (ownRepository) {
            ServiceHelper.stopService(seen);
        }
        super.doStop();
    }

    /** One item, one exchange, on the follower's thread: a failure goes to the route's error handler. */
    private void handOn(ChatItem item) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody("item".equals(configuration.getItemBody()) ? item.fields() : item.content());
            message.setHeader(ConnectParticipantConstants.ITEM_ID, item.id());
            message.setHeader(ConnectParticipantConstants.ITEM_TYPE, item.type());
            message.setHeader(ConnectParticipantConstants.CONTENT_TYPE, item.contentType());
            message.setHeader(ConnectParticipantConstants.PARTICIPANT_ROLE, item.participantRole());
            message.setHeader(ConnectParticipantConstants.DISPLAY_NAME, item.displayName());
            message.setHeader(ConnectParticipantConstants.ABSOLUTE_TIME, item.absoluteTime().toString());
            message.setHeader(ConnectParticipantConstants.CONTACT_ID, item.contactId());
            message.setHeader(ConnectParticipantConstants.ATTACHMENT_IDS, item.attachmentIds());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing chat item " + item.id(), exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    /** The follower's calls through the endpoint's one call path, with the participant token. */
    private final class Service implements ChatService {

        private final String participantToken;
        private final ParticipantConnections connections;
        private final TranscriptReading transcripts;

        Service(String participantToken, ParticipantConnections connections, TranscriptReading transcripts) {
            this.participantToken = participantToken;
            this.connections = connections;
            this.transcripts = transcripts;
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
        public List<Map<String, Object>> itemsAfter(String itemId, String connectionToken) {
            try {
                TranscriptQuery query = new TranscriptQuery(null, 100, "FORWARD", "ASCENDING", itemId, null, null);
                return transcripts.read(ConnectParticipantOperations.getTranscript, query, null, true,
                        connectionToken, context()).getTranscript();
            } catch (FailedCallException e) {
                throw ended(e);
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
