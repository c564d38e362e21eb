package io.github.connectparticipant.camel.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Participant tokens as they are kept: encrypted with AES-256-GCM under the user's key, a fresh 96-bit nonce each
 * time, bound to the slot they are kept in (the chat's key is the associated data, so a sealed token moved to another
 * chat's slot does not open). Written as URL-safe base64 without padding, which every state repository keeps as is.
 */
public final class SealedTokens {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Key a 256-bit key in base64
     * @throws IllegalArgumentException when it is not one (the message never quotes it)
     */
    public SealedTokens(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stateEncryptionKey is not base64: it must be a 256-bit AES key in"
                    + " base64 (openssl rand -base64 32)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("stateEncryptionKey must be a 256-bit AES key in base64 (32 bytes;"
                    + " openssl rand -base64 32), it is " + bytes.length + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** The token encrypted for the slot of this chat key. */
    public String seal(String token, String chatKey) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(chatKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] kept = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, kept, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, kept, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(kept);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The token kept in the slot of this chat key.
     *
     * @throws IllegalArgumentException when it does not open with this key (another key, another slot, altered)
     */
    public String open(String kept, String chatKey) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(kept);
            if (bytes.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("a kept participant token is too short to be one");
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(chatKey.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a kept participant token does not open with stateEncryptionKey (was"
                    + " the key changed?): " + e.getClass().getSimpleName());
        }
    }
}
