package io.github.connectparticipant.camel.client;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service's input constraints, checked before anything is sent (the AWS SDKs check none of them).
 */
public final class RequestLimits {

    public static final int MAX_ATTACHMENT_ID_LENGTH = 256;
    public static final int MAX_CLIENT_TOKEN_LENGTH = 500;
    public static final int MAX_CONNECTION_TOKEN_LENGTH = 1000;

    private RequestLimits() {
    }

    /** @param whereTheyGo where a message gives its ids, for the error that finds none */
    public static void checkAttachmentIds(List<String> attachmentIds, int maxAttachments, String whereTheyGo) {
        if (attachmentIds == null || attachmentIds.isEmpty()) {
            throw invalid("no attachment ids: " + whereTheyGo);
        }
        if (attachmentIds.size() > maxAttachments) {
            throw invalid("the message holds " + attachmentIds.size() + " attachment ids; the limit is "
                    + maxAttachments + " (maxAttachmentsPerMessage)");
        }
        for (int i = 0; i < attachmentIds.size(); i++) {
            checkAttachmentId(attachmentIds.get(i), i + 1);
        }
    }

    private static void checkAttachmentId(String attachmentId, int position) {
        if (attachmentId == null || attachmentId.isBlank()) {
            throw invalid("attachment id #" + position + " is blank");
        }
        int length = attachmentId.codePointCount(0, attachmentId.length());
        if (length > MAX_ATTACHMENT_ID_LENGTH) {
            throw invalid("attachment id #" + position + " is " + length + " characters long; the limit is "
                    + MAX_ATTACHMENT_ID_LENGTH);
        }
        checkCharacters("attachment id #" + position, attachmentId, false);
    }

    /**
     * Refuses a control character (unless allowed) or half of a surrogate pair, which is not Unicode text and has no
     * UTF-8 form to send.
     */
    public static void checkCharacters(String what, String text, boolean controlsAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!controlsAllowed && Character.isISOControl(c)) {
                throw invalid(what + " holds a control character at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(what + " holds half of a surrogate pair at index " + i + ", which is not Unicode text");
            }
        }
    }

    /** A token that travels in X-Amz-Bearer: up to 1000 characters an HTTP header can carry. */
    public static void checkBearer(String what, String token) {
        // the length is no secret; the token itself never goes into a message
        int length = token.codePointCount(0, token.length());
        if (length > MAX_CONNECTION_TOKEN_LENGTH) {
            throw invalid(what + " is " + length + " characters long; the limit is " + MAX_CONNECTION_TOKEN_LENGTH);
        }
        // HttpClient would turn CR, LF or NUL into spaces, and the service would answer 403
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid(what + " holds " + (Character.isISOControl(c)
                        ? "a control character"
                        : "a character that is not printable ASCII") + " at index " + i
                        + ", which an HTTP header cannot carry");
            }
        }
    }

    /**
     * A text member of a request, checked against the service model's limits before sending: given when required,
     * its length in characters, and Unicode text (control characters such as line breaks are allowed in content).
     */
    public static void checkText(String what, String value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw invalid(what + " is missing");
            }
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw invalid(what + " is " + length + " characters long; it must be " + min + " to " + max);
        }
        checkCharacters(what, value, true);
    }

    /** A number member of a request, checked against the service model's range. */
    public static void checkRange(String what, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw invalid(what + " is " + value + "; it must be " + min + " to " + max);
        }
    }

    /** A member whose value is one of the model's enum values. */
    public static void checkOneOf(String what, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw invalid(what + " is '" + value + "'; it must be one of " + new TreeSet<>(allowed));
        }
    }

    public static void checkClientToken(String clientToken) {
        if (clientToken == null) {
            return;
        }
        if (clientToken.isBlank()) {
            throw invalid("the client token is blank");
        }
        int length = clientToken.codePointCount(0, clientToken.length());
        if (length > MAX_CLIENT_TOKEN_LENGTH) {
            throw invalid("the client token is " + length + " characters long; the limit is "
                    + MAX_CLIENT_TOKEN_LENGTH);
        }
        checkCharacters("the client token", clientToken, true);
    }

    /** The failure of input refused before anything was sent. */
    public static FailedCallException invalid(String problem) {
        return FailedCall.invalidInput(problem, null).toException();
    }
}
