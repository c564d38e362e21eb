package io.github.connectparticipant.camel.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives the idempotency token (ClientToken) of one call from a stable key and the attachment id, so that a
 * redelivered message repeats its calls with the same tokens and the service sees repeats, never new work.
 */
public final class ClientTokens {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private ClientTokens() {
    }

    /**
     * Where a message's client tokens come from: a fixed token (header, body or option) when one is given, else the
     * message's stable key.
     */
    public record Source(String fixed, String key) {

        /**
         * The token of one call: a fixed token as it is when this call is the one it names; otherwise derived from
         * the fixed token or the key and the call's subject, since one token must not name two different requests.
         */
        public String forCall(String subject, boolean namedByFixedToken) {
            if (fixed != null) {
                return namedByFixedToken ? fixed : derive(fixed, subject);
            }
            return derive(key, subject);
        }
    }

    /**
     * A UUID-shaped token (36 characters, version 8: name-based with SHA-256) of key and attachment id. The same pair
     * always gives the same token; any other pair, another.
     */
    public static String derive(String key, String attachmentId) {
        MessageDigest digest = SHA_256.get();
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        // the key's length goes first so that ("ab", "c") and ("a", "bc") stay apart
        int length = keyBytes.length;
        digest.update((byte) (length >>> 24));
        digest.update((byte) (length >>> 16));
        digest.update((byte) (length >>> 8));
        digest.update((byte) length);
        digest.update(keyBytes);
        byte[] hash = digest.digest(attachmentId.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x80);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        char[] uuid = new char[36];
        int at = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                uuid[at++] = '-';
            }
            uuid[at++] = HEX[(hash[i] >> 4) & 0x0f];
            uuid[at++] = HEX[hash[i] & 0x0f];
        }
        return new String(uuid);
    }
}
