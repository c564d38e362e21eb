package io.github.connectparticipant.reliability;

import java.nio.file.Path;

import io.github.connectparticipant.demo.EmbeddedBroker;

/**
 * An Artemis broker in a JVM of its own, for the crash test: args data folder and TCP port. It prints READY once it
 * accepts connections and runs until it is killed.
 */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("READY");
        Thread.currentThread().join();
    }
}
