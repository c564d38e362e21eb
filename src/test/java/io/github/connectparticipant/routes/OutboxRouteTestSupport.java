package io.github.connectparticipant.routes;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.io.TempDir;

/**
 * routes/outbox-to-chat.yaml watching an outbox in a temp folder of the test's own.
 */
abstract class OutboxRouteTestSupport extends RouteTestSupport {

    @TempDir
    static Path outbox;

    @Override
    protected String routeFile() {
        return "outbox-to-chat.yaml";
    }

    @Override
    protected void configure(Properties properties) {
        properties.setProperty("outbox.folder", outbox.toString());
    }
}
