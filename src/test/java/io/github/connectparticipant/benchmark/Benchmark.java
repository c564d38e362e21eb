package io.github.connectparticipant.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The side-by-side benchmark: every contender against one fast loopback server in its own JVM, at 1, 8 and 32
 * threads, rounds interleaved (the order rotates each round), medians reported with each contender's ratio to raw
 * HttpClient 5 (the median of the ratios within each round, since the machine's speed drifts between rounds); then
 * backlogs against a quota and a brownout ({@link QuotaBenchmark}: --quota quota:threads:messages[:brownout[:shape]],...,
 * by default 20:8:600,10:32:400,50:8:600:0.3,0:8:1000:0.3, or 0 for none), then chats followed at scale
 * ({@link ChatsBenchmark}: --chats chats:workMillis:slowShare:slowSeconds,..., by default 500:100:0.1:30,2000:0:0:0, or
 * 0 for none), then a soak of 10,000 messages through the
 * queue route. Run: mvn -B -Pbenchmark verify
 * (or with -Dbenchmark.args="--seconds 5 --rounds 5").
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int[] threadCounts = Arrays.stream(options.getOrDefault("threads", "1,8,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "3"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int soakMessages = Integer.parseInt(options.getOrDefault("soak", "10000"));
        Path out = Path.of(options.getOrDefault("out", "target/benchmark"));
        Files.createDirectories(out);

        StringBuilder report = new StringBuilder();
        report.append(Machine.describe()).append('\n');
        if (rounds > 0) {
            report.append(throughput(options, threadCounts, seconds, rounds));
        }
        String quota = options.getOrDefault("quota", "20:8:600,10:32:400,50:8:600:0.3,0:8:1000:0.3");
        if (!quota.isBlank() && !"0".equals(quota)) {
            report.append('\n').append(QuotaBenchmark.run(Arrays.stream(quota.split(","))
                    .map(QuotaBenchmark.Scenario::parse).toList()));
        }
        String chats = options.getOrDefault("chats", "500:100:0.1:30,2000:0:0:0");
        if (!chats.isBlank() && !"0".equals(chats)) {
            report.append('\n').append(ChatsBenchmark.run(ChatsBenchmark.parse(chats)));
        }
        if (soakMessages > 0) {
            report.append('\n').append(Soak.run(soakMessages, out.resolve("soak")));
        }
        Files.writeString(out.resolve("results.md"), report);
        System.out.println(report);
        System.out.println("Written to " + out.resolve("results.md"));
        // the report is written: a thread left behind (once, the simulator's HTTP dispatcher after 500 chats) must not
        // keep the run from ending
        System.exit(0);
    }

    /** Every contender against one fast loopback server in its own JVM (--rounds 0 leaves it out). */
    private static String throughput(Map<String, String> options, int[] threadCounts, double seconds, int rounds)
            throws Exception {
        Process server = startServer();
        try {
            String baseUrl = "http://127.0.0.1:" + readPort(server);
            List<Contender> all = Contenders.all(baseUrl);
            String only = options.get("only");
            // --only NAME: raw HttpClient 5, the reference, and the contenders whose name holds NAME (for profiling)
            List<Contender> contenders = only == null
                    ? all
                    : all.stream().filter(c -> c == all.get(0) || c.name().contains(only)).toList();
            try {
                return compare(contenders, threadCounts, seconds, rounds);
            } finally {
                for (Contender contender : all) {
                    contender.close();
                }
            }
        } finally {
            server.getOutputStream().close();
            server.destroy();
        }
    }

    private static String compare(List<Contender> contenders, int[] threadCounts, double seconds, int rounds)
            throws Exception {
        Map<String, List<Measure>> byKey = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            // warm-up: JIT (Camel's paths take a while to compile fully) and pools, not measured
            measure(contender, 8, Math.max(5, 2 * seconds));
        }
        for (int round = 0; round < rounds; round++) {
            for (int threads : threadCounts) {
                for (int i = 0; i < contenders.size(); i++) {
                    Contender contender = contenders.get((i + round) % contenders.size());
                    Measure measure = measure(contender, threads, seconds);
                    if (measure.errors() > 0) {
                        // a contender that fails is not being measured: stop rather than publish its figures
                        throw new IllegalStateException(contender.name() + " failed " + measure.errors() + " calls: "
                                + measure.firstError());
                    }
                    byKey.computeIfAbsent(threads + "|" + contender.name(), k -> new ArrayList<>()).add(measure);
                    System.out.printf(Locale.ROOT, "round %d, %2d threads, %-38s %9.0f calls/s%n", round + 1, threads,
                            contender.name(), measure.callsPerSecond);
                }
            }
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Calls to one loopback server in its own JVM; %d rounds of %.0f s, "
                + "order rotated each round; medians. A ratio to raw HttpClient 5 is "
                + "the median of the ratios within each round (contenders measured "
                + "side by side), and the ratios of the rounds follow it.%n%n",
                rounds, seconds));
        table.append("| threads | contender | calls/s | vs raw HttpClient 5 | (rounds) | p50 µs | p99 µs "
                + "| bytes allocated/call | vs raw |\n|---:|---|---:|---:|---|---:|---:|---:|---:|\n");
        for (int threads : threadCounts) {
            List<Measure> raw = byKey.get(threads + "|" + contenders.get(0).name());
            for (Contender contender : contenders) {
                List<Measure> byRound = byKey.get(threads + "|" + contender.name());
                Measure m = median(byRound);
                double[] speed = new double[byRound.size()];
                double[] allocation = new double[byRound.size()];
                for (int r = 0; r < byRound.size(); r++) {
                    speed[r] = byRound.get(r).callsPerSecond / raw.get(r).callsPerSecond;
                    allocation[r] = byRound.get(r).bytesPerCall / raw.get(r).bytesPerCall;
                }
                StringBuilder perRound = new StringBuilder();
                for (double ratio : speed) {
                    perRound.append(perRound.length() == 0 ? "" : " ")
                            .append(String.format(Locale.ROOT, "%.2f", ratio));
                }
                table.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.2f | %s | %.0f | %.0f | %.0f | %.2f |%n",
                        threads, contender.name(), m.callsPerSecond, median(speed), perRound, m.p50Micros, m.p99Micros,
                        m.bytesPerCall, median(allocation)));
            }
        }
        return table.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    record Measure(double callsPerSecond, double p50Micros, double p99Micros, double bytesPerCall, long errors,
            String firstError) {
    }

    /** The median of each figure over the rounds. */
    private static Measure median(List<Measure> measures) {
        return new Measure(median(measures, Measure::callsPerSecond), median(measures, Measure::p50Micros),
                median(measures, Measure::p99Micros), median(measures, Measure::bytesPerCall),
                measures.stream().mapToLong(Measure::errors).sum(), null);
    }

    private static double median(List<Measure> measures, java.util.function.ToDoubleFunction<Measure> figure) {
        return median(measures.stream().mapToDouble(figure).toArray());
    }

    private static Measure measure(Contender contender, int threads, double seconds) throws Exception {
        System.gc();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long[][] latencies = new long[threads][400_000];
            int[] counts = new int[threads];
            AtomicLong errors = new AtomicLong();
            java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
            long[] threadIds = new long[threads];
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            long[] deadline = new long[1];
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    threadIds[thread] = Thread.currentThread().getId();
                    ready.countDown();
                    go.await();
                    long[] mine = latencies[thread];
                    int count = 0;
                    while (System.nanoTime() < deadline[0]) {
                        long start = System.nanoTime();
                        try {
                            contender.call(thread);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, String.valueOf(e));
                        }
                        if (count < mine.length) {
                            mine[count] = System.nanoTime() - start;
                        }
                        count++;
                    }
                    counts[thread] = count;
                    return null;
                }));
            }
            ready.await();
            long allocatedBefore = Allocation.allThreads();
            long start = System.nanoTime();
            deadline[0] = start + (long) (seconds * 1e9);
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
            long elapsed = System.nanoTime() - start;
            long allocated = Allocation.allThreads() - allocatedBefore;
            long calls = Arrays.stream(counts).asLongStream().sum();
            long[] all = new long[(int) Math.min(Integer.MAX_VALUE - 8, Arrays.stream(counts)
                    .map(c -> Math.min(c, 400_000)).asLongStream().sum())];
            int at = 0;
            for (int t = 0; t < threads; t++) {
                int n = Math.min(counts[t], latencies[t].length);
                System.arraycopy(latencies[t], 0, all, at, n);
                at += n;
            }
            Arrays.sort(all);
            return new Measure(calls / (elapsed / 1e9), all[all.length / 2] / 1e3, all[(int) (all.length * 0.99)] / 1e3,
                    (double) allocated / calls, errors.get(), firstError.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Process startServer() throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), BenchmarkServer.class.getName())
                .redirectErrorStream(true).start();
    }

    private static int readPort(Process server) throws Exception {
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).strip());
            }
        }
        throw new IllegalStateException("the benchmark server did not start");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** Bytes allocated so far by every live thread of this JVM. */
    static final class Allocation {

        private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();

        static long allThreads() {
            long total = 0;
            for (long allocated : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
                if (allocated > 0) {
                    total += allocated;
                }
            }
            return total;
        }
    }

    /** What the figures were measured on. */
    static final class Machine {

        static String describe() {
            return String.format(Locale.ROOT, "Machine: %d cores, %s %s, Java %s (%s), heap max %d MB; server and "
                    + "client on the same machine.%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"),
                    System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }
}
