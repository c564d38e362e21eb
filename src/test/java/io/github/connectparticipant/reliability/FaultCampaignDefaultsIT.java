package io.github.connectparticipant.reliability;

import java.time.Duration;

/**
 * {@link FaultCampaignIT} with every option of the component at its default: the response timeout too (30 s), so its
 * slow answers (1 s) are answers that come late, not timeouts. The figures go to
 * target/reliability/fault-campaign-defaults.properties.
 */
class FaultCampaignDefaultsIT extends FaultCampaignIT {

    @Override
    protected Long responseTimeoutOption() {
        return null;
    }

    @Override
    protected Duration slowAnswer() {
        return Duration.ofSeconds(1);
    }

    @Override
    protected String scenario() {
        return "fault-campaign-defaults";
    }
}
