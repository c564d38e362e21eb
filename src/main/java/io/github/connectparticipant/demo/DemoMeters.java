package io.github.connectparticipant.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The demo's Micrometer registry, bound in the Camel registry so that the component records its connectparticipant.*
 * meters there, as it would in an application's; the summary's call figures are read from it.
 */
final class DemoMeters {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    DemoMeters() {
        // the median and the 99th percentile of whole calls, as an operator would configure them
        registry.config().meterFilter(new MeterFilter() {

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"connectparticipant.call.duration".equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.99).build().merge(config);
            }
        });
    }

    SimpleMeterRegistry registry() {
        return registry;
    }

    /** What the meters say now. */
    CallFigures figures() {
        Map<String, Long> callsByOutcome = new TreeMap<>();
        for (Counter calls : registry.find("connectparticipant.calls").counters()) {
            callsByOutcome.merge(calls.getId().getTag("outcome"), (long) calls.count(), Long::sum);
        }
        callsByOutcome.values().removeIf(count -> count == 0);
        long attempts = registry.find("connectparticipant.attempt.duration").timers().stream()
                .mapToLong(Timer::count).sum();
        long throttles = (long) registry.find("connectparticipant.throttles").counters().stream()
                .mapToDouble(Counter::count).sum();
        Map<String, CallTimes> successTimes = new TreeMap<>();
        for (Timer timer : registry.find("connectparticipant.call.duration").tag("outcome", "success").timers()) {
            if (timer.count() > 0) {
                successTimes.put(timer.getId().getTag("operation"), CallTimes.of(timer));
            }
        }
        return new CallFigures(callsByOutcome, attempts, throttles, successTimes);
    }

    /** Calls by outcome, HTTP attempts, throttled attempts, and the times of successful calls by operation. */
    record CallFigures(Map<String, Long> callsByOutcome, long attempts, long throttles,
            Map<String, CallTimes> successTimes) {

        long calls() {
            return callsByOutcome.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The median and 99th percentile of an operation's successful calls, in milliseconds. */
    record CallTimes(long calls, double p50Millis, double p99Millis) {

        static CallTimes of(Timer timer) {
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            for (ValueAtPercentile percentile : timer.takeSnapshot().percentileValues()) {
                if (percentile.percentile() == 0.5) {
                    p50 = percentile.value(TimeUnit.MILLISECONDS);
                } else if (percentile.percentile() == 0.99) {
                    p99 = percentile.value(TimeUnit.MILLISECONDS);
                }
            }
            return new CallTimes(timer.count(), p50, p99);
        }
    }
}
