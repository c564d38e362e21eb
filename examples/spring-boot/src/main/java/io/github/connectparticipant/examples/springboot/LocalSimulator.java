package io.github.connectparticipant.examples.springboot;

import java.io.IOException;
import java.net.BindException;
import java.util.Map;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Profile {@code local} (the default): the embedded Participant Service simulator on a loopback port, accepting the
 * connection token that application-local.yaml gives the component. Any other profile calls the real service.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSimulator.class);

    /**
     * The simulator on {@code connectparticipant.simulator.port}; with 0, on a port the system chooses, which then
     * becomes the property's value, so that the URL pointing at it (application-local.yaml) names the real port.
     */
    @Bean(destroyMethod = "close")
    ParticipantServiceSimulator participantServiceSimulator(
            @Value("${connectparticipant.simulator.port}") int port,
            @Value("${camel.component.connectparticipant.connection-token}") String connectionToken,
            ConfigurableEnvironment environment)
            throws IOException {
        ParticipantServiceSimulator simulator = participantServiceSimulator(port, connectionToken);
        if (port == 0) {
            environment.getPropertySources().addFirst(new MapPropertySource("connectparticipant-simulator",
                    Map.of("connectparticipant.simulator.port", simulator.port())));
        }
        LOG.info("The Participant Service simulator listens on {} (profile local)", simulator.baseUrl());
        return simulator;
    }

    /** The simulator on this port, or a start-up error that names the port and the property that moves it. */
    ParticipantServiceSimulator participantServiceSimulator(int port, String connectionToken) throws IOException {
        try {
            return ParticipantServiceSimulator.start(port).acceptConnectionTokens(connectionToken);
        } catch (BindException e) {
            throw new IllegalStateException(e.getMessage() + ": set connectparticipant.simulator.port (and the"
                                            + " uri-endpoint-override that points at it) in application-local.yaml",
                    e);
        }
    }
}
