package io.github.connectparticipant.camel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.connectparticipant.camel.client.ParticipantJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Writes why a message failed onto it as headers, so that a dead letter carries its reason. Use it as the dead-letter
 * channel's onPrepareFailure, or as the first step of the dead-letter route
 * ({@code - bean: {beanType: io.github.connectparticipant.camel.ConnectParticipantFailureHeaders}}). The header names
 * have no Camel prefix and their values are Strings, Integers and Booleans, so that they survive a JMS queue (Camel's
 * JMS component drops Camel* headers).
 */
public class ConnectParticipantFailureHeaders implements Processor {

    /** The error name, e.g. ThrottlingException, ValidationException, SocketTimeoutException. */
    public static final String ERROR_CODE = "ConnectParticipantErrorCode";
    /** The HTTP status of the failed answer; 0 when there was none. */
    public static final String STATUS_CODE = "ConnectParticipantStatusCode";
    /** The service's request id of the failed answer. */
    public static final String REQUEST_ID = "ConnectParticipantRequestId";
    /** The failure's message (never the connection token). */
    public static final String ERROR_MESSAGE = "ConnectParticipantErrorMessage";
    /** Whether the message may succeed later. */
    public static final String RETRYABLE = "ConnectParticipantRetryable";
    /** How many attempts the failed call had; 0 when nothing was sent. */
    public static final String ATTEMPTS = "ConnectParticipantAttempts";
    /** How many times Camel redelivered the message before giving up. */
    public static final String REDELIVERIES = "ConnectParticipantRedeliveries";
    /** The message's ids the service confirmed before the failure, comma-separated. */
    public static final String COMPLETED_ATTACHMENT_IDS = "ConnectParticipantCompletedAttachmentIds";
    /** The message's ids whose calls failed, comma-separated. */
    public static final String FAILED_ATTACHMENT_IDS = "ConnectParticipantFailedAttachmentIds";
    /** The message's ids not tried, comma-separated. */
    public static final String NOT_ATTEMPTED_ATTACHMENT_IDS = "ConnectParticipantNotAttemptedAttachmentIds";

    private static final String PREFIX = "ConnectParticipant";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        reason(exchange).forEach((header, value) -> {
            if (value != null) {
                message.setHeader(header, value);
            }
        });
    }

    /**
     * The same reason as a JSON object keyed by the short names (errorCode, statusCode, requestId, retryable,
     * attempts, redeliveries, message, completedAttachmentIds, failedAttachmentIds, notAttemptedAttachmentIds), for
     * a file written beside a dead-lettered file.
     */
    public String describe(Exchange exchange) throws JsonProcessingException {
        Map<String, Object> reason = new LinkedHashMap<>();
        reason(exchange).forEach((header, value) -> reason.put(shortName(header), value));
        return ParticipantJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reason);
    }

    private static Map<String, Object> reason(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Map<String, Object> reason = new LinkedHashMap<>();
        if (failure instanceof ConnectParticipantException e) {
            reason.put(ERROR_CODE, e.getErrorCode());
            reason.put(STATUS_CODE, e.getStatusCode());
            reason.put(REQUEST_ID, e.getRequestId());
            reason.put(RETRYABLE, e.isRetryable());
            reason.put(ATTEMPTS, e.getAttempts());
            reason.put(REDELIVERIES, e.getRedeliveries());
        } else if (failure != null) {
            reason.put(ERROR_CODE, failure.getClass().getSimpleName());
            reason.put(RETRYABLE, false);
        }
        if (failure != null) {
            reason.put(ERROR_MESSAGE, failure.getMessage());
        }
        if (failure instanceof ConnectParticipantException e) {
            reason.put(COMPLETED_ATTACHMENT_IDS, joined(e.getCompletedAttachmentIds()));
            reason.put(FAILED_ATTACHMENT_IDS, joined(e.getFailedAttachmentIds()));
            reason.put(NOT_ATTEMPTED_ATTACHMENT_IDS,
                    joined(e.getNotAttemptedAttachmentIds()));
        }
        return reason;
    }

    private static String joined(List<String> ids) {
        return String.join(",", ids);
    }

    private static String shortName(String header) {
        String name = header.substring(PREFIX.length());
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
