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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.camel.spi.StateRepository;

/**
 * What a chat consumer keeps in the user's {@link StateRepository} so that a restarted one, or another node of a
 * cluster, resumes where it stopped: each chat's last item handed on, under a SHA-256 hash of its participant token
 * (never the token); and, with a key, the participant tokens followed ({@link SealedTokens}) with the list of the chats
 * followed, one list a shard. A chat's shard comes from its key, so every node finds it in the same one. A shard's list
 * is written only by the node that follows the shard (its leader in a cluster); another node asks for a chat to be
 * followed, or no longer, through the shard's requests, which the leader takes ({@link #takeRequests}). Keys and
 * values hold neither '=' nor a line break, so that Camel's FileStateRepository keeps them as they are.
 */
public final class ChatCheckpoints {

    private static final String LAST_ITEM = "connectparticipant.chat.";
    private static final String TOKEN = "connectparticipant.token.";
    private static final String FOLLOWED = "connectparticipant.chats.";
    private static final String REQUESTS = "connectparticipant.requests.";
    private static final String FORGOTTEN = "";
    private static final char FOLLOW = '+';
    private static final char UNFOLLOW = '-';

    private final StateRepository<String, String> repository;
    /** Null when tokens are not kept (no key, or a single chat, whose token is in its URI). */
    private final SealedTokens tokens;
    private final int shards;
    /** The chat keys followed in each shard this node follows, as kept under FOLLOWED; guarded by this. */
    private final Map<Integer, Set<String>> followedByShard = new HashMap<>();

    public ChatCheckpoints(StateRepository<String, String> repository, SealedTokens tokens, int shards) {
        this.repository = repository;
        this.tokens = tokens;
        this.shards = shards;
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

    /** The shard of a chat, from its key (a hash already): the same on every node and after every restart. */
    public static int shardOf(String chatKey, int shards) {
        byte[] hash = Base64.getUrlDecoder().decode(chatKey);
        int first = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        return Math.floorMod(first, shards);
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

    /** Whether tokens are kept, so that another node, or a restart, can follow a chat again. */
    public boolean keepsTokens() {
        return tokens != null;
    }

    /** Keeps the participant token of a chat (sealed), when tokens are kept. */
    public void keepToken(String chatKey, String participantToken) {
        if (tokens != null) {
            repository.setState(TOKEN + chatKey, tokens.seal(participantToken, chatKey));
        }
    }

    /** This node follows a chat of a shard it follows: its token kept, and the chat in the shard's list. */
    public synchronized void followed(String chatKey, String participantToken) {
        if (tokens == null) {
            return;
        }
        keepToken(chatKey, participantToken);
        int shard = shardOf(chatKey, shards);
        Set<String> followed = followedIn(shard);
        if (followed.add(chatKey)) {
            repository.setState(FOLLOWED + shard, String.join(" ", followed));
        }
    }

    /** Forgets a chat no longer followed (unfollowed, or ended): its last item and its token. */
    public synchronized void forget(String chatKey) {
        repository.setState(LAST_ITEM + chatKey, FORGOTTEN);
        if (tokens != null) {
            repository.setState(TOKEN + chatKey, FORGOTTEN);
            int shard = shardOf(chatKey, shards);
            Set<String> followed = followedIn(shard);
            if (followed.remove(chatKey)) {
                repository.setState(FOLLOWED + shard, String.join(" ", followed));
            }
        }
    }

    /** The chats of a shard this node follows: read from the repository when it starts following the shard. */
    private Set<String> followedIn(int shard) {
        return followedByShard.computeIfAbsent(shard, this::readFollowed);
    }

    private Set<String> readFollowed(int shard) {
        Set<String> followed = new LinkedHashSet<>();
        String kept = repository.getState(FOLLOWED + shard);
        if (kept != null && !kept.isBlank()) {
            followed.addAll(List.of(kept.strip().split(" ")));
        }
        return followed;
    }

    /**
     * This node follows a shard from now on: the participant tokens of its chats, as the shard's list has them.
     *
     * @param unreadable told why, for each kept token that does not open (another key); that chat is kept as it is,
     *                   so that the right key finds it again
     */
    public synchronized List<String> followShard(int shard, Consumer<String> unreadable) {
        followedByShard.put(shard, readFollowed(shard));
        List<String> opened = new ArrayList<>();
        if (tokens == null) {
            return opened;
        }
        for (String chatKey : List.copyOf(followedByShard.get(shard))) {
            String token = openToken(chatKey, unreadable);
            if (token != null) {
                opened.add(token);
            }
        }
        return opened;
    }

    /** This node no longer follows a shard (another does, or will): what is kept of it stays. */
    public synchronized void leaveShard(int shard) {
        followedByShard.remove(shard);
    }

    /** The kept token of a chat; null (and the chat forgotten) when none is kept, or null when it does not open. */
    private String openToken(String chatKey, Consumer<String> unreadable) {
        String kept = repository.getState(TOKEN + chatKey);
        if (kept == null || kept.isEmpty()) {
            forget(chatKey);
            return null;
        }
        try {
            return tokens.open(kept, chatKey);
        } catch (IllegalArgumentException e) {
            unreadable.accept(e.getMessage());
            return null;
        }
    }

    /** Whether a token is kept for this chat: it is forgotten once the chat is unfollowed, or has ended. */
    public boolean keepsToken(String chatKey) {
        String kept = repository.getState(TOKEN + chatKey);
        return kept != null && !kept.isEmpty();
    }

    /** Whether the shard's list, as kept now, has this chat: its leader follows it. */
    public boolean isFollowedByLeader(String chatKey) {
        return readFollowed(shardOf(chatKey, shards)).contains(chatKey);
    }

    /**
     * Asks the leader of the chat's shard to follow it (its token kept first), or to follow it no more, unless that is
     * asked already. Two nodes that ask at once may overwrite each other's request, and the leader's
     * {@link #takeRequests} one made meanwhile: the node that asked asks again until the shard's list shows it done.
     */
    public void request(String chatKey, boolean follow) {
        String key = REQUESTS + shardOf(chatKey, shards);
        String entry = (follow ? FOLLOW : UNFOLLOW) + chatKey;
        String asked = repository.getState(key);
        List<String> entries = asked == null || asked.isBlank() ? List.of() : List.of(asked.strip().split(" "));
        if (!entries.contains(entry)) {
            repository.setState(key, asked == null || asked.isBlank() ? entry : asked.strip() + " " + entry);
        }
    }

    /**
     * The leader takes what other nodes asked of a shard: the participant tokens to follow and the chat keys to follow
     * no more, in the order asked; the requests are cleared.
     */
    public Requests takeRequests(int shard, Consumer<String> unreadable) {
        String key = REQUESTS + shard;
        String asked = repository.getState(key);
        Requests requests = new Requests(new ArrayList<>(), new ArrayList<>());
        if (asked == null || asked.isBlank()) {
            return requests;
        }
        repository.setState(key, FORGOTTEN);
        for (String entry : asked.strip().split(" ")) {
            String chatKey = entry.substring(1);
            if (entry.charAt(0) == UNFOLLOW) {
                requests.unfollow().add(chatKey);
            } else if (tokens != null) {
                String token = openToken(chatKey, unreadable);
                if (token != null) {
                    requests.follow().add(token);
                }
            }
        }
        return requests;
    }

    /** What other nodes asked of a shard's leader: participant tokens to follow, chat keys to follow no more. */
    public record Requests(List<String> follow, List<String> unfollow) {
    }
}
