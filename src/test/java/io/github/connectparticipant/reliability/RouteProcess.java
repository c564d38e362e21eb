package io.github.connectparticipant.reliability;

import java.util.Map;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * A shipped route run by camel-main in a JVM of its own, as a deployed consumer runs it, against the simulator; it
 * prints STARTED once the route consumes, for {@link JvmProcesses#start} to wait for.
 */
public final class RouteProcess {

    private RouteProcess() {
    }

    /**
     * Runs until the JVM is stopped.
     *
     * @param routeFile  the file under routes/
     * @param properties the route's properties beyond the simulator's URL and the connection token
     */
    public static void run(String routeFile, String simulatorUrl, String connectionToken,
            Map<String, String> properties) throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:routes/" + routeFile);
        main.addInitialProperty("participant.url", simulatorUrl);
        main.addInitialProperty("participant.connection.token", connectionToken);
        properties.forEach(main::addInitialProperty);
        main.addMainListener(new MainListenerSupport() {

            @Override
            public void afterStart(BaseMainSupport started) {
                System.out.println("STARTED");
            }
        });
        main.run();
    }
}
