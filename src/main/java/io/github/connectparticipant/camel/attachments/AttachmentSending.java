package io.github.connectparticipant.camel.attachments;

import java.time.Duration;
import java.time.Instant;

import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.CallGate;
import io.github.connectparticipant.camel.client.ClientTokens;
import io.github.connectparticipant.camel.client.FailedCall;
import io.github.connectparticipant.camel.client.ParticipantJson;
import io.github.connectparticipant.camel.client.RetryPolicy;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.client.ServiceRequest;
import io.github.connectparticipant.camel.client.ServiceResults;
import io.github.connectparticipant.camel.client.StartedUpload;
import io.github.connectparticipant.camel.model.SendAttachmentResult;

/**
 * The whole flow for one file: StartAttachmentUpload, the PUT of its bytes to the pre-signed URL, then
 * CompleteAttachmentUpload with the id the service handed out, each step with its retries. Client tokens derive from
 * the message's key, so that a redelivered message repeats its calls and the service hands back the same attachment.
 * An upload URL past (or about to pass) its expiry is never used: the flow starts again, under the next token.
 */
public final class AttachmentSending {

    /** How many fresh starts an expired upload URL may cost before the message fails. */
    public static final int MAX_STARTS = 3;
    /** An upload URL this close to its expiry is treated as expired: the upload would not finish in time. */
    public static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final ServiceCalls calls;
    private final AttachmentUploader uploader;
    private final RetryPolicy retryPolicy;
    /** For the upload of a stream, which cannot be sent twice: a redelivery starts it again instead. */
    private final RetryPolicy singleAttempt;
    private final ServiceOperation start;
    private final ServiceOperation complete;

    /**
     * @param retryPolicy the upload's, to the pre-signed URL (storage, not the service)
     * @param start       StartAttachmentUpload
     * @param complete    CompleteAttachmentUpload
     */
    public AttachmentSending(ServiceCalls calls, AttachmentUploader uploader, RetryPolicy retryPolicy,
            ServiceOperation start, ServiceOperation complete) {
        this.calls = calls;
        this.uploader = uploader;
        this.retryPolicy = retryPolicy;
        this.singleAttempt = retryPolicy.withMaxAttempts(1);
        this.start = start;
        this.complete = complete;
    }

    /**
     * The start's client token: a fixed token names the first start; every later one, and every start without a fixed
     * token, derives from the file and which start this is.
     */
    public static String startToken(ClientTokens.Source tokens, AttachmentSource source, int start) {
        return tokens.forCall("start/" + start + "/" + source.name() + "/" + source.size(), start == 1);
    }

    /** One StartAttachmentUpload of the file: the startAttachmentUpload operation, and each start of the flow. */
    public StartedUpload start(AttachmentSource source, String connectionToken, int startNumber, CallContext context) {
        return calls.call(
                ServiceRequest.postAbout(start, ParticipantJson.startAttachmentUploadBody(source.contentType(),
                        source.size(), source.name(), startToken(context.clientTokens(), source, startNumber)),
                        connectionToken, source.name()),
                answer -> ServiceResults.startedUpload(answer.body(), answer.requestId()), context);
    }

    public SendAttachmentResult send(AttachmentSource source, String connectionToken, CallContext context) {
        for (int startNumber = 1; startNumber <= MAX_STARTS; startNumber++) {
            StartedUpload started = start(source, connectionToken, startNumber, context);
            if (expiresSoon(started)) {
                continue;
            }
            String upload = "Upload of " + source.name() + " (attachment " + started.attachmentId() + ")";
            try {
                RetryPolicy policy = source.repeatable() ? retryPolicy : singleAttempt;
                // storage, not the service: no quota of the service's, no share of its retry budget
                policy.run(upload, CallGate.OPEN, context.capacityWait(), () -> {
                    uploader.upload(started, source);
                    return null;
                });
            } catch (RetryPolicy.GaveUp gaveUp) {
                if (AttachmentUploader.isExpired(gaveUp.lastFailure())) {
                    continue;
                }
                throw FailedCall.gaveUp(upload, gaveUp, started.attachmentId(), context.redeliveries(),
                        connectionToken).toException();
            }
            String attachmentId = started.attachmentId();
            String completeRequestId = calls.call(ServiceRequest.postForAttachment(complete,
                    ParticipantJson.completeAttachmentUploadBody(attachmentId,
                            context.clientTokens().forCall(attachmentId, false)),
                    connectionToken, attachmentId), ServiceCalls.REQUEST_ID_ONLY, context);
            return new SendAttachmentResult(attachmentId, source.name(), source.size(), source.contentType(),
                    started.requestId(), completeRequestId);
        }
        throw FailedCall.ofMessage("Upload of " + source.name() + " failed: the upload URL expired " + MAX_STARTS
                + " times before the bytes were sent", "UploadUrlExpired", 403, null, true,
                MAX_STARTS, context.redeliveries()).toException();
    }

    private static boolean expiresSoon(StartedUpload started) {
        return started.urlExpiry().isBefore(Instant.now().plus(EXPIRY_MARGIN));
    }
}
