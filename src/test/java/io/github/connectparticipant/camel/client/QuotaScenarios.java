package io.github.connectparticipant.camel.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeded scenarios of {@link AdaptiveRateLimiterTest} (the quota ITs' scenarios in {@link QuotaModel}), each from a
 * given first seed, with the bounds the tests assert. The tests run them from seed 1; {@link #main} runs them from
 * other seeds too, to show whether a figure is the design's or its seeds' (docs/learned-rate-family.md).
 */
public final class QuotaScenarios {

    private QuotaScenarios() {
    }

    /**
     * TwoJvmQuotaIT as it runs: two clients of 8 consumers on a quota of 10 a second, calls of 5 to 45 ms, the second
     * starting 20 to 500 ms late, 40 seeds each.
     */
    record LateClient(double meanSmallestShare, int runsUnder35Percent, int runs, int runsOutOfBounds,
            double worstThrottled) {

        List<String> missed() {
            List<String> missed = new ArrayList<>();
            if (meanSmallestShare < 0.44) {
                missed.add(String.format("late client: smallest share %.3f on average < 0.44", meanSmallestShare));
            }
            if (runsUnder35Percent > runs / 40) {
                missed.add("late client: " + runsUnder35Percent + " runs under 35% > " + runs / 40);
            }
            if (runsOutOfBounds > 0) {
                missed.add("late client: " + runsOutOfBounds + " runs over 1.05x or 15% throttled");
            }
            return missed;
        }
    }

    static LateClient lateClient(long firstSeed) {
        int runs = 0;
        int unfair = 0;
        int outOfBounds = 0;
        double shares = 0;
        double worstThrottled = 0;
        for (long startsLater : new long[]{20, 50, 100, 200, 300, 500}) {
            for (long seed = firstSeed; seed < firstSeed + 40; seed++) {
                QuotaModel.Outcome outcome = new QuotaModel(10, 10, 5).jitter(40, seed).startAfter(0, startsLater)
                        .run(400, 8, 8);
                runs++;
                shares += outcome.smallestClientShare();
                unfair += outcome.smallestClientShare() < 0.35 ? 1 : 0;
                outOfBounds += outcome.drainRatio() <= 1.05 && outcome.throttledShare() <= 0.15 ? 0 : 1;
                worstThrottled = Math.max(worstThrottled, outcome.throttledShare());
            }
        }
        return new LateClient(shares / runs, unfair, runs, outOfBounds, worstThrottled);
    }

    /**
     * BrownoutIT's quota and faults: a token bucket of 50 calls a second and as much burst, calls of 5 ms, 30% of the
     * admitted calls failing at random (a third of them throttled), drawn from the seed.
     */
    static QuotaModel brownoutModel(long seed) {
        return new QuotaModel(50, 50, 5).brownout(0.10, 0.20, seed);
    }

    /**
     * BrownoutIT's scenario: 600 messages, 8 consumers, a quota of 50 a second, 30% of the admitted calls failing at
     * random (a third of them throttled), 20 seeds.
     */
    record Brownout(double meanDrain, double worstDrain, double meanCalls, double worstCalls,
            double meanQuotaThrottled) {

        List<String> missed() {
            List<String> missed = new ArrayList<>();
            if (meanDrain > 1.05 || worstDrain > 1.2) {
                missed.add(String.format("brownout: drain %.2fx on average (1.05), %.2fx at worst (1.2)", meanDrain,
                        worstDrain));
            }
            if (meanCalls > 1.5 || worstCalls > 1.6) {
                missed.add(String.format("brownout: %.2f calls a message on average (1.5), %.2f at worst (1.6)",
                        meanCalls, worstCalls));
            }
            return missed;
        }
    }

    static Brownout brownout(long firstSeed) {
        double worstDrain = 0;
        double worstCalls = 0;
        double drains = 0;
        double calls = 0;
        double quotaThrottled = 0;
        for (long seed = firstSeed; seed < firstSeed + 20; seed++) {
            QuotaModel.Outcome outcome = brownoutModel(seed).run(600, 8);
            worstDrain = Math.max(worstDrain, outcome.drainRatio());
            worstCalls = Math.max(worstCalls, outcome.callsPerMessage());
            drains += outcome.drainRatio();
            calls += outcome.callsPerMessage();
            quotaThrottled += outcome.quotaThrottled();
        }
        return new Brownout(drains / 20, worstDrain, calls / 20, worstCalls, quotaThrottled / 20);
    }

    /** BrownoutIT's quota as it runs: the same with calls of 5 to 25 ms, 40 seeds. */
    record BrownoutWithJitter(double meanDrain, int runsOver1point2, double worstCalls) {

        List<String> missed() {
            List<String> missed = new ArrayList<>();
            if (meanDrain > 1.05 || runsOver1point2 > 2) {
                missed.add(String.format("calls of varying length: drain %.2fx on average (1.05), %d of 40 runs over "
                        + "1.2x (2)", meanDrain, runsOver1point2));
            }
            if (worstCalls > 1.6) {
                missed.add(String.format("calls of varying length: %.2f calls a message at worst (1.6)", worstCalls));
            }
            return missed;
        }
    }

    static BrownoutWithJitter brownoutWithJitter(long firstSeed) {
        int slow = 0;
        double drains = 0;
        double worstCalls = 0;
        for (long seed = firstSeed; seed < firstSeed + 40; seed++) {
            QuotaModel.Outcome outcome = brownoutModel(seed).jitter(20, seed)
                    .run(600, 8);
            drains += outcome.drainRatio();
            slow += outcome.drainRatio() > 1.2 ? 1 : 0;
            worstCalls = Math.max(worstCalls, outcome.callsPerMessage());
        }
        return new BrownoutWithJitter(drains / 40, slow, worstCalls);
    }

    /** BrownoutIT as a JVM may start it: its 8 consumers one after another over the given time, 40 seeds. */
    record StartOver(long overMillis, double meanQuotaThrottled, double meanCalls, double worstDrain) {

        List<String> missed() {
            List<String> missed = new ArrayList<>();
            if (meanQuotaThrottled > 60 || meanCalls > 1.52 || worstDrain > 1.2) {
                missed.add(String.format(
                        "consumers starting over %d ms: %.1f throttled by the quota (60), %.3f calls a "
                                + "message (1.52), drain %.2fx at worst (1.2)",
                        overMillis, meanQuotaThrottled, meanCalls,
                        worstDrain));
            }
            return missed;
        }
    }

    static StartOver startOver(long overMillis, long firstSeed) {
        double quotaThrottled = 0;
        double calls = 0;
        double worstDrain = 0;
        for (long seed = firstSeed; seed < firstSeed + 40; seed++) {
            QuotaModel.Outcome outcome = brownoutModel(seed).jitter(20, seed)
                    .consumersStartOver(overMillis).run(600, 8);
            quotaThrottled += outcome.quotaThrottled() / 40.0;
            calls += outcome.callsPerMessage() / 40;
            worstDrain = Math.max(worstDrain, outcome.drainRatio());
        }
        return new StartOver(overMillis, quotaThrottled, calls, worstDrain);
    }

    /** The head of {@link #table}. */
    static final String HEAD = "| first seed | late client: smallest share, runs under 35%, runs out of bounds |"
            + " brownout: drain mean, worst; calls mean, worst | calls of varying length: drain mean, runs over 1.2x,"
            + " worst calls | consumers over 1 s: quota throttles, calls, worst drain | over 1.5 s | bounds missed |\n"
            + "|---:|---|---|---|---|---|---|";

    /** Every seeded scenario from each first seed, one row each, with the bounds it misses. */
    static String table(long... firstSeeds) {
        StringBuilder table = new StringBuilder(HEAD);
        for (long firstSeed : firstSeeds) {
            LateClient late = lateClient(firstSeed);
            Brownout brownout = brownout(firstSeed);
            BrownoutWithJitter jitter = brownoutWithJitter(firstSeed);
            StartOver second = startOver(1000, firstSeed);
            StartOver secondAndHalf = startOver(1500, firstSeed);
            List<String> missed = new ArrayList<>(late.missed());
            missed.addAll(brownout.missed());
            missed.addAll(jitter.missed());
            missed.addAll(second.missed());
            missed.addAll(secondAndHalf.missed());
            table.append(String.format(
                    "%n| %d | %.3f, %d, %d | %.2fx, %.2fx; %.2f, %.2f | %.3fx, %d, %.2f | %.1f, %.3f, %.2fx |"
                            + " %.1f, %.3f, %.2fx | %d |",
                    firstSeed, late.meanSmallestShare(), late.runsUnder35Percent(), late.runsOutOfBounds(),
                    brownout.meanDrain(), brownout.worstDrain(), brownout.meanCalls(), brownout.worstCalls(),
                    jitter.meanDrain(), jitter.runsOver1point2(), jitter.worstCalls(), second.meanQuotaThrottled(),
                    second.meanCalls(), second.worstDrain(), secondAndHalf.meanQuotaThrottled(),
                    secondAndHalf.meanCalls(), secondAndHalf.worstDrain(), missed.size()));
        }
        return table.toString();
    }

    /**
     * Prints {@link #table} from the given first seeds (1 when none: the tests' seeds); docs/learned-rate-family.md
     * gives the Maven command that runs it.
     */
    public static void main(String[] args) {
        long[] firstSeeds = args.length == 0 ? new long[]{1} : new long[args.length];
        for (int i = 0; i < args.length; i++) {
            firstSeeds[i] = Long.parseLong(args[i]);
        }
        System.out.println(table(firstSeeds));
    }
}
