package io.github.connectparticipant.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.connectparticipant.simulator.Ledger;

/**
 * What became of a fault campaign's ids, from the simulator's ledger and the dead letters read back.
 *
 * @param lost                    ids that ended neither completed nor dead-lettered, or both
 * @param retryableDeadLettered   dead letters whose failure was retryable: none may be
 * @param idsWithMoreThanOneToken ids whose calls carried more than one client token: none may
 */
public record CampaignOutcome(List<String> lost, int retryableDeadLettered, int idsWithMoreThanOneToken) {

    /**
     * @param retryableByDeadLetteredId each dead-lettered id, and whether its failure was retryable
     */
    public static CampaignOutcome of(List<String> ids, Ledger ledger, Map<String, Boolean> retryableByDeadLetteredId) {
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
        return new CampaignOutcome(lost, retryable, moreThanOneToken);
    }
}
