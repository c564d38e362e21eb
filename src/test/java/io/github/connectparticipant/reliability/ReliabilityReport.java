package io.github.connectparticipant.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The figures a reliability test measured, written to target/reliability/{scenario}.properties for the README. */
public final class ReliabilityReport {

    private ReliabilityReport() {
    }

    /** Writes the figures given as name, value, name, value..., in that order. */
    public static void write(String scenario, Object... namesAndValues) throws IOException {
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            figures.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        write(scenario, figures);
    }

    /** Writes the figures in their order, one key=value a line, and prints them. */
    public static void write(String scenario, Map<String, String> figures) throws IOException {
        Path file = Path.of("target", "reliability", scenario + ".properties");
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        figures.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, text);
        System.out.println(scenario + ": " + figures);
    }
}
