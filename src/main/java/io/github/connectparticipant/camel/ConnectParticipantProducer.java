package io.github.connectparticipant.camel;

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
    private AttachmentCompletion attachmentCompletion;
    private WritableHealthCheckRepository healthCheckRepository;
    private ConnectParticipantProducerHealthCheck healthCheck;

    public ConnectParticipantProducer(ConnectParticipantEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.requestReader = new AttachmentRequestReader(configuration);
    }

    @Override
    public ConnectParticipantEndpoint getEndpoint() {
        return (ConnectParticipantEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxAttempts(), configuration.getRetryBaseDelay(),
                configuration.getRetryMaxDelay());
        attachmentCompletion = new AttachmentCompletion(getEndpoint().getServiceClient(), retryPolicy);
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
                message.getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
        message.setBody(result);
        message.setHeader(ConnectParticipantConstants.REQUEST_ID,
                result.getAttachments().get(result.getAttachments().size() - 1).getRequestId());
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
