package io.tickflow.engine.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A strategy's configured parameters: names to text values, read with typed getters that
 * fail with a message naming the strategy, the parameter and what was expected. Immutable.
 */
public final class StrategyParams {
    private final String owner;
    private final Map<String, String> values;

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
        return values.containsKey(name);
    }

    /** @throws IllegalArgumentException if the parameter is missing */
    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("strategy '" + owner + "': missing parameter '" + name + "'");
        }
        return value;
    }

    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** @throws IllegalArgumentException if missing or not an integer */
    public long longValue(String name) {
        return parseLong(name, string(name));
    }

    public long longValue(String name, long defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : parseLong(name, value);
    }

    /** @throws IllegalArgumentException if missing or not an integer in int range */
    public int intValue(String name) {
        return toInt(name, longValue(name));
    }

    public int intValue(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : toInt(name, parseLong(name, value));
    }

    /** @throws IllegalArgumentException if missing or not a finite number */
    public double doubleValue(String name) {
        return parseDouble(name, string(name));
    }

    public double doubleValue(String name, double defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : parseDouble(name, value);
    }

    /** @throws IllegalArgumentException if missing or not {@code true}/{@code false} */
    public boolean booleanValue(String name) {
        return parseBoolean(name, string(name));
    }

    public boolean booleanValue(String name, boolean defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : parseBoolean(name, value);
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

    private IllegalArgumentException bad(String name, String value, String expected) {
        return new IllegalArgumentException(
                "strategy '" + owner + "': parameter '" + name + "' must be " + expected + ", was '" + value + "'");
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
