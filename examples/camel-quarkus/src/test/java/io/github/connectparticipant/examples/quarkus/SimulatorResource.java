package io.github.connectparticipant.examples.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The embedded Participant Service simulator on a loopback port of the system's choosing, and the application's
 * configuration pointed at it: the service URL, the tokens it accepts, an outbox in a temporary folder.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String CONNECTION_TOKEN = "AQIDAHhQuarkusConn-s3cr3t-0123456789";
    static final String PARTICIPANT_TOKEN = "AQIDAHhQuarkusPart-s3cr3t-9876543210";
    static final String KAMELET_PARTICIPANT_TOKEN = "AQIDAHhQuarkusKamelet-s3cr3t-5555";

    static ParticipantServiceSimulator simulator;
    static Path outbox;

    @Override
    public Map<String, String> start() {
        try {
            simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(CONNECTION_TOKEN)
                    .acceptParticipantTokens(PARTICIPANT_TOKEN, KAMELET_PARTICIPANT_TOKEN);
            outbox = Files.createTempDirectory("quarkus-outbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "camel.component.connectparticipant.uri-endpoint-override", simulator.baseUrl(),
                "participant.url", simulator.baseUrl(),
                "camel.component.connectparticipant.participant-token", PARTICIPANT_TOKEN,
                "participant.connection.token", CONNECTION_TOKEN,
                "chat.participant-token", KAMELET_PARTICIPANT_TOKEN,
                "outbox.folder", outbox.toString());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
