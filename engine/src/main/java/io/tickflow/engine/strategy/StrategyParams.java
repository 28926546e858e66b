package io.tickflow.engine.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tickflow.engine.model.BarSpec;

/**
 * A strategy's configured parameters: names to text values, read with typed getters that
 * fail with an {@link InvalidParameterException} naming the strategy, the parameter and what
 * was expected. The values are immutable; the instance remembers which names were read, so a
 * loader can refuse a parameter no strategy reads (a typo). Use it from one thread at a time.
 */
public final class StrategyParams {
    private final String owner;
    private final Map<String, String> values;
    private final Set<String> read = new LinkedHashSet<>();

    /**
     * @param owner  the strategy's name, used in error messages
     * @param values parameter names to values; copied
     */
    public StrategyParams(String owner, Map<String, String> values) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
    }

    public static StrategyParams empty(String owner) {
        return new StrategyParams(owner, Map.of());
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    /** The names a getter (or {@link #has}) was called with so far, in the order first asked. */
    public Set<String> namesRead() {
        return Collections.unmodifiableSet(read);
    }

    /**
     * An error about one parameter, for a strategy's own checks:
     * {@code throw params.invalid("size", "expected at least 1, found " + size)}.
     */
    public InvalidParameterException invalid(String name, String problem) {
        return new InvalidParameterException(owner, name, problem);
    }

    /** @throws IllegalArgumentException if the parameter is missing */
    public String string(String name) {
        String value = value(name);
        if (value == null) {
            throw invalid(name, "is required");
        }
        return value;
    }

    public String string(String name, String defaultValue) {
        String value = value(name);
        return value == null ? defaultValue : value;
    }

    /** @throws IllegalArgumentException if missing or not an integer */
    public long longValue(String name) {
        return parseLong(name, string(name));
    }

    public long longValue(String name, long defaultValue) {
        String value = value(name);
        return value == null ? defaultValue : parseLong(name, value);
    }

    /** @throws InvalidParameterException if set but not an integer of at least {@code min} */
    public long longValue(String name, long defaultValue, long min) {
        return atLeast(name, longValue(name, defaultValue), min);
    }

    /** @throws InvalidParameterException if set but not an integer in int range of at least {@code min} */
    public int intValue(String name, int defaultValue, int min) {
        return (int) atLeast(name, intValue(name, defaultValue), min);
    }

    private long atLeast(String name, long value, long min) {
        if (value < min) {
            throw invalid(name, "expected at least " + min + ", found " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException if missing or not an integer in int range */
    public int intValue(String name) {
        return toInt(name, longValue(name));
    }

    public int intValue(String name, int defaultValue) {
        String value = value(name);
        return value == null ? defaultValue : toInt(name, parseLong(name, value));
    }

    /** @throws IllegalArgumentException if missing or not a finite number */
    public double doubleValue(String name) {
        return parseDouble(name, string(name));
    }

    public double doubleValue(String name, double defaultValue) {
        String value = value(name);
        return value == null ? defaultValue : parseDouble(name, value);
    }

    /** @throws IllegalArgumentException if missing or not {@code true}/{@code false} */
    public boolean booleanValue(String name) {
        return parseBoolean(name, string(name));
    }

    public boolean booleanValue(String name, boolean defaultValue) {
        String value = value(name);
        return value == null ? defaultValue : parseBoolean(name, value);
    }

    /** A bar spec such as {@code 1m}, {@code 200t} or {@code 8renko}; see {@link BarSpec#parse}. */
    public BarSpec barSpec(String name, String defaultValue) {
        String value = string(name, defaultValue);
        try {
            return BarSpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    private String value(String name) {
        read.add(name);
        return values.get(name);
    }

    private long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw bad(name, value, "an integer");
        }
    }

    private int toInt(String name, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw bad(name, Long.toString(value), "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private double parseDouble(String name, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(name, value, "a finite number");
    }

    private boolean parseBoolean(String name, String value) {
        String v = value.trim();
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw bad(name, value, "true or false");
    }

    private InvalidParameterException bad(String name, String value, String expected) {
        return invalid(name, "expected " + expected + ", found '" + value + "'");
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
