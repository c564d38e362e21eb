package io.github.connectparticipant.camel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Every log line of every logger at TRACE, formatted with its stack traces, for as long as it is open.
 */
final class CapturedLog extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final List<LoggerConfig> raised = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();

    private CapturedLog() {
        super("captured", null, PatternLayout.newBuilder().withPattern("%c %p %m%n%throwable").build(), true,
                Property.EMPTY_ARRAY);
    }

    static CapturedLog atTrace() {
        return attached(Level.TRACE);
    }

    /** Every line at the levels the configuration gives, with its level: what an operator's log shows. */
    static CapturedLog asConfigured() {
        return attached(null);
    }

    /** Attached to every logger; with a level, every logger raised to it until closed. */
    private static CapturedLog attached(Level raisedTo) {
        CapturedLog log = new CapturedLog();
        log.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        // each once: the root may be among the named loggers already, and raised twice it was left at TRACE when the
        // second of its saved levels (the raised one) was put back
        Set<LoggerConfig> loggers = new LinkedHashSet<>(configuration.getLoggers().values());
        loggers.add(configuration.getRootLogger());
        for (LoggerConfig logger : loggers) {
            log.raised.add(logger);
            log.previousLevels.add(logger.getLevel());
            // an additive logger hands its events on to its parent's appenders: attached there too, it would
            // capture each of them twice
            if (!logger.isAdditive() || logger.getParent() == null) {
                logger.addAppender(log, raisedTo, null);
            }
            if (raisedTo != null) {
                logger.setLevel(raisedTo);
            }
        }
        context.updateLoggers();
        return log;
    }

    @Override
    public synchronized void append(LogEvent event) {
        lines.add(new String(getLayout().toByteArray(event), StandardCharsets.UTF_8));
    }

    synchronized String text() {
        return String.join("", lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        for (int i = 0; i < raised.size(); i++) {
            raised.get(i).removeAppender(getName());
            raised.get(i).setLevel(previousLevels.get(i));
        }
        context.updateLoggers();
        stop();
    }
}
