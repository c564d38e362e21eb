package io.github.connectparticipant.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator from the command line until it is stopped (Ctrl-C), so that routes under development can point
 * at it. Usage:
 *
 * <pre>
 * --port 8089 --connection-token TOKEN [--connection-token ...] [--participant-token P ...] [--refuse ID ...]
 * [--throttle 0.1] [--throttle-retry-after 0.05] [--internal-error 0.1] [--unavailable 0.05] [--drop 0.05]
 * [--slow 0.03 --slow-ms 3000] [--brownout 0.3] [--seed 42] [--quota 10 [--quota-burst 10 | --quota-window fixed|sliding]] [--outage 30s]
 * [--agent-echo] [--quiet]
 * </pre>
 *
 * Each call is logged on one line (operation, status, time, request id; never a token) unless {@code --quiet}. Lines
 * typed while it runs are the agent's ({@link AgentConsole}): {@code say TOKEN TEXT}, {@code end TOKEN}, {@code drop}.
 *
 * The connection token may also come from the CONNECTPARTICIPANT_CONNECTION_TOKEN environment variable.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        ParticipantServiceSimulator simulator = start(args);
        if (simulator == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Simulator stopping: " + simulator.ledger().callCount() + " calls received, "
                    + simulator.ledger().completed().size() + " attachments completed");
            simulator.close();
            stopped.countDown();
        }));
        if (Arrays.asList(args).contains("--participant-token")) {
            System.out.println(AgentConsole.COMMANDS);
            Thread console = new Thread(() -> {
                try {
                    new AgentConsole(simulator, System.out)
                            .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    System.out.println("agent commands no longer read: " + e.getMessage());
                }
            }, "simulator-agent-console");
            console.setDaemon(true);
            console.start();
        }
        stopped.await();
    }

    /**
     * Starts a simulator as these command-line arguments configure it and prints its start line: what main runs, and
     * what a test of a documented command line starts.
     *
     * @return the simulator, or null after --help
     */
    public static ParticipantServiceSimulator start(String... args) throws IOException {
        int port = 8089;
        String host = "127.0.0.1";
        List<String> tokens = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> participantTokens = new ArrayList<>();
        double throttle = 0, throttleRetryAfter = 0, internalError = 0, unavailable = 0, drop = 0, slow = 0;
        long slowMillis = 3000, seed = System.nanoTime();
        double quota = 0, quotaBurst = -1, brownout = -1;
        QuotaWindow quotaWindow = null;
        Duration outage = Duration.ZERO;
        boolean quiet = false;
        boolean agentEcho = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ("--help".equals(option) || "-h".equals(option)) {
                usage();
                return null;
            }
            if ("--quiet".equals(option)) {
                quiet = true;
                continue;
            }
            if ("--agent-echo".equals(option)) {
                agentEcho = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> port = Integer.parseInt(value);
                case "--host" -> host = value;
                case "--connection-token" -> tokens.add(value);
                case "--participant-token" -> participantTokens.add(value);
                case "--refuse" -> refused.add(value);
                case "--throttle" -> throttle = Double.parseDouble(value);
                case "--throttle-retry-after" -> throttleRetryAfter = Double.parseDouble(value);
                case "--internal-error" -> internalError = Double.parseDouble(value);
                case "--unavailable" -> unavailable = Double.parseDouble(value);
                case "--drop" -> drop = Double.parseDouble(value);
                case "--slow" -> slow = Double.parseDouble(value);
                case "--slow-ms" -> slowMillis = Long.parseLong(value);
                case "--brownout" -> brownout = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--quota" -> quota = Double.parseDouble(value);
                case "--quota-burst" -> quotaBurst = Double.parseDouble(value);
                case "--quota-window" -> quotaWindow = window(value);
                case "--outage" -> outage = duration(value);
                default -> throw new IllegalArgumentException("Unknown option " + option + "; try --help");
            }
        }
        String fromEnvironment = System.getenv("CONNECTPARTICIPANT_CONNECTION_TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            tokens.add(fromEnvironment);
        }
        if (tokens.isEmpty() && participantTokens.isEmpty()) {
            throw new IllegalArgumentException("Give at least one --connection-token (or set "
                    + "CONNECTPARTICIPANT_CONNECTION_TOKEN) or --participant-token");
        }

        ParticipantServiceSimulator simulator;
        try {
            simulator = ParticipantServiceSimulator.start(host, port, 64);
        } catch (BindException e) {
            throw new IllegalStateException(e.getMessage() + ": --port moves it", e);
        }
        simulator.logRequests(!quiet).agentEcho(agentEcho)
                .acceptConnectionTokens(tokens.toArray(String[]::new))
                .refuseAttachmentIds(refused)
                .acceptParticipantTokens(participantTokens.toArray(String[]::new));
        if (brownout >= 0 && throttle + throttleRetryAfter + internalError + unavailable + drop + slow > 0) {
            throw new IllegalArgumentException("--brownout sets the fault rates: give it or the rates, not both");
        }
        simulator.faults().rates(brownout >= 0
                ? FaultRates.brownout(brownout, seed)
                : new FaultRates(throttle, throttleRetryAfter, internalError, unavailable, drop, slow,
                        Duration.ofMillis(slowMillis), seed));
        if (quotaWindow != null && quotaBurst >= 0) {
            throw new IllegalArgumentException("--quota-window counts calls per second: it has no --quota-burst");
        }
        if (quotaWindow != null && quota > 0) {
            simulator.quota(quotaWindow, (int) quota);
        } else {
            simulator.quota(quota, quotaBurst >= 0 ? quotaBurst : Math.max(1, quota));
        }
        if (!outage.isZero()) {
            simulator.outage(outage);
        }
        // every way it was configured, so that a run's behaviour can be read from its first line; never a token
        List<String> configured = new ArrayList<>();
        configured.add(tokens.size() + " connection token(s)" + (fromEnvironment != null && !fromEnvironment.isBlank()
                ? " (one from CONNECTPARTICIPANT_CONNECTION_TOKEN)"
                : ""));
        configured.add(participantTokens.size() + " participant token(s)");
        configured.add(refused.size() + " refused id(s)");
        if (brownout > 0) {
            configured.add(percent(brownout) + " of calls failing at random (seed " + seed + ")");
        }
        String[] rateNames = {"throttled (429)", "throttled with Retry-After", "500", "503", "dropped", "slow ("
                + slowMillis + " ms)"};
        double[] rates = {throttle, throttleRetryAfter, internalError, unavailable, drop, slow};
        List<String> faultRates = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] > 0) {
                faultRates.add(percent(rates[i]) + " " + rateNames[i]);
            }
        }
        if (!faultRates.isEmpty()) {
            configured.add("faults at random: " + String.join(", ", faultRates) + " (seed " + seed + ")");
        }
        if (quota > 0) {
            configured.add("quota " + quota + " calls/s per operation" + (quotaWindow != null
                    ? " (" + quotaWindow.name().toLowerCase(Locale.ROOT) + " one-second windows)"
                    : " (burst " + (quotaBurst >= 0 ? quotaBurst : Math.max(1, quota)) + ")"));
        }
        if (!outage.isZero()) {
            configured.add("answering 503 for the first " + outage.toSeconds() + " s");
        }
        if (agentEcho) {
            configured.add("the agent echoing each message");
        }
        if (quiet) {
            configured.add("no line per call");
        }
        System.out.println("Participant Service simulator listening at " + simulator.baseUrl() + " ("
                + String.join(", ", configured) + "); Ctrl-C to stop");
        return simulator;
    }

    private static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + "%";
    }

    /** 30s, 500ms, 2m, or plain seconds. */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static QuotaWindow window(String value) {
        for (QuotaWindow window : QuotaWindow.values()) {
            if (window.name().equalsIgnoreCase(value)) {
                return window;
            }
        }
        throw new IllegalArgumentException("--quota-window is fixed or sliding, not " + value);
    }

    private static void usage() {
        System.out.println("""
                Participant Service simulator
                  --port N                  port on 127.0.0.1 (default 8089; 0 for any)
                  --host ADDRESS            address to bind (default 127.0.0.1)
                  --connection-token T      a connection token to accept (repeatable)
                  --participant-token P     a participant token CreateParticipantConnection accepts (repeatable)
                  --refuse ID               an attachment id always refused with 400 (repeatable)
                  --throttle R              rate of 429 ThrottlingException
                  --throttle-retry-after R  rate of 429 with Retry-After: 1
                  --internal-error R        rate of 500 InternalServerException
                  --unavailable R           rate of 503 without a body
                  --drop R                  rate of dropped connections (work done, no answer)
                  --slow R                  rate of slow answers, delayed by --slow-ms (default 3000)
                  --brownout S              a share S of the calls fails at random whatever the rate: a third
                                            429, a third 500, the rest 503 and dropped connections (instead of
                                            the rates above; with --quota, beside it)
                  --seed N                  random seed for the fault draws
                  --quota R                 request-rate quota: R calls a second per operation, shared by all
                                            callers; over it, 429 ThrottlingException without Retry-After
                  --quota-burst B           the quota's burst (default: one second's calls): a token bucket
                  --quota-window W          instead of a token bucket, R calls per one-second window: fixed
                                            (the count starts again each whole second) or sliding (the
                                            second before each call)
                  --outage D                answer 503 to every call for the first D (e.g. 30s, 500ms, 2m)
                  --agent-echo              the agent answers each message a participant sends ("You said: ...")
                  --quiet                   no line per call (by default each call is logged: operation, status,
                                            time taken and request id; never a token or a body)
                Environment:
                  CONNECTPARTICIPANT_CONNECTION_TOKEN  a connection token to accept, kept off the command line
                With --participant-token, lines typed while it runs are the agent's:
                  say PARTICIPANT_TOKEN TEXT  a message from the agent in that participant's chat
                  end PARTICIPANT_TOKEN       the chat ends (chat.ended; 403 from then on)
                  drop                        every chat socket dropped, as a network failure would""");
    }
}
