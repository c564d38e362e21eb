package io.github.connectparticipant.camel.attachments;

import java.util.ArrayList;
import java.util.List;

import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.ClientTokens;
import io.github.connectparticipant.camel.client.FailedCall;
import io.github.connectparticipant.camel.client.ParticipantJson;
import io.github.connectparticipant.camel.client.RetryPolicy;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.client.ServiceRequest;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadResult;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadResult.CompletedAttachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes each attachment of a request with its own call (the service takes one id a call), each call with its own
 * client token and retries, and gathers the outcome: the result when all succeed, one exception naming what completed
 * and what did not otherwise.
 */
public final class AttachmentCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentCompletion.class);
    private static final int IDS_SHOWN_IN_MESSAGE = 10;

    private final ServiceCalls calls;

    public AttachmentCompletion(ServiceCalls calls) {
        this.calls = calls;
    }

    /**
     * @param complete the operation, CompleteAttachmentUpload
     * @param context  the message's: its client tokens, redeliveries and wait for capacity
     */
    public CompleteAttachmentUploadResult complete(ServiceOperation complete, List<String> attachmentIds,
            String connectionToken, CallContext context) {
        ClientTokens.Source tokens = context.clientTokens();
        List<CompletedAttachment> completed = new ArrayList<>(attachmentIds.size());
        List<String> failed = new ArrayList<>(1);
        RetryPolicy.GaveUp firstFailure = null;
        String firstFailedId = null;
        boolean allFailuresRetryable = true;

        int next = 0;
        while (next < attachmentIds.size()) {
            String attachmentId = attachmentIds.get(next++);
            // a fixed token names the call of a message's only id
            String clientToken = tokens.forCall(attachmentId, attachmentIds.size() == 1);
            try {
                ServiceRequest request = ServiceRequest.postForAttachment(complete,
                        ParticipantJson.completeAttachmentUploadBody(attachmentId, clientToken), connectionToken,
                        attachmentId);
                RetryPolicy.Succeeded<String> call = calls.attempt(request, ServiceCalls.REQUEST_ID_ONLY, context);
                if (LOG.isTraceEnabled()) {
                    LOG.trace("Attachment {} completed (request id {}, attempts {})", attachmentId, call.value(),
                            call.attempts());
                }
                completed.add(new CompletedAttachment(attachmentId, clientToken, call.value(), call.attempts()));
            } catch (RetryPolicy.GaveUp gaveUp) {
                failed.add(attachmentId);
                allFailuresRetryable &= gaveUp.retryable();
                if (firstFailure == null) {
                    firstFailure = gaveUp;
                    firstFailedId = attachmentId;
                }
                if (failsEveryAttachment(gaveUp)) {
                    break;
                }
            }
        }
        if (firstFailure == null) {
            return new CompleteAttachmentUploadResult(completed);
        }
        List<String> completedIds = completed.stream().map(CompletedAttachment::getAttachmentId).toList();
        List<String> notAttempted = attachmentIds.subList(next, attachmentIds.size());
        throw failure(complete, firstFailure, firstFailedId, allFailuresRetryable, context.redeliveries(),
                completedIds, failed, notAttempted, connectionToken).toException();
    }

    /**
     * A bad or expired connection token, a full contact or a service that keeps failing would fail the remaining
     * attachments the same way; a refused id (400, 409) concerns that id alone.
     */
    private static boolean failsEveryAttachment(RetryPolicy.GaveUp gaveUp) {
        int status = gaveUp.lastFailure().statusCode();
        return gaveUp.retryable() || status == 401 || status == 402 || status == 403;
    }

    private static FailedCall failure(ServiceOperation complete, RetryPolicy.GaveUp gaveUp, String attachmentId,
            boolean retryable, int redeliveries, List<String> completed,
            List<String> failed, List<String> notAttempted, String connectionToken) {
        StringBuilder message = FailedCall.describe(complete.serviceName() + " of attachment '" + attachmentId + "'",
                gaveUp, retryable, redeliveries, connectionToken);
        int total = completed.size() + failed.size() + notAttempted.size();
        if (total > 1) {
            message.append(". Completed ").append(completed.size()).append(" of ").append(total).append(": ")
                    .append(shown(completed)).append("; failed: ").append(shown(failed));
            if (!notAttempted.isEmpty()) {
                message.append("; not attempted: ").append(shown(notAttempted));
            }
        }
        return FailedCall.gaveUpOnAttachments(message.toString(), gaveUp, attachmentId, retryable, redeliveries,
                completed, failed, notAttempted);
    }

    private static String shown(List<String> ids) {
        if (ids.size() <= IDS_SHOWN_IN_MESSAGE) {
            return ids.toString();
        }
        return ids.subList(0, IDS_SHOWN_IN_MESSAGE) + " and " + (ids.size() - IDS_SHOWN_IN_MESSAGE) + " more";
    }
}
