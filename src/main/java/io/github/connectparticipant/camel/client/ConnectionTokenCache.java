package io.github.connectparticipant.camel.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection tokens made from participant tokens, one per participant token, shared by every producer of a
 * Camel context that calls the same service. A token is used until shortly before its expiry (a fifth of its life,
 * at most a minute), then made anew. Concurrent messages with a new participant token wait for one creation, not one
 * each. The participant tokens are the keys of a map in memory and go nowhere else.
 */
public final class ConnectionTokenCache {

    /** A connection token and when it expires. */
    public record Connection(String connectionToken, Instant expiry) {
    }

    /** Makes a connection token: one CreateParticipantConnection call, with its retries. */
    @FunctionalInterface
    public interface Creation {

        Connection create();
    }

    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);
    /** Above this many participant tokens, the expired ones are dropped when a new one comes. */
    private static final int PRUNE_ABOVE = 1000;

    private final Map<String, CompletableFuture<Held>> byParticipantToken = new ConcurrentHashMap<>();

    private record Held(Connection connection, Instant renewAt) {
    }

    /** The connection token for the participant token: the one held while it is fresh, else a new one. */
    public String connectionToken(String participantToken, Creation creation) {
        for (;;) {
            CompletableFuture<Held> held = byParticipantToken.get(participantToken);
            if (held == null) {
                CompletableFuture<Held> mine = new CompletableFuture<>();
                if (byParticipantToken.putIfAbsent(participantToken, mine) == null) {
                    return create(participantToken, creation, mine);
                }
                continue;
            }
            Held current;
            try {
                current = held.join();
            } catch (CompletionException e) {
                // the creation this message waited for failed; that failure was its creator's, this one tries again
                byParticipantToken.remove(participantToken, held);
                continue;
            }
            if (Instant.now().isBefore(current.renewAt())) {
                return current.connection().connectionToken();
            }
            byParticipantToken.remove(participantToken, held);
        }
    }

    /** The service refused this connection token (403): the next message makes a new one. */
    public void forget(String participantToken, String connectionToken) {
        CompletableFuture<Held> held = byParticipantToken.get(participantToken);
        if (held != null && held.isDone() && !held.isCompletedExceptionally()
                && held.join().connection().connectionToken().equals(connectionToken)) {
            byParticipantToken.remove(participantToken, held);
        }
    }

    private String create(String participantToken, Creation creation, CompletableFuture<Held> mine) {
        Connection connection;
        try {
            connection = creation.create();
        } catch (RuntimeException e) {
            byParticipantToken.remove(participantToken, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        Instant now = Instant.now();
        Duration life = Duration.between(now, connection.expiry());
        Duration margin = life.isNegative() ? Duration.ZERO : life.dividedBy(5);
        mine.complete(new Held(connection, connection.expiry().minus(margin.compareTo(MAX_MARGIN) > 0
                ? MAX_MARGIN
                : margin)));
        if (byParticipantToken.size() > PRUNE_ABOVE) {
            byParticipantToken.values().removeIf(held -> held.isDone() && !held.isCompletedExceptionally()
                    && !now.isBefore(held.join().renewAt()));
        }
        return connection.connectionToken();
    }
}
