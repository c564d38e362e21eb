package io.github.connectparticipant.camel;

import io.github.connectparticipant.camel.model.CompleteAttachmentUploadRequest;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadResult;
import io.github.connectparticipant.camel.model.GetAttachmentResult;
import io.github.connectparticipant.camel.model.SendAttachmentResult;
import io.github.connectparticipant.camel.model.StartAttachmentUploadResult;

import java.util.List;

import io.github.connectparticipant.camel.attachments.AttachmentCompletion;
import io.github.connectparticipant.camel.attachments.AttachmentRequestReader;
import io.github.connectparticipant.camel.attachments.AttachmentSending;
import io.github.connectparticipant.camel.attachments.AttachmentSource;
import io.github.connectparticipant.camel.attachments.AttachmentSources;
import io.github.connectparticipant.camel.attachments.StartedUpload;
import io.github.connectparticipant.camel.client.CallFailures;
import io.github.connectparticipant.camel.client.CapacityWait;
import io.github.connectparticipant.camel.client.ClientTokens;
import io.github.connectparticipant.camel.client.RequestLimits;
import io.github.connectparticipant.camel.client.RetryPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Performs the endpoint's operation (or the one in the CamelConnectParticipantOperation header) for each message.
 */
public class ConnectParticipantProducer extends DefaultProducer {

    private final ConnectParticipantConfiguration configuration;
    private final AttachmentRequestReader requestReader;
    private final AttachmentSources attachmentSources;
    private RetryPolicy retryPolicy;
    private AttachmentCompletion attachmentCompletion;
    private AttachmentSending attachmentSending;
    private WritableHealthCheckRepository healthCheckRepository;
    private ConnectParticipantProducerHealthCheck healthCheck;

    public ConnectParticipantProducer(ConnectParticipantEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.requestReader = new AttachmentRequestReader(configuration);
        this.attachmentSources = new AttachmentSources(configuration);
    }

    @Override
    public ConnectParticipantEndpoint getEndpoint() {
        return (ConnectParticipantEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        retryPolicy = new RetryPolicy(configuration.getMaxAttempts(), configuration.getRetryBaseDelay(),
                configuration.getRetryMaxDelay());
        attachmentCompletion = new AttachmentCompletion(getEndpoint().getServiceClient(), retryPolicy,
                getEndpoint().getCompleteGate());
        attachmentSending = new AttachmentSending(getEndpoint().getServiceClient(), getEndpoint().getUploader(),
                retryPolicy, getEndpoint().getStartGate(), getEndpoint().getCompleteGate());
        // the health check is optional: there is a producers repository only when producer checks are enabled
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new ConnectParticipantProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        ConnectParticipantOperations operation = operation(exchange);
        switch (operation) {
            case completeAttachmentUpload -> completeAttachmentUpload(exchange);
            case startAttachmentUpload -> startAttachmentUpload(exchange);
            case getAttachment -> getAttachment(exchange);
            case sendAttachment -> sendAttachment(exchange);
            default -> throw new IllegalArgumentException("Unsupported operation " + operation);
        }
    }

    private ConnectParticipantOperations operation(Exchange exchange) {
        ConnectParticipantOperations operation = exchange.getMessage()
                .getHeader(ConnectParticipantConstants.OPERATION, ConnectParticipantOperations.class);
        return operation != null ? operation : configuration.getOperation();
    }

    private void completeAttachmentUpload(Exchange exchange) {
        Message message = exchange.getMessage();
        CompleteAttachmentUploadRequest request = requestReader.read(exchange);
        CompleteAttachmentUploadResult result = attachmentCompletion.complete(request, idempotencyKey(message),
                redeliveries(message), capacityWait());
        message.setBody(result);
        message.setHeader(ConnectParticipantConstants.REQUEST_ID,
                result.getAttachments().get(result.getAttachments().size() - 1).getRequestId());
    }

    private void startAttachmentUpload(Exchange exchange) {
        Message message = exchange.getMessage();
        AttachmentSource source = attachmentSources.read(exchange, false);
        StartedUpload started = attachmentSending.start(source, connectionToken(message), tokenSource(message), 1,
                redeliveries(message), capacityWait());
        message.setBody(new StartAttachmentUploadResult(started.attachmentId(), started.url(),
                started.urlExpiry(), started.headersToInclude(), started.requestId()));
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_ID, started.attachmentId());
        message.setHeader(ConnectParticipantConstants.UPLOAD_URL, started.url());
        message.setHeader(ConnectParticipantConstants.UPLOAD_URL_EXPIRY, started.urlExpiry());
        message.setHeader(ConnectParticipantConstants.UPLOAD_HEADERS, started.headersToInclude());
        message.setHeader(ConnectParticipantConstants.REQUEST_ID, started.requestId());
    }

    private void getAttachment(Exchange exchange) {
        Message message = exchange.getMessage();
        String attachmentId = message.getHeader(ConnectParticipantConstants.ATTACHMENT_ID, String.class);
        if (attachmentId == null) {
            String body = message.getBody(String.class);
            attachmentId = body != null ? body.strip() : null;
        }
        RequestLimits.checkAttachmentIds(attachmentId == null ? List.of() : List.of(attachmentId), 1);
        String connectionToken = connectionToken(message);
        String id = attachmentId;
        GetAttachmentResult result = CallFailures.retried(retryPolicy, getEndpoint().getGetAttachmentGate(),
                capacityWait(), "GetAttachment of attachment '" + id + "'",
                () -> getEndpoint().getServiceClient().getAttachment(id, configuration.getUrlExpiryInSeconds(),
                        connectionToken),
                id, redeliveries(message), connectionToken);
        message.setBody(result);
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_URL, result.getUrl());
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_URL_EXPIRY, result.getUrlExpiry());
        message.setHeader(ConnectParticipantConstants.REQUEST_ID, result.getRequestId());
    }

    private void sendAttachment(Exchange exchange) {
        Message message = exchange.getMessage();
        AttachmentSource source = attachmentSources.read(exchange, true);
        SendAttachmentResult result = attachmentSending.send(source, connectionToken(message), tokenSource(message),
                redeliveries(message), capacityWait());
        message.setBody(result);
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_ID, result.getAttachmentId());
        message.setHeader(ConnectParticipantConstants.REQUEST_ID, result.getCompleteRequestId());
    }

    /** The token of an operation whose body is a file, not a request: from the header, else the endpoint. */
    private String connectionToken(Message message) {
        String token = AttachmentRequestReader.firstGiven(
                message.getHeader(ConnectParticipantConstants.CONNECTION_TOKEN, String.class), null,
                configuration.getConnectionToken());
        RequestLimits.checkConnectionToken(token);
        return token;
    }

    private ClientTokens.Source tokenSource(Message message) {
        String fixed = AttachmentRequestReader.firstGiven(
                message.getHeader(ConnectParticipantConstants.CLIENT_TOKEN, String.class), null,
                configuration.getClientToken());
        RequestLimits.checkClientToken(fixed);
        return new ClientTokens.Source(fixed, idempotencyKey(message));
    }

    /** What one message may wait for capacity, across all its calls. */
    private CapacityWait capacityWait() {
        return new CapacityWait(configuration.getMaxWaitForCapacity());
    }

    private static int redeliveries(Message message) {
        return message.getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
    }

    /**
     * The key client tokens derive from: set by the route, else the message id, which a JMS consumer sets to the
     * JMSMessageID and so survives broker redelivery. Never the exchange id, which a redelivery changes.
     */
    private static String idempotencyKey(Message message) {
        String key = message.getHeader(ConnectParticipantConstants.IDEMPOTENCY_KEY, String.class);
        return key != null && !key.isEmpty() ? key : message.getMessageId();
    }
}
