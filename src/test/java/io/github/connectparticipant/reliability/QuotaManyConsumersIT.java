package io.github.connectparticipant.reliability;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** 400 messages, 32 consumers, a quota of 10 calls a second: four times the consumers the quota can serve at once. */
class QuotaManyConsumersIT extends BacklogScenarioSupport {

    @Override
    int consumers() {
        return 32;
    }

    @Test
    void manyConsumersShareTheQuotaWithNoDeadLetters() throws Exception {
        Figures figures = drain("quota-32-consumers", 400, 10, Duration.ZERO);
        assertTrue(figures.throttledShare() <= 0.10, "throttled share " + figures.throttledShare());
        assertTrue(figures.drainRatio() <= 1.4, "drained in " + figures.drainRatio() + "x the ideal");
    }
}
