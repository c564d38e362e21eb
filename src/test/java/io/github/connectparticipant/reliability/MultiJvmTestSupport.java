package io.github.connectparticipant.reliability;

import java.nio.file.Path;
import java.time.Duration;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of several JVMs (a broker, consumers) against a simulator in the test's own JVM; whatever it started is
 * stopped after each test, the JVMs forcibly.
 */
public abstract class MultiJvmTestSupport {

    @TempDir
    protected Path work;

    protected final JvmProcesses processes;
    protected ParticipantServiceSimulator simulator;

    /** @param folder where the JVMs' output goes, under target/ */
    protected MultiJvmTestSupport(String folder) {
        this.processes = new JvmProcesses(folder);
    }

    /** Waits until the simulator has completed this many attachments (three minutes at most), and asserts it has. */
    protected void awaitCompleted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (simulator.ledger().completed().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        org.junit.jupiter.api.Assertions.assertTrue(simulator.ledger().completed().size() >= count,
                "completed " + simulator.ledger().completed().size() + " of " + count);
    }

    @AfterEach
    protected void stopAll() {
        processes.close();
        if (simulator != null) {
            simulator.close();
        }
        ActiveMQClient.clearThreadPools();
    }
}
