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
import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.simulator.Fault;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoSettings settings;
    private final PrintStream out;
    private final DemoSummary summary = new DemoSummary();
    private final DemoMeters meters = new DemoMeters();
    private final Consumer<CamelContext> whenDrained;
    private EmbeddedKafka kafka;
    private int seededToKafka;

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
        prepareWorkFolder();
        try (ParticipantServiceSimulator simulator = settings.embeddedSimulator() ? startSimulator() : null;
                EmbeddedBroker broker = settings.embeddedBroker()
                        ? EmbeddedBroker.start(settings.workFolder().resolve("broker"), 0)
                        : null) {
            this.kafka = settings.kafka() ? EmbeddedKafka.start() : null;
            Main main = new Main();
            // the component records its meters here, as in an application with Micrometer; the summary reads them
            main.bind("demoMeterRegistry", meters.registry());
            main.setPropertyPlaceholderLocations("file:" + settings.configFile());
            settings.overrides().forEach((name, value) -> main.addOverrideProperty((String) name, (String) value));
            if (kafka != null) {
                kafka.createTopics(4, settings.kafkaTopic(), settings.kafkaDeadLetterTopic());
                main.addOverrideProperty("kafka.brokers", kafka.bootstrapServers());
                // the Kafka route runs too
                main.addOverrideProperty("camel.main.routes-exclude-pattern", "file:routes/none.yaml");
                out.println(
                        "demo: embedded Kafka at " + kafka.bootstrapServers() + "; the queue's sample goes to topic "
                                + settings.kafkaTopic());
            }
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
                long pendingFiles = filesIn(settings.inbox()) + filesIn(settings.outbox());
                long pendingMessages = browse(settings.queueName()).size() + browse(settings.chatQueueName()).size()
                        + (kafka != null
                                ? seededToKafka - kafka.committed(settings.kafkaGroup(),
                                        settings.kafkaTopic())
                                : 0);
                int inflight = camel.getInflightRepository().size();
                quietChecks = pendingFiles == 0 && pendingMessages == 0 && inflight == 0 ? quietChecks + 1 : 0;
                out.printf("demo: %d files and %d queue messages waiting, %d in flight; %d attachments completed%n",
                        pendingFiles, pendingMessages, inflight, summary.completedAttachments());
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

    private ParticipantServiceSimulator startSimulator() throws IOException {
        ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0)
                .acceptConnectionTokens(settings.connectionToken())
                .refuseAttachmentIds(List.of(settings.refusedIds().split(",")));
        settings.throttledIds()
                .forEach((id, times) -> simulator.faults().scriptFor(id, repeat(Fault.throttle(), times)));
        settings.failingIds()
                .forEach((id, times) -> simulator.faults().scriptFor(id, repeat(Fault.internalError(), times)));
        simulator.quota(settings.quota());
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
        List<Path> files = copyInto(settings.examplesInbox(), settings.inbox());
        List<Path> outgoing = copyInto(settings.examplesOutbox(), settings.outbox());
        List<Path> messages = list(settings.examplesQueue());
        List<Path> chat = list(settings.examplesChat());
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            if (kafka != null) {
                List<String> records = new ArrayList<>();
                for (Path message : messages) {
                    records.add(Files.readString(message));
                }
                kafka.send(settings.kafkaTopic(), records);
                seededToKafka = records.size();
            } else {
                for (Path message : messages) {
                    template.sendBody("jms:queue:" + settings.queueName(), Files.readString(message));
                }
            }
            for (Path message : chat) {
                template.sendBody("jms:queue:" + settings.chatQueueName(), Files.readString(message));
            }
            // a backlog queued at once, more than the simulator's quota lets through in a second
            for (int i = 1; i <= settings.backlogMessages(); i++) {
                template.sendBody("jms:queue:" + settings.queueName(), String.format("backlog-%04d", i));
            }
        }
        summary.seeded(files.size(), messages.size(), outgoing.size(), settings.backlogMessages(), chat.size());
        out.printf("demo: seeded %d files into %s, %d messages into %s, a backlog of %d into queue %s, %d chat"
                + " messages and %d files into %s%n", files.size(), settings.inbox(), messages.size(),
                kafka != null ? "topic " + settings.kafkaTopic() : "queue " + settings.queueName(),
                settings.backlogMessages(), settings.queueName(), chat.size(), outgoing.size(), settings.outbox());
    }

    private static List<Path> copyInto(Path examples, Path folder) throws IOException {
        List<Path> files = list(examples);
        for (Path file : files) {
            // written under a dot name, then renamed, so that the route never reads a half-written file
            Path hidden = folder.resolve("." + file.getFileName());
            Files.copy(file, hidden, StandardCopyOption.REPLACE_EXISTING);
            Files.move(hidden, folder.resolve(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        }
        return files;
    }

    private void collectOutputs(boolean drained) throws Exception {
        Map<String, Integer> byReason = new TreeMap<>();
        int deadFiles = 0;
        for (Path deadLetters : List.of(settings.inbox().resolve(".deadletter"),
                settings.outbox().resolve(".deadletter"))) {
            for (Path reasonFile : list(deadLetters)) {
                if (reasonFile.getFileName().toString().endsWith(".reason.json")) {
                    JsonNode reason = JSON.readTree(reasonFile.toFile());
                    byReason.merge(reasonText(reason.path("errorCode").asText(), reason.path("statusCode").asInt(),
                            reason.path("attempts").asInt()), 1, Integer::sum);
                    deadFiles++;
                }
            }
        }
        List<Message> deadMessages = new ArrayList<>(browse(settings.deadLetterQueueName()));
        deadMessages.addAll(browse(settings.chatDeadLetterQueueName()));
        int deadRecords = 0;
        if (kafka != null) {
            for (Map<String, String> record : kafka.readAll(settings.kafkaDeadLetterTopic())) {
                String status = record.get(ConnectParticipantFailureHeaders.STATUS_CODE);
                String attempts = record.get(ConnectParticipantFailureHeaders.ATTEMPTS);
                byReason.merge(reasonText(record.get(ConnectParticipantFailureHeaders.ERROR_CODE),
                        status != null ? Integer.parseInt(status) : 0,
                        attempts != null ? Integer.parseInt(attempts) : 0),
                        1, Integer::sum);
                deadRecords++;
            }
        }
        for (Message message : deadMessages) {
            byReason.merge(reasonText(message.getStringProperty(ConnectParticipantFailureHeaders.ERROR_CODE),
                    message.getIntProperty(ConnectParticipantFailureHeaders.STATUS_CODE),
                    message.getIntProperty(ConnectParticipantFailureHeaders.ATTEMPTS)), 1, Integer::sum);
        }
        summary.outputs(filesIn(settings.inbox().resolve(".done")), deadFiles, deadMessages.size() + deadRecords,
                byReason, drained);
        summary.calls(meters.figures(), (int) deadMessages.stream().filter(Demo::isBacklog).count());
    }

    private static boolean isBacklog(Message message) {
        try {
            return message instanceof jakarta.jms.TextMessage text && text.getText().startsWith("backlog-");
        } catch (jakarta.jms.JMSException e) {
            return false;
        }
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
