package io.github.connectparticipant.camel.chat;

import java.util.concurrent.TimeUnit;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The nodes of a cluster counted through the state repository they share, on virtual time: each counts the others
 * whose beat changes, a node that stops beating stops counting once its beat has aged, one that leaves at once, and two
 * that claim one slot at once end in two.
 */
class ClusterNodesTest {

    private static final long ROUND = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long GONE = TimeUnit.SECONDS.toNanos(5);

    private final MemoryStateRepository shared = new MemoryStateRepository();

    private ClusterNodes node(String id) {
        return new ClusterNodes(shared, id, 4, GONE);
    }

    @Test
    void eachCountsTheNodesThatBeatAndForgetsOneThatStopped() {
        ClusterNodes a = node("a");
        ClusterNodes b = node("b");
        ClusterNodes c = node("c");
        long now = ROUND;
        for (int round = 0; round < 3; round++, now += ROUND) {
            a.beat(now);
            b.beat(now);
            c.beat(now);
        }
        assertEquals(3, a.beat(now));
        assertEquals(3, b.beat(now));
        // c stops beating (killed): counted until its beat is GONE old, by each node's own clock
        long killedAt = now;
        for (; now - killedAt < GONE - ROUND; now += ROUND) {
            assertEquals(3, a.beat(now), "c still counts, its beat not yet aged");
            b.beat(now);
        }
        now += 2 * ROUND;
        assertEquals(2, a.beat(now), "c's beat aged: gone");
        assertEquals(2, b.beat(now));
    }

    @Test
    void aNodeThatLeavesIsGoneAtOnceAndItsSlotIsTakenAgain() {
        ClusterNodes a = node("a");
        ClusterNodes b = node("b");
        a.beat(ROUND);
        b.beat(ROUND);
        assertEquals(2, a.beat(2 * ROUND));
        b.leave();
        assertEquals(1, a.beat(3 * ROUND));
        ClusterNodes joining = node("d");
        joining.beat(4 * ROUND);
        assertEquals(2, a.beat(5 * ROUND));
        assertEquals(2, joining.beat(5 * ROUND));
    }

    @Test
    void twoNodesThatClaimOneSlotAtOnceEndInTwoSlots() {
        // b reads slot 0 free although a has just claimed it (b read before a wrote): both claim it, b's write last
        MemoryStateRepository racing = new MemoryStateRepository();
        boolean[] staleReadDone = new boolean[1];
        MemoryStateRepository seenByB = new MemoryStateRepository() {

            @Override
            public String getState(String key) {
                if (key.equals("connectparticipant.node.0") && !staleReadDone[0]) {
                    staleReadDone[0] = true;
                    return null;
                }
                return racing.getState(key);
            }

            @Override
            public void setState(String key, String value) {
                racing.setState(key, value);
            }
        };
        ClusterNodes a = new ClusterNodes(racing, "a", 4, GONE);
        ClusterNodes b = new ClusterNodes(seenByB, "b", 4, GONE);
        a.beat(ROUND);
        b.beat(ROUND);
        assertEquals("b 1", racing.getState("connectparticipant.node.0"), "b wrote over a's claim");
        for (long now = 2 * ROUND; now < 6 * ROUND; now += ROUND) {
            a.beat(now);
            b.beat(now);
        }
        assertEquals(2, a.beat(6 * ROUND));
        assertEquals(2, b.beat(6 * ROUND));
        assertEquals(2, java.util.stream.IntStream.range(0, 4)
                .filter(slot -> racing.getState("connectparticipant.node." + slot) != null).count());
    }
}
