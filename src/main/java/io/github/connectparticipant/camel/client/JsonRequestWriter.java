package io.github.connectparticipant.camel.client;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one of the service's small request bodies: a compact JSON object of string, number, boolean, string array
 * and nested object members, in the order given, byte for byte as Jackson writes it (and so as the AWS SDK, which
 * writes with Jackson, puts it on the wire). It stands in for a Jackson generator per call, whose set-up cost more
 * than the writing: in the benchmark's profile that generator took about a tenth of a call's time on the client, more
 * than any other part of the component's own work.
 */
public final class JsonRequestWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder json = new StringBuilder(160).append('{');
    /** Whether the object being written has a member already, so that the next one follows a comma. */
    private boolean afterMember;

    public JsonRequestWriter string(String name, String value) {
        name(name);
        quoted(value);
        return this;
    }

    /** A string member only when the value is given, as the SDK leaves out members that are not set. */
    public JsonRequestWriter stringIfGiven(String name, String value) {
        return value != null ? string(name, value) : this;
    }

    /** A number member only when the value is given. */
    public JsonRequestWriter numberIfGiven(String name, Integer value) {
        return value != null ? number(name, value) : this;
    }

    public JsonRequestWriter bool(String name, boolean value) {
        name(name);
        json.append(value);
        return this;
    }

    public JsonRequestWriter stringArray(String name, List<String> values) {
        name(name);
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quoted(values.get(i));
        }
        json.append(']');
        return this;
    }

    /** Opens a member whose value is an object; its members follow, then {@link #endObject()}. */
    public JsonRequestWriter beginObject(String name) {
        name(name);
        json.append('{');
        afterMember = false;
        return this;
    }

    public JsonRequestWriter endObject() {
        json.append('}');
        afterMember = true;
        return this;
    }

    /** A member whose value is an array of one string, as CompleteAttachmentUpload's AttachmentIds. */
    public JsonRequestWriter singleStringArray(String name, String value) {
        name(name);
        json.append('[');
        quoted(value);
        json.append(']');
        return this;
    }

    public JsonRequestWriter number(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    /** The object, closed, in UTF-8. */
    public byte[] toBytes() {
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void name(String name) {
        if (afterMember) {
            json.append(',');
        }
        afterMember = true;
        quoted(name);
        json.append(':');
    }

    private void quoted(String text) {
        json.append('"');
        int plain = 0;
        while (plain < text.length() && !needsEscape(text.charAt(plain))) {
            plain++;
        }
        if (plain == text.length()) {
            // ids and tokens: one copy, not a character at a time
            json.append(text);
        } else {
            json.append(text, 0, plain);
            for (int i = plain; i < text.length(); i++) {
                char c = text.charAt(i);
                if (needsEscape(c)) {
                    escape(c);
                } else {
                    json.append(c);
                }
            }
        }
        json.append('"');
    }

    /**
     * What Jackson escapes: quote, backslash, control characters and surrogates (each half of a pair is escaped
     * rather than the pair written as 4 UTF-8 bytes); nothing else.
     */
    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c);
    }

    /** The short form where JSON has one, else a backslash-u escape with upper-case hex digits, as Jackson writes. */
    private void escape(char c) {
        switch (c) {
            case '"' -> json.append("\\\"");
            case '\\' -> json.append("\\\\");
            case '\b' -> json.append("\\b");
            case '\t' -> json.append("\\t");
            case '\n' -> json.append("\\n");
            case '\f' -> json.append("\\f");
            case '\r' -> json.append("\\r");
            default -> json.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0x0f])
                    .append(HEX[(c >> 4) & 0x0f]).append(HEX[c & 0x0f]);
        }
    }
}
