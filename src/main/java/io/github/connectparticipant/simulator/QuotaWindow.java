package io.github.connectparticipant.simulator;

/** A quota that counts the calls of each one-second window (see {@link ParticipantServiceSimulator#quota}). */
public enum QuotaWindow {

    /** The count starts again on each whole second of the clock: a burst at the end of one and the start of the next. */
    FIXED,

    /** The count is of the second before each call: never more than the quota in any second. */
    SLIDING
}
