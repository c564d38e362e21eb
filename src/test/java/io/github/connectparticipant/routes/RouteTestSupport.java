package io.github.connectparticipant.routes;

import java.io.IOException;
import java.util.Properties;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import io.github.connectparticipant.camel.ConnectParticipantConfiguration;
import io.github.connectparticipant.camel.ConnectParticipantEndpoint;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shipped route from routes/, loaded as users load it, against a simulator on loopback with short delays.
 */
public abstract class RouteTestSupport extends CamelTestSupport {

    protected static final String TOKEN = "route-test-token";
    protected static ParticipantServiceSimulator simulator;

    @BeforeAll
    static void startSimulator() throws IOException {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(TOKEN);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        simulator.reset();
    }

    /** The file under routes/ this test runs. */
    protected abstract String routeFile();

    /** Properties of the route under test beyond those pointing it at the simulator. */
    protected void configure(Properties properties) {
    }

    /** What the test adds to the context around the route: components, a consumer of the dead letters. */
    protected void addAround(RouteBuilder builder) throws Exception {
    }

    /** The routes under test: the file as shipped. */
    protected void addRoutesUnderTest(RouteBuilder builder) throws Exception {
        PluginHelper.getRoutesLoader(builder.getContext()).loadRoutes(
                ResourceHelper.resolveResource(builder.getContext(), "file:routes/" + routeFile()));
    }

    /** The shipped route's redelivery delay (1 s, doubled), instead of this class's short one. */
    protected static void useShippedRedeliveryDelay(Properties properties) {
        properties.setProperty("redelivery.delay", "1000");
    }

    /**
     * The component's defaults, its backoff too, instead of this class's short one; but the response timeout given
     * (0 keeps the default), so that a campaign's slow answers time out in a test's time.
     */
    protected static void useComponentDefaults(RouteBuilder builder, long responseTimeoutMillis) {
        ConnectParticipantConfiguration configuration = builder.getContext()
                .getComponent("connectparticipant", ConnectParticipantComponent.class).getConfiguration();
        ConnectParticipantConfiguration defaults = new ConnectParticipantConfiguration();
        configuration.setRetryBaseDelay(defaults.getRetryBaseDelay());
        configuration
                .setResponseTimeout(responseTimeoutMillis > 0 ? responseTimeoutMillis : defaults.getResponseTimeout());
    }

    /**
     * Asserts the calls of an id the service always fails with a 500: three deliveries of three attempts; or, on a
     * machine slow enough to stretch those faults over 300 ms (an outage), held, probed once a second, then
     * redelivered, up to twenty.
     */
    protected void assertThreeDeliveriesOfThreeAttempts(String attachmentId) {
        int calls = simulator.ledger().callsFor(attachmentId).size();
        long outages = context.getEndpoints().stream().filter(ConnectParticipantEndpoint.class::isInstance)
                .mapToLong(e -> ((ConnectParticipantEndpoint) e).getRetryBudget().outages()).sum();
        if (outages == 0) {
            assertEquals(9, calls, "three deliveries of three attempts");
        } else {
            assertTrue(calls > 9 && calls <= 20, "three deliveries of three attempts and probes: " + calls);
        }
        assertEquals(1, simulator.ledger().clientTokensFor(attachmentId).size());
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.setProperty("participant.url", simulator.baseUrl());
        properties.setProperty("participant.connection.token", TOKEN);
        properties.setProperty("redelivery.delay", "10");
        configure(properties);
        return properties;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() throws Exception {
                // the component's own backoff, short, so that retries do not slow the tests
                getContext().getComponent("connectparticipant", ConnectParticipantComponent.class).getConfiguration()
                        .setRetryBaseDelay(5);
                addAround(this);
                addRoutesUnderTest(this);
            }
        };
    }
}
