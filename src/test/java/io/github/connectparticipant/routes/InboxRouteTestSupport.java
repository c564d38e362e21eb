package io.github.connectparticipant.routes;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.io.TempDir;

/**
 * routes/files-to-connectparticipant.yaml watching an inbox in a temp folder of the test's own.
 */
abstract class InboxRouteTestSupport extends RouteTestSupport {

    @TempDir
    static Path inbox;

    @Override
    protected String routeFile() {
        return "files-to-connectparticipant.yaml";
    }

    @Override
    protected void configure(Properties properties) {
        properties.setProperty("inbox.folder", inbox.toString());
    }
}
