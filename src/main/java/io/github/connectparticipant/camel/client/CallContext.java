package io.github.connectparticipant.camel.client;

/**
 * What every call made for one message shares: where its client tokens come from, how often Camel redelivered it
 * (for the failure to report), and what it may still wait for capacity.
 */
public record CallContext(ClientTokens.Source clientTokens, int redeliveries, CapacityWait capacityWait) {
}
