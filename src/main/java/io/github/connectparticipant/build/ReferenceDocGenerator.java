package io.github.connectparticipant.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Build step, not part of the component's jar: fills the option, endpoint and header tables of
 * {@code src/main/docs/connectparticipant-component.adoc} from the Camel metadata that camel-component-maven-plugin
 * generated from the annotations, between the markers Camel's own component docs use ({@code // component options:
 * START} ... {@code END}, likewise {@code endpoint options} and {@code component headers}), so that the reference
 * never disagrees with the code. Run by the build after that plugin:
 * {@code ReferenceDocGenerator <connectparticipant.json> <the .adoc>}; the file is written only when it changes.
 */
public final class ReferenceDocGenerator {

    static final String COMPONENT_OPTIONS = "component options";
    static final String ENDPOINT_OPTIONS = "endpoint options";
    static final String HEADERS = "component headers";

    private ReferenceDocGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReferenceDocGenerator <component json> <adoc>");
        }
        JsonNode metadata = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Path adoc = Path.of(args[1]);
        String current = Files.readString(adoc);
        String filled = fill(current, metadata);
        if (!filled.equals(current)) {
            Files.writeString(adoc, filled);
        }
    }

    /** The document with its three tables made from the metadata. */
    public static String fill(String document, JsonNode metadata) {
        String filled = replaceBetween(document, COMPONENT_OPTIONS,
                "The component supports " + metadata.get("componentProperties").size()
                        + " options, set once for all its endpoints"
                        + " (`camel.component.connectparticipant.<option>`"
                        + " in properties).\n\n"
                        + optionsTable(metadata.get("componentProperties")));
        JsonNode endpoint = metadata.get("properties");
        List<JsonNode> path = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> query = new ArrayList<>();
        endpoint.fields().forEachRemaining(e -> {
            if ("path".equals(e.getValue().path("kind").asText())) {
                path.add(e.getValue());
            } else {
                query.add(e);
            }
        });
        filled = replaceBetween(filled, ENDPOINT_OPTIONS,
                "The endpoint is configured with the URI syntax `" + metadata.get("component").get("syntax").asText()
                        + "`, where the path parameter is the operation ("
                        + path.size() + " path parameter), with "
                        + query.size() + " query parameters.\n\n"
                        + optionsTable(endpoint));
        return replaceBetween(filled, HEADERS,
                "The component uses " + metadata.get("headers").size() + " message headers.\n\n"
                        + headersTable(metadata.get("headers")));
    }

    private static String optionsTable(JsonNode options) {
        StringBuilder table = tableOf("2,5,^1,2", "| Name | Description | Default | Type");
        options.fields().forEachRemaining(e -> {
            JsonNode option = e.getValue();
            String group = option.path("label").asText();
            table.append("| *").append(e.getKey()).append("*");
            if (!group.isEmpty()) {
                table.append(" (").append(group).append(')');
            }
            table.append(" | ").append(cell(option.path("description").asText()));
            if (option.path("secret").asBoolean()) {
                table.append(" A secret: masked wherever Camel shows it.");
            }
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.get("enum").forEach(v -> values.add(v.asText()));
                table.append("\n\nEnum values:\n\n").append(String.join("\n", values.stream().map(v -> "* " + v)
                        .toList()));
            }
            table.append(" | ").append(option.has("defaultValue") ? cell(option.get("defaultValue").asText()) : "")
                    .append(" | ").append(cell(shortType(option.path("javaType").asText()))).append('\n');
        });
        return table.append("|===\n").toString();
    }

    private static String headersTable(JsonNode headers) {
        StringBuilder table = tableOf("2,5,2", "| Name | Description | Type");
        headers.fields().forEachRemaining(e -> {
            JsonNode header = e.getValue();
            table.append("| `").append(e.getKey()).append("` (").append(header.path("label").asText("producer"))
                    .append(") | ").append(cell(header.path("description").asText()))
                    .append(" | ").append(cell(shortType(header.path("javaType").asText()))).append('\n');
        });
        return table.append("|===\n").toString();
    }

    /** An AsciiDoc table's start: its columns' widths and its header row. */
    private static StringBuilder tableOf(String columns, String headerRow) {
        return new StringBuilder(4096).append("[width=\"100%\",cols=\"").append(columns)
                .append("\",options=\"header\"]\n|===\n").append(headerRow).append('\n');
    }

    /** An AsciiDoc table cell: its separator escaped. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** java.lang.String as String, generics kept. */
    private static String shortType(String javaType) {
        return javaType.replaceAll("\\b(?:[a-z]\\w*\\.)+([A-Z])", "$1");
    }

    private static String replaceBetween(String document, String marker, String content) {
        String start = "// " + marker + ": START\n";
        String end = "// " + marker + ": END";
        int from = document.indexOf(start);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the document has no '" + start.strip() + "' ... '" + end + "' markers");
        }
        return document.substring(0, from + start.length()) + content + document.substring(to);
    }
}
