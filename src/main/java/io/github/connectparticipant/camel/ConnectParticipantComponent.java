package io.github.connectparticipant.camel;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.connectparticipant.camel.client.ServiceCapacity;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The Amazon Connect Participant Service: chat attachments (completes attachment ids, sends files through the whole
 * flow), messages and events, the transcript, the participant's connection, views and customer authentication, with
 * a connection token or one made from a participant token.
 */
@Component("connectparticipant")
public class ConnectParticipantComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "The component configuration that every endpoint starts from")
    private ConnectParticipantConfiguration configuration = new ConnectParticipantConfiguration();

    @Metadata(label = "security", defaultValue = "false",
            description = "Enable usage of global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    /** The learned rates and retry budgets, shared by the component's endpoints. */
    private final ServiceCapacity serviceCapacity = new ServiceCapacity();
    /** The connectparticipant:chats consumer of each service (base URL), which followChat feeds. */
    private final Map<String, ConnectParticipantChatConsumer> chatsConsumers = new ConcurrentHashMap<>();

    /**
     * Marks the token options sensitive as soon as the component has a context: camel-main logs the options it sets
     * right after it makes the component, before the component starts.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            TokenLogMasking.markTokenOptionsSensitive(camelContext);
        }
    }

    void registerChatsConsumer(String serviceBaseUrl, ConnectParticipantChatConsumer consumer) {
        ConnectParticipantChatConsumer earlier = chatsConsumers.putIfAbsent(serviceBaseUrl, consumer);
        if (earlier != null && earlier != consumer) {
            throw new IllegalStateException("A connectparticipant:chats consumer already follows the chats of this"
                    + " service: one a service (a route may fan its items out)");
        }
    }

    void unregisterChatsConsumer(String serviceBaseUrl, ConnectParticipantChatConsumer consumer) {
        chatsConsumers.remove(serviceBaseUrl, consumer);
    }

    /** The chats consumer that follows the chats of this service, or null. */
    ConnectParticipantChatConsumer chatsConsumer(String serviceBaseUrl) {
        return chatsConsumers.get(serviceBaseUrl);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        TokenLogMasking.extendTo(getCamelContext());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ConnectParticipantConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(parseOperation(remaining));
        ConnectParticipantEndpoint endpoint = new ConnectParticipantEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null && useGlobalSslContextParameters) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpointConfiguration.validate();
        return endpoint;
    }

    private static ConnectParticipantOperations parseOperation(String remaining) {
        try {
            return ConnectParticipantOperations.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown connectparticipant operation '" + remaining + "'; supported: "
                            + Arrays.toString(ConnectParticipantOperations.values()),
                    e);
        }
    }

    ServiceCapacity getServiceCapacity() {
        return serviceCapacity;
    }

    public ConnectParticipantConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The component configuration that every endpoint starts from.
     */
    public void setConfiguration(ConnectParticipantConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Enable usage of global SSL context parameters.
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
