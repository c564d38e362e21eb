package io.github.connectparticipant.camel.attachments;

import io.github.connectparticipant.camel.client.StartedUpload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.connectparticipant.camel.ConnectParticipantException;
import io.github.connectparticipant.camel.model.SendAttachmentResult;
import io.github.connectparticipant.camel.client.CallFailures;
import io.github.connectparticipant.camel.client.CallGate;
import io.github.connectparticipant.camel.client.CapacityWait;
import io.github.connectparticipant.camel.client.ClientTokens;
import io.github.connectparticipant.camel.client.ParticipantServiceClient;
import io.github.connectparticipant.camel.client.RetryPolicy;

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

    private final ParticipantServiceClient serviceClient;
    private final AttachmentUploader uploader;
    private final RetryPolicy retryPolicy;
    /** For the upload of a stream, which cannot be sent twice: a redelivery starts it again instead. */
    private final RetryPolicy singleAttempt;
    private final CallGate startGate;
    private final CallGate completeGate;

    public AttachmentSending(ParticipantServiceClient serviceClient, AttachmentUploader uploader,
                             RetryPolicy retryPolicy,
                      CallGate startGate, CallGate completeGate) {
        this.serviceClient = serviceClient;
        this.uploader = uploader;
        this.retryPolicy = retryPolicy;
        this.singleAttempt = retryPolicy.withMaxAttempts(1);
        this.startGate = startGate;
        this.completeGate = completeGate;
    }

    /**
     * The start's client token: a fixed token names the first start; every later one, and every start without a fixed
     * token, derives from the file and which start this is.
     */
    public static String startToken(ClientTokens.Source tokens, AttachmentSource source, int start) {
        return tokens.forCall("start/" + start + "/" + source.name() + "/" + source.size(), start == 1);
    }

    public StartedUpload start(AttachmentSource source, String connectionToken, ClientTokens.Source tokens, int start,
                        int redeliveries, CapacityWait capacityWait) {
        return CallFailures.retried(retryPolicy, startGate, capacityWait, "StartAttachmentUpload of " + source.name(),
                () -> serviceClient.startAttachmentUpload(source.contentType(), source.size(), source.name(),
                        startToken(tokens, source, start), connectionToken),
                null, redeliveries, connectionToken);
    }

    public SendAttachmentResult send(AttachmentSource source, String connectionToken, ClientTokens.Source tokens,
                              int redeliveries, CapacityWait capacityWait) {
        for (int start = 1; start <= MAX_STARTS; start++) {
            StartedUpload started = start(source, connectionToken, tokens, start, redeliveries, capacityWait);
            if (expiresSoon(started)) {
                continue;
            }
            String upload = "Upload of " + source.name() + " (attachment " + started.attachmentId() + ")";
            try {
                RetryPolicy policy = source.repeatable() ? retryPolicy : singleAttempt;
                // storage, not the service: no quota of the service's, no share of its retry budget
                policy.run(upload, CallGate.OPEN, capacityWait, () -> {
                    uploader.upload(started, source);
                    return null;
                });
            } catch (RetryPolicy.GaveUp gaveUp) {
                if (AttachmentUploader.isExpired(gaveUp.lastFailure())) {
                    continue;
                }
                throw CallFailures.of(upload, gaveUp, started.attachmentId(), redeliveries, connectionToken);
            }
            String attachmentId = started.attachmentId();
            String completeRequestId = CallFailures.retried(retryPolicy, completeGate, capacityWait,
                    "CompleteAttachmentUpload of attachment '" + attachmentId + "'",
                    () -> serviceClient.completeAttachmentUpload(attachmentId, tokens.forCall(attachmentId, false),
                            connectionToken),
                    attachmentId, redeliveries, connectionToken);
            return new SendAttachmentResult(attachmentId, source.name(), source.size(), source.contentType(),
                    started.requestId(), completeRequestId);
        }
        throw new ConnectParticipantException("Upload of " + source.name() + " failed: the upload URL expired "
                                              + MAX_STARTS + " times before the bytes were sent",
                null, "UploadUrlExpired", 403, null, true, null, MAX_STARTS, redeliveries, List.of(), List.of(),
                List.of());
    }

    private static boolean expiresSoon(StartedUpload started) {
        return started.urlExpiry().isBefore(Instant.now().plus(EXPIRY_MARGIN));
    }
}
