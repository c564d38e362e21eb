package io.github.connectparticipant.camel;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.connectparticipant.camel.client.ClientSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The options of a connectparticipant endpoint; the component holds one that every endpoint starts from.
 */
@UriParams
public class ConnectParticipantConfiguration implements Cloneable {

    /** One DNS label, as every AWS region name is (us-east-1, us-gov-west-1, ap-southeast-2). */
    private static final Pattern REGION = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private ConnectParticipantOperations operation;

    @UriParam(label = "security", secret = true,
            description = "The participant's connection token (X-Amz-Bearer), used when the message carries none."
                    + " Use a property placeholder to keep it out of route files.")
    private String connectionToken;

    @UriParam(label = "security", secret = true,
            description = "The participant token (from StartChatContact), used when the message carries neither"
                    + " connection token nor participant token: the component makes a connection token from"
                    + " it (CreateParticipantConnection) and keeps it until shortly before it expires. Use a"
                    + " property placeholder to keep it out of route files.")
    private String participantToken;

    @UriParam(label = "producer", defaultValue = "CONNECTION_CREDENTIALS",
            description = "createParticipantConnection: the connection types to ask for, comma-separated:"
                    + " CONNECTION_CREDENTIALS, WEBSOCKET.")
    private String connectionTypes = "CONNECTION_CREDENTIALS";

    @UriParam(label = "producer",
            description = "createParticipantConnection: mark the participant as connected (ConnectParticipant);"
                    + " sent only when set.")
    private Boolean connectParticipant;

    @UriParam(label = "producer", defaultValue = "false",
            description = "getTranscript: follow NextToken to the last page and return every item in one list.")
    private boolean transcriptAllPages;

    @UriParam(label = "consumer", defaultValue = "MESSAGE,EVENT,ATTACHMENT,MESSAGEMETADATA",
            description = "The chat consumer: which item types become exchanges, comma-separated (MESSAGE, EVENT,"
                    + " ATTACHMENT, MESSAGEMETADATA).")
    private String itemTypes = "MESSAGE,EVENT,ATTACHMENT,MESSAGEMETADATA";

    @UriParam(label = "consumer", defaultValue = "false",
            description = "The chat consumer: pass the followed participant's own items too (the service echoes"
                    + " them over the socket); they are told by participantRole.")
    private boolean includeOwnItems;

    @UriParam(label = "consumer", defaultValue = "CUSTOMER",
            description = "The chat consumer: the role of the participant the participant token is for (CUSTOMER"
                    + " for StartChatContact's token; CUSTOM_BOT for a bot's), whose items are its own.")
    private String participantRole = "CUSTOMER";

    @UriParam(label = "consumer", defaultValue = "true",
            description = "The chat consumer: after every reconnect, read what was sent while the socket was down"
                    + " from the transcript (GetTranscript after the last item seen, every page).")
    private boolean fillGaps = true;

    @UriParam(label = "consumer", defaultValue = "content", enums = "content,item",
            description = "The chat consumer: the exchange's body, the item's Content (content) or the whole item as"
                    + " a Map (item).")
    private String itemBody = "content";

    @UriParam(label = "consumer",
            description = "The chat consumer: where the ids of the items handed on are kept, so that none is handed"
                    + " on twice (a socket's duplicates, a gap filled from the transcript); an in-memory one of"
                    + " 10,000 ids unless given. An id is kept once the route is done with its item, so a persistent"
                    + " one carries the guarantee across restarts; in a cluster, follow each chat from one node at a"
                    + " time (the master component, a cluster route policy).")
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer",
            description = "The chat consumer: where each followed chat's last item handed on is kept (Camel's"
                    + " FileStateRepository, say), so that a restarted consumer resumes every chat after it, the gap"
                    + " read from the transcript. A chat is kept under a SHA-256 hash of its participant token, never"
                    + " the token; connectparticipant:chats also keeps the participant tokens it follows, encrypted"
                    + " with stateEncryptionKey, and follows them again when it starts.")
    private org.apache.camel.spi.StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,security", secret = true,
            description = "The chat consumer: a 256-bit AES key in base64 (openssl rand -base64 32) with which"
                    + " connectparticipant:chats encrypts (AES-GCM) the participant tokens it keeps in the"
                    + " stateRepository. Without it no token is kept: a chat followed again after a restart still"
                    + " resumes after its last item. Use a property placeholder.")
    private String stateEncryptionKey;

    @UriParam(label = "consumer", defaultValue = "10",
            description = "The chat consumer: the most CreateParticipantConnection calls a second that the chat"
                    + " consumers of one service make together (first connections, reconnections and rotations;"
                    + " as many at once), on top of the operation's learned rate, so that a network flapping under"
                    + " hundreds of chats does not spend the quota the contact centre shares; 0 for no cap.")
    private double connectionRateLimit = 10;

    @UriParam(label = "consumer,advanced", defaultValue = "10000", javaType = "java.time.Duration",
            description = "The chat consumer: how often it sends a heartbeat and a ping, in milliseconds; one still"
                    + " unanswered at the next replaces the socket.")
    private long heartbeatInterval = 10000;

    @UriParam(label = "consumer,advanced", defaultValue = "3000", javaType = "java.time.Duration",
            description = "The chat consumer: how long a subscription may go unanswered before the socket is"
                    + " replaced, in milliseconds.")
    private long subscribeTimeout = 3000;

    @UriParam(label = "consumer,advanced", defaultValue = "3540000", javaType = "java.time.Duration",
            description = "The chat consumer: how long a socket serves before it is replaced, in milliseconds (59"
                    + " minutes, as the official clients do); it is also replaced a minute before its connection"
                    + " expires. The new socket subscribes and fills its gap before the old one closes.")
    private long socketLifetime = 3540000;

    @UriParam(label = "consumer", defaultValue = "64",
            description = "The chats consumer: how many chats' items may be in the route at once (each chat's one at"
                    + " a time, in order), and how many of the chats' service calls (connections, transcript reads)"
                    + " may wait for an answer at once. Size it to the items a second the chats bring times the"
                    + " seconds the route takes on one, with room: 500 chats of an item a second at 0.1 s each keep"
                    + " 50 busy. With Camel's virtual threads on (camel.threads.virtual.enabled, Java 21 and newer)"
                    + " each gets a virtual thread of its own and this bounds nothing.")
    private int concurrentConsumers = 64;

    @UriParam(label = "consumer,advanced", defaultValue = "100",
            description = "The chat consumers: the most items a chat holds waiting for the route (in the reorder"
                    + " window, ready, and in the route). Beyond it, while the route is behind, the chat lets its next"
                    + " items go and reads them from the transcript once those waiting are handed on: a slow route"
                    + " costs memory up to the bound and loses nothing.")
    private int maxItemsWaitingPerChat = 100;

    @UriParam(label = "consumer,advanced", defaultValue = "10000",
            description = "The chats consumer: the most items all its chats hold waiting for the route at once;"
                    + " beyond it, as beyond maxItemsWaitingPerChat, items are read from the transcript later.")
    private int maxItemsWaiting = 10000;

    @UriParam(label = "consumer", defaultValue = "16",
            description = "The chats consumer: how many shards its chats are spread over (a chat's shard comes from a"
                    + " hash of its participant token). With a cluster service in the context (Kubernetes leases, a"
                    + " file lock on a shared folder, ...) each shard is followed by one node, its leader, and the"
                    + " shards spread over the nodes; without one, this node follows them all. Every node must use"
                    + " the same number; 16 spreads evenly enough over up to a handful of nodes, and a node beyond"
                    + " the shards follows none.")
    private int shards = 16;

    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration",
            description = "The chat consumers: how long a chat may fail to be followed (its connections refused or"
                    + " failing, its sockets replaced without subscribing again) before the route's consumer health"
                    + " check reports DOWN, in milliseconds. Waiting for a connection's turn is not failing.")
    private long followFailureThreshold = 60000;

    @UriParam(label = "consumer,advanced", defaultValue = "200", javaType = "java.time.Duration",
            description = "The chat consumer: how long an item waits for others that the socket may deliver out of"
                    + " order, in milliseconds; items are handed on in AbsoluteTime order within it.")
    private long reorderWindow = 200;

    @UriParam(label = "producer,advanced",
            description = "A fixed idempotency token (ClientToken), as the CamelConnectParticipantClientToken header."
                    + " Rarely needed: by default tokens derive from the message, so redeliveries repeat"
                    + " rather than duplicate.")
    private String clientToken;

    @UriParam(defaultValue = "us-east-1",
            description = "The AWS region of the Amazon Connect instance; the endpoint is"
                    + " https://participant.connect.{region}.amazonaws.com")
    private String region = "us-east-1";

    @UriParam(defaultValue = "false",
            description = "Set the need for overriding the endpoint; uriEndpointOverride must then be set."
                    + " Setting uriEndpointOverride alone has the same effect.")
    private boolean overrideEndpoint;

    @UriParam(description = "The base URL to call instead of the regional endpoint, such as http://127.0.0.1:8089"
            + " for the embedded simulator, or a FIPS or VPC endpoint.")
    private String uriEndpointOverride;

    @UriParam(label = "producer", defaultValue = "3",
            description = "How many attempts each call gets before it fails (1 means no retry). Throttling, 5xx,"
                    + " timeouts and dropped connections are retried.")
    private int maxAttempts = 3;

    @UriParam(label = "producer", defaultValue = "100",
            description = "The most attachment ids one message may carry; a message with more is refused whole"
                    + " before anything is sent.")
    private int maxAttachmentsPerMessage = 100;

    @UriParam(label = "producer", defaultValue = "20971520",
            description = "startAttachmentUpload, sendAttachment: the largest attachment, in bytes, accepted before"
                    + " any call (20 MB, the service's default; instances can allow more).")
    private long maxAttachmentSize = 20L * 1024 * 1024;

    @UriParam(label = "producer",
            description = "startAttachmentUpload, sendAttachment: the file types accepted, as comma-separated"
                    + " extensions (e.g. pdf,png,jpg,docx); empty accepts any.")
    private String allowedFileTypes;

    @UriParam(label = "producer",
            description = "getAttachment: how long the download URL stays valid, 5 to 300 seconds; the service's"
                    + " default when not set.")
    private Integer urlExpiryInSeconds;

    @UriParam(label = "producer,advanced", defaultValue = "100", javaType = "java.time.Duration",
            description = "The base delay of the exponential backoff with full jitter, in milliseconds.")
    private long retryBaseDelay = 100;

    @UriParam(label = "producer,advanced", defaultValue = "20000", javaType = "java.time.Duration",
            description = "The longest wait between two attempts, in milliseconds; also caps a Retry-After.")
    private long retryMaxDelay = 20000;

    @UriParam(label = "producer", defaultValue = "true",
            description = "Learn the allowed call rate of each operation from the service's throttling answers and"
                    + " pace calls to it, shared by every endpoint of the Camel context that calls the same"
                    + " service and operation: a throttled call waits for its turn and goes again, without"
                    + " using one of its maxAttempts. When false, a throttle is retried as any transient"
                    + " error.")
    private boolean adaptiveRateLimit = true;

    @UriParam(label = "producer",
            description = "A fixed cap on the calls per second to each operation, for a known quota; 0 for none."
                    + " Applies with or without adaptiveRateLimit.")
    private double rateLimit;

    @UriParam(label = "producer", defaultValue = "120000", javaType = "java.time.Duration",
            description = "How long one message may wait for capacity, in milliseconds, across all its calls: for"
                    + " its turn at the learned or fixed rate, for a throttle's Retry-After, and for the"
                    + " service to come back from an outage (its last calls all faults in a row). Past it the"
                    + " message fails retryable, so the route's redeliveries and dead letters take over. 0"
                    + " fails at once instead of waiting.")
    private long maxWaitForCapacity = 120000;

    @UriParam(label = "producer", defaultValue = "10000", javaType = "java.time.Duration",
            description = "How long to wait for a connection to the service, in milliseconds.")
    private long connectTimeout = 10000;

    @UriParam(label = "producer", defaultValue = "30000", javaType = "java.time.Duration",
            description = "How long one attempt waits for the service's answer, in milliseconds.")
    private long responseTimeout = 30000;

    @UriParam(label = "producer", defaultValue = "50",
            description = "The size of the endpoint's HTTP connection pool.")
    private int maxConnections = 50;

    @UriParam(label = "proxy",
            description = "The host of an HTTP proxy to reach the service through (the chat consumer's websocket"
                    + " too).")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The port of the HTTP proxy.")
    private Integer proxyPort;

    @UriParam(label = "proxy", defaultValue = "http", enums = "http,https",
            description = "The scheme used to talk to the proxy.")
    private String proxyProtocol = "http";

    @UriParam(label = "security",
            description = "TLS settings (trust store, key store, protocols) for the connection to the service and the"
                    + " chat consumer's websocket.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced", javaType = "io.micrometer.core.instrument.MeterRegistry",
            description = "A Micrometer MeterRegistry for the component's meters (connectparticipant.*); when not"
                    + " set, the one bound in the Camel registry (Spring Boot's, say), if any. Without"
                    + " Micrometer on the class path nothing is recorded.")
    private Object meterRegistry;

    @UriParam(label = "advanced",
            description = "An HTTP client to use instead of the endpoint's own; it must not retry by itself. The"
                    + " endpoint does not close it.")
    private CloseableHttpClient httpClient;

    public ConnectParticipantOperations getOperation() {
        return operation;
    }

    public void setOperation(ConnectParticipantOperations operation) {
        this.operation = operation;
    }

    public String getConnectionToken() {
        return connectionToken;
    }

    public void setConnectionToken(String connectionToken) {
        this.connectionToken = connectionToken;
    }

    public String getParticipantToken() {
        return participantToken;
    }

    public void setParticipantToken(String participantToken) {
        this.participantToken = participantToken;
    }

    public String getConnectionTypes() {
        return connectionTypes;
    }

    public void setConnectionTypes(String connectionTypes) {
        this.connectionTypes = connectionTypes;
    }

    public Boolean getConnectParticipant() {
        return connectParticipant;
    }

    public void setConnectParticipant(Boolean connectParticipant) {
        this.connectParticipant = connectParticipant;
    }

    public boolean isTranscriptAllPages() {
        return transcriptAllPages;
    }

    public void setTranscriptAllPages(boolean transcriptAllPages) {
        this.transcriptAllPages = transcriptAllPages;
    }

    /** The connection types as the service names them, checked. */
    public List<String> connectionTypeList() {
        List<String> types = new ArrayList<>();
        for (String type : connectionTypes == null ? new String[0] : connectionTypes.split(",")) {
            String name = type.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!"CONNECTION_CREDENTIALS".equals(name) && !"WEBSOCKET".equals(name)) {
                throw new IllegalArgumentException("connectionTypes holds '" + type.strip()
                        + "'; the types are CONNECTION_CREDENTIALS and WEBSOCKET");
            }
            if (!types.contains(name)) {
                types.add(name);
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("connectionTypes must name CONNECTION_CREDENTIALS, WEBSOCKET or both");
        }
        return types;
    }

    public String getClientToken() {
        return clientToken;
    }

    public void setClientToken(String clientToken) {
        this.clientToken = clientToken;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public boolean isOverrideEndpoint() {
        return overrideEndpoint;
    }

    public void setOverrideEndpoint(boolean overrideEndpoint) {
        this.overrideEndpoint = overrideEndpoint;
    }

    public String getUriEndpointOverride() {
        return uriEndpointOverride;
    }

    public void setUriEndpointOverride(String uriEndpointOverride) {
        this.uriEndpointOverride = uriEndpointOverride;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public int getMaxAttachmentsPerMessage() {
        return maxAttachmentsPerMessage;
    }

    public void setMaxAttachmentsPerMessage(int maxAttachmentsPerMessage) {
        this.maxAttachmentsPerMessage = maxAttachmentsPerMessage;
    }

    public long getMaxAttachmentSize() {
        return maxAttachmentSize;
    }

    public void setMaxAttachmentSize(long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }

    public String getAllowedFileTypes() {
        return allowedFileTypes;
    }

    public void setAllowedFileTypes(String allowedFileTypes) {
        this.allowedFileTypes = allowedFileTypes;
    }

    public Integer getUrlExpiryInSeconds() {
        return urlExpiryInSeconds;
    }

    public void setUrlExpiryInSeconds(Integer urlExpiryInSeconds) {
        this.urlExpiryInSeconds = urlExpiryInSeconds;
    }

    public long getRetryBaseDelay() {
        return retryBaseDelay;
    }

    public void setRetryBaseDelay(long retryBaseDelay) {
        this.retryBaseDelay = retryBaseDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public boolean isAdaptiveRateLimit() {
        return adaptiveRateLimit;
    }

    public void setAdaptiveRateLimit(boolean adaptiveRateLimit) {
        this.adaptiveRateLimit = adaptiveRateLimit;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getMaxWaitForCapacity() {
        return maxWaitForCapacity;
    }

    public void setMaxWaitForCapacity(long maxWaitForCapacity) {
        this.maxWaitForCapacity = maxWaitForCapacity;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(String proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Object getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    /**
     * What the service client is made with, read from these options once, when an endpoint starts (the TLS context
     * built from sslContextParameters).
     */
    public ClientSettings clientSettings(CamelContext camelContext) throws GeneralSecurityException, IOException {
        return new ClientSettings(serviceBaseUrl(), connectTimeout, responseTimeout, maxConnections,
                sslContextParameters != null ? sslContextParameters.createSSLContext(camelContext) : null,
                proxyProtocol, proxyHost, proxyPort != null ? proxyPort : -1, rateLimit, adaptiveRateLimit);
    }

    /**
     * The base URL that calls go to: the override when one is set, else the region's endpoint.
     */
    public String serviceBaseUrl() {
        if (uriEndpointOverride != null && !uriEndpointOverride.isBlank()) {
            String url = uriEndpointOverride.strip();
            checkEndpointOverride(url);
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        if (overrideEndpoint) {
            throw new IllegalArgumentException("overrideEndpoint is true but uriEndpointOverride is not set");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must be set when uriEndpointOverride is not");
        }
        String label = region.strip();
        // the region becomes part of a host name: anything but one DNS label would send the calls elsewhere
        if (!REGION.matcher(label).matches()) {
            throw new IllegalArgumentException("region must be an AWS region such as eu-central-1 (one host name label:"
                    + " lower-case letters, digits and hyphens), was '" + label + "'");
        }
        return "https://participant.connect." + label + ".amazonaws.com";
    }

    /** An http or https URL with a host, and nothing the base URL of a service cannot hold (a query, a fragment). */
    private static void checkEndpointOverride(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("uriEndpointOverride is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("uriEndpointOverride must be an http or https URL, was scheme '"
                    + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("uriEndpointOverride must name a host, e.g. http://127.0.0.1:8089");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("uriEndpointOverride must be a base URL, without user info, query or"
                    + " fragment");
        }
    }

    /**
     * Refuses option values that would make every call fail or misbehave.
     */
    public String getItemTypes() {
        return itemTypes;
    }

    public void setItemTypes(String itemTypes) {
        this.itemTypes = itemTypes;
    }

    public boolean isIncludeOwnItems() {
        return includeOwnItems;
    }

    public void setIncludeOwnItems(boolean includeOwnItems) {
        this.includeOwnItems = includeOwnItems;
    }

    public String getParticipantRole() {
        return participantRole;
    }

    public void setParticipantRole(String participantRole) {
        this.participantRole = participantRole;
    }

    public boolean isFillGaps() {
        return fillGaps;
    }

    public void setFillGaps(boolean fillGaps) {
        this.fillGaps = fillGaps;
    }

    public String getItemBody() {
        return itemBody;
    }

    public void setItemBody(String itemBody) {
        this.itemBody = itemBody;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public long getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(long heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public long getSubscribeTimeout() {
        return subscribeTimeout;
    }

    public void setSubscribeTimeout(long subscribeTimeout) {
        this.subscribeTimeout = subscribeTimeout;
    }

    public long getSocketLifetime() {
        return socketLifetime;
    }

    public void setSocketLifetime(long socketLifetime) {
        this.socketLifetime = socketLifetime;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getMaxItemsWaitingPerChat() {
        return maxItemsWaitingPerChat;
    }

    public void setMaxItemsWaitingPerChat(int maxItemsWaitingPerChat) {
        this.maxItemsWaitingPerChat = maxItemsWaitingPerChat;
    }

    public int getMaxItemsWaiting() {
        return maxItemsWaiting;
    }

    public void setMaxItemsWaiting(int maxItemsWaiting) {
        this.maxItemsWaiting = maxItemsWaiting;
    }

    public int getShards() {
        return shards;
    }

    public void setShards(int shards) {
        this.shards = shards;
    }

    public long getFollowFailureThreshold() {
        return followFailureThreshold;
    }

    public void setFollowFailureThreshold(long followFailureThreshold) {
        this.followFailureThreshold = followFailureThreshold;
    }

    public long getReorderWindow() {
        return reorderWindow;
    }

    public void setReorderWindow(long reorderWindow) {
        this.reorderWindow = reorderWindow;
    }

    public org.apache.camel.spi.StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(org.apache.camel.spi.StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateEncryptionKey() {
        return stateEncryptionKey;
    }

    public void setStateEncryptionKey(String stateEncryptionKey) {
        this.stateEncryptionKey = stateEncryptionKey;
    }

    public double getConnectionRateLimit() {
        return connectionRateLimit;
    }

    public void setConnectionRateLimit(double connectionRateLimit) {
        this.connectionRateLimit = connectionRateLimit;
    }

    public void validate() {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxAttachmentsPerMessage < 1) {
            throw new IllegalArgumentException("maxAttachmentsPerMessage must be at least 1");
        }
        if (retryBaseDelay < 0 || retryMaxDelay < 0) {
            throw new IllegalArgumentException("retryBaseDelay and retryMaxDelay must not be negative");
        }
        if (rateLimit < 0 || Double.isNaN(rateLimit) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("rateLimit must be 0 (none) or a positive number of calls per second,"
                    + " was " + rateLimit);
        }
        if (connectionRateLimit < 0 || Double.isNaN(connectionRateLimit) || Double.isInfinite(connectionRateLimit)) {
            throw new IllegalArgumentException("connectionRateLimit must be 0 (no cap) or a positive number of"
                    + " connections per second, was " + connectionRateLimit);
        }
        if (maxWaitForCapacity < 0) {
            throw new IllegalArgumentException("maxWaitForCapacity must not be negative (0 fails at once instead of"
                    + " waiting), was " + maxWaitForCapacity);
        }
        if (connectTimeout <= 0 || responseTimeout <= 0) {
            throw new IllegalArgumentException("connectTimeout and responseTimeout must be positive");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (maxAttachmentSize < 1) {
            throw new IllegalArgumentException("maxAttachmentSize must be at least 1");
        }
        if (urlExpiryInSeconds != null && (urlExpiryInSeconds < 5 || urlExpiryInSeconds > 300)) {
            throw new IllegalArgumentException(
                    "urlExpiryInSeconds must be between 5 and 300, was " + urlExpiryInSeconds);
        }
        connectionTypeList();
        if (proxyHost != null && proxyPort == null) {
            throw new IllegalArgumentException("proxyPort must be set with proxyHost");
        }
        serviceBaseUrl();
    }

    /**
     * A copy for an endpoint, so that its URI options do not change the component's defaults.
     */
    public ConnectParticipantConfiguration copy() {
        try {
            return (ConnectParticipantConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
