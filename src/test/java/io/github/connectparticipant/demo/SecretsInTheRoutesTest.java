package io.github.connectparticipant.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.connectparticipant.camel.CamelCoreUnmaskedLogs;
import io.github.connectparticipant.camel.CapturedLogAccess;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped routes, run as the demo runs them (files and a queue, good and bad input, throttling and failures),
 * with every logger at TRACE, Camel's tracer, message history, JMX and logMask on: no log line, exception, dead-letter
 * reason or header, or endpoint URI shown over JMX holds a token: the connection tokens, the participant tokens, and
 * the connection tokens the simulator made from them.
 */
@NeedsEmbeddedBroker
class SecretsInTheRoutesTest {

    /**
     * The tokens in examples/: the routes' own (properties) and the ones queue and chat messages carry in their bodies;
     * and the start of every connection token the simulator makes from a participant token (sim-connection-UUID).
     */
    static final List<String> SECRETS = List.of("demo-connection-token", "expired-connection-token",
            "demo-participant-token", "a-participant-who-left", "sim-connection-");

    @Test
    void noTokenAnywhere() throws Exception {
        Properties overrides = DemoTest.workingUnder("target/demo-secrets");
        overrides.setProperty("camel.main.tracing", "true");
        overrides.setProperty("camel.main.messageHistory", "true");
        overrides.setProperty("camel.main.logMask", "true");
        overrides.setProperty("camel.main.jmxEnabled", "true");
        List<String> shownOverJmx = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String log;
        DemoSummary summary;
        try (AutoCloseable captured = CapturedLogAccess.atTrace();
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            summary = new Demo(DemoSettings.load(DemoSettings.DEFAULT_CONFIG, overrides), out,
                    camel -> shownOverJmx.addAll(endpointsOverJmx())).run();
            log = CapturedLogAccess.text(captured);
        }
        assertEquals(0, summary.lost());
        assertTrue(summary.deadLettered() > 0 && summary.completedAttachments() > 0, printed.toString());
        assertTrue(log.contains("*--> ["), "the tracer was on");
        assertTrue(log.contains("TRACE"), "TRACE was on");
        assertFalse(shownOverJmx.isEmpty(), "JMX was on");

        // Camel core logs the endpoint URIs it resolves, placeholders filled in, at DEBUG and TRACE, and does not
        // mask a RAW() value there (any component's secret shows the same way). Those categories are Camel's, and
        // the README asks to keep them at INFO; every other line of every logger is scanned.
        CamelCoreUnmaskedLogs.Split split = CamelCoreUnmaskedLogs.split(log);
        assertTrue(split.camelCoreLines() > 0, "Camel core was at TRACE too");
        String logOutsideProperties = split.rest();

        List<String> places = new ArrayList<>();
        places.add(logOutsideProperties);
        places.add(printed.toString(StandardCharsets.UTF_8));
        places.addAll(shownOverJmx);
        places.addAll(reasonFiles(Path.of("target/demo-secrets/inbox/.deadletter")));
        places.addAll(deadLetterHeaders());
        List<String> leakingLines = new ArrayList<>();
        for (String line : logOutsideProperties.split("\n")) {
            if (SECRETS.stream().anyMatch(line::contains)) {
                leakingLines.add(line.substring(0, Math.min(line.length(), 160)));
            }
        }
        assertEquals(List.of(), leakingLines);
        for (String secret : SECRETS) {
            for (String place : places) {
                int at = place.indexOf(secret);
                assertTrue(at < 0, () -> "the token '" + secret + "' shows: ..."
                        + place.substring(Math.max(0, at - 600), Math.min(place.length(), at + 50)));
            }
        }
    }

    private static List<String> endpointsOverJmx() {
        try {
            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            List<String> shown = new ArrayList<>();
            for (ObjectName name : mbeans.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null)) {
                shown.add(name + " " + mbeans.getAttribute(name, "EndpointUri"));
            }
            for (ObjectName name : mbeans.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null)) {
                shown.add(name + " " + mbeans.getAttribute(name, "EndpointUri"));
            }
            return shown;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> reasonFiles(Path folder) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".reason.json")).toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertFalse(texts.isEmpty());
        return texts;
    }

    /** Every property of every message on the dead-letter queue (their bodies are the messages as they came). */
    private static List<String> deadLetterHeaders() throws Exception {
        // the demo's broker is stopped by now: read what it persisted by starting it again on its data folder
        List<String> headers = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(Path.of("target/demo-secrets/broker"), 0);
                ActiveMQJMSConnectionFactory factory = new ActiveMQJMSConnectionFactory("vm://0");
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue("attachments.DLQ"));
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message message = (Message) messages.nextElement();
                Enumeration<?> names = message.getPropertyNames();
                while (names.hasMoreElements()) {
                    String name = (String) names.nextElement();
                    headers.add(name + "=" + message.getObjectProperty(name));
                }
            }
        }
        assertFalse(headers.isEmpty());
        return headers;
    }
}
