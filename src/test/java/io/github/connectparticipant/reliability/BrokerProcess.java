package io.github.connectparticipant.reliability;

import java.nio.file.Path;

import io.github.connectparticipant.demo.EmbeddedBroker;

/**
 * An Artemis broker in a JVM of its own, for the multi-JVM tests: arg the data folder. It binds a TCP port the system
 * chooses, prints READY and the port once it accepts connections, and runs until it is killed.
 */
public final class BrokerProcess {

    /** What the broker prints, followed by its port, once it accepts connections. */
    static final String READY = "READY on port ";

    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.startOnAnyTcpPort(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println(READY + broker.tcpPort());
        Thread.currentThread().join();
    }
}
