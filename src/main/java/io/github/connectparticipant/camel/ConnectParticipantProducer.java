package io.github.connectparticipant.camel;

import io.github.connectparticipant.camel.attachments.AttachmentCompletion;
import io.github.connectparticipant.camel.attachments.AttachmentDownloads;
import io.github.connectparticipant.camel.attachments.AttachmentSending;
import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.CapacityWait;
import io.github.connectparticipant.camel.client.FailedCallException;
import io.github.connectparticipant.camel.client.RetryPolicy;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.messages.ChatMessaging;
import io.github.connectparticipant.camel.transcript.TranscriptReading;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Performs the endpoint's operation (or the one in the CamelConnectParticipantOperation header) for each message,
 * through the operation's handler ({@link ConnectParticipantOperations}); a failure reaches the route as a
 * {@link ConnectParticipantException}.
 */
public class ConnectParticipantProducer extends DefaultProducer {

    private final ConnectParticipantConfiguration configuration;
    private final MessageTokens tokens;
    private OperationFamilies families;
    private WritableHealthCheckRepository healthCheckRepository;
    private ConnectParticipantProducerHealthCheck healthCheck;

    public ConnectParticipantProducer(ConnectParticipantEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.tokens = new MessageTokens(configuration);
    }

    @Override
    public ConnectParticipantEndpoint getEndpoint() {
        return (ConnectParticipantEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ConnectParticipantEndpoint endpoint = getEndpoint();
        RetryPolicy retryPolicy = endpoint.newRetryPolicy();
        ServiceCalls calls = endpoint.newServiceCalls(retryPolicy);
        families = new OperationFamilies(configuration, tokens, new AttachmentRequestReader(configuration),
                new AttachmentSources(configuration), new AttachmentCompletion(calls),
                new AttachmentSending(calls, endpoint.getUploader(), retryPolicy,
                        ConnectParticipantOperations.startAttachmentUpload,
                        ConnectParticipantOperations.completeAttachmentUpload),
                new AttachmentDownloads(calls), new ChatMessaging(calls), new TranscriptReading(calls),
                endpoint.newParticipantConnections(calls),
                new ChatFollowing(() -> endpoint.getComponent().chatsConsumer(endpoint.getServiceBaseUrl())));
        // the health check is optional: there is a producers repository only when producer checks are enabled
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new ConnectParticipantProducerHealthCheck(endpoint, endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
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
        Message message = exchange.getMessage();
        try {
            CallContext context = new CallContext(tokens.clientTokens(message, null), redeliveries(message),
                    new CapacityWait(configuration.getMaxWaitForCapacity()));
            ConnectParticipantOperations operation = operation(message);
            operation.handle(new OperationCall(operation, exchange, context, families));
        } catch (FailedCallException e) {
            throw ConnectParticipantException.of(e.failure());
        }
    }

    private ConnectParticipantOperations operation(Message message) {
        ConnectParticipantOperations operation = message.getHeader(ConnectParticipantConstants.OPERATION,
                ConnectParticipantOperations.class);
        return operation != null ? operation : configuration.getOperation();
    }

    private static int redeliveries(Message message) {
        return message.getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
    }
}
