package io.tickflow.app.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One mapping of the configuration with typed, checked access: every error names the file,
 * the line and the key and says what was expected; a key the schema does not know is an
 * error too (a typo must not be silently ignored).
 */
final class ConfigNode {
    private final YamlSource source;
    private final String path;
    private final JsonNode node;

    ConfigNode(YamlSource source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    static ConfigNode root(YamlSource source) {
        return new ConfigNode(source, "", source.root());
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    ConfigException error(String name, String problem) {
        String key = name == null ? path : key(name);
        return new ConfigException(source.where(key), key, problem);
    }

    /** Where item {@code index} of the list {@code name} is written. */
    TickflowConfig.Origin origin(String name, int index) {
        String key = key(name) + "[" + index + "]";
        return new TickflowConfig.Origin(source.where(key), key);
    }

    /** Refuses keys other than {@code allowed}. */
    ConfigNode only(String... allowed) {
        Set<String> known = Set.of(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(name, "unknown key; expected one of " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** Whether the value of {@code name} came whole from an environment variable ({@code ${NAME}}), not the file. */
    boolean fromEnvironment(String name) {
        return source.fromEnvironment(key(name));
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    private JsonNode value(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    String string(String name, String absent) {
        JsonNode v = value(name);
        if (v == null) {
            return absent;
        }
        if (!v.isValueNode() || v.isContainerNode()) {
            throw error(name, "expected a text value");
        }
        return v.asText();
    }

    String requiredString(String name) {
        String v = string(name, null);
        if (v == null || v.isBlank()) {
            throw error(name, "is required");
        }
        return v;
    }

    long integer(String name, long absent, long min, long max) {
        JsonNode v = value(name);
        if (v == null) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw error(name, "expected a whole number from " + min + " to " + max + ", found " + v);
        }
        return v.longValue();
    }

    boolean bool(String name, boolean absent) {
        JsonNode v = value(name);
        if (v == null) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw error(name, "expected true or false, found " + v);
        }
        return v.booleanValue();
    }

    double number(String name, double absent, double minExclusive) {
        JsonNode v = value(name);
        if (v == null) {
            return absent;
        }
        if (!v.isNumber() || !(v.doubleValue() > minExclusive) || Double.isInfinite(v.doubleValue())) {
            throw error(name, "expected a number above " + minExclusive + ", found " + v);
        }
        return v.doubleValue();
    }

    /** Dollars (e.g. {@code 1.40}) as cents; at most two decimals. */
    long cents(String name, long absentCents) {
        JsonNode v = value(name);
        if (v == null) {
            return absentCents;
        }
        // YAML reads 1e400 as an infinite double, and .nan as NaN: neither is an amount
        if (!v.isNumber() || (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue()))) {
            throw error(name, "expected an amount in dollars like 1000 or 1.40, found " + v);
        }
        BigDecimal dollars = v.decimalValue();
        if (dollars.signum() < 0 || dollars.stripTrailingZeros().scale() > 2) {
            throw error(name, "expected a non-negative amount in whole cents, found " + v);
        }
        try {
            return dollars.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw error(name, "expected an amount in dollars below " + Long.MAX_VALUE / 100 + ", found " + v);
        }
    }

    ConfigNode object(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return new ConfigNode(source, key(name), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode());
        }
        if (!v.isObject()) {
            throw error(name, "expected a mapping of keys");
        }
        return new ConfigNode(source, key(name), v);
    }

    List<ConfigNode> objects(String name) {
        JsonNode v = value(name);
        List<ConfigNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            throw error(name, "expected a list");
        }
        for (int i = 0; i < v.size(); i++) {
            String key = key(name) + "[" + i + "]";
            if (!v.get(i).isObject()) {
                throw new ConfigException(source.where(key), key, "expected a mapping of keys");
            }
            out.add(new ConfigNode(source, key, v.get(i)));
        }
        return out;
    }

    List<String> strings(String name) {
        JsonNode v = value(name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw error(name, "expected a list of text values");
        }
        for (JsonNode item : v) {
            if (!item.isValueNode()) {
                throw error(name, "expected a list of text values");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** Every key of this mapping with its scalar value as text (for free-form sections like params). */
    java.util.Map<String, String> scalars() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            java.util.Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().isValueNode()) {
                throw error(f.getKey(), "expected a single value");
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }
}
