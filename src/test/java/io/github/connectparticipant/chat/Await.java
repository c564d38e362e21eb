package io.github.connectparticipant.chat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting in a test for what another thread, JVM or socket brings about. */
public final class Await {

    private Await() {
    }

    /** Waits until the condition holds, at most this long, and asserts that it does. */
    public static void until(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
