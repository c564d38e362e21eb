package io.github.connectparticipant.camel.client;

/**
 * What the {@link CallGate} keeps about one call across its attempts: when its current attempt was sent, whether it
 * goes as an outage's probe, and what its retry cost the budget.
 */
public final class GatedCall {

    long sentNanos;
    boolean probe;
    int paidCost;
}
