package io.github.connectparticipant.routes;

import java.util.Properties;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * What the tests of the shipped routes share: loading a file from routes/, and the properties that point it at the
 * simulator with short delays.
 */
final class RouteFiles {

    private RouteFiles() {
    }

    static void load(CamelContext context, String file) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:routes/" + file));
    }

    static Properties againstSimulator(String simulatorUrl, String connectionToken) {
        Properties properties = new Properties();
        properties.setProperty("participant.url", simulatorUrl);
        properties.setProperty("participant.connection.token", connectionToken);
        properties.setProperty("redelivery.delay", "10");
        return properties;
    }

    /** The component's own backoff, short, so that retries do not slow the tests. */
    static void fastRetries(CamelContext context) {
        context.getComponent("connectparticipant", ConnectParticipantComponent.class).getConfiguration()
                .setRetryBaseDelay(5);
    }
}
