package io.github.connectparticipant.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.connectparticipant.camel.ConnectParticipantChatItemHeaders;
import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.camel.ConnectParticipantMaskingFormatter;
import io.github.connectparticipant.simulator.Fault;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The runnable demo ({@code mvn compile camel:run}): the routes in routes/ against an embedded Participant Service simulator
 * and an embedded Artemis broker, fed with the sample in examples/, with progress and a summary; it stops once the
 * sample is drained, unless demo.keepRunning is true.
 */
public final class Demo {

    /** How the backlog's messages begin: they are single attachment ids, told apart from the sample by it. */
    static final String BACKLOG_PREFIX = "backlog-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILES_ROUTE = "files-to-connectparticipant";
    private static final String QUEUE_ROUTE = "queue-to-connectparticipant";
    private static final String KAFKA_ROUTE = "kafka-to-connectparticipant";
    private static final String SQS_ROUTE = "sqs-to-connectparticipant";
    /** Dead-lettered bodies are written with their tokens masked, as the component's logs mask them. */
    private static final ConnectParticipantMaskingFormatter MASKING = new ConnectParticipantMaskingFormatter();

    private final DemoSettings settings;
    private final PrintStream out;
    private final DemoSummary summary = new DemoSummary();
    private final DemoMeters meters = new DemoMeters();
    private final Consumer<CamelContext> whenDrained;
    private EmbeddedKafka kafka;
    private EmbeddedSqs sqs;
    private EmbeddedBroker broker;
    private Sample sample;

    /** The sample, as found in the examples folders: what the demo seeds. */
    private record Sample(List<Path> files, List<Path> messages, List<Path> outgoing, List<Path> chat, int backlog) {
    }

    Demo(DemoSettings settings, PrintStream out) {
        this(settings, out, camel -> {
        });
    }

    /** @param whenDrained called with the running context once the sample is drained, before the summary */
    Demo(DemoSettings settings, PrintStream out, Consumer<CamelContext> whenDrained) {
        this.settings = settings;
        this.out = out;
        this.whenDrained = whenDrained;
    }

    public static void main(String[] args) throws Exception {
        Path config = args.length > 0 ? Path.of(args[0]) : DemoSettings.DEFAULT_CONFIG;
        DemoSummary summary = new Demo(DemoSettings.load(config, System.getProperties()), System.out).run();
        if (!summary.drained() || summary.lost() != 0) {
            throw new IllegalStateException("The demo did not complete its sample: " + summary.lost() + " lost");
        }
    }

    /** Runs the demo to its end and returns what it did. */
    DemoSummary run() throws Exception {
        if (settings.kafka() && settings.sqs()) {
            throw new IllegalArgumentException("demo.kafka and demo.sqs each take the queue's sample: choose one");
        }
        prepareWorkFolder();
        sample = new Sample(list(settings.examplesInbox()), list(settings.examplesQueue()),
                list(settings.examplesOutbox()), list(settings.examplesChat()), settings.backlogMessages());
        out.printf("demo: the sample, seeded once the routes have started: %d files of ids into %s, %d messages into"
                + " %s, a backlog of %d messages into queue %s, %d chat messages into queue %s, %d files to attach"
                + " into %s%n", sample.files().size(), settings.inbox(), sample.messages().size(),
                settings.kafka()
                        ? "topic " + settings.kafkaTopic() + " (Kafka)"
                        : settings.sqs() ? "SQS queue " + settings.sqsQueue() : "queue " + settings.queueName(),
                sample.backlog(), settings.queueName(), sample.chat().size(), settings.chatQueueName(),
                sample.outgoing().size(), settings.outbox());
        try (ParticipantServiceSimulator simulator = settings.embeddedSimulator() ? startSimulator() : null;
                EmbeddedBroker embeddedBroker = settings.embeddedBroker()
                        ? EmbeddedBroker.start(settings.workFolder().resolve("broker"), 0)
                        : null) {
            this.broker = embeddedBroker;
            this.kafka = settings.kafka() ? EmbeddedKafka.start() : null;
            this.sqs = settings.sqs() ? startSqs() : null;
            Main main = new Main();
            // the component records its meters here, as in an application with Micrometer; the summary reads them
            main.bind("demoMeterRegistry", meters.registry());
            main.setPropertyPlaceholderLocations("file:" + settings.configFile());
            settings.overrides().forEach((name, value) -> main.addOverrideProperty((String) name, (String) value));
            // the Kafka and SQS routes run only when asked for
            List<String> excluded = new ArrayList<>();
            if (kafka != null) {
                kafka.createTopics(4, settings.kafkaTopic(), settings.kafkaDeadLetterTopic());
                main.addOverrideProperty("kafka.brokers", kafka.bootstrapServers());
                out.println("demo: embedded Kafka at " + kafka.bootstrapServers()
                        + "; the queue's sample goes to topic "
                        + settings.kafkaTopic() + " (routes/kafka-to-connectparticipant.yaml), the backlog to queue "
                        + settings.queueName());
            } else {
                excluded.add("file:routes/" + KAFKA_ROUTE + ".yaml");
            }
            if (sqs != null) {
                main.addOverrideProperty("sqs.url", sqs.endpoint());
                out.println("demo: embedded SQS server (ElasticMQ) at " + sqs.endpoint() + "; the queue's sample goes"
                        + " to SQS queue " + settings.sqsQueue() + " (routes/sqs-to-connectparticipant.yaml), the"
                        + " backlog to queue " + settings.queueName());
            } else {
                excluded.add("file:routes/" + SQS_ROUTE + ".yaml");
            }
            main.addOverrideProperty("camel.main.routes-exclude-pattern", String.join(",", excluded));
            if (simulator != null) {
                main.addOverrideProperty("participant.url", simulator.baseUrl());
                out.println("demo: Participant Service simulator at " + simulator.baseUrl());
            }
            main.addMainListener(new MainListenerSupport() {

                @Override
                public void beforeConfigure(BaseMainSupport main) {
                    main.getCamelContext().getManagementStrategy().addEventNotifier(summary);
                }

                @Override
                public void afterStart(BaseMainSupport started) {
                    Thread driver = new Thread(() -> drive(main), "demo-driver");
                    driver.setDaemon(true);
                    driver.start();
                }
            });
            main.run();
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            if (sqs != null) {
                sqs.close();
            }
        }
        return summary;
    }

    /** Seeds the sample, reports progress, and ends the run once the sample is drained. */
    private void drive(Main main) {
        CamelContext camel = main.getCamelContext();
        try {
            seed(camel);
            long deadline = System.nanoTime() + settings.timeoutSeconds() * 1_000_000_000L;
            int quietChecks = 0;
            while (quietChecks < 3 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                long files = filesIn(settings.inbox());
                long outgoing = filesIn(settings.outbox());
                long queued = queueDepth(settings.queueName())
                        + (kafka != null
                                ? sample.messages().size() - kafka.committed(settings.kafkaGroup(),
                                        settings.kafkaTopic())
                                : 0);
                long chat = queueDepth(settings.chatQueueName());
                int inflight = camel.getInflightRepository().size();
                long answersDue = awaitsAnswers() ? summary.sentChatMessages() - chatAnswers() : 0;
                quietChecks = files + outgoing + queued + chat == 0 && inflight == 0 && answersDue <= 0
                        ? quietChecks + 1
                        : 0;
                out.printf("demo: left %d files of ids, %d %s, %d chat messages, %d files to attach; %d exchanges"
                        + " in the routes; %d attachment ids completed%n", files, queued,
                        kafka != null
                                ? "queue messages and topic records"
                                : sqs != null ? "queue and SQS messages" : "queue messages",
                        chat, outgoing,
                        inflight, summary.completedAttachments());
            }
            whenDrained.accept(camel);
            collectOutputs(quietChecks >= 3);
            summary.print(out, settings);
            if (settings.keepRunning()) {
                out.println("demo: still running (demo.keepRunning=true): drop files into " + settings.inbox()
                        + "; Ctrl-C to stop");
                return;
            }
        } catch (Exception e) {
            out.println("demo: failed: " + e);
        }
        main.completed();
    }

    private EmbeddedSqs startSqs() {
        // the route takes its AWS credentials from the default provider chain, as it would in production
        EmbeddedSqs.useLocalCredentials();
        EmbeddedSqs server = EmbeddedSqs.start();
        server.createQueues(30, settings.sqsQueue(), settings.sqsDeadLetterQueue());
        return server;
    }

    private ParticipantServiceSimulator startSimulator() throws IOException {
        ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0)
                .acceptConnectionTokens(settings.connectionToken())
                .refuseAttachmentIds(List.of(settings.refusedIds().split(",")));
        settings.throttledIds()
                .forEach((id, times) -> simulator.faults().scriptFor(id, repeat(Fault.throttle(), times)));
        settings.failingIds()
                .forEach((id, times) -> simulator.faults().scriptFor(id, repeat(Fault.internalError(), times)));
        simulator.quota(settings.quota()).agentEcho(settings.agentEcho());
        if (settings.participantToken() != null) {
            simulator.acceptParticipantTokens(settings.participantToken());
        }
        return simulator;
    }

    private static Fault[] repeat(Fault fault, int times) {
        Fault[] faults = new Fault[times];
        Arrays.fill(faults, fault);
        return faults;
    }

    private void prepareWorkFolder() throws IOException {
        Path work = settings.workFolder().toAbsolutePath().normalize();
        if (!work.startsWith(Path.of("target").toAbsolutePath())) {
            throw new IllegalArgumentException("demo.workFolder must lie under target/: " + work);
        }
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(settings.inbox());
        Files.createDirectories(settings.outbox());
    }

    private void seed(CamelContext camel) throws Exception {
        copyInto(sample.files(), settings.inbox());
        copyInto(sample.outgoing(), settings.outbox());
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            if (kafka != null) {
                List<String> records = new ArrayList<>();
                for (Path message : sample.messages()) {
                    records.add(Files.readString(message));
                }
                kafka.send(settings.kafkaTopic(), records);
            } else if (sqs != null) {
                List<String> bodies = new ArrayList<>();
                for (Path message : sample.messages()) {
                    bodies.add(Files.readString(message));
                }
                sqs.send(settings.sqsQueue(), bodies);
            } else {
                for (Path message : sample.messages()) {
                    template.sendBody("jms:queue:" + settings.queueName(), Files.readString(message));
                }
            }
            for (Path message : sample.chat()) {
                template.sendBody("jms:queue:" + settings.chatQueueName(), Files.readString(message));
            }
            // a backlog queued at once, more than the simulator's quota lets through in a second
            for (int i = 1; i <= sample.backlog(); i++) {
                template.sendBody("jms:queue:" + settings.queueName(), String.format(BACKLOG_PREFIX + "%04d", i));
            }
        }
    }

    private static void copyInto(List<Path> files, Path folder) throws IOException {
        for (Path file : files) {
            // written under a dot name, then renamed, so that the route never reads a half-written file
            Path hidden = folder.resolve("." + file.getFileName());
            Files.copy(file, hidden, StandardCopyOption.REPLACE_EXISTING);
            Files.move(hidden, folder.resolve(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void collectOutputs(boolean drained) throws Exception {
        Map<String, Integer> byReason = new TreeMap<>();
        int deadFiles = countReasons(settings.inbox().resolve(".deadletter"), byReason);
        int deadOutgoing = countReasons(settings.outbox().resolve(".deadletter"), byReason);
        Path deadLetters = settings.workFolder().resolve("dead-letters");
        List<Message> queueDead = browse(settings.deadLetterQueueName());
        List<Message> chatDead = browse(settings.chatDeadLetterQueueName());
        List<DemoSummary.ChatAnswer> answers = new ArrayList<>();
        for (Message answer : browse(settings.chatIncomingQueueName())) {
            answers.add(new DemoSummary.ChatAnswer(
                    answer.getStringProperty(
                            ConnectParticipantChatItemHeaders
                                    .bridgedName(ConnectParticipantConstants.PARTICIPANT_ROLE)),
                    answer.getStringProperty(
                            ConnectParticipantChatItemHeaders.bridgedName(ConnectParticipantConstants.ITEM_TYPE)),
                    answer instanceof TextMessage text ? text.getText() : null));
        }
        summary.chatAnswers(answers);
        for (Message message : concat(queueDead, chatDead)) {
            byReason.merge(reasonText(message.getStringProperty(ConnectParticipantFailureHeaders.ERROR_CODE),
                    message.getIntProperty(ConnectParticipantFailureHeaders.STATUS_CODE),
                    message.getIntProperty(ConnectParticipantFailureHeaders.ATTEMPTS)), 1, Integer::sum);
        }
        Path queueFolder = deadLetters.resolve(settings.deadLetterQueueName());
        Path chatFolder = deadLetters.resolve(settings.chatDeadLetterQueueName());
        writeDeadLetters(queueFolder, queueDead.stream().map(Demo::deadLetter).toList());
        writeDeadLetters(chatFolder, chatDead.stream().map(Demo::deadLetter).toList());
        int backlogDead = (int) queueDead.stream().filter(Demo::isBacklog).count();

        List<DemoSummary.InputFigures> inputs = new ArrayList<>();
        inputs.add(new DemoSummary.InputFigures("files of ids", sample.files().size(),
                summary.completedFrom(FILES_ROUTE), "completed", deadFiles,
                settings.inbox().resolve(".done") + ", " + settings.inbox().resolve(".deadletter")));
        if (kafka != null) {
            List<Map<String, String>> records = kafka.readAll(settings.kafkaDeadLetterTopic());
            for (Map<String, String> record : records) {
                String status = record.get(ConnectParticipantFailureHeaders.STATUS_CODE);
                String attempts = record.get(ConnectParticipantFailureHeaders.ATTEMPTS);
                byReason.merge(reasonText(record.get(ConnectParticipantFailureHeaders.ERROR_CODE),
                        status != null ? Integer.parseInt(status) : 0,
                        attempts != null ? Integer.parseInt(attempts) : 0),
                        1, Integer::sum);
            }
            Path topicFolder = deadLetters.resolve(settings.kafkaDeadLetterTopic());
            writeDeadLetters(topicFolder, records.stream().map(record -> deadLetter(record, "value")).toList());
            inputs.add(new DemoSummary.InputFigures("topic records", sample.messages().size(),
                    summary.completedFrom(KAFKA_ROUTE), "completed", records.size(), topicFolder.toString()));
        } else if (sqs != null) {
            List<Map<String, String>> deadMessages = sqs.drain(settings.sqsDeadLetterQueue());
            for (Map<String, String> message : deadMessages) {
                byReason.merge(reasonText(message.get(ConnectParticipantFailureHeaders.ERROR_CODE),
                        Integer.parseInt(message.getOrDefault(ConnectParticipantFailureHeaders.STATUS_CODE, "0")),
                        Integer.parseInt(message.getOrDefault(ConnectParticipantFailureHeaders.ATTEMPTS, "0"))),
                        1, Integer::sum);
            }
            Path sqsFolder = deadLetters.resolve(settings.sqsDeadLetterQueue());
            writeDeadLetters(sqsFolder, deadMessages.stream().map(message -> deadLetter(message, "body")).toList());
            inputs.add(new DemoSummary.InputFigures("SQS messages", sample.messages().size(),
                    summary.completedFrom(SQS_ROUTE), "completed", deadMessages.size(), sqsFolder.toString()));
        } else {
            inputs.add(new DemoSummary.InputFigures("queue messages", sample.messages().size(),
                    summary.completedFrom(QUEUE_ROUTE), "completed", queueDead.size() - backlogDead,
                    queueFolder.toString()));
        }
        inputs.add(new DemoSummary.InputFigures("backlog messages", sample.backlog(), summary.completedBacklog(),
                "completed", backlogDead, queueFolder.toString()));
        inputs.add(new DemoSummary.InputFigures("files to attach", sample.outgoing().size(), summary.sentFiles(),
                "sent", deadOutgoing,
                settings.outbox().resolve(".sent") + ", " + settings.outbox().resolve(".deadletter")));
        inputs.add(new DemoSummary.InputFigures("chat messages", sample.chat().size(), summary.sentChatMessages(),
                "sent", chatDead.size(), chatFolder.toString()));
        summary.outputs(inputs, byReason, drained);
        summary.calls(meters.figures(), backlogDead);
    }

    /** Counts the reasons written beside dead-lettered files, by reason; returns how many files were dead-lettered. */
    private static int countReasons(Path deadLetters, Map<String, Integer> byReason) throws IOException {
        int deadFiles = 0;
        for (Path reasonFile : list(deadLetters)) {
            if (reasonFile.getFileName().toString().endsWith(".reason.json")) {
                JsonNode reason = JSON.readTree(reasonFile.toFile());
                byReason.merge(reasonText(reason.path("errorCode").asText(), reason.path("statusCode").asInt(),
                        reason.path("attempts").asInt()), 1, Integer::sum);
                deadFiles++;
            }
        }
        return deadFiles;
    }

    /**
     * Writes dead letters as files, one each (its body, tokens masked, and its reason), so that they can still be read
     * once the demo and its embedded broker are gone.
     */
    private static void writeDeadLetters(Path folder, List<Map<String, Object>> deadLetters) throws IOException {
        if (deadLetters.isEmpty()) {
            return;
        }
        Files.createDirectories(folder);
        for (int i = 0; i < deadLetters.size(); i++) {
            Files.writeString(folder.resolve(String.format("%03d.json", i + 1)),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(deadLetters.get(i)));
        }
    }

    /** A dead-lettered JMS message as a file shows it: the body, and the reason's properties. */
    private static Map<String, Object> deadLetter(Message message) {
        try {
            Map<String, Object> reason = new TreeMap<>();
            for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements();) {
                String name = (String) names.nextElement();
                if (name.startsWith("ConnectParticipant")) {
                    reason.put(name, message.getObjectProperty(name));
                }
            }
            String body = message instanceof jakarta.jms.TextMessage text ? text.getText() : null;
            return Map.of("messageId", String.valueOf(message.getJMSMessageID()),
                    "body", body == null ? "" : MASKING.format(body), "reason", reason);
        } catch (jakarta.jms.JMSException e) {
            return Map.of("unreadable", String.valueOf(e.getMessage()));
        }
    }

    /**
     * A dead-lettered Kafka record or SQS message as a file shows it: its body, and the reason's headers or
     * attributes.
     *
     * @param bodyField the field that holds the body ("value" for a Kafka record, "body" for an SQS message)
     */
    private static Map<String, Object> deadLetter(Map<String, String> record, String bodyField) {
        Map<String, Object> reason = new TreeMap<>();
        record.forEach((name, value) -> {
            if (name.startsWith("ConnectParticipant")) {
                reason.put(name, value);
            }
        });
        String value = record.get(bodyField);
        return Map.of("body", value == null ? "" : MASKING.format(value), "reason", reason);
    }

    private static List<Message> concat(List<Message> first, List<Message> second) {
        List<Message> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static boolean isBacklog(Message message) {
        try {
            return message instanceof jakarta.jms.TextMessage text && text.getText().startsWith(BACKLOG_PREFIX);
        } catch (jakarta.jms.JMSException e) {
            return false;
        }
    }

    /** Messages left in a queue: its depth, including those delivered and not yet committed. */
    /** Whether the agent answers each chat message sent: the embedded simulator's echo. */
    private boolean awaitsAnswers() {
        return settings.embeddedSimulator() && settings.agentEcho();
    }

    /** What the chat consumer has put on the incoming queue so far. */
    private long chatAnswers() throws Exception {
        return queueDepth(settings.chatIncomingQueueName());
    }

    private long queueDepth(String queue) throws Exception {
        // a browse misses what consumers hold; the embedded broker knows its depth, a remote one is browsed
        return broker != null ? broker.messageCount(queue) : browse(queue).size();
    }

    private static String reasonText(String errorCode, int statusCode, int attempts) {
        if (statusCode > 0) {
            return errorCode + " (HTTP " + statusCode + ")";
        }
        return errorCode + (attempts == 0 ? " (invalid input, not sent)" : " (no answer)");
    }

    private List<Message> browse(String queue) throws Exception {
        try (ActiveMQJMSConnectionFactory factory = new ActiveMQJMSConnectionFactory(settings.brokerUrl());
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            List<Message> messages = new ArrayList<>();
            Enumeration<?> all = browser.getEnumeration();
            while (all.hasMoreElements()) {
                messages.add((Message) all.nextElement());
            }
            return messages;
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static int filesIn(Path folder) throws IOException {
        return (int) list(folder).stream().filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
}
