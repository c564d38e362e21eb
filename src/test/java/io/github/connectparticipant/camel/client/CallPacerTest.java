package io.github.connectparticipant.camel.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pace of the chat consumers' connections, in virtual time. */
class CallPacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstOfOneSecondsPaceGoesAtOnceThenOneEveryInterval() {
        CallPacer pacer = new CallPacer();
        long now = 5 * SECOND;
        for (int i = 0; i < 10; i++) {
            assertEquals(0, pacer.reserveNanos(10, now), "call " + i + " of the burst");
        }
        assertEquals(SECOND / 10, pacer.reserveNanos(10, now));
        assertEquals(2 * SECOND / 10, pacer.reserveNanos(10, now));
        // fifty at once: the last waits four seconds
        CallPacer storm = new CallPacer();
        long last = 0;
        for (int i = 0; i < 50; i++) {
            last = storm.reserveNanos(10, now);
        }
        assertEquals(4 * SECOND, last);
    }

    @Test
    void noSecondHoldsMoreThanTwiceThePace() {
        CallPacer pacer = new CallPacer();
        long[] turns = new long[200];
        for (int i = 0; i < turns.length; i++) {
            long now = i * SECOND / 40; // asked for at 40 a second
            turns[i] = now + pacer.reserveNanos(10, now);
        }
        int first = 0;
        for (int last = 0; last < turns.length; last++) {
            while (turns[last] - turns[first] >= SECOND) {
                first++;
            }
            assertTrue(last - first + 1 <= 20, "calls within a second: " + (last - first + 1));
        }
        assertTrue(turns[turns.length - 1] >= 18 * SECOND, "200 calls at 10 a second take about 19 s");
    }

    @Test
    void aQuietPacerGivesTheBurstAgainAndNoCapWaitsNever() {
        CallPacer pacer = new CallPacer();
        for (int i = 0; i < 30; i++) {
            pacer.reserveNanos(10, 0);
        }
        assertEquals(0, pacer.reserveNanos(10, 60 * SECOND), "a minute later");
        assertEquals(0, new CallPacer().reserveNanos(0, 0));
    }
}
