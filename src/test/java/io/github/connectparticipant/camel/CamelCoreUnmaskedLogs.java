package io.github.connectparticipant.camel;

import java.util.List;

/**
 * The Camel core categories that log resolved endpoint URIs and property values below INFO without masking them
 * (any component's secret shows there, a RAW() value or a sensitive option alike): the README's "Secrets" asks to keep
 * them at INFO. The secrets scans leave their lines out, count them (so that a scan proves they were on), and search
 * every other line of every logger.
 */
public final class CamelCoreUnmaskedLogs {

    /** Line starts, as {@link CapturedLog} writes a line: category, then level. */
    static final List<String> LINE_STARTS = List.of(
            "org.apache.camel.component.properties.",
            "org.apache.camel.impl.engine.DefaultCamelContextExtension ",
            "org.apache.camel.impl.engine.AbstractCamelContext TRACE",
            "org.apache.camel.support.EndpointHelper ",
            "org.apache.camel.support.DefaultComponent TRACE",
            "org.apache.camel.management.JmxManagementLifecycleStrategy TRACE",
            "org.apache.camel.support.management.MixinRequiredModelMBean TRACE",
            // camel-main: every option it sets, at DEBUG, unmasked (its INFO summary masks the sensitive ones)
            "org.apache.camel.main.BaseMainSupport DEBUG",
            "org.apache.camel.main.MainHelper DEBUG");

    private CamelCoreUnmaskedLogs() {
    }

    /** The log's lines split into those of these categories and the rest, which is what a secrets scan searches. */
    public record Split(int camelCoreLines, String rest) {
    }

    public static Split split(String log) {
        StringBuilder rest = new StringBuilder();
        int camelCore = 0;
        for (String line : log.split("\n")) {
            if (LINE_STARTS.stream().anyMatch(line::startsWith)) {
                camelCore++;
            } else {
                rest.append(line).append('\n');
            }
        }
        return new Split(camelCore, rest.toString());
    }
}
