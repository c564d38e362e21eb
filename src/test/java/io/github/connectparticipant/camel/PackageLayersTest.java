package io.github.connectparticipant.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packages are layered one way: the Camel shape (io.github.connectparticipant.camel) over the operation
 * families, over the service client, over the model; and the component never imports the simulator, the demo or the
 * build's tools. Read from the sources' imports.
 */
class PackageLayersTest {

    static final Path SOURCES = Path.of("src/main/java/io/github/connectparticipant");
    static final String ROOT = "io.github.connectparticipant.";

    /** What each package of the component may import of the project's own packages. */
    static final Map<String, Set<String>> MAY_IMPORT = Map.of(
            "camel.model", Set.of("camel.model"),
            "camel.client", Set.of("camel.client", "camel.model"),
            "camel.metrics", Set.of("camel.metrics", "camel.client", "camel.model"),
            "camel.attachments", Set.of("camel.attachments", "camel.client", "camel.model"),
            "camel.messages", Set.of("camel.messages", "camel.client", "camel.model"),
            "camel.transcript", Set.of("camel.transcript", "camel.client", "camel.model"),
            "camel.connection", Set.of("camel.connection", "camel.client", "camel.model"),
            "camel.chat", Set.of("camel.chat", "camel.client", "camel.model"),
            "camel", Set.of("camel", "camel.attachments", "camel.messages", "camel.transcript", "camel.connection",
                    "camel.chat", "camel.metrics", "camel.client", "camel.model"),
            "camel.springboot", Set.of("camel.springboot", "camel", "camel.client", "camel.model"));

    /** An import of the project's own: the package (lower-case segments) before the type. */
    static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?io\\.github\\.connectparticipant\\.([a-z]\\w*(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void eachPackageImportsOnlyTheLayersBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        List<String> packagesSeen = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("camel"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> allowed = MAY_IMPORT.get(pkg);
                if (allowed == null) {
                    violations.add(pkg + " is a package the layers do not name");
                    continue;
                }
                packagesSeen.add(pkg);
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    if (!allowed.contains(imports.group(1))) {
                        violations.add(SOURCES.relativize(file) + " imports " + ROOT + imports.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
        assertEquals(MAY_IMPORT.keySet(), Set.copyOf(packagesSeen), "every layer has sources");
    }
}
