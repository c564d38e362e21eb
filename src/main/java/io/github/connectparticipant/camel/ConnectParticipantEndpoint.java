package io.github.connectparticipant.camel;

import io.github.connectparticipant.camel.attachments.AttachmentUploader;
import io.github.connectparticipant.camel.client.CallGate;
import io.github.connectparticipant.camel.client.CallMetrics;
import io.github.connectparticipant.camel.client.ConnectionTokenCache;
import io.github.connectparticipant.camel.client.ParticipantHttpClientFactory;
import io.github.connectparticipant.camel.client.ParticipantServiceClient;
import io.github.connectparticipant.camel.client.RetryBudget;
import io.github.connectparticipant.camel.client.ServiceCapacity;
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
 * from a participant token: no AWS credentials and no SigV4.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "connectparticipant", title = "AWS Connect Participant",
             syntax = "connectparticipant:operation", producerOnly = true,
             category = { Category.CLOUD, Category.CHAT }, headersClass = ConnectParticipantConstants.class)
public class ConnectParticipantEndpoint extends DefaultEndpoint {

    @UriParam
    private final ConnectParticipantConfiguration configuration;

    private CloseableHttpClient ownedHttpClient;
    private ParticipantServiceClient serviceClient;
    private AttachmentUploader uploader;
    /** The service's operation at each path, as the operation tag of the meters names it. */
    private static final java.util.Map<String, String> OPERATION_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry(ParticipantServiceClient.COMPLETE_ATTACHMENT_UPLOAD_PATH, "CompleteAttachmentUpload"),
            java.util.Map.entry(ParticipantServiceClient.START_ATTACHMENT_UPLOAD_PATH, "StartAttachmentUpload"),
            java.util.Map.entry(ParticipantServiceClient.GET_ATTACHMENT_PATH, "GetAttachment"),
            java.util.Map.entry(ParticipantServiceClient.CREATE_PARTICIPANT_CONNECTION_PATH,
                    "CreateParticipantConnection"),
            java.util.Map.entry(ParticipantServiceClient.SEND_MESSAGE_PATH, "SendMessage"),
            java.util.Map.entry(ParticipantServiceClient.SEND_EVENT_PATH, "SendEvent"),
            java.util.Map.entry(ParticipantServiceClient.GET_TRANSCRIPT_PATH, "GetTranscript"),
            java.util.Map.entry(ParticipantServiceClient.DISCONNECT_PARTICIPANT_PATH, "DisconnectParticipant"),
            java.util.Map.entry(ParticipantServiceClient.DESCRIBE_VIEW_PATH, "DescribeView"),
            java.util.Map.entry(ParticipantServiceClient.GET_AUTHENTICATION_URL_PATH, "GetAuthenticationUrl"),
            java.util.Map.entry(ParticipantServiceClient.CANCEL_PARTICIPANT_AUTHENTICATION_PATH,
                    "CancelParticipantAuthentication"));

    /** The gate of each operation, by its path. */
    private final java.util.Map<String, CallGate> gates = new java.util.HashMap<>();
    private RetryBudget retryBudget;
    private ConnectionTokenCache connectionTokens;

    public ConnectParticipantEndpoint(String uri, Component component, ConnectParticipantConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new ConnectParticipantProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The connectparticipant component only supports producers (to)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configuration.validate();
        Metering metering = Metering.find(configuration.getMeterRegistry(), getCamelContext());
        String serviceBaseUrl = configuration.serviceBaseUrl();
        CloseableHttpClient httpClient = configuration.getHttpClient();
        if (httpClient == null) {
            ParticipantHttpClientFactory.PooledClient pooled = ParticipantHttpClientFactory.create(configuration,
                    getCamelContext());
            ownedHttpClient = pooled.client();
            httpClient = ownedHttpClient;
            if (metering != null) {
                metering.poolOf(serviceBaseUrl, getId(), pooled.pool());
            }
        }
        serviceClient = new ParticipantServiceClient(httpClient, serviceBaseUrl);
        uploader = new AttachmentUploader(httpClient);
        ServiceCapacity capacity = getComponent().getServiceCapacity();
        for (String path : OPERATION_NAMES.keySet()) {
            String operation = OPERATION_NAMES.get(path);
            gates.put(path, capacity.gate(configuration, path,
                    metering != null ? metering.forOperation(operation) : CallMetrics.NONE));
            if (metering != null) {
                metering.rateOf(operation, capacity.limiter(serviceBaseUrl, path));
            }
        }
        retryBudget = capacity.budget(configuration.serviceBaseUrl());
        connectionTokens = capacity.connectionTokens(configuration.serviceBaseUrl());
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

    ParticipantServiceClient getServiceClient() {
        return serviceClient;
    }

    AttachmentUploader getUploader() {
        return uploader;
    }

    /** The gate of the operation at this path, shared with every endpoint of the context that calls it. */
    CallGate gate(String operationPath) {
        return gates.get(operationPath);
    }

    /** The connection tokens made from participant tokens for the endpoint's service. */
    ConnectionTokenCache getConnectionTokens() {
        return connectionTokens;
    }

    /** The retry budget of the endpoint's service, shared in the Camel context: whether it is in an outage. */
    RetryBudget getRetryBudget() {
        return retryBudget;
    }
}
