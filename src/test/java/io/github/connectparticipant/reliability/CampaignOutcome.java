package io.github.connectparticipant.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What became of a fault campaign's ids, from the simulator's ledger and the dead letters read back, and what every
 * campaign asserts of it, whatever carries its messages (JMS, Kafka, SQS): the same checks, so that no campaign is
 * weaker than another.
 *
 * @param lost                    ids that ended neither completed nor dead-lettered, or both
 * @param retryableDeadLettered   dead letters whose failure was retryable: none may be
 * @param idsWithMoreThanOneToken ids whose calls carried more than one client token: none may
 * @param callsAfterRefusal       calls for a refused id that arrived after the component received its refusal: none
 *                                may
 * @param answers                 the simulator's answers by status (0 for a dropped connection)
 * @param calls                   every call the simulator received
 */
public record CampaignOutcome(List<String> lost, int retryableDeadLettered, int idsWithMoreThanOneToken,
        int callsAfterRefusal, Map<Integer, Integer> answers, int calls) {

    /** How far a count may stray from its expected share of the calls: four standard deviations. */
    private static final double DEVIATIONS = 4;

    /**
     * @param retryableByDeadLetteredId each dead-lettered id, and whether its failure was retryable
     * @param refused                   the ids the simulator refuses
     * @param responseTimeoutMillis     the component's response timeout: a refusal answered later never reached it
     */
    public static CampaignOutcome of(List<String> ids, Ledger ledger, Map<String, Boolean> retryableByDeadLetteredId,
            Collection<String> refused, long responseTimeoutMillis) {
        List<String> lost = new ArrayList<>();
        int retryable = 0;
        int moreThanOneToken = 0;
        for (String id : ids) {
            boolean completed = ledger.isCompleted(id);
            Boolean deadRetryable = retryableByDeadLetteredId.get(id);
            if (completed == (deadRetryable != null)) {
                lost.add(id + (completed ? " (both)" : " (neither)"));
            }
            if (ledger.clientTokensFor(id).size() != 1) {
                moreThanOneToken++;
            }
            if (Boolean.TRUE.equals(deadRetryable)) {
                retryable++;
            }
        }
        int callsAfterRefusal = 0;
        for (String id : refused) {
            List<Ledger.Call> calls = ledger.callsFor(id);
            // a refusal answered after the response timeout (a slow answer) never reached the component, which had
            // given up on that attempt and may have sent another; none may arrive after a refusal it received
            long firstRefusal = calls.stream()
                    .filter(c -> c.status() == 400
                            && c.answeredNanos() - c.arrivedNanos() < responseTimeoutMillis * 1_000_000)
                    .mapToLong(Ledger.Call::answeredNanos).min().orElse(Long.MAX_VALUE);
            callsAfterRefusal += (int) calls.stream().filter(c -> c.arrivedNanos() > firstRefusal).count();
        }
        Map<Integer, Integer> answers = new TreeMap<>();
        for (Ledger.Call call : ledger.calls()) {
            answers.merge(call.status(), 1, Integer::sum);
        }
        return new CampaignOutcome(lost, retryable, moreThanOneToken, callsAfterRefusal, answers, ledger.callCount());
    }

    /** Answers of this status (0: a dropped connection). */
    public int answered(int status) {
        return answers.getOrDefault(status, 0);
    }

    /** 409s: an id completed twice under different client tokens. */
    public int conflicts() {
        return answered(409);
    }

    /** The figures every campaign reports (target/reliability), before its own. */
    public Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("calls", Integer.toString(calls));
        answers.forEach((status, count) -> figures.put("answers." + (status == 0 ? "dropped" : status),
                Integer.toString(count)));
        figures.put("lost", Integer.toString(lost.size()));
        figures.put("deadLettered.retryableExhausted", Integer.toString(retryableDeadLettered));
        figures.put("idsWithMoreThanOneToken", Integer.toString(idsWithMoreThanOneToken));
        figures.put("callsAfterRefusal", Integer.toString(callsAfterRefusal));
        figures.put("conflicts", Integer.toString(conflicts()));
        return figures;
    }

    /** Nothing lost or doubled, no retryable failure dead-lettered, a refused id never sent again. */
    public void assertNothingLostOrDoubled() {
        assertEquals(List.of(), lost, "every message ends completed or dead-lettered, once");
        assertEquals(0, retryableDeadLettered, "no retryable message dead-lettered");
        assertEquals(0, idsWithMoreThanOneToken, "one client token per id");
        assertEquals(0, callsAfterRefusal, "a refused id is never sent again");
        assertEquals(0, conflicts(), "no id completed twice under different tokens");
    }

    /**
     * The random faults were injected at their rates, so that the campaign met what it says: among the calls the quota
     * admitted (the random throttles come first, so the admitted are the calls but the throttles, over one minus their
     * share), within four standard deviations; the throttles at least their share, since the quota adds its own.
     */
    public void assertFaultsInjectedAtTheirRates(FaultRates rates) {
        int throttled = answered(429);
        int admitted = (int) Math.round((calls - throttled) / (1 - rates.throttle()));
        assertAround(answered(500), admitted, rates.internalError(), "500");
        assertAround(answered(503), admitted, rates.serviceUnavailable(), "503");
        assertAround(answered(0), admitted, rates.dropConnection(), "dropped");
        assertTrue(throttled >= rates.throttle() * admitted - spread(admitted, rates.throttle()),
                "429: " + throttled + " of " + admitted + " admitted calls");
    }

    private static void assertAround(int count, int calls, double share, String what) {
        assertTrue(Math.abs(count - share * calls) <= spread(calls, share),
                what + ": " + count + " of " + calls + " calls");
    }

    private static double spread(int calls, double share) {
        return DEVIATIONS * Math.sqrt(share * (1 - share) * calls);
    }
}
