package io.github.connectparticipant.camel.chat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chat's shard, and the way a node that does not lead a shard asks its leader to follow a chat, through the state
 * repository every node shares.
 */
class ChatCheckpointsTest {

    private static final int SHARDS = 16;
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aChatsShardIsTheSameEverywhereAndTheShardsShareTheChats() {
        int[] chatsPerShard = new int[SHARDS];
        for (int i = 0; i < 1600; i++) {
            String chatKey = ChatCheckpoints.chatKey("participant-" + i);
            int shard = ChatCheckpoints.shardOf(chatKey, SHARDS);
            assertEquals(shard, ChatCheckpoints.shardOf(ChatCheckpoints.chatKey("participant-" + i), SHARDS));
            chatsPerShard[shard]++;
        }
        for (int chats : chatsPerShard) {
            // 100 a shard on average; a binomial's spread is 10
            assertTrue(chats > 60 && chats < 140, "chats a shard: " + java.util.Arrays.toString(chatsPerShard));
        }
    }

    @Test
    void aFollowAskedOnOneNodeIsTakenByTheShardsLeaderWithItsToken() {
        MemoryStateRepository shared = new MemoryStateRepository();
        ChatCheckpoints asking = new ChatCheckpoints(shared, new SealedTokens(KEY), SHARDS);
        ChatCheckpoints leader = new ChatCheckpoints(shared, new SealedTokens(KEY), SHARDS);
        String token = "participant-asked-elsewhere";
        String chatKey = ChatCheckpoints.chatKey(token);
        int shard = ChatCheckpoints.shardOf(chatKey, SHARDS);
        assertTrue(leader.followShard(shard, why -> {
        }).isEmpty());

        asking.keepToken(chatKey, token);
        asking.request(chatKey, true);
        asking.request(chatKey, true);
        ChatCheckpoints.Requests requests = leader.takeRequests(shard, why -> {
        });
        assertEquals(List.of(token), requests.follow(), "asked twice, taken once, with the token opened");
        assertTrue(leader.takeRequests(shard, why -> {
        }).follow().isEmpty(), "taken: the requests are cleared");
        assertFalse(asking.isFollowedByLeader(chatKey));
        leader.followed(chatKey, token);
        assertTrue(asking.isFollowedByLeader(chatKey), "the asking node sees the leader's list");

        asking.request(chatKey, false);
        List<String> unfollow = new ArrayList<>(leader.takeRequests(shard, why -> {
        }).unfollow());
        assertEquals(List.of(chatKey), unfollow);
        leader.forget(chatKey);
        assertFalse(asking.isFollowedByLeader(chatKey));
        assertFalse(asking.keepsToken(chatKey), "an unfollowed chat's token is not kept");
    }
}
