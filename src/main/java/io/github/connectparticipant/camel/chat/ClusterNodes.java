package io.github.connectparticipant.camel.chat;

import org.apache.camel.spi.StateRepository;

/**
 * Which nodes of a cluster run a chats consumer, counted through the state repository they share, so that each can
 * take its fair share of the shards: a node holds one of a fixed number of slots (a key each) and writes a new beat in
 * it every round; a slot whose value has not changed for a while, by this node's own clock (clocks of different
 * machines are never compared), is free, and counts as no node. A StateRepository can neither list its keys nor
 * compare-and-set, hence the fixed slots and the check, a round after a claim, that the slot still holds this node: two
 * nodes that claim one slot at once find that out, and the one overwritten claims another.
 */
public final class ClusterNodes {

    private static final String SLOT = "connectparticipant.node.";

    private final StateRepository<String, String> repository;
    private final String nodeId;
    private final long staleNanos;
    /** Each slot's value when last read, and when (by this node's clock) it last changed. */
    private final String[] lastValues;
    private final long[] changedAt;
    private int slot = -1;
    private long beats;

    /**
     * @param nodeId     this node's id, unique in the cluster
     * @param slots      how many nodes at most are counted (as many as the shards: a node beyond them leads none)
     * @param staleNanos how long a slot's value may stay unchanged before its node is taken for gone
     */
    public ClusterNodes(StateRepository<String, String> repository, String nodeId, int slots, long staleNanos) {
        this.repository = repository;
        this.nodeId = nodeId;
        this.staleNanos = staleNanos;
        this.lastValues = new String[slots];
        this.changedAt = new long[slots];
    }

    /**
     * One round: reads every slot, then writes this node's beat in its own, claiming one first when it holds none or
     * another node overwrote it.
     *
     * @return how many nodes are live, this one included
     */
    public int beat(long nowNanos) {
        int live = 0;
        int free = -1;
        for (int i = 0; i < lastValues.length; i++) {
            String value = repository.getState(SLOT + i);
            if (value == null) {
                value = "";
            }
            if (!value.equals(lastValues[i]) || changedAt[i] == 0) {
                lastValues[i] = value;
                changedAt[i] = nowNanos | 1;
            }
            boolean held = !value.isEmpty() && nowNanos - changedAt[i] < staleNanos;
            if (i == slot && !value.startsWith(nodeId + " ")) {
                // another node wrote over this one's claim: it claims another slot
                slot = -1;
            }
            if (held && i != slot) {
                live++;
            } else if (!held && free < 0) {
                free = i;
            }
        }
        if (slot < 0) {
            slot = free;
        }
        if (slot >= 0) {
            repository.setState(SLOT + slot, nodeId + " " + ++beats);
        }
        // this node counts, even without a slot: every slot is held by a live node then
        return live + 1;
    }

    /** This node leaves: its slot is free at once, so that the others take its share without waiting for it to age. */
    public void leave() {
        if (slot >= 0) {
            repository.setState(SLOT + slot, "");
            slot = -1;
        }
    }
}
