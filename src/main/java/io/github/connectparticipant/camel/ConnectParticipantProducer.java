package io.github.connectparticipant.camel;

import java.util.List;
import java.util.function.Function;

import io.github.connectparticipant.camel.attachments.AttachmentCompletion;
import io.github.connectparticipant.camel.attachments.AttachmentRequestReader;
import io.github.connectparticipant.camel.attachments.AttachmentSending;
import io.github.connectparticipant.camel.attachments.AttachmentSource;
import io.github.connectparticipant.camel.attachments.AttachmentSources;
import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.CallFailures;
import io.github.connectparticipant.camel.client.CapacityWait;
import io.github.connectparticipant.camel.client.ClientTokens;
import io.github.connectparticipant.camel.client.RequestLimits;
import io.github.connectparticipant.camel.client.RetryPolicy;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.client.StartedUpload;
import io.github.connectparticipant.camel.client.TranscriptQuery;
import io.github.connectparticipant.camel.connection.ParticipantConnections;
import io.github.connectparticipant.camel.messages.ChatMessaging;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadRequest;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadResult;
import io.github.connectparticipant.camel.model.CreateParticipantConnectionResult;
import io.github.connectparticipant.camel.model.GetAttachmentResult;
import io.github.connectparticipant.camel.model.GetAuthenticationUrlResult;
import io.github.connectparticipant.camel.model.GetTranscriptResult;
import io.github.connectparticipant.camel.model.SendAttachmentResult;
import io.github.connectparticipant.camel.model.SentChatItem;
import io.github.connectparticipant.camel.model.ServiceCallResult;
import io.github.connectparticipant.camel.model.StartAttachmentUploadResult;
import io.github.connectparticipant.camel.transcript.TranscriptReading;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Performs the endpoint's operation (or the one in the CamelConnectParticipantOperation header) for each message:
 * reads its inputs from headers and body, finds its connection token (given, or made from a participant token), hands
 * it to the operation's family, and puts the result in the body and its useful values in headers.
 */
public class ConnectParticipantProducer extends DefaultProducer {

    private final ConnectParticipantConfiguration configuration;
    private final AttachmentRequestReader requestReader;
    private final AttachmentSources attachmentSources;
    private RetryPolicy retryPolicy;
    private AttachmentCompletion attachmentCompletion;
    private AttachmentSending attachmentSending;
    private ChatMessaging messaging;
    private TranscriptReading transcripts;
    private ParticipantConnections connections;
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
        ConnectParticipantEndpoint endpoint = getEndpoint();
        retryPolicy = new RetryPolicy(configuration.getMaxAttempts(), configuration.getRetryBaseDelay(),
                configuration.getRetryMaxDelay());
        attachmentCompletion = new AttachmentCompletion(endpoint.getServiceClient(), retryPolicy,
                endpoint.gate(ServiceOperation.COMPLETE_ATTACHMENT_UPLOAD));
        attachmentSending = new AttachmentSending(endpoint.getServiceClient(), endpoint.getUploader(), retryPolicy,
                endpoint.gate(ServiceOperation.START_ATTACHMENT_UPLOAD),
                endpoint.gate(ServiceOperation.COMPLETE_ATTACHMENT_UPLOAD));
        ServiceCalls calls = new ServiceCalls(endpoint.getServiceClient(), retryPolicy, endpoint::gate);
        messaging = new ChatMessaging(calls);
        transcripts = new TranscriptReading(calls);
        connections = new ParticipantConnections(calls, endpoint.getConnectionTokens(),
                configuration.connectionTypeList(), configuration.getConnectParticipant());
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
        CallContext context = new CallContext(tokenSource(message), redeliveries(message),
                new CapacityWait(configuration.getMaxWaitForCapacity()));
        ConnectParticipantOperations operation = operation(exchange);
        switch (operation) {
            case completeAttachmentUpload -> completeAttachmentUpload(exchange, context);
            case startAttachmentUpload -> startAttachmentUpload(exchange, context);
            case getAttachment -> getAttachment(message, context);
            case sendAttachment -> sendAttachment(exchange, context);
            case createParticipantConnection -> createParticipantConnection(message, context);
            case sendMessage -> sent(message, withConnectionToken(message, context,
                    token -> messaging.sendMessage(header(message, ConnectParticipantConstants.CONTENT_TYPE),
                            message.getBody(String.class), token, context)));
            case sendEvent -> sent(message, withConnectionToken(message, context,
                    token -> messaging.sendEvent(header(message, ConnectParticipantConstants.CONTENT_TYPE),
                            emptyAsNull(message.getBody(String.class)), token, context)));
            case getTranscript -> getTranscript(message, context);
            case disconnectParticipant -> done(message, withConnectionToken(message, context,
                    token -> connections.disconnect(token, context)));
            case describeView -> done(message, withConnectionToken(message, context,
                    token -> connections.describeView(header(message, ConnectParticipantConstants.VIEW_TOKEN), token,
                            context)));
            case getAuthenticationUrl -> {
                GetAuthenticationUrlResult result = withConnectionToken(message, context,
                        token -> connections.getAuthenticationUrl(
                                header(message, ConnectParticipantConstants.SESSION_ID),
                                header(message, ConnectParticipantConstants.REDIRECT_URI), token, context));
                done(message, result);
                message.setHeader(ConnectParticipantConstants.AUTHENTICATION_URL, result.getAuthenticationUrl());
            }
            case cancelParticipantAuthentication -> done(message, withConnectionToken(message, context,
                    token -> connections.cancelAuthentication(header(message, ConnectParticipantConstants.SESSION_ID),
                            token, context)));
            default -> throw new IllegalArgumentException("Unsupported operation " + operation);
        }
    }

    private ConnectParticipantOperations operation(Exchange exchange) {
        ConnectParticipantOperations operation = exchange.getMessage()
                .getHeader(ConnectParticipantConstants.OPERATION, ConnectParticipantOperations.class);
        return operation != null ? operation : configuration.getOperation();
    }

    private void completeAttachmentUpload(Exchange exchange, CallContext context) {
        Message message = exchange.getMessage();
        CompleteAttachmentUploadRequest request = requestReader.read(exchange);
        CompleteAttachmentUploadResult result = withConnectionToken(message, request.getConnectionToken(), context,
                token -> attachmentCompletion.complete(new CompleteAttachmentUploadRequest(request.getAttachmentIds(),
                        token, request.getClientToken()), idempotencyKey(message), context.redeliveries(),
                        context.capacityWait()));
        message.setBody(result);
        message.setHeader(ConnectParticipantConstants.REQUEST_ID,
                result.getAttachments().get(result.getAttachments().size() - 1).getRequestId());
    }

    private void startAttachmentUpload(Exchange exchange, CallContext context) {
        Message message = exchange.getMessage();
        AttachmentSource source = attachmentSources.read(exchange, false);
        StartedUpload started = withConnectionToken(message, context,
                token -> attachmentSending.start(source, token, context.clientTokens(), 1, context.redeliveries(),
                        context.capacityWait()));
        message.setBody(new StartAttachmentUploadResult(started.attachmentId(), started.url(),
                started.urlExpiry(), started.headersToInclude(), started.requestId()));
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_ID, started.attachmentId());
        message.setHeader(ConnectParticipantConstants.UPLOAD_URL, started.url());
        message.setHeader(ConnectParticipantConstants.UPLOAD_URL_EXPIRY, started.urlExpiry());
        message.setHeader(ConnectParticipantConstants.UPLOAD_HEADERS, started.headersToInclude());
        message.setHeader(ConnectParticipantConstants.REQUEST_ID, started.requestId());
    }

    private void getAttachment(Message message, CallContext context) {
        String attachmentId = message.getHeader(ConnectParticipantConstants.ATTACHMENT_ID, String.class);
        if (attachmentId == null) {
            String body = message.getBody(String.class);
            attachmentId = body != null ? body.strip() : null;
        }
        RequestLimits.checkAttachmentIds(attachmentId == null ? List.of() : List.of(attachmentId), 1);
        String id = attachmentId;
        GetAttachmentResult result = withConnectionToken(message, context,
                token -> CallFailures.retried(retryPolicy,
                        getEndpoint().gate(ServiceOperation.GET_ATTACHMENT), context.capacityWait(),
                        ServiceOperation.GET_ATTACHMENT.serviceName() + " of attachment '" + id + "'",
                        () -> getEndpoint().getServiceClient().getAttachment(id, configuration.getUrlExpiryInSeconds(),
                                token),
                        id, context.redeliveries(), token));
        message.setBody(result);
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_URL, result.getUrl());
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_URL_EXPIRY, result.getUrlExpiry());
        message.setHeader(ConnectParticipantConstants.REQUEST_ID, result.getRequestId());
    }

    private void sendAttachment(Exchange exchange, CallContext context) {
        Message message = exchange.getMessage();
        AttachmentSource source = attachmentSources.read(exchange, true);
        SendAttachmentResult result = withConnectionToken(message, context,
                token -> attachmentSending.send(source, token, context.clientTokens(), context.redeliveries(),
                        context.capacityWait()));
        message.setBody(result);
        message.setHeader(ConnectParticipantConstants.ATTACHMENT_ID, result.getAttachmentId());
        message.setHeader(ConnectParticipantConstants.REQUEST_ID, result.getCompleteRequestId());
    }

    private void createParticipantConnection(Message message, CallContext context) {
        CreateParticipantConnectionResult result = connections.create(participantToken(message), context);
        done(message, result);
        message.setHeader(ConnectParticipantConstants.CONNECTION_EXPIRY, result.getConnectionExpiry());
        message.setHeader(ConnectParticipantConstants.WEBSOCKET_URL, result.getWebsocketUrl());
        message.setHeader(ConnectParticipantConstants.WEBSOCKET_EXPIRY, result.getWebsocketExpiry());
    }

    private void getTranscript(Message message, CallContext context) {
        TranscriptQuery query = new TranscriptQuery(header(message, ConnectParticipantConstants.CONTACT_ID),
                message.getHeader(ConnectParticipantConstants.MAX_RESULTS, Integer.class),
                header(message, ConnectParticipantConstants.SCAN_DIRECTION),
                header(message, ConnectParticipantConstants.SORT_ORDER),
                header(message, ConnectParticipantConstants.START_POSITION_ID),
                header(message, ConnectParticipantConstants.START_POSITION_ABSOLUTE_TIME),
                message.getHeader(ConnectParticipantConstants.START_POSITION_MOST_RECENT, Integer.class));
        String nextToken = header(message, ConnectParticipantConstants.NEXT_TOKEN);
        GetTranscriptResult result = withConnectionToken(message, context,
                token -> transcripts.read(query, nextToken, configuration.isTranscriptAllPages(), token, context));
        done(message, result);
        if (result.getNextToken() != null) {
            message.setHeader(ConnectParticipantConstants.NEXT_TOKEN, result.getNextToken());
        } else {
            message.removeHeader(ConnectParticipantConstants.NEXT_TOKEN);
        }
    }

    private static void sent(Message message, SentChatItem result) {
        done(message, result);
        message.setHeader(ConnectParticipantConstants.MESSAGE_ID, result.getId());
        message.setHeader(ConnectParticipantConstants.ABSOLUTE_TIME, result.getAbsoluteTime());
    }

    private static void done(Message message, ServiceCallResult result) {
        message.setBody(result);
        message.setHeader(ConnectParticipantConstants.REQUEST_ID, result.getRequestId());
    }

    private <T> T withConnectionToken(Message message, CallContext context, Function<String, T> operation) {
        String given = headerOrOption(message, ConnectParticipantConstants.CONNECTION_TOKEN,
                configuration.getConnectionToken());
        return withConnectionToken(message, given, context, operation);
    }

    /**
     * Runs the operation with the connection token the message or endpoint gives; without one, with a connection
     * token made from the participant token, kept until shortly before its expiry and made anew once when the
     * service refuses it (403).
     */
    private <T> T withConnectionToken(Message message, String connectionToken, CallContext context,
                                      Function<String, T> operation) {
        if (connectionToken != null) {
            RequestLimits.checkConnectionToken(connectionToken);
            return operation.apply(connectionToken);
        }
        String participantToken = givenParticipantToken(message);
        if (participantToken == null) {
            RequestLimits.checkConnectionToken(null);
        }
        return connections.withConnectionTokenFrom(participantToken, context, operation);
    }

    private String participantToken(Message message) {
        String token = givenParticipantToken(message);
        RequestLimits.checkParticipantToken(token);
        return token;
    }

    private String givenParticipantToken(Message message) {
        return headerOrOption(message, ConnectParticipantConstants.PARTICIPANT_TOKEN,
                configuration.getParticipantToken());
    }

    private ClientTokens.Source tokenSource(Message message) {
        String fixed = headerOrOption(message, ConnectParticipantConstants.CLIENT_TOKEN,
                configuration.getClientToken());
        RequestLimits.checkClientToken(fixed);
        return new ClientTokens.Source(fixed, idempotencyKey(message));
    }

    private static String header(Message message, String name) {
        return message.getHeader(name, String.class);
    }

    /** The message's header when it has a non-empty one, else the endpoint's option. */
    private static String headerOrOption(Message message, String header, String option) {
        return AttachmentRequestReader.firstGiven(header(message, header), null, option);
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
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
