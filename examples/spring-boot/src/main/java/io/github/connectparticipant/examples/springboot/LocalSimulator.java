package io.github.connectparticipant.examples.springboot;

import java.io.IOException;
import java.net.BindException;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code local} (the default): the embedded Participant Service simulator on a loopback port, accepting the
 * connection token that application-local.yaml gives the component. Any other profile calls the real service.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalSimulator {

    @Bean(destroyMethod = "close")
    ParticipantServiceSimulator participantServiceSimulator(
            @Value("${connectparticipant.simulator.port}") int port,
            @Value("${camel.component.connectparticipant.connection-token}") String connectionToken)
            throws IOException {
        try {
            return ParticipantServiceSimulator.start(port).acceptConnectionTokens(connectionToken);
        } catch (BindException e) {
            throw new IllegalStateException(e.getMessage() + ": set connectparticipant.simulator.port (and the"
                                            + " uri-endpoint-override that points at it) in application-local.yaml",
                    e);
        }
    }
}
