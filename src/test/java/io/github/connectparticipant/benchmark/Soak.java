package io.github.connectparticipant.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.github.connectparticipant.camel.ConnectParticipantEndpoint;
import io.github.connectparticipant.demo.EmbeddedBroker;
import io.github.connectparticipant.simulator.SimulatorMain;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Messages through routes/queue-to-connectparticipant.yaml (embedded Artemis, 8 consumers) to the simulator in a JVM
 * of its own: the rate, and this JVM's heap after a full GC at each quarter, which must not grow with the messages.
 */
final class Soak {

    private static final String TOKEN = "soak.connection.token.value";
    /**
     * What the heap after a full GC may gain per message from the first quarter to the last before the soak fails: a
     * leaked exchange (its message, headers and body) retains several KB, the measure's noise is about a MB in all.
     */
    private static final long RETAINED_BYTES_PER_MESSAGE = 1024;

    private Soak() {
    }

    static String run(int messages, Path folder) throws Exception {
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                "--port", "0", "--connection-token", TOKEN).redirectErrorStream(true).start();
        try (EmbeddedBroker broker = EmbeddedBroker.start(folder.resolve("broker"), 0);
                CamelContext camel = new DefaultCamelContext()) {
            String simulatorUrl = readUrl(simulator);
            camel.addComponent("jms", JmsComponent.jmsComponent(new ActiveMQJMSConnectionFactory("vm://0")));
            camel.getPropertiesComponent().addInitialProperty("participant.url", simulatorUrl);
            camel.getPropertiesComponent().addInitialProperty("participant.connection.token", TOKEN);
            camel.getPropertiesComponent().addInitialProperty("queue.consumers", "8");
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveResource(camel, "file:routes/queue-to-connectparticipant.yaml"));
            // the completions, counted as the component answers them
            AtomicLong completed = new AtomicLong();
            camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {

                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeSentEvent sentEvent
                            && sentEvent.getEndpoint() instanceof ConnectParticipantEndpoint
                            && sentEvent.getExchange().getException() == null) {
                        completed.incrementAndGet();
                    }
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();

            int quarter = messages / 4;
            List<Long> heapAfterGc = new ArrayList<>();
            long start = System.nanoTime();
            long busyNanos = 0;
            int sent = 0;
            for (int batch = 0; batch < 4; batch++) {
                long batchStart = System.nanoTime();
                for (int i = 0; i < quarter; i++) {
                    template.sendBody("jms:queue:attachments", "soak-" + sent++);
                }
                while (broker.messageCount("attachments") > 0 || camel.getInflightRepository().size() > 0) {
                    Thread.sleep(20);
                }
                busyNanos += System.nanoTime() - batchStart;
                heapAfterGc.add(heapAfterFullGc());
            }
            double rate = sent / (busyNanos / 1e9);
            // every address a message can end at but completion: the route's dead letters, the broker's own (a
            // message it gave up redelivering) and its expiry queue
            long routeDeadLetters = broker.messageCount("attachments.DLQ");
            long brokerDeadLetters = broker.messageCount(EmbeddedBroker.BROKER_DEAD_LETTER_ADDRESS);
            long expired = broker.messageCount(EmbeddedBroker.BROKER_EXPIRY_ADDRESS);
            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "Soak: %d messages through "
                    + "routes/queue-to-connectparticipant.yaml (embedded Artemis, "
                    + "transacted, 8 consumers) to the simulator: %.0f messages/s, %d "
                    + "completed, %d dead-lettered by the route, %d by the broker, %d "
                    + "expired, %.1f s in all.%n%n",
                    sent, rate, completed.get(), routeDeadLetters, brokerDeadLetters, expired,
                    (System.nanoTime() - start) / 1e9));
            report.append("| after messages | heap after full GC (MB) |\n|---:|---:|\n");
            for (int i = 0; i < heapAfterGc.size(); i++) {
                report.append(String.format(Locale.ROOT, "| %d | %.1f |%n", quarter * (i + 1),
                        heapAfterGc.get(i) / (1024.0 * 1024.0)));
            }
            long growth = heapAfterGc.get(heapAfterGc.size() - 1) - heapAfterGc.get(0);
            report.append(String.format(Locale.ROOT, "%nHeap growth from the first quarter to the last: %.1f MB.%n",
                    growth / (1024.0 * 1024.0)));
            long allowed = RETAINED_BYTES_PER_MESSAGE * (sent - quarter);
            if (growth > allowed || completed.get() != sent) {
                // the claim is that nothing grows with the messages and every one completes: a run that breaks it
                // stops the benchmark rather than publish its figures
                throw new IllegalStateException("the soak failed its claim (heap growth over "
                        + RETAINED_BYTES_PER_MESSAGE + " bytes a message, or a message not completed):\n" + report);
            }
            return report.toString();
        } finally {
            simulator.getOutputStream().close();
            simulator.destroy();
        }
    }

    private static long heapAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String readUrl(Process simulator) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(simulator.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int at = line.indexOf("http://");
            if (at >= 0) {
                return line.substring(at).split(" ")[0];
            }
        }
        throw new IllegalStateException("the simulator did not start");
    }
}
