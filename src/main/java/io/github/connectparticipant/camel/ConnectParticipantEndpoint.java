package io.github.connectparticipant.camel;

import java.util.HashMap;
import java.util.Map;

import io.github.connectparticipant.camel.attachments.AttachmentUploader;
import io.github.connectparticipant.camel.client.CallGate;
import io.github.connectparticipant.camel.client.CallMetrics;
import io.github.connectparticipant.camel.client.ClientSettings;
import io.github.connectparticipant.camel.client.ConnectionTokenCache;
import io.github.connectparticipant.camel.client.ParticipantHttpClientFactory;
import io.github.connectparticipant.camel.client.ParticipantServiceClient;
import io.github.connectparticipant.camel.client.RetryBudget;
import io.github.connectparticipant.camel.client.RetryPolicy;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.ServiceCapacity;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.connection.ParticipantConnections;
import io.github.connectparticipant.camel.metrics.Metering;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Calls the Amazon Connect Participant Service with the participant's connection token (X-Amz-Bearer), or one it makes
 * from a participant token: no AWS credentials and no SigV4; and follows chats over the participant's websocket
 * (connectparticipant:chat and chats).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "connectparticipant", title = "AWS Connect Participant",
        syntax = "connectparticipant:operation",
        category = {Category.CLOUD, Category.CHAT}, headersClass = ConnectParticipantConstants.class)
public class ConnectParticipantEndpoint extends DefaultEndpoint {

    @UriParam
    private final ConnectParticipantConfiguration configuration;

    private CloseableHttpClient ownedHttpClient;
    private ParticipantServiceClient serviceClient;
    private AttachmentUploader uploader;
    /** The gate of each operation. */
    private final Map<ServiceOperation, CallGate> gates = new HashMap<>();
    private RetryBudget retryBudget;
    /** Where the endpoint's meters go; null without Micrometer or a registry. */
    private Metering metering;
    private ConnectionTokenCache connectionTokens;
    private ClientSettings clientSettings;

    public ConnectParticipantEndpoint(String uri, Component component, ConnectParticipantConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new ConnectParticipantProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getOperation() != ConnectParticipantOperations.chat
                && configuration.getOperation() != ConnectParticipantOperations.chats) {
            throw new IllegalArgumentException("Only connectparticipant:chat and chats consume (from); "
                    + configuration.getOperation() + " is a producer operation (to)");
        }
        ConnectParticipantChatConsumer consumer = new ConnectParticipantChatConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configuration.validate();
        metering = Metering.find(configuration.getMeterRegistry(), getCamelContext());
        ClientSettings settings = configuration.clientSettings(getCamelContext());
        clientSettings = settings;
        String serviceBaseUrl = settings.serviceBaseUrl();
        CloseableHttpClient httpClient = configuration.getHttpClient();
        if (httpClient == null) {
            ParticipantHttpClientFactory.PooledClient pooled = ParticipantHttpClientFactory.create(settings);
            ownedHttpClient = pooled.client();
            httpClient = ownedHttpClient;
            if (metering != null) {
                metering.poolOf(serviceBaseUrl, getId(), pooled.pool());
            }
        }
        serviceClient = new ParticipantServiceClient(httpClient, serviceBaseUrl,
                ConnectParticipantOperations.serviceCalls());
        uploader = new AttachmentUploader(httpClient);
        ServiceCapacity capacity = getComponent().getServiceCapacity();
        for (ConnectParticipantOperations operation : ConnectParticipantOperations.serviceCalls()) {
            gates.put(operation, capacity.gate(settings, operation,
                    metering != null
                            ? metering.forOperation(serviceBaseUrl, operation.serviceName())
                            : CallMetrics.NONE));
            if (metering != null) {
                metering.rateOf(serviceBaseUrl, operation.serviceName(), capacity.limiter(serviceBaseUrl, operation));
            }
        }
        retryBudget = capacity.budget(serviceBaseUrl);
        connectionTokens = capacity.connectionTokens(serviceBaseUrl);
    }

    @Override
    protected void doStop() throws Exception {
        if (ownedHttpClient != null) {
            ownedHttpClient.close();
            ownedHttpClient = null;
        }
        serviceClient = null;
        uploader = null;
        super.doStop();
    }

    @Override
    public ConnectParticipantComponent getComponent() {
        return (ConnectParticipantComponent) super.getComponent();
    }

    public ConnectParticipantConfiguration getConfiguration() {
        return configuration;
    }

    /** Where the endpoint's meters go, once started; null without Micrometer or a registry. */
    Metering getMetering() {
        return metering;
    }

    ParticipantServiceClient getServiceClient() {
        return serviceClient;
    }

    AttachmentUploader getUploader() {
        return uploader;
    }

    /** The gate of the operation, shared with every endpoint of the context that calls it. */
    CallGate gate(ServiceOperation operation) {
        return gates.get(operation);
    }

    /** The retries a call gets, from the options. */
    RetryPolicy newRetryPolicy() {
        return new RetryPolicy(configuration.getMaxAttempts(), configuration.getRetryBaseDelay(),
                configuration.getRetryMaxDelay());
    }

    /** The one call path of this endpoint's service: its client, these retries, and each operation's gate. */
    ServiceCalls newServiceCalls(RetryPolicy retryPolicy) {
        return new ServiceCalls(serviceClient, retryPolicy, this::gate);
    }

    /** Connections made from participant tokens over these calls, kept in the endpoint's connection-token cache. */
    ParticipantConnections newParticipantConnections(ServiceCalls calls) {
        return new ParticipantConnections(calls, ConnectParticipantOperations.createParticipantConnection,
                connectionTokens, configuration.connectionTypeList(), configuration.getConnectParticipant());
    }

    /** A websocket client with the endpoint's connect timeout, TLS context and proxy, once started. */
    java.net.http.HttpClient newWebSocketClient() {
        return ParticipantHttpClientFactory.createWebSocketClient(clientSettings);
    }

    /** The base URL of the service this endpoint calls, once started. */
    String getServiceBaseUrl() {
        return clientSettings.serviceBaseUrl();
    }

    /**
     * The retry budget of the endpoint's service, shared in the Camel context: whether it is in an outage, and how many
     * it has had.
     */
    public RetryBudget getRetryBudget() {
        return retryBudget;
    }
}
