package io.github.connectparticipant.camel.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the service's error answer (x-amzn-ErrorType, a JSON body with message or Message, __type or code, and
 * Retry-After) into a {@link ServiceCallFailure}.
 */
public final class ServiceErrorReader {

    private ServiceErrorReader() {
    }

    public static ServiceCallFailure read(int statusCode, String errorTypeHeader, String requestId, String retryAfter,
            byte[] body) {
        JsonNode json = ParticipantJson.readTreeQuietly(body);
        String errorCode = errorName(errorTypeHeader);
        if (errorCode == null && json != null) {
            errorCode = errorName(text(json, "__type", "code", "Code"));
        }
        if (errorCode == null) {
            errorCode = "Http" + statusCode;
        }
        String message = json != null ? text(json, "message", "Message") : null;
        if (message == null) {
            message = "HTTP " + statusCode + " without a message";
        }
        return new ServiceCallFailure(statusCode, errorCode, message, requestId, retryAfterMillis(retryAfter), null);
    }

    /** The error name: the part before the first ':' and after any '#'. */
    public static String errorName(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        int hash = name.lastIndexOf('#');
        if (hash >= 0) {
            name = name.substring(hash + 1);
        }
        name = name.strip();
        return name.isEmpty() ? null : name;
    }

    /** Retry-After as delta-seconds or an HTTP date, in milliseconds; -1 when absent or unreadable. */
    public static long retryAfterMillis(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return -1;
        }
        String value = retryAfter.strip();
        try {
            double seconds = Double.parseDouble(value);
            return seconds < 0 ? -1 : (long) (seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (DateTimeParseException notADate) {
                return -1;
            }
        }
    }

    private static String text(JsonNode json, String... names) {
        for (String name : names) {
            JsonNode value = json.get(name);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }
}
