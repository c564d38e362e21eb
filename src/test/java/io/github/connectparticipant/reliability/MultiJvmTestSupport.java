package io.github.connectparticipant.reliability;

import java.nio.file.Path;

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

    @AfterEach
    protected void stopAll() {
        processes.close();
        if (simulator != null) {
            simulator.close();
        }
        ActiveMQClient.clearThreadPools();
    }
}
