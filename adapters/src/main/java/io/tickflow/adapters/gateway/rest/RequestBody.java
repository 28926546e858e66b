package io.tickflow.adapters.gateway.rest;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.projectx.wire.WireTime;

/**
 * A request's JSON body with typed field access that binds as the service does: absent or
 * null optional fields are null, and a value of the wrong type is a {@link BadRequest} naming
 * the field (as an HTTP 400). Field names are exact; unknown fields are ignored.
 */
final class RequestBody {
    private final JsonNode root;
    /** The path of this object in the body: empty at the top. */
    private final String prefix;

    RequestBody(JsonNode root) {
        this(root, "");
        if (root != null && !root.isNull() && !root.isObject()) {
            throw new BadRequest("$", "The request body must be a JSON object.");
        }
    }

    private RequestBody(JsonNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    private JsonNode node(String field) {
        JsonNode n = root == null ? null : root.get(field);
        return n == null || n.isNull() ? null : n;
    }

    /** A nested object, or null when absent; its fields' errors name the path ({@code stopLossBracket.ticks}). */
    RequestBody optionalObject(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            throw new BadRequest(prefix + field, "The JSON value of '" + prefix + field + "' must be an object.");
        }
        return new RequestBody(n, prefix + field + ".");
    }

    /** Whether the field is present and not null. */
    boolean has(String field) {
        return node(field) != null;
    }

    Long optionalLong(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new BadRequest(prefix + field, "The JSON value of '" + prefix + field + "' could not be converted to an integer.");
        }
        return n.longValue();
    }

    long requiredLong(String field) {
        Long v = optionalLong(field);
        if (v == null) {
            throw new BadRequest(prefix + field, "The " + prefix + field + " field is required.");
        }
        return v;
    }

    int requiredInt(String field) {
        long v = requiredLong(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new BadRequest(prefix + field, "The JSON value of '" + prefix + field + "' is outside the range of a 32-bit integer.");
        }
        return (int) v;
    }

    Integer optionalInt(String field) {
        return optionalLong(field) == null ? null : requiredInt(field);
    }

    String optionalString(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadRequest(prefix + field, "The JSON value of '" + prefix + field + "' could not be converted to a string.");
        }
        return n.textValue();
    }

    String requiredString(String field) {
        String v = optionalString(field);
        if (v == null || v.isEmpty()) {
            throw new BadRequest(prefix + field, "The " + prefix + field + " field is required.");
        }
        return v;
    }

    boolean optionalBoolean(String field, boolean absent) {
        JsonNode n = node(field);
        if (n == null) {
            return absent;
        }
        if (!n.isBoolean()) {
            throw new BadRequest(prefix + field, "The JSON value of '" + prefix + field + "' could not be converted to a boolean.");
        }
        return n.booleanValue();
    }

    BigDecimal optionalDecimal(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            throw new BadRequest(prefix + field, "The JSON value of '" + prefix + field + "' could not be converted to a decimal.");
        }
        return n.decimalValue();
    }

    /** A timestamp field as epoch nanoseconds, or {@code absent} when missing. */
    long optionalTimestamp(String field, long absent) {
        String text = optionalString(field);
        if (text == null) {
            return absent;
        }
        try {
            return WireTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(prefix + field, "The JSON value of '" + prefix + field + "' could not be converted to a DateTime.");
        }
    }

    long requiredTimestamp(String field) {
        if (optionalString(field) == null) {
            throw new BadRequest(prefix + field, "The " + prefix + field + " field is required.");
        }
        return optionalTimestamp(field, 0);
    }
}
