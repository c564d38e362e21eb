package io.github.connectparticipant.simulator;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator received and what it completed, for tests and demos to check against.
 */
public final class Ledger {

    /**
     * One call as received and answered.
     *
     * @param operation        the operation's path, e.g. /participant/complete-attachment-upload
     * @param attachmentId     the (first) attachment id in the body, or null
     * @param clientToken      the ClientToken in the body, or null
     * @param bearerKnown      whether X-Amz-Bearer held a connection token the simulator knows
     * @param authorization    whether the call carried an Authorization header (a SigV4 signature, which these
     *                         operations do not take)
     * @param contentType      the Content-Type header
     * @param body             the body exactly as received
     * @param status           the status answered; 0 when the connection was dropped
     * @param errorType        the error name answered, or null
     * @param arrivedNanos     when the call arrived (System.nanoTime)
     * @param answeredNanos    when it was answered, or the connection dropped (System.nanoTime)
     * @param caller           which caller made it: {@link #caller(String)} of its X-Amz-Bearer, never the token
     */
    public record Call(String operation, String attachmentId, String clientToken, boolean bearerKnown,
            boolean authorization, String contentType, String body, int status, String errorType, long arrivedNanos,
            long answeredNanos, String caller) {
    }

    /**
     * A caller's name in the ledger: the first 8 hex digits of the SHA-256 of its connection token, so that tests can
     * tell callers apart (two JVMs sharing a quota) without the ledger holding a token.
     */
    public static String caller(String connectionToken) {
        if (connectionToken == null) {
            return null;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(connectionToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> completedTokens = new ConcurrentHashMap<>();

    void record(Call call) {
        calls.add(call);
    }

    /**
     * Completes the attachment under this token; the answer to give is decided by what was there before.
     *
     * @return null when completed now or repeated with the same token, else the token it was completed with
     */
    String complete(String attachmentId, String clientToken) {
        String earlier = completedTokens.putIfAbsent(attachmentId, clientToken);
        return earlier == null || earlier.equals(clientToken) ? null : earlier;
    }

    /** Every call received, in order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls received for one attachment id. */
    public List<Call> callsFor(String attachmentId) {
        return calls().stream().filter(call -> attachmentId.equals(call.attachmentId())).toList();
    }

    /** The distinct client tokens received for one attachment id, over all its calls. */
    public Set<String> clientTokensFor(String attachmentId) {
        Set<String> tokens = new LinkedHashSet<>();
        for (Call call : callsFor(attachmentId)) {
            tokens.add(call.clientToken());
        }
        return tokens;
    }

    /** The completed attachments and the client token each was completed with. */
    public Map<String, String> completed() {
        return Map.copyOf(completedTokens);
    }

    public boolean isCompleted(String attachmentId) {
        return completedTokens.containsKey(attachmentId);
    }

    public int callCount() {
        return calls.size();
    }

    /** Forgets every call and completion. */
    public void clear() {
        calls.clear();
        completedTokens.clear();
    }
}
