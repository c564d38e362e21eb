package io.github.connectparticipant.camel;

import java.util.Arrays;
import java.util.List;

import io.github.connectparticipant.camel.attachments.AttachmentSource;
import io.github.connectparticipant.camel.client.RequestLimits;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.client.StartedUpload;
import io.github.connectparticipant.camel.client.TranscriptQuery;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadRequest;
import io.github.connectparticipant.camel.model.CreateParticipantConnectionResult;
import io.github.connectparticipant.camel.model.GetAttachmentResult;
import io.github.connectparticipant.camel.model.GetAuthenticationUrlResult;
import io.github.connectparticipant.camel.model.GetTranscriptResult;
import io.github.connectparticipant.camel.model.SendAttachmentResult;
import io.github.connectparticipant.camel.model.StartAttachmentUploadResult;

/**
 * The operations of the Amazon Connect Participant Service that the component performs, as named in the URI path;
 * each with what it is: the service's name of it, its HTTP method and path, and its handler, which reads the message,
 * has the operation's family perform it, and puts the result in the message. Adding an operation: its constant here,
 * its family's method, its result class in the model, its request body in ParticipantJson, the simulator, its headers
 * in ConnectParticipantConstants (see CONTRIBUTING.md).
 */
public enum ConnectParticipantOperations implements ServiceOperation {

    /** Confirms that an attachment was uploaded with the pre-signed URL that StartAttachmentUpload returned. */
    completeAttachmentUpload("CompleteAttachmentUpload", "POST", "/participant/complete-attachment-upload", call -> {
        CompleteAttachmentUploadRequest request = call.families().attachmentRequests().read(call.exchange());
        call.done(call.withConnectionToken(request.getConnectionToken(), token -> call.families()
                .attachmentCompletion().complete(call.operation(), request.getAttachmentIds(), token,
                        call.contextWithClientToken(request.getClientToken()))));
    }),

    /** Asks for an attachment id and a pre-signed URL to upload a file to. */
    startAttachmentUpload("StartAttachmentUpload", "POST", "/participant/start-attachment-upload", call -> {
        AttachmentSource source = call.families().attachmentSources().read(call.exchange(), false);
        StartedUpload started = call.withConnectionToken(
                token -> call.families().attachmentSending().start(source, token, 1, call.context()));
        call.done(new StartAttachmentUploadResult(started.attachmentId(), started.url(), started.urlExpiry(),
                started.headersToInclude(), started.requestId()));
        call.setHeader(ConnectParticipantConstants.ATTACHMENT_ID, started.attachmentId());
        call.setHeader(ConnectParticipantConstants.UPLOAD_URL, started.url());
        call.setHeader(ConnectParticipantConstants.UPLOAD_URL_EXPIRY, started.urlExpiry());
        call.setHeader(ConnectParticipantConstants.UPLOAD_HEADERS, started.headersToInclude());
    }),

    /** Asks for a download URL of a completed attachment. */
    getAttachment("GetAttachment", "POST", "/participant/attachment", call -> {
        String attachmentId = call.header(ConnectParticipantConstants.ATTACHMENT_ID);
        if (attachmentId == null) {
            String body = call.body();
            attachmentId = body != null ? body.strip() : null;
        }
        RequestLimits.checkAttachmentIds(attachmentId == null ? List.of() : List.of(attachmentId), 1,
                AttachmentRequestReader.WHERE_IDS_GO);
        String id = attachmentId;
        GetAttachmentResult result = call.done(call.withConnectionToken(token -> call.families()
                .attachmentDownloads().get(call.operation(), id, call.configuration().getUrlExpiryInSeconds(), token,
                        call.context())));
        call.setHeader(ConnectParticipantConstants.ATTACHMENT_URL, result.getUrl());
        call.setHeader(ConnectParticipantConstants.ATTACHMENT_URL_EXPIRY, result.getUrlExpiry());
    }),

    /**
     * The whole flow from a file or bytes: start, upload to the pre-signed URL, complete (StartAttachmentUpload's and
     * CompleteAttachmentUpload's calls: no call of its own).
     */
    sendAttachment("SendAttachment", null, null, call -> {
        AttachmentSource source = call.families().attachmentSources().read(call.exchange(), true);
        SendAttachmentResult result = call.done(call.withConnectionToken(
                token -> call.families().attachmentSending().send(source, token, call.context())));
        call.setHeader(ConnectParticipantConstants.ATTACHMENT_ID, result.getAttachmentId());
    }),

    /** Makes a connection token (and, on request, a websocket URL) from a participant token. */
    createParticipantConnection("CreateParticipantConnection", "POST", "/participant/connection", call -> {
        CreateParticipantConnectionResult result = call.done(
                call.families().connections().create(call.participantToken(), call.context()));
        call.setHeader(ConnectParticipantConstants.CONNECTION_EXPIRY, result.getConnectionExpiry());
        call.setHeader(ConnectParticipantConstants.WEBSOCKET_URL, result.getWebsocketUrl());
        call.setHeader(ConnectParticipantConstants.WEBSOCKET_EXPIRY, result.getWebsocketExpiry());
    }),

    /** Sends a chat message: the body is its content. */
    sendMessage("SendMessage", "POST", "/participant/message", call -> call.sent(call.withConnectionToken(
            token -> call.families().messaging().sendMessage(call.operation(),
                    call.header(ConnectParticipantConstants.CONTENT_TYPE), call.body(), token, call.context())))),

    /** Sends an event, such as typing or a read receipt. */
    sendEvent("SendEvent", "POST", "/participant/event", call -> {
        String content = call.body();
        call.sent(call.withConnectionToken(token -> call.families().messaging().sendEvent(call.operation(),
                call.header(ConnectParticipantConstants.CONTENT_TYPE), content == null || content.isEmpty()
                        ? null
                        : content,
                token, call.context())));
    }),

    /** Reads the chat's transcript, a page or all of it. */
    getTranscript("GetTranscript", "POST", "/participant/transcript", call -> {
        TranscriptQuery query = new TranscriptQuery(call.header(ConnectParticipantConstants.CONTACT_ID),
                call.header(ConnectParticipantConstants.MAX_RESULTS, Integer.class),
                call.header(ConnectParticipantConstants.SCAN_DIRECTION),
                call.header(ConnectParticipantConstants.SORT_ORDER),
                call.header(ConnectParticipantConstants.START_POSITION_ID),
                call.header(ConnectParticipantConstants.START_POSITION_ABSOLUTE_TIME),
                call.header(ConnectParticipantConstants.START_POSITION_MOST_RECENT, Integer.class));
        String nextToken = call.header(ConnectParticipantConstants.NEXT_TOKEN);
        GetTranscriptResult result = call.done(call.withConnectionToken(token -> call.families().transcripts()
                .read(call.operation(), query, nextToken, call.configuration().isTranscriptAllPages(), token,
                        call.context())));
        if (result.getNextToken() != null) {
            call.setHeader(ConnectParticipantConstants.NEXT_TOKEN, result.getNextToken());
        } else {
            call.message().removeHeader(ConnectParticipantConstants.NEXT_TOKEN);
        }
    }),

    /** Disconnects the participant from the chat. */
    disconnectParticipant("DisconnectParticipant", "POST", "/participant/disconnect", call -> call.done(
            call.withConnectionToken(token -> call.families().connections().disconnect(call.operation(), token,
                    call.context())))),

    /** Reads a view (an interactive message's form) by its view token. */
    describeView("DescribeView", "GET", "/participant/views/", call -> call.done(call.withConnectionToken(
            token -> call.families().connections().describeView(call.operation(),
                    call.header(ConnectParticipantConstants.VIEW_TOKEN), token, call.context())))),

    /** Asks for the URL that authenticates the customer in the chat. */
    getAuthenticationUrl("GetAuthenticationUrl", "POST", "/participant/authentication-url", call -> {
        GetAuthenticationUrlResult result = call.done(call.withConnectionToken(token -> call.families()
                .connections().getAuthenticationUrl(call.operation(),
                        call.header(ConnectParticipantConstants.SESSION_ID),
                        call.header(ConnectParticipantConstants.REDIRECT_URI), token, call.context())));
        call.setHeader(ConnectParticipantConstants.AUTHENTICATION_URL, result.getAuthenticationUrl());
    }),

    /** Cancels a customer authentication that was started. */
    cancelParticipantAuthentication("CancelParticipantAuthentication", "POST", "/participant/cancel-authentication",
            call -> call.done(call.withConnectionToken(token -> call.families().connections().cancelAuthentication(
                    call.operation(), call.header(ConnectParticipantConstants.SESSION_ID), token, call.context())))),

    /**
     * The chat consumer, {@code from("connectparticipant:chat?participantToken=...")}: each item of the participant's
     * chat, over its websocket, becomes an exchange. Not a producer operation.
     */
    chat("Chat", null, null, call -> {
        throw new ConnectParticipantInvalidInputException("chat is a consumer: use it in from(...), not in to(...)");
    }),

    /**
     * The consumer of many chats, {@code from("connectparticipant:chats")}: the chats that followChat adds, each
     * item an exchange with its chat's contact id. Not a producer operation.
     */
    chats("Chats", null, null, call -> {
        throw new ConnectParticipantInvalidInputException("chats is a consumer: use it in from(...), not in to(...)");
    }),

    /**
     * Adds the chat of the participant token (the header, else the option) to the connectparticipant:chats consumer
     * of the same service; a chat already followed stays as it is. No call of its own.
     */
    followChat("FollowChat", null, null, call -> call.families().chatFollowing().follow(call.participantToken())),

    /** Stops following the chat of the participant token. No call of its own. */
    unfollowChat("UnfollowChat", null, null,
            call -> call.families().chatFollowing().unfollow(call.participantToken()));

    /** Reads a message into the operation's calls and puts the result in it. */
    @FunctionalInterface
    interface Handler {

        void handle(OperationCall call);
    }

    /** The operations that are one call of the service each (all but sendAttachment's flow). */
    private static final List<ConnectParticipantOperations> SERVICE_CALLS = Arrays.stream(values())
            .filter(ConnectParticipantOperations::isServiceCall).toList();

    private final String serviceName;
    private final String method;
    private final String path;
    private final Handler handler;

    ConnectParticipantOperations(String serviceName, String method, String path, Handler handler) {
        this.serviceName = serviceName;
        this.method = method;
        this.path = path;
        this.handler = handler;
    }

    /** The service's name of the operation, e.g. SendMessage. */
    @Override
    public String serviceName() {
        return serviceName;
    }

    /** GET or POST; null for sendAttachment, a flow of other operations' calls. */
    @Override
    public String method() {
        return method;
    }

    /** The path it is called at; null for sendAttachment. */
    @Override
    public String path() {
        return path;
    }

    /** Whether the operation is one call of the service (every one but sendAttachment's flow). */
    public boolean isServiceCall() {
        return path != null;
    }

    /** The operations that are one call of the service each. */
    public static List<ConnectParticipantOperations> serviceCalls() {
        return SERVICE_CALLS;
    }

    void handle(OperationCall call) {
        handler.handle(call);
    }
}
