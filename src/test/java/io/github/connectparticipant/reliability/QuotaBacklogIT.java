package io.github.connectparticipant.reliability;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** 600 messages, 8 consumers, a quota of 20 calls a second: no dead letters, few throttles, the quota's pace. */
class QuotaBacklogIT extends BacklogScenarioSupport {

    @Override
    int consumers() {
        return 8;
    }

    @Test
    void aBacklogDrainsAtTheQuotaWithNoDeadLetters() throws Exception {
        Figures figures = drain("quota-8-consumers", 600, 20, Duration.ZERO);
        assertTrue(figures.throttledShare() <= 0.05, "throttled share " + figures.throttledShare());
        // the goal is 1.15x; room for a loaded 2-core machine, on time only
        assertTrue(figures.drainRatio() <= 1.4, "drained in " + figures.drainRatio() + "x the ideal");
    }
}
