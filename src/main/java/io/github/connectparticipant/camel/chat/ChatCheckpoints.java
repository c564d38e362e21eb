package io.github.connectparticipant.camel.chat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.camel.spi.StateRepository;

/**
 * What a chat consumer keeps in the user's {@link StateRepository} so that a restarted one resumes where it stopped:
 * each chat's last item handed on, under a SHA-256 hash of its participant token (never the token); and, with a key,
 * the participant tokens followed ({@link SealedTokens}) with the list of the chats followed. Keys and values hold
 * neither '=' nor a line break, so that Camel's FileStateRepository keeps them as they are.
 */
public final class ChatCheckpoints {

    private static final String LAST_ITEM = "connectparticipant.chat.";
    private static final String TOKEN = "connectparticipant.token.";
    private static final String FOLLOWED = "connectparticipant.chats";
    private static final String FORGOTTEN = "";

    private final StateRepository<String, String> repository;
    /** Null when tokens are not kept (no key, or a single chat, whose token is in its URI). */
    private final SealedTokens tokens;
    /** The chat keys followed, as kept under FOLLOWED; guarded by this. */
    private final Set<String> followed = new LinkedHashSet<>();

    public ChatCheckpoints(StateRepository<String, String> repository, SealedTokens tokens) {
        this.repository = repository;
        this.tokens = tokens;
        if (tokens != null) {
            String kept = repository.getState(FOLLOWED);
            if (kept != null && !kept.isBlank()) {
                followed.addAll(List.of(kept.strip().split(" ")));
            }
        }
    }

    /** The key a chat is kept under: the SHA-256 of its participant token, from which the token cannot be read. */
    public static String chatKey(String participantToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(participantToken.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The last item handed on in this chat, or null when none is kept. */
    public ChatItem.Position lastItem(String chatKey) {
        String kept = repository.getState(LAST_ITEM + chatKey);
        int space = kept != null ? kept.indexOf(' ') : -1;
        if (space < 0) {
            return null;
        }
        try {
            return new ChatItem.Position(URLDecoder.decode(kept.substring(space + 1), StandardCharsets.UTF_8),
                    Instant.parse(kept.substring(0, space)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Keeps this item as the chat's last one handed on. */
    public void handedOn(String chatKey, ChatItem item) {
        repository.setState(LAST_ITEM + chatKey,
                item.absoluteTime() + " " + URLEncoder.encode(item.id(), StandardCharsets.UTF_8));
    }

    /** Keeps the participant token of a chat followed (sealed), when tokens are kept. */
    public synchronized void followed(String chatKey, String participantToken) {
        if (tokens == null) {
            return;
        }
        repository.setState(TOKEN + chatKey, tokens.seal(participantToken, chatKey));
        if (followed.add(chatKey)) {
            repository.setState(FOLLOWED, String.join(" ", followed));
        }
    }

    /** Forgets a chat no longer followed (unfollowed, or ended): its last item and its token. */
    public synchronized void forget(String chatKey) {
        repository.setState(LAST_ITEM + chatKey, FORGOTTEN);
        if (tokens != null) {
            repository.setState(TOKEN + chatKey, FORGOTTEN);
            if (followed.remove(chatKey)) {
                repository.setState(FOLLOWED, String.join(" ", followed));
            }
        }
    }

    /**
     * The participant tokens of the chats followed when the consumer last ran.
     *
     * @param unreadable told why, for each kept token that does not open (another key); that chat is kept as it is,
     *                   so that the right key finds it again
     */
    public synchronized List<String> followedTokens(Consumer<String> unreadable) {
        List<String> opened = new ArrayList<>();
        if (tokens == null) {
            return opened;
        }
        for (String chatKey : List.copyOf(followed)) {
            String kept = repository.getState(TOKEN + chatKey);
            if (kept == null || kept.isEmpty()) {
                forget(chatKey);
                continue;
            }
            try {
                opened.add(tokens.open(kept, chatKey));
            } catch (IllegalArgumentException e) {
                unreadable.accept(e.getMessage());
            }
        }
        return opened;
    }
}
