package io.github.connectparticipant.reliability;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 messages, 8 consumers, a quota of 20 calls a second, and the service answering 503 to everything for the first
 * 30 s: the messages wait in the queue and in the held consumers, the service gets probes, the producers' health
 * check is DOWN, and the backlog drains as soon as it answers again, the health check UP.
 */
class OutageBacklogIT extends BacklogScenarioSupport {

    @Override
    int consumers() {
        return 8;
    }

    @Test
    void anOutageIsWaitedOutWithProbesAndNoDeadLetters() throws Exception {
        Figures figures = drain("outage-30s", 200, 20, Duration.ofSeconds(30));
        // the goal: at most ~2 calls a second during the outage, a few more as it is recognised
        assertTrue(figures.callsDuringOutage() <= 2.5 * 30, "calls during the outage: " + figures.callsDuringOutage());
        // the goal is 2 s; room for a loaded 2-core machine, on time only
        assertTrue(figures.secondsToFirstSuccessAfterOutage() <= 3,
                "first success " + figures.secondsToFirstSuccessAfterOutage() + " s after the outage");
        assertTrue(figures.drainRatio() <= 1.4, "drained in " + figures.drainRatio() + "x the ideal");
        assertTrue(figures.healthDownDuringOutage(), "the producers' health check DOWN during the outage");
    }
}
