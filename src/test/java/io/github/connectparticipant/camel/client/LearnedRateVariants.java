package io.github.connectparticipant.camel.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Variants of the learned rate's constants ({@link LearnedRateTuning}) side by side: each run against the family of
 * quota models ({@link QuotaFamily}) and the seeded scenarios' claims ({@link QuotaScenarios}) over ranges of seeds, so
 * that a change of a constant is judged in the repository, on seeds it was not tuned on (docs/learned-rate-family.md
 * gives the command and the table it printed).
 */
public final class LearnedRateVariants {

    /** The head of {@link #row}'s table. */
    static final String HEAD = "| variant | cells that meet every goal | throttled | worst drains averaged"
            + " | cells short of a fair share | claims missed over the ranges of seeds |\n"
            + "|---|---:|---:|---:|---:|---|";

    private LearnedRateVariants() {
    }

    /**
     * The producers' constants with those named changed: "name=value,name=value", each name a component of
     * {@link LearnedRateTuning} ({@code defaults}, or an empty text, for none).
     */
    static LearnedRateTuning variant(String changes) throws ReflectiveOperationException {
        RecordComponent[] components = LearnedRateTuning.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(LearnedRateTuning.DEFAULTS);
            types[i] = components[i].getType();
        }
        for (String change : isDefaults(changes) ? new String[0] : changes.split(",")) {
            String[] nameAndValue = change.split("=", 2);
            int i = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(nameAndValue[0].strip());
            if (i < 0 || nameAndValue.length < 2) {
                throw new IllegalArgumentException("not a constant of LearnedRateTuning, or no value: " + change);
            }
            String value = nameAndValue[1].strip();
            values[i] = types[i] == double.class
                    ? (Object) Double.parseDouble(value)
                    : types[i] == long.class ? (Object) Long.parseLong(value) : (Object) Integer.parseInt(value);
        }
        Constructor<LearnedRateTuning> canonical = LearnedRateTuning.class.getDeclaredConstructor(types);
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            // a constant out of its range: the record's own refusal
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw e;
        }
    }

    private static boolean isDefaults(String changes) {
        return changes.isBlank() || "defaults".equals(changes.strip());
    }

    /** One variant's row: the family's figures and the bounds the seeded scenarios miss from the given ranges. */
    static String row(String changes, long[][] ranges) throws ReflectiveOperationException {
        LearnedRateTuning tuning = variant(changes);
        List<QuotaFamily.Cell> cells = QuotaFamily.all(tuning);
        long meeting = cells.stream().filter(cell -> cell.misses().isEmpty()).count();
        long shortOfFair = cells.stream().filter(cell -> String.join(";", cell.misses()).contains("share")).count();
        double throttled = cells.stream().mapToDouble(QuotaFamily.Cell::throttled).average().orElse(0);
        double worstDrains = cells.stream().filter(cell -> !QuotaFamily.NO_QUOTA.equals(cell.shape()))
                .mapToDouble(QuotaFamily.Cell::worstDrain).average().orElse(0);
        // each bound missed is "first seed: scenario: figures (bound)"; the table counts them by scenario
        Map<String, Long> missedByScenario = QuotaScenarios.missed(tuning, ranges).stream()
                .collect(Collectors.groupingBy(bound -> bound.split(": ")[1], TreeMap::new, Collectors.counting()));
        long missed = missedByScenario.values().stream().mapToLong(Long::longValue).sum();
        String which = missedByScenario.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return String.format("| %s | %d | %.1f%% | %.2fx | %d | %d%s |",
                isDefaults(changes) ? "(the producers')" : changes,
                meeting, 100 * throttled, worstDrains, shortOfFair, missed, which.isEmpty() ? "" : " (" + which + ")");
    }

    /**
     * Prints a row for each variant given after the ranges of seeds: {@code 1,401,801,1201 defaults cutFloor=0.75} (the
     * ranges as {@link QuotaScenarios#ranges}, comma-separated; {@code defaults} is the producers' constants).
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        long[][] ranges = QuotaScenarios.ranges(args[0].split(","));
        System.out.println(HEAD);
        for (String changes : Arrays.copyOfRange(args, 1, args.length)) {
            System.out.println(row(changes, ranges));
        }
    }
}
