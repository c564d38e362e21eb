package io.github.connectparticipant.camel;

/**
 * Lets tests in other packages capture the log at TRACE.
 */
public final class CapturedLogAccess {

    private CapturedLogAccess() {
    }

    public static AutoCloseable atTrace() {
        return CapturedLog.atTrace();
    }

    /** The log at its configured levels, each line as "category LEVEL message". */
    public static AutoCloseable asConfigured() {
        return CapturedLog.asConfigured();
    }

    public static String text(AutoCloseable captured) {
        return ((CapturedLog) captured).text();
    }
}
