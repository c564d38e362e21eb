package io.github.connectparticipant.chat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.camel.ConnectParticipantChatConsumer;
import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.camel.chat.SharedFolderStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One node of a cluster that follows chats, in a JVM of its own, as the replicas of a deployment run it: Camel's
 * file-lock cluster service on a shared folder, the component's {@link SharedFolderStateRepository} on another, and
 * two routes: {@code connectparticipant:chats}, which appends each item it hands on to this node's output
 * (milliseconds since the epoch, a space, the item's content), and a route that follows the participant token of
 * every file dropped in this node's own follow folder. Every half second it writes how many chats it follows to its
 * status file. It prints STARTED once both routes run, and runs until the JVM is stopped.
 */
public final class ChatsClusterNodeProcess {

    /** The key the tokens are sealed with (256 bits, base64), the same on every node. */
    static final String STATE_KEY = "TqE/TrESVz0uZ+N89uv6+m7YxrmY/WvW7l1IdyheHvk=";

    private ChatsClusterNodeProcess() {
    }

    /** Arguments: the simulator's base URL, the cluster folder, the state folder, the follow folder, the output. */
    public static void main(String[] args) throws Exception {
        String simulatorUrl = args[0];
        Path clusterFolder = Path.of(args[1]);
        Path stateFolder = Path.of(args[2]);
        Path followFolder = Path.of(args[3]);
        Path output = Path.of(args[4]);
        CamelContext context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(clusterFolder.toString());
        // a leader that stops beating is taken for gone after two intervals: a dead node's shards move within seconds
        cluster.setAcquireLockInterval(1, TimeUnit.SECONDS);
        cluster.setHeartbeatTimeoutMultiplier(2);
        context.addService(cluster);
        context.getRegistry().bind("chatState", new SharedFolderStateRepository(stateFolder));
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("connectparticipant:chats?uriEndpointOverride=" + simulatorUrl + "&stateRepository=#chatState"
                        + "&stateEncryptionKey=RAW(" + STATE_KEY + ")&connectionRateLimit=100&itemTypes=MESSAGE")
                        .routeId("chats")
                        .process(exchange -> Files.writeString(output,
                                System.currentTimeMillis() + " " + exchange.getMessage().getBody(String.class) + "\n",
                                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
                from("file:" + followFolder + "?delete=true&delay=200").routeId("follow")
                        .setHeader(ConnectParticipantConstants.PARTICIPANT_TOKEN, bodyAs(String.class))
                        .to("connectparticipant:followChat?uriEndpointOverride=" + simulatorUrl);
            }
        });
        context.start();
        ConnectParticipantChatConsumer consumer = (ConnectParticipantChatConsumer) context.getRoute("chats")
                .getConsumer();
        Path status = Path.of(output + ".status");
        ScheduledExecutorService statusWriter = Executors.newSingleThreadScheduledExecutor();
        statusWriter.scheduleWithFixedDelay(() -> {
            try {
                Files.writeString(status, String.valueOf(consumer.getFollowedChats()));
            } catch (java.io.IOException e) {
                // the next tick writes it
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
        System.out.println("STARTED");
        Thread.currentThread().join();
    }
}
