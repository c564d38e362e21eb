package io.github.connectparticipant.examples.quarkus;

import java.io.IOException;
import java.net.BindException;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code connectparticipant.simulator.enabled} (the dev profile: {@code mvn quarkus:dev}), the embedded
 * Participant Service simulator on a loopback port, accepting the tokens application.properties gives the routes.
 * Otherwise the application calls the real service.
 */
@ApplicationScoped
public class LocalSimulator {

    @ConfigProperty(name = "connectparticipant.simulator.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "connectparticipant.simulator.port", defaultValue = "8089")
    int port;

    @ConfigProperty(name = "participant.connection.token", defaultValue = "")
    String connectionToken;

    @ConfigProperty(name = "camel.component.connectparticipant.participant-token", defaultValue = "")
    String participantToken;

    @ConfigProperty(name = "chat.participant-token", defaultValue = "")
    String kameletParticipantToken;

    private ParticipantServiceSimulator simulator;

    void start(@Observes StartupEvent started) throws IOException {
        if (enabled) {
            try {
                simulator = ParticipantServiceSimulator.start(port);
            } catch (BindException e) {
                throw new IllegalStateException(e.getMessage() + ": set %dev.connectparticipant.simulator.port (and the"
                                                + " URLs that point at it) in application.properties", e);
            }
            simulator.acceptConnectionTokens(connectionToken).acceptParticipantTokens(participantToken,
                    kameletParticipantToken);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (simulator != null) {
            simulator.close();
        }
    }
}
