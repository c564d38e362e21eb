package io.github.connectparticipant.camel;

import java.nio.charset.StandardCharsets;

/**
 * Writes one of the service's small request bodies: a compact JSON object of string, number and one-string array
 * members, in the order given, byte for byte as Jackson writes it (and so as the AWS SDK, which writes with Jackson,
 * puts it on the wire). It stands in for a Jackson generator per call, whose set-up cost more than the writing: the
 * benchmark's profile put it at about a tenth of the component's own time per call.
 */
final class JsonRequestWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder json = new StringBuilder(160).append('{');

    JsonRequestWriter string(String name, String value) {
        name(name);
        quoted(value);
        return this;
    }

    /** A member whose value is an array of one string, as CompleteAttachmentUpload's AttachmentIds. */
    JsonRequestWriter singleStringArray(String name, String value) {
        name(name);
        json.append('[');
        quoted(value);
        json.append(']');
        return this;
    }

    JsonRequestWriter number(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    /** The object, closed, in UTF-8. */
    byte[] toBytes() {
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        quoted(name);
        json.append(':');
    }

    /**
     * Jackson's escaping: quote and backslash, control characters (short forms where JSON has them), surrogates;
     * nothing else.
     */
    private void quoted(String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (Character.isSurrogate(c)) {
                // Jackson writes each half of a pair as an escape rather than the pair as 4 UTF-8 bytes
                escape(c);
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    private void escapeControl(char c) {
        switch (c) {
            case '\b' -> json.append("\\b");
            case '\t' -> json.append("\\t");
            case '\n' -> json.append("\\n");
            case '\f' -> json.append("\\f");
            case '\r' -> json.append("\\r");
            default -> escape(c);
        }
    }

    private void escape(char c) {
        json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0x0f]).append(HEX[(c >> 4) & 0x0f])
                .append(HEX[c & 0x0f]);
    }
}
