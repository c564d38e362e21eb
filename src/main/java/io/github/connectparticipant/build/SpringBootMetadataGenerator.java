package io.github.connectparticipant.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.util.StringHelper;

/**
 * Build step, not part of the component's jar: writes {@code META-INF/spring-configuration-metadata.json} (what IDEs
 * show for {@code camel.component.connectparticipant.*} in a Spring Boot application) from the Camel component
 * metadata that camel-component-maven-plugin generated from the options' annotations, so that both describe the options
 * from one source. Run by the build after that plugin:
 * {@code SpringBootMetadataGenerator <connectparticipant.json> <output file>...}.
 */
public final class SpringBootMetadataGenerator {

    static final String PREFIX = "camel.component.connectparticipant";

    private static final Map<String, String> BOXED = Map.of(
            "boolean", "java.lang.Boolean", "int", "java.lang.Integer", "long", "java.lang.Long",
            "double", "java.lang.Double");

    private SpringBootMetadataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SpringBootMetadataGenerator <component json> <output>...");
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode camelMetadata = mapper.readTree(Path.of(args[0]).toFile());
        String json = mapper.writeValueAsString(springMetadata(mapper, camelMetadata)) + "\n";
        for (int i = 1; i < args.length; i++) {
            Path output = Path.of(args[i]);
            Files.createDirectories(output.getParent());
            if (!Files.exists(output) || !Files.readString(output).equals(json)) {
                Files.writeString(output, json);
            }
        }
    }

    static ObjectNode springMetadata(ObjectMapper mapper, JsonNode camelMetadata) {
        JsonNode component = camelMetadata.get("component");
        String componentType = component.get("javaType").asText();
        ObjectNode metadata = mapper.createObjectNode();
        metadata.putArray("groups").addObject()
                .put("name", PREFIX)
                .put("type", componentType)
                .put("description", component.get("description").asText())
                .put("sourceType", componentType);
        ArrayNode properties = metadata.putArray("properties");
        ArrayNode hints = metadata.putArray("hints");
        properties.addObject()
                .put("name", PREFIX + ".enabled")
                .put("type", "java.lang.Boolean")
                .put("description", "Whether to enable auto configuration of the connectparticipant component. This is"
                        + " enabled by default.")
                .put("sourceType", componentType)
                .put("defaultValue", true);
        properties.addObject()
                .put("name", PREFIX + ".customizer.enabled")
                .put("type", "java.lang.Boolean")
                .put("description", "Whether the component customizer that applies these properties is enabled;"
                        + " camel.component.customizer.enabled turns every component's off.")
                .put("sourceType", componentType);
        for (Iterator<Map.Entry<String, JsonNode>> options = camelMetadata.get("componentProperties").fields(); options
                .hasNext();) {
            Map.Entry<String, JsonNode> option = options.next();
            JsonNode model = option.getValue();
            String name = PREFIX + "." + StringHelper.camelCaseToDash(option.getKey());
            ObjectNode property = properties.addObject()
                    .put("name", name)
                    .put("type", springType(model))
                    .put("description", description(model))
                    .put("sourceType", componentType);
            JsonNode defaultValue = model.get("defaultValue");
            // a boxed Boolean's default is "not set", whatever default the Camel metadata gives its type
            if (defaultValue != null && !"java.lang.Boolean".equals(model.get("javaType").asText())) {
                property.set("defaultValue", defaultValue);
            }
            if (model.path("deprecated").asBoolean()) {
                property.putObject("deprecation");
            }
            if (model.has("enum")) {
                ArrayNode values = hints.addObject().put("name", name).putArray("values");
                model.get("enum").forEach(value -> values.addObject().put("value", value.asText()));
            }
        }
        return metadata;
    }

    /** Durations take text such as 10s or 2m beside milliseconds; objects are bean references. */
    private static String springType(JsonNode model) {
        String type = model.get("type").asText();
        if ("duration".equals(type) || "enum".equals(type)) {
            return "java.lang.String";
        }
        String javaType = model.get("javaType").asText();
        return BOXED.getOrDefault(javaType, javaType);
    }

    private static String description(JsonNode model) {
        String description = model.get("description").asText().strip();
        if (!description.endsWith(".")) {
            description += ".";
        }
        return switch (model.get("type").asText()) {
            case "duration" -> description + " A duration: milliseconds, or text such as 500ms, 10s or 2m.";
            case "object" -> description + " A reference to a bean of type " + model.get("javaType").asText()
                    + ": #bean:name.";
            default -> description;
        };
    }
}
