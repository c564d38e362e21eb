package io.github.connectparticipant.simulator;

import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Decides which fault, if any, a call meets: first the faults scripted for its attachment id, then those scripted
 * for the next calls, then a random draw at the configured rates.
 */
public final class FaultInjector {

    private final Queue<Fault> nextCalls = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Fault>> byAttachment = new ConcurrentHashMap<>();
    private volatile FaultRates rates = FaultRates.NONE;
    private volatile Random random = new Random(0);

    /** The next calls, whatever their attachment, meet these faults in turn. */
    public FaultInjector script(Fault... faults) {
        nextCalls.addAll(Arrays.asList(faults));
        return this;
    }

    /** The next calls for this attachment id meet these faults in turn. */
    public FaultInjector scriptFor(String attachmentId, Fault... faults) {
        byAttachment.computeIfAbsent(attachmentId, id -> new ConcurrentLinkedQueue<>()).addAll(Arrays.asList(faults));
        return this;
    }

    /** Calls that no script covers meet faults at random at these rates. */
    public FaultInjector rates(FaultRates faultRates) {
        this.random = new Random(faultRates.seed());
        this.rates = faultRates;
        return this;
    }

    /** Forgets all scripts and rates. */
    public void clear() {
        nextCalls.clear();
        byAttachment.clear();
        rates = FaultRates.NONE;
    }

    Fault next(String attachmentId) {
        if (attachmentId != null) {
            Queue<Fault> scripted = byAttachment.get(attachmentId);
            Fault fault = scripted != null ? scripted.poll() : null;
            if (fault != null) {
                return fault;
            }
        }
        Fault fault = nextCalls.poll();
        if (fault != null) {
            return fault;
        }
        FaultRates current = rates;
        if (current.isNone()) {
            return null;
        }
        double draw;
        Random source = random;
        synchronized (source) {
            draw = source.nextDouble();
        }
        return current.pick(draw);
    }
}
