package io.github.connectparticipant.camel.chat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the README says of kept participant tokens: sealed under the key, a fresh nonce each time, bound to their chat's
 * slot (a sealed token moved to another chat's slot does not open), and no error that quotes the token or the key.
 */
class SealedTokensTest {

    private static final String KEY = Base64.getEncoder().encodeToString(bytes(32, 7));
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(bytes(32, 9));
    private static final String TOKEN = "participant-token-of-chat-a";

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void aSealedTokenOpensInItsOwnSlotAndHoldsNoTraceOfTheToken() {
        SealedTokens tokens = new SealedTokens(KEY);
        String kept = tokens.seal(TOKEN, "chat-a");

        assertEquals(TOKEN, tokens.open(kept, "chat-a"));
        assertFalse(kept.contains(TOKEN));
        assertFalse(new String(Base64.getUrlDecoder().decode(kept), StandardCharsets.ISO_8859_1).contains(TOKEN),
                "the token is encrypted, not encoded");
    }

    @Test
    void aSealedTokenMovedToAnotherChatsSlotDoesNotOpen() {
        SealedTokens tokens = new SealedTokens(KEY);
        String kept = tokens.seal(TOKEN, "chat-a");

        IllegalArgumentException moved = assertThrows(IllegalArgumentException.class,
                () -> tokens.open(kept, "chat-b"));
        assertFalse(moved.getMessage().contains(TOKEN));
    }

    @Test
    void everySealUsesAFreshNonce() {
        SealedTokens tokens = new SealedTokens(KEY);
        Set<String> nonces = new HashSet<>();
        Set<String> sealed = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String kept = tokens.seal(TOKEN, "chat-a");
            sealed.add(kept);
            nonces.add(Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOf(Base64.getUrlDecoder().decode(kept), 12)));
        }
        assertEquals(100, nonces.size(), "a nonce used twice");
        assertEquals(100, sealed.size(), "the same token sealed twice alike");
    }

    @Test
    void anotherKeyOrAnAlteredTokenDoesNotOpenAndTheMessageQuotesNeither() {
        String kept = new SealedTokens(KEY).seal(TOKEN, "chat-a");
        byte[] altered = Base64.getUrlDecoder().decode(kept);
        altered[altered.length - 1] ^= 1;
        String alteredKept = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);

        for (Runnable opening : new Runnable[]{() -> new SealedTokens(OTHER_KEY).open(kept, "chat-a"),
                () -> new SealedTokens(KEY).open(alteredKept, "chat-a"),
                () -> new SealedTokens(KEY).open("AAAA", "chat-a")}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, opening::run);
            assertFalse(refused.getMessage().contains(TOKEN), refused.getMessage());
            assertFalse(refused.getMessage().contains(KEY), refused.getMessage());
        }
    }

    @Test
    void aKeyThatIsNotA256BitKeyIsRefusedWithoutQuotingIt() {
        String shortKey = Base64.getEncoder().encodeToString(bytes(16, 3));
        for (String key : new String[]{shortKey, "not base64 at all!"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new SealedTokens(key));
            assertTrue(refused.getMessage().contains("stateEncryptionKey"), refused.getMessage());
            assertFalse(refused.getMessage().contains(key), refused.getMessage());
        }
    }
}
