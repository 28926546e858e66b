package io.tickflow.adapters.projectx;

import java.util.Objects;

/**
 * A credential (the API key) that never shows itself: {@code toString} is a mask, so it
 * cannot reach a log line, an exception message or a debugger's summary by accident. Only
 * the login request reads it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The secret from an environment variable, or an error naming the variable (never its value). */
    public static Secret fromEnvironment(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set");
        }
        return new Secret(value);
    }

    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Objects.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
