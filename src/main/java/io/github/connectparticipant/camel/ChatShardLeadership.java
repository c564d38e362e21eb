package io.github.connectparticipant.camel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.connectparticipant.camel.chat.ClusterNodes;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which shards of the chats a node follows, in a cluster. Each shard has one leader through Camel's cluster service (a
 * namespace a shard, as the master component uses one a route); a node competes for a shard's leadership only while it
 * leads fewer than its fair share, the shards divided by the nodes that run a chats consumer ({@link ClusterNodes},
 * rounded up so that every shard has a node whose share has room), and gives up the shards beyond its share, once the
 * route is done with their items. So the shards spread over the nodes, a node that joins takes its share from the
 * others, and a node that dies leaves its shards to those whose share grows. Every round (half a second) it looks at
 * the leadership, the nodes and its shards' requests ({@link Shards#round}).
 */
final class ChatShardLeadership {

    private static final Logger LOG = LoggerFactory.getLogger(ChatShardLeadership.class);
    /** Namespaces of the cluster service: the prefix and the shard. */
    static final String NAMESPACE = "connectparticipant-chats-";
    /** How often: a follow asked on another node is taken within a round or two. */
    static final long ROUND_MILLIS = 500;
    /**
     * How long a node's beat may stay unchanged before it is taken for gone: ten rounds, so that a GC pause or a slow
     * shared store does not move shards back and forth, while a dead node's shards move within seconds.
     */
    static final long NODE_GONE_MILLIS = 5000;
    /** How long giving a shard up waits for the route to finish its items; a route stuck longer repeats one. */
    private static final long RELEASE_WAIT_SECONDS = 10;

    /** What the consumer does with the shards it leads. */
    interface Shards {

        /** This node leads the shard from now on: it follows the shard's chats. */
        void gained(int shard);

        /** This node no longer leads the shard: it stops following its chats; done once the route is done with them. */
        CompletableFuture<Void> lost(int shard);

        /** A round, for a shard this node leads: it takes the shard's requests. */
        void round(int shard);
    }

    private final CamelClusterService service;
    private final ClusterNodes nodes;
    private final int shards;
    private final Shards owner;
    // below: touched by the rounds only, one at a time
    private final Set<Integer> led = new TreeSet<>();
    private final Set<Integer> competing = new HashSet<>();
    /** The views this node made, one a shard it ever competed for: released when it stops. */
    private final Map<Integer, CamelClusterView> views = new HashMap<>();

    ChatShardLeadership(CamelClusterService service, ClusterNodes nodes, int shards, Shards owner) {
        this.service = service;
        this.nodes = nodes;
        this.shards = shards;
        this.owner = owner;
    }

    /** Runs a round every ROUND_MILLIS on this executor, the first at once. */
    void start(ScheduledExecutorService executor) {
        executor.scheduleWithFixedDelay(this::round, 0, ROUND_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            int live = nodes.beat(System.nanoTime());
            int fairShare = (shards + live - 1) / live;
            for (int shard = 0; shard < shards; shard++) {
                boolean leader = competing.contains(shard) && service.isLeader(NAMESPACE + shard);
                if (leader && led.add(shard)) {
                    LOG.info("This node follows the chats of shard {} from now on", shard);
                    owner.gained(shard);
                } else if (!leader && led.remove(shard)) {
                    LOG.info("This node lost the leadership of shard {}: it no longer follows its chats", shard);
                    owner.lost(shard);
                }
            }
            if (led.size() > fairShare) {
                List<Integer> beyondShare = new ArrayList<>(led).subList(fairShare, led.size());
                for (int shard : List.copyOf(beyondShare)) {
                    giveUp(shard, live);
                }
            } else if (led.size() < fairShare) {
                for (int shard = 0; shard < shards; shard++) {
                    if (!competing.contains(shard)) {
                        compete(shard);
                    }
                }
            } else {
                for (int shard : List.copyOf(competing)) {
                    if (!led.contains(shard)) {
                        stopCompeting(shard);
                    }
                }
            }
            for (int shard : led) {
                owner.round(shard);
            }
        } catch (Exception e) {
            // the next round tries again: a shared store or a cluster service that fails now may answer then
            LOG.warn("A round of the chat shards' leadership failed: {}", e.toString());
        }
    }

    /** Gives a shard up, once the route is done with its items, so that a node whose share has room takes it. */
    private void giveUp(int shard, int liveNodes) throws Exception {
        LOG.info("This node gives shard {} up: it leads more than its share of {} shards over {} nodes", shard,
                shards, liveNodes);
        led.remove(shard);
        awaitLost(shard);
        stopCompeting(shard);
    }

    private void awaitLost(int shard) throws InterruptedException {
        try {
            owner.lost(shard).get(RELEASE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The route was not done with shard {}'s items within {} s; it is given up anyway", shard,
                    RELEASE_WAIT_SECONDS);
        }
    }

    private void compete(int shard) throws Exception {
        if (!views.containsKey(shard)) {
            // made and started: it competes from now on
            views.put(shard, service.getView(NAMESPACE + shard));
        } else {
            service.startView(NAMESPACE + shard);
        }
        competing.add(shard);
    }

    private void stopCompeting(int shard) throws Exception {
        service.stopView(NAMESPACE + shard);
        competing.remove(shard);
    }

    /** Stops, once the rounds have: this node's shards are given up once the route is done with their items, and it leaves the nodes. */
    void stop() {
        for (int shard : List.copyOf(led)) {
            try {
                led.remove(shard);
                awaitLost(shard);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        views.forEach((shard, view) -> {
            try {
                service.releaseView(view);
            } catch (Exception e) {
                LOG.debug("The view of shard {} could not be released: {}", shard, e.toString());
            }
        });
        views.clear();
        competing.clear();
        nodes.leave();
    }
}
