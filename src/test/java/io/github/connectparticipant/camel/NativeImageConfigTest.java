package io.github.connectparticipant.camel;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.github.connectparticipant.camel.model.CancelParticipantAuthenticationResult;
import io.github.connectparticipant.camel.model.CompleteAttachmentUploadResult;
import io.github.connectparticipant.camel.model.CreateParticipantConnectionResult;
import io.github.connectparticipant.camel.model.DescribeViewResult;
import io.github.connectparticipant.camel.model.DisconnectParticipantResult;
import io.github.connectparticipant.camel.model.GetAttachmentResult;
import io.github.connectparticipant.camel.model.GetAuthenticationUrlResult;
import io.github.connectparticipant.camel.model.GetTranscriptResult;
import io.github.connectparticipant.camel.model.SendAttachmentResult;
import io.github.connectparticipant.camel.model.SendEventResult;
import io.github.connectparticipant.camel.model.SendMessageResult;
import io.github.connectparticipant.camel.model.StartAttachmentUploadResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native-image configuration in the jar (META-INF/native-image/...) against what the component really reaches by
 * reflection and as resources: Camel Quarkus builds a native image from it, where nothing else is reflective.
 */
class NativeImageConfigTest {

    static final Path CONFIG = Path.of("src/main/resources/META-INF/native-image/io.github.connectparticipant",
            "camel-connectparticipant");
    static final Path CLASSES = Path.of("target", "classes");
    static final String OWN_PACKAGE = "io.github.connectparticipant.";

    @Test
    void theReflectionListIsExactlyWhatIsReachedByReflection() throws Exception {
        Set<String> reached = new TreeSet<>();
        reached.addAll(boundByJackson());
        reached.addAll(reachedFromTheShippedRoutes());
        reached.addAll(loadedByName());
        for (String name : Set.copyOf(reached)) {
            // Jackson and Camel's bean introspection read the superclasses' methods too
            for (Class<?> type = Class.forName(name).getSuperclass(); type != null; type = type.getSuperclass()) {
                if (type.getName().startsWith(OWN_PACKAGE)) {
                    reached.add(type.getName());
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        for (JsonNode entry : new ObjectMapper().readTree(CONFIG.resolve("reflect-config.json").toFile())) {
            listed.add(entry.get("name").asText());
            assertTrue(entry.get("allDeclaredConstructors").asBoolean() && entry.get("allPublicMethods").asBoolean()
                    && entry.get("allDeclaredMethods").asBoolean(), entry::toString);
        }
        assertEquals(reached, listed, "reflect-config.json lists what is reached by reflection, nothing else");
    }

    @Test
    void everyResourceTheComponentLoadsIsIncluded() throws IOException {
        List<Pattern> includes = new ArrayList<>();
        for (JsonNode include : new ObjectMapper().readTree(CONFIG.resolve("resource-config.json").toFile())
                .get("resources").get("includes")) {
            includes.add(Pattern.compile(include.get("pattern").asText()));
        }
        Set<String> resources = new TreeSet<>();
        for (String folder : List.of("kamelets", "META-INF/services/org/apache/camel", "META-INF/io")) {
            try (Stream<Path> files = Files.walk(CLASSES.resolve(folder))) {
                files.filter(Files::isRegularFile)
                        .forEach(file -> resources.add(CLASSES.relativize(file).toString().replace('\\', '/')));
            }
        }
        assertTrue(resources.contains("kamelets/connectparticipant-sink.kamelet.yaml"), resources::toString);
        for (String resource : resources) {
            assertTrue(includes.stream().anyMatch(p -> p.matcher(resource).matches()), resource + " is not included");
        }
        for (Pattern include : includes) {
            assertTrue(resources.stream().anyMatch(r -> include.matcher(r).matches()), include + " matches nothing");
        }
    }

    @Test
    void makingTheComponentAndAnEndpointStartsNothing() throws Exception {
        // Camel Quarkus makes components (and may make endpoints) while it builds a native image: no client, pool or
        // thread may exist before the endpoint starts
        Set<String> threadsBefore = threadNames();
        try (DefaultCamelContext camelContext = new DefaultCamelContext()) {
            ConnectParticipantComponent component = new ConnectParticipantComponent();
            camelContext.addComponent("connectparticipant", component);
            ConnectParticipantEndpoint endpoint = camelContext.getEndpoint(
                    "connectparticipant:sendMessage?connectionToken=RAW(t)&uriEndpointOverride=http://127.0.0.1:9",
                    ConnectParticipantEndpoint.class);
            assertNull(endpoint.getServiceClient(), "no HTTP client before start");
            Set<String> threadsAfter = threadNames();
            threadsAfter.removeAll(threadsBefore);
            assertTrue(threadsAfter.stream().noneMatch(name -> name.contains("httpclient") || name.contains("Camel")),
                    threadsAfter::toString);
            endpoint.start();
            assertNotNull(endpoint.getServiceClient(), "the client comes with start");
            endpoint.stop();
        }
    }

    private static Set<String> threadNames() {
        Set<String> names = new HashSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> names.add(thread.getName()));
        return names;
    }

    /**
     * The bean classes Jackson introspects when a route marshals each result (marshal().json()), and the serializers
     * their annotations name; every result type of the model has its sample here.
     */
    private static Set<String> boundByJackson() throws Exception {
        Instant expiry = Instant.parse("2026-11-28T08:00:00Z");
        List<Object> samples = List.of(
                new CancelParticipantAuthenticationResult("r-1"),
                new CompleteAttachmentUploadResult(List.of(
                        new CompleteAttachmentUploadResult.CompletedAttachment("a-1", "t-1", "r-2", 1))),
                new CreateParticipantConnectionResult("conn", expiry, "wss://x", expiry, "r-3"),
                new DescribeViewResult(Map.of("Name", "Form"), "r-4"),
                new DisconnectParticipantResult("r-5"),
                new GetAttachmentResult("a-2", "https://dl", expiry, 10L, "r-6"),
                new GetAuthenticationUrlResult("https://auth", "r-7"),
                new GetTranscriptResult("c-1", List.of(Map.of("Id", "i-1")), "n", 1, "r-8"),
                new SendAttachmentResult("a-3", "f.txt", 3, "text/plain", "r-9", "r-10"),
                new SendEventResult("e-1", "2026-11-27T08:00:00.000Z", "r-11"),
                new SendMessageResult("m-1", "2026-11-27T08:00:00.000Z", "r-12"),
                new StartAttachmentUploadResult("a-4", "https://up", expiry, Map.of("Content-Type", "text/plain"),
                        "r-13"));
        Set<Class<?>> types = new HashSet<>();
        try (Stream<Path> files = Files.list(CLASSES.resolve("io/github/connectparticipant/camel/model"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("Result.class")) {
                    types.add(Class.forName(OWN_PACKAGE + "camel.model." + name.replace(".class", "")));
                }
            }
        }
        Set<String> resultTypes = new TreeSet<>();
        for (Class<?> type : types) {
            // a result type that others extend is their base, never answered as such
            if (!Modifier.isAbstract(type.getModifiers())
                    && types.stream().noneMatch(other -> other.getSuperclass() == type)) {
                resultTypes.add(type.getName());
            }
        }
        assertEquals(resultTypes, new TreeSet<>(samples.stream().map(s -> s.getClass().getName()).toList()),
                "a sample of every result type");

        Set<String> bound = new HashSet<>();
        // as camel-jackson's default mapper: no modules
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new SimpleModule().setSerializerModifier(new BeanSerializerModifier() {

            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                    List<BeanPropertyWriter> properties) {
                bound.add(description.getBeanClass().getName());
                for (BeanPropertyWriter property : properties) {
                    JsonSerialize serialize = property.getAnnotation(JsonSerialize.class);
                    if (serialize != null) {
                        bound.add(serialize.using().getName());
                    }
                }
                return properties;
            }
        }));
        for (Object sample : samples) {
            mapper.writeValueAsString(sample);
        }
        return bound;
    }

    /** The beans the shipped routes name (beanType), and the exception whose getters their predicates read. */
    private static Set<String> reachedFromTheShippedRoutes() throws IOException {
        Set<String> reached = new HashSet<>();
        Pattern beanType = Pattern.compile("beanType:\\s*(\\S+)");
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String text = matchesIn(route, beanType, reached);
                if (text.contains("${exception.")) {
                    reached.add(ConnectParticipantException.class.getName());
                }
            }
        }
        return reached;
    }

    /** The component's own classes that its code loads by name. */
    private static Set<String> loadedByName() throws IOException {
        Set<String> loaded = new HashSet<>();
        Pattern forName = Pattern.compile("Class\\.forName\\(\"(io\\.github\\.connectparticipant\\.[^\"]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/github/connectparticipant/camel"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                matchesIn(source, forName, loaded);
            }
        }
        return loaded;
    }

    /** Adds the first group of each match of the pattern in the file; answers the file's text. */
    private static String matchesIn(Path file, Pattern pattern, Set<String> into) throws IOException {
        String text = Files.readString(file);
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
        return text;
    }
}
