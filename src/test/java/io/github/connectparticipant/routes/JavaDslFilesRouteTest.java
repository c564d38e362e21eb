package io.github.connectparticipant.routes;

import io.github.connectparticipant.examples.FilesToConnectParticipantRoute;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Java DSL example in examples/java, held to the same test as the YAML route it mirrors.
 */
class JavaDslFilesRouteTest extends FilesRouteTest {

    @Override
    protected void addRoutesUnderTest(RouteBuilder builder) throws Exception {
        builder.getContext().addRoutes(new FilesToConnectParticipantRoute());
    }
}
