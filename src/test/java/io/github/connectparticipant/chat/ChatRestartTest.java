package io.github.connectparticipant.chat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.github.connectparticipant.camel.CapturedLogAccess;
import io.github.connectparticipant.camel.ConnectParticipantChatConsumer;
import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A chat consumer with a state repository (Camel's FileStateRepository in a temp folder), stopped and started again
 * as a new Camel context over the same file, as a restarted JVM would: each chat resumes after its last item (what
 * was sent meanwhile read from the transcript, nothing handed on twice), connectparticipant:chats follows again the
 * chats it followed when it holds the key, and no participant token is ever in the file.
 */
class ChatRestartTest {

    private static final String A = "restart-participant-a";
    private static final String B = "restart-participant-b";
    private static final String C = "restart-participant-c";
    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(
            "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path folder;

    private ParticipantServiceSimulator simulator;
    private CamelContext context;

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptParticipantTokens(A, B, C);
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        simulator.close();
    }

    private Path stateFile() {
        return folder.resolve("chat-state.dat");
    }

    /** A new context over the state file, as after a restart, with the route's consumer options. */
    private void startContext(String consumerUri) throws Exception {
        if (context != null) {
            context.stop();
        }
        context = new DefaultCamelContext();
        context.getRegistry().bind("chatState", FileStateRepository.fileStateRepository(stateFile().toFile()));
        String service = "uriEndpointOverride=" + simulator.baseUrl();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from(consumerUri + (consumerUri.contains("?") ? "&" : "?") + service
                        + "&stateRepository=#chatState").routeId("chat").to("mock:items");
                from("direct:follow").to("connectparticipant:followChat?" + service);
                from("direct:unfollow").to("connectparticipant:unfollowChat?" + service);
            }
        });
        context.start();
    }

    private MockEndpoint items() {
        return context.getEndpoint("mock:items", MockEndpoint.class);
    }

    private ConnectParticipantChatConsumer consumer() {
        return (ConnectParticipantChatConsumer) context.getRoute("chat").getConsumer();
    }

    private void follow(String participant) {
        context.createProducerTemplate().sendBodyAndHeader("direct:follow", null,
                ConnectParticipantConstants.PARTICIPANT_TOKEN, participant);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, Duration.ofSeconds(30), what);
    }

    private void awaitSubscribed(String... participants) throws InterruptedException {
        for (String participant : participants) {
            await(() -> simulator.subscribedSockets(participant) == 1, participant + " subscribed");
        }
    }

    /** What the route received, by chat (contact id), in order; after a short wait for anything more. */
    private Map<String, List<String>> received(int expected) throws InterruptedException {
        await(() -> items().getReceivedCounter() >= expected, expected + " items ("
                + items().getReceivedCounter() + " so far)");
        Thread.sleep(500);
        Map<String, List<String>> byChat = new LinkedHashMap<>();
        for (Exchange exchange : items().getExchanges()) {
            byChat.computeIfAbsent(exchange.getMessage().getHeader(ConnectParticipantConstants.CONTACT_ID,
                    String.class), c -> new ArrayList<>()).add(exchange.getMessage().getBody(String.class));
        }
        return byChat;
    }

    private void send(String participant, int from, int to) {
        for (int n = from; n <= to; n++) {
            simulator.agentMessage(participant, participant + " " + n);
        }
    }

    private static List<String> messages(String participant, int from, int to) {
        List<String> messages = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            messages.add(participant + " " + n);
        }
        return messages;
    }

    private void assertNoTokenInTheStateFile() throws Exception {
        String kept = Files.readString(stateFile());
        for (String token : List.of(A, B, C)) {
            assertFalse(kept.contains(token), "a participant token in the state file");
        }
    }

    @Test
    void aRestartedChatConsumerResumesAfterItsLastItem() throws Exception {
        startContext("connectparticipant:chat?participantToken=RAW(" + A + ")");
        awaitSubscribed(A);
        send(A, 1, 5);
        assertEquals(Map.of(simulator.contactId(A), messages(A, 1, 5)), received(5));
        context.stop();

        send(A, 6, 8);
        startContext("connectparticipant:chat?participantToken=RAW(" + A + ")");
        awaitSubscribed(A);
        send(A, 9, 9);
        assertEquals(Map.of(simulator.contactId(A), messages(A, 6, 9)), received(4),
                "what came while it was down, then what comes live; nothing twice");
        assertNoTokenInTheStateFile();
    }

    @Test
    void chatsFollowsAgainTheChatsItFollowedAndEachResumesAfterItsLastItem() throws Exception {
        String chats = "connectparticipant:chats?stateEncryptionKey=RAW(" + KEY + ")";
        startContext(chats);
        assertFalse(context.getRoute("chat").getEndpoint().toString().contains(KEY),
                "the key in the endpoint's URI: " + context.getRoute("chat").getEndpoint());
        follow(A);
        follow(B);
        follow(C);
        awaitSubscribed(A, B, C);
        send(A, 1, 3);
        send(B, 1, 3);
        send(C, 1, 3);
        assertEquals(9, received(9).values().stream().mapToInt(List::size).sum());
        context.createProducerTemplate().sendBodyAndHeader("direct:unfollow", null,
                ConnectParticipantConstants.PARTICIPANT_TOKEN, C);
        context.stop();

        send(A, 4, 5);
        send(B, 4, 5);
        send(C, 4, 5);
        startContext(chats);
        assertEquals(2, consumer().getFollowedChats(), "the two chats still followed, none of the unfollowed");
        awaitSubscribed(A, B);
        send(A, 6, 6);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(simulator.contactId(A), messages(A, 4, 6));
        expected.put(simulator.contactId(B), messages(B, 4, 5));
        Map<String, List<String>> received = received(5);
        assertEquals(expected.keySet(), received.keySet());
        expected.forEach((chat, messages) -> assertEquals(messages, received.get(chat)));
        assertNoTokenInTheStateFile();
    }

    @Test
    void anotherKeyOpensNoKeptTokenAndLeavesThemForTheRightOne() throws Exception {
        startContext("connectparticipant:chats?stateEncryptionKey=RAW(" + KEY + ")");
        follow(A);
        follow(B);
        awaitSubscribed(A, B);
        context.stop();

        String log;
        try (AutoCloseable captured = CapturedLogAccess.asConfigured()) {
            startContext("connectparticipant:chats?stateEncryptionKey=RAW(" + OTHER_KEY + ")");
            assertEquals(0, consumer().getFollowedChats(), "a token that does not open is not followed");
            context.stop();
            log = CapturedLogAccess.text(captured);
        }
        assertEquals(2, log.lines().filter(line -> line.contains("is not followed again")).count(),
                "logged once per chat: " + log.lines().filter(line -> line.contains("not followed")).toList());
        // the keys nowhere; the tokens not in the component's lines (the test's own messages are named after them)
        String componentLines = log.lines().filter(line -> line.startsWith("io.github.connectparticipant.camel"))
                .collect(Collectors.joining("\n"));
        for (String key : List.of(KEY, OTHER_KEY)) {
            assertFalse(log.contains(key), "a key in the log: " + log.lines().filter(line -> line.contains(key))
                    .map(line -> line.replace(key, "<the key>")).toList());
        }
        for (String token : List.of(A, B)) {
            assertFalse(componentLines.contains(token), "a token in the log (at TRACE: ChatSecretsInTheLogTest)");
        }

        startContext("connectparticipant:chats?stateEncryptionKey=RAW(" + KEY + ")");
        assertEquals(2, consumer().getFollowedChats(), "kept as they were for the right key");
    }

    @Test
    void withoutAKeyNoTokenIsKeptYetAChatFollowedAgainResumes() throws Exception {
        startContext("connectparticipant:chats");
        follow(A);
        awaitSubscribed(A);
        send(A, 1, 2);
        received(2);
        context.stop();

        send(A, 3, 4);
        startContext("connectparticipant:chats");
        assertEquals(0, consumer().getFollowedChats(), "no token kept, none followed");
        follow(A);
        assertEquals(Map.of(simulator.contactId(A), messages(A, 3, 4)), received(2));
        assertNoTokenInTheStateFile();
    }
}
