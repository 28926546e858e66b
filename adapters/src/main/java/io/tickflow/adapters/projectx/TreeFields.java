package io.tickflow.adapters.projectx;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.tickflow.adapters.projectx.wire.WireDecimal;
import io.tickflow.adapters.projectx.wire.WireInstant;
import io.tickflow.adapters.projectx.wire.WireTime;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;

/**
 * Reads the fields of a market-hub payload (trade prints, depth levels) from the Gson tree the
 * SignalR client built: a number leaf keeps the text it had on the wire, which is scanned
 * exactly (no double, no BigDecimal), so nothing is serialized and parsed again and nothing is
 * allocated unless a field is bad. A bad field is an {@link IllegalArgumentException} naming it.
 *
 * <p>Mutable (a scratch decimal): one per producer thread, or used under the caller's lock.
 */
final class TreeFields {
    private final long[] tickUnscaled;
    private final int[] tickScale;
    private final boolean[] negativeAllowed;
    private final WireDecimal decimal = new WireDecimal();

    TreeFields(ContractRegistry registry) {
        int n = registry.size();
        tickUnscaled = new long[n];
        tickScale = new int[n];
        negativeAllowed = new boolean[n];
        for (int i = 0; i < n; i++) {
            Contract c = registry.contract(i);
            tickUnscaled[i] = c.tickSize().unscaledValue().longValueExact();
            tickScale[i] = c.tickSize().scale();
            negativeAllowed[i] = c.negativePricesAllowed();
        }
    }

    /** How many elements an array payload has, or 1 for the one object the docs show instead. */
    static int count(JsonElement payload) {
        return payload.isJsonArray() ? payload.getAsJsonArray().size() : 1;
    }

    /** Element {@code i} of an array payload, or the one object. */
    static JsonElement at(JsonElement payload, int i) {
        return payload.isJsonArray() ? payload.getAsJsonArray().get(i) : payload;
    }

    static JsonObject object(JsonElement e) {
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("expected an object, found " + e);
        }
        return e.getAsJsonObject();
    }

    /** A required price of contract index {@code c}, in ticks, exactly on its grid. */
    long ticks(int c, JsonObject o, String field) {
        scan(o, field);
        long t = decimal.toTicks(tickUnscaled[c], tickScale[c], negativeAllowed[c]);
        if (t == WireDecimal.INVALID) {
            throw new IllegalArgumentException("'" + field + "' " + o.get(field) + " is off the tick grid, "
                    + "negative or out of range");
        }
        return t;
    }

    /** A required whole number within {@code [min, max]}: a size no market has is an error, not a value. */
    long size(JsonObject o, String field, long min, long max) {
        scan(o, field);
        long v = decimal.toNonNegativeLong();
        if (v == WireDecimal.INVALID || v < min || v > max) {
            throw new IllegalArgumentException("'" + field + "' " + o.get(field) + " is not a whole number in "
                    + min + ".." + max);
        }
        return v;
    }

    /** An optional small whole number (an enum code), or -1 when absent or not one. */
    long code(JsonObject o, String field) {
        JsonElement v = o.get(field);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            return -1;
        }
        String text = v.getAsString();
        if (!decimal.scan(text, 0, text.length())) {
            return -1;
        }
        long code = decimal.toNonNegativeLong();
        return code == WireDecimal.INVALID || code > Integer.MAX_VALUE ? -1 : code;
    }

    /** A timestamp field as epoch nanoseconds, or {@code otherwise} when it is absent or unreadable. */
    static long time(JsonObject o, String field, long otherwise) {
        JsonElement v = o.get(field);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            return otherwise;
        }
        String text = v.getAsString();
        long t = WireInstant.parse(text, 0, text.length());
        if (t != WireInstant.INVALID) {
            return t;
        }
        try {
            return WireTime.parse(text);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    private void scan(JsonObject o, String field) {
        JsonElement v = o.get(field);
        if (v == null || v.isJsonNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        if (!v.isJsonPrimitive() || !((JsonPrimitive) v).isNumber()) {
            throw new IllegalArgumentException("'" + field + "' is not a number");
        }
        // a number leaf parsed by Gson keeps its text (LazilyParsedNumber)
        String text = v.getAsString();
        if (!decimal.scan(text, 0, text.length())) {
            throw new IllegalArgumentException("'" + field + "' " + text + " is not a number a long holds exactly");
        }
    }
}
