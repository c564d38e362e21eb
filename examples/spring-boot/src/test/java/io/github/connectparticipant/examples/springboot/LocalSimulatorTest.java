package io.github.connectparticipant.examples.springboot;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A port that something else holds: the start-up error names it and the property that moves it. */
class LocalSimulatorTest {

    @Test
    void aPortInUseIsNamedWithThePropertyThatMovesIt() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IllegalStateException clash = assertThrows(IllegalStateException.class,
                    () -> new LocalSimulator().participantServiceSimulator(held.getLocalPort(), "t"));
            assertTrue(clash.getMessage().contains(":" + held.getLocalPort() + ": the port is in use")
                       && clash.getMessage().contains("connectparticipant.simulator.port"), clash.getMessage());
        }
    }
}
