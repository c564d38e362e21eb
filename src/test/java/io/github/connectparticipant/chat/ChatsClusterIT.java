package io.github.connectparticipant.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.connectparticipant.reliability.MultiJvmTestSupport;
import io.github.connectparticipant.reliability.ReliabilityReport;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * connectparticipant:chats on three nodes, each a JVM of its own with Camel's file-lock cluster service and the
 * component's shared-folder state repository (issue #32): 60 chats followed through followChat, a third on each node
 * whatever their shard; their agents write throughout; one node is killed with SIGKILL mid-stream and a fourth joins
 * later. Each chat is followed by one node at a time, the nodes share the chats, the killed node's chats are followed
 * again by the others within the bound, the joining node takes chats over, and every item of every chat reaches a
 * route, in order per chat, none lost, repeated only for the items the killed node had in the route.
 */
class ChatsClusterIT extends MultiJvmTestSupport {

    private static final int CHATS = 60;
    private static final int NODES = 3;
    /** The README's bound: the killed node's chats are followed again by others within this. */
    private static final long HANDOVER_BOUND_MILLIS = 20_000;
    /** How often each chat's agent writes. */
    private static final long WRITE_EVERY_MILLIS = 1000;

    ChatsClusterIT() {
        super("chats-cluster");
    }

    @Test
    void threeNodesShareSixtyChatsAndAKilledNodesChatsMoveWithNothingLost() throws Exception {
        List<String> participants = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            participants.add(String.format("cluster-chat-%02d-%s", i, UUID.randomUUID()));
        }
        simulator = ParticipantServiceSimulator.start(0).acceptParticipantTokens(participants.toArray(String[]::new));
        Path clusterFolder = Files.createDirectories(work.resolve("cluster"));
        Path stateFolder = Files.createDirectories(work.resolve("state"));
        List<String> names = List.of("node-a", "node-b", "node-c", "node-d");
        Map<String, Process> nodes = new LinkedHashMap<>();
        // the three together, as a deployment's replicas start
        for (String name : names.subList(0, NODES)) {
            nodes.put(name, launchNode(name, clusterFolder, stateFolder));
        }
        for (Map.Entry<String, Process> node : nodes.entrySet()) {
            processes.awaitReady(node.getKey(), node.getValue(), "STARTED");
        }

        // followChat on every node: a third of the chats each, whatever node leads their shards
        for (int i = 0; i < CHATS; i++) {
            Path followFolder = work.resolve("follow-" + names.get(i % NODES));
            Files.writeString(followFolder.resolve("chat-" + i + ".txt.tmp"), participants.get(i));
            Files.move(followFolder.resolve("chat-" + i + ".txt.tmp"), followFolder.resolve("chat-" + i + ".txt"));
        }
        await(() -> participants.stream().allMatch(p -> simulator.subscribedSockets(p) == 1), Duration.ofSeconds(60),
                "every chat subscribed");
        await(() -> names.subList(0, NODES).stream().mapToInt(this::followedBy).sum() == CHATS
                && names.subList(0, NODES).stream().allMatch(name -> followedBy(name) > 0), Duration.ofSeconds(30),
                "the chats spread over the three nodes, each followed by one");
        Map<String, Integer> chatsPerNode = new LinkedHashMap<>();
        names.subList(0, NODES).forEach(name -> chatsPerNode.put(name, followedBy(name)));

        // the agents write throughout: an item a second in every chat, numbered
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        Thread agents = new Thread(() -> {
            while (writing.get()) {
                int round = rounds.incrementAndGet();
                for (int i = 0; i < CHATS; i++) {
                    simulator.agentMessage(participants.get(i), String.format("%02d %04d", i, round));
                }
                try {
                    Thread.sleep(WRITE_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        agents.start();
        Thread.sleep(6_000);

        String killed = "node-b";
        int killedChats = followedBy(killed);
        Set<Integer> killedChatIds = chatsIn(killed);
        long killedAt = System.currentTimeMillis();
        nodes.get(killed).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        await(() -> followedBy("node-a") + followedBy("node-c") == CHATS, Duration.ofSeconds(30),
                "the killed node's chats followed by the others");
        long handover = handoverMillis(killedChatIds, killedAt, List.of("node-a", "node-c"));

        Thread.sleep(3_000);
        Process joining = launchNode("node-d", clusterFolder, stateFolder);
        processes.awaitReady("node-d", joining, "STARTED");
        nodes.put("node-d", joining);
        await(() -> followedBy("node-d") > 0
                && followedBy("node-a") + followedBy("node-c") + followedBy("node-d") == CHATS, Duration.ofSeconds(30),
                "the joining node takes chats over");
        Thread.sleep(5_000);
        writing.set(false);
        agents.join();
        int written = rounds.get();

        // every item of every chat, in order per chat, repeats only for what the killed node had in the route
        await(() -> received().values().stream().mapToInt(items -> new HashSet<>(items).size()).sum() == CHATS
                * written, Duration.ofSeconds(60), "every item in a route");
        Map<Integer, List<Integer>> byChat = received();
        int repeats = 0;
        for (int chat = 0; chat < CHATS; chat++) {
            List<Integer> items = byChat.getOrDefault(chat, List.of());
            Set<Integer> seen = new TreeSet<>();
            int latest = 0;
            for (int item : items) {
                if (!seen.add(item)) {
                    repeats++;
                    continue;
                }
                assertTrue(item > latest, "chat " + chat + ": item " + item + " after " + latest + ", in order");
                latest = item;
            }
            assertEquals(written, seen.size(), "chat " + chat + ": every item");
        }
        assertTrue(repeats <= killedChats, repeats + " repeated, at most one for each of the killed node's "
                + killedChats + " chats (the item in its route)");
        assertTrue(handover <= HANDOVER_BOUND_MILLIS, "the killed node's chats followed again within "
                + HANDOVER_BOUND_MILLIS + " ms, not " + handover);
        ReliabilityReport.write("chats-cluster", "chats", CHATS, "items", CHATS * written, "chatsPerNode",
                chatsPerNode, "killedNodeChats", killedChats, "handoverMillis", handover, "repeated", repeats,
                "lost", 0, "joinedNodeChats", followedBy("node-d"));
    }

    private Process launchNode(String name, Path clusterFolder, Path stateFolder) throws Exception {
        Path followFolder = Files.createDirectories(work.resolve("follow-" + name));
        return processes.launch(name, ChatsClusterNodeProcess.class, simulator.baseUrl(),
                clusterFolder.toString(), stateFolder.toString(), followFolder.toString(), output(name).toString());
    }

    private Path output(String name) {
        return work.resolve("items-" + name + ".txt");
    }

    /** How many chats the node follows, as its status file says (0 before it says). */
    private int followedBy(String name) {
        try {
            String status = Files.readString(Path.of(output(name) + ".status")).strip();
            return status.isEmpty() ? 0 : Integer.parseInt(status);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The chats whose items the node handed on. */
    private Set<Integer> chatsIn(String name) {
        Set<Integer> chats = new HashSet<>();
        for (String[] line : lines(name)) {
            chats.add(Integer.parseInt(line[1]));
        }
        return chats;
    }

    /**
     * The longest time, over the killed node's chats, from the kill to the first item another node handed on after it.
     */
    private long handoverMillis(Set<Integer> chats, long killedAt, List<String> others) throws InterruptedException {
        Map<Integer, Long> firstAfter = new HashMap<>();
        await(() -> {
            for (String other : others) {
                for (String[] line : lines(other)) {
                    long at = Long.parseLong(line[0]);
                    int chat = Integer.parseInt(line[1]);
                    if (at >= killedAt && chats.contains(chat)) {
                        firstAfter.merge(chat, at, Math::min);
                    }
                }
            }
            return firstAfter.keySet().containsAll(chats);
        }, Duration.ofSeconds(60), "an item of each of the killed node's chats on another node");
        return firstAfter.values().stream().mapToLong(at -> at - killedAt).max().orElse(0);
    }

    /** Every node's items, each chat's in the order the routes handed them on (by time, across nodes). */
    private Map<Integer, List<Integer>> received() {
        List<String[]> all = new ArrayList<>();
        for (String name : List.of("node-a", "node-b", "node-c", "node-d")) {
            all.addAll(lines(name));
        }
        all.sort((x, y) -> Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0])));
        Map<Integer, List<Integer>> byChat = new HashMap<>();
        for (String[] line : all) {
            byChat.computeIfAbsent(Integer.parseInt(line[1]), chat -> new ArrayList<>()).add(Integer.parseInt(line[2]));
        }
        return byChat;
    }

    /** A node's complete lines (a line the kill cut short is not one), split: time, chat, item. */
    private List<String[]> lines(String name) {
        try {
            Path file = output(name);
            if (!Files.exists(file)) {
                return List.of();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            List<String[]> lines = new ArrayList<>();
            if (end > 0) {
                for (String line : text.substring(0, end).split("\n")) {
                    lines.add(line.split(" "));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        Await.until(condition, within, what);
    }
}
