package io.tickflow.adapters.projectx;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.tickflow.adapters.projectx.wire.WireDecimal;
import io.tickflow.adapters.projectx.wire.WireInstant;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.QuoteFields;
import io.tickflow.engine.ring.QuoteTranslator;

/**
 * Decodes the market hub's {@code GatewayQuote} payload into a {@link QuoteTranslator}, ready
 * to publish into a ring slot, without allocating: either from the payload's JSON text, read
 * character by character, or from the Gson tree the SignalR client already built (its number
 * leaves keep their original text, which is read the same way, so nothing is parsed twice).
 *
 * <p>What it takes: {@code bestBid}, {@code bestAsk}, {@code lastPrice} (decimals, exactly on
 * the contract's tick grid), {@code volume} (a whole number ≥ 0) and {@code timestamp}; every
 * field is optional (a quote is merged into the last one), {@code null} means absent, other
 * fields are skipped. A missing or unreadable timestamp is replaced by the receive time, as the
 * tree path did. A price that is a string, not a number ({@code NaN} included), off the grid,
 * negative or out of range, a broken payload, or a bad volume makes the whole quote
 * {@link #MALFORMED}: {@link #error()} says why, and the caller counts and drops it — nothing
 * is thrown.
 *
 * <p>Mutable and single-threaded: one decoder per producer thread (or under the caller's
 * lock). After {@link #DECODED} the accessors hold the decoded values until the next call.
 */
public final class QuoteDecoder {
    /** The quote carried at least one usable field; the translator holds it. */
    public static final int DECODED = 1;
    /** Well-formed, but no field the engine uses: nothing to publish. */
    public static final int EMPTY = 0;
    /** Unusable: count it and drop it; {@link #error()} says why. */
    public static final int MALFORMED = -1;

    private static final String BEST_BID = "bestBid";
    private static final String BEST_ASK = "bestAsk";
    private static final String LAST_PRICE = "lastPrice";
    private static final String VOLUME = "volume";
    private static final String TIMESTAMP = "timestamp";
    private static final String[] NAMES = {BEST_BID, BEST_ASK, LAST_PRICE, VOLUME, TIMESTAMP};
    private static final String OFF_GRID = "off grid";

    private final long[] tickUnscaled;
    private final int[] tickScale;
    private final boolean[] negativeAllowed;
    private final Contract[] contracts;
    private final WireDecimal decimal = new WireDecimal();
    private final CharArrayText copy = new CharArrayText(4096);

    private int contract;
    private int fields;
    private long bid;
    private long ask;
    private long last;
    private long volume;
    private long ts;
    private long received;
    /** Why the last decode failed (a phrase), or null; and which field (-1: the payload). */
    private String error;
    private int errorField;

    /** @param registry the engine's contracts; decoding is by their index */
    public QuoteDecoder(ContractRegistry registry) {
        int n = registry.size();
        tickUnscaled = new long[n];
        tickScale = new int[n];
        negativeAllowed = new boolean[n];
        contracts = new Contract[n];
        for (int i = 0; i < n; i++) {
            Contract c = registry.contract(i);
            contracts[i] = c;
            tickUnscaled[i] = c.tickSize().unscaledValue().longValueExact();
            tickScale[i] = c.tickSize().scale();
            negativeAllowed[i] = c.negativePricesAllowed();
        }
    }

    // ---- from text ----

    /**
     * Decodes the payload text (the quote object, as the hub sends it) for contract index
     * {@code contract} into {@code out}.
     *
     * @param tsReceived when the payload was received, epoch nanos (also the event time when the payload has none)
     * @return {@link #DECODED}, {@link #EMPTY} or {@link #MALFORMED}
     */
    public int decode(int contract, CharSequence text, long tsReceived, QuoteTranslator out) {
        begin(contract, tsReceived);
        CharSequence json = text;
        if (text instanceof String && text.length() <= copy.capacity()) {
            // one bulk copy, then plain array reads: cheaper than String.charAt's checks on every character
            copy.load((String) text);
            json = copy;
        }
        int n = json.length();
        int i = skipSpace(json, 0, n);
        if (i >= n || json.charAt(i) != '{') {
            return fail(-1, "is not a JSON object");
        }
        i = skipSpace(json, i + 1, n);
        if (i < n && json.charAt(i) == '}') {
            return finish(skipSpace(json, i + 1, n) == n, out);
        }
        while (i < n) {
            if (json.charAt(i) != '"') {
                return fail(-1, "has a field name that is not a string");
            }
            int keyStart = i + 1;
            int keyEnd = stringEnd(json, keyStart, n);
            if (keyEnd < 0) {
                return fail(-1, "has an unterminated field name");
            }
            i = skipSpace(json, keyEnd + 1, n);
            if (i >= n || json.charAt(i) != ':') {
                return fail(-1, "has a field without ':'");
            }
            i = skipSpace(json, i + 1, n);
            int field = field(json, keyStart, keyEnd);
            i = field < 0 ? skipValue(json, i, n) : value(field, json, i, n);
            if (i < 0) {
                return error != null ? MALFORMED : fail(-1, "is not valid JSON");
            }
            i = skipSpace(json, i, n);
            if (i < n && json.charAt(i) == ',') {
                i = skipSpace(json, i + 1, n);
                continue;
            }
            if (i < n && json.charAt(i) == '}') {
                return finish(skipSpace(json, i + 1, n) == n, out);
            }
            return fail(-1, "is not valid JSON");
        }
        return fail(-1, "is not valid JSON");
    }

    private int finish(boolean atEnd, QuoteTranslator out) {
        if (!atEnd) {
            return fail(-1, "has text after the object");
        }
        return publish(out);
    }

    /** Which of the five fields {@code json[from, to)} names, or -1. */
    private static int field(CharSequence json, int from, int to) {
        int len = to - from;
        if (len == 7) {
            if (matches(json, from, BEST_BID)) {
                return 0;
            }
            if (matches(json, from, BEST_ASK)) {
                return 1;
            }
        } else if (len == 9) {
            if (matches(json, from, LAST_PRICE)) {
                return 2;
            }
            if (matches(json, from, TIMESTAMP)) {
                return 4;
            }
        } else if (len == 6 && matches(json, from, VOLUME)) {
            return 3;
        }
        return -1;
    }

    private static boolean matches(CharSequence json, int from, String name) {
        for (int k = 0; k < name.length(); k++) {
            if (json.charAt(from + k) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the value of a known field at {@code i}; the index after it, or -1. */
    private int value(int field, CharSequence json, int i, int n) {
        if (i >= n) {
            return -1;
        }
        char c = json.charAt(i);
        if (c == 'n') {
            int end = literal(json, i, n, "null");
            if (end > 0) {
                clear(field);
            }
            return end;
        }
        if (c == '"') {
            int end = stringEnd(json, i + 1, n);
            if (end < 0) {
                return -1;
            }
            if (field == 4) {
                timestamp(json, i + 1, end);
                return end + 1;
            }
            fail(field, "is a string, not a number");
            return -1;
        }
        int end = i;
        while (end < n && numberChar(json.charAt(end))) {
            end++;
        }
        if (end == i) {
            fail(field, "is not a number");
            return -1;
        }
        if (field == 4) {
            ts = received;
            return end;
        }
        return number(field, json, i, end) ? end : -1;
    }

    private static boolean numberChar(char c) {
        // letters too, so that NaN or Infinity is read as one bad number rather than as broken JSON
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z');
    }

    // ---- from the SignalR client's Gson tree ----

    /**
     * Decodes the payload as the SignalR client hands it over (a Gson tree) for contract
     * index {@code contract} into {@code out}, reading each number leaf's own text.
     *
     * @return {@link #DECODED}, {@link #EMPTY} or {@link #MALFORMED}
     */
    public int decode(int contract, JsonElement quote, long tsReceived, QuoteTranslator out) {
        begin(contract, tsReceived);
        if (quote == null || !quote.isJsonObject()) {
            return fail(-1, "is not a JSON object");
        }
        JsonObject q = quote.getAsJsonObject();
        if (!element(0, q.get(BEST_BID)) || !element(1, q.get(BEST_ASK)) || !element(2, q.get(LAST_PRICE))
                || !element(3, q.get(VOLUME))) {
            return MALFORMED;
        }
        JsonElement t = q.get(TIMESTAMP);
        if (t != null && t.isJsonPrimitive() && t.getAsJsonPrimitive().isString()) {
            String text = t.getAsString();
            timestamp(text, 0, text.length());
        }
        return publish(out);
    }

    private boolean element(int field, JsonElement v) {
        if (v == null || v.isJsonNull()) {
            return true;
        }
        if (!v.isJsonPrimitive()) {
            fail(field, "is not a number");
            return false;
        }
        JsonPrimitive p = v.getAsJsonPrimitive();
        if (!p.isNumber()) {
            fail(field, p.isString() ? "is a string, not a number" : "is not a number");
            return false;
        }
        // a number leaf parsed by Gson keeps its text (LazilyParsedNumber): no conversion, no copy
        String text = p.getAsString();
        return number(field, text, 0, text.length());
    }

    // ---- shared ----

    private void begin(int c, long tsReceived) {
        contract = c;
        fields = 0;
        bid = PriceTicks.NONE;
        ask = PriceTicks.NONE;
        last = PriceTicks.NONE;
        volume = 0;
        ts = tsReceived;
        received = tsReceived;
        error = null;
        errorField = -1;
    }

    private boolean number(int field, CharSequence text, int from, int to) {
        if (!decimal.scan(text, from, to)) {
            fail(field, "is not a number a long holds exactly");
            return false;
        }
        if (field == 3) {
            long v = decimal.toNonNegativeLong();
            if (v == WireDecimal.INVALID) {
                fail(field, "is not a whole number >= 0");
                return false;
            }
            volume = v;
            fields |= QuoteFields.VOLUME;
            return true;
        }
        long t = decimal.toTicks(tickUnscaled[contract], tickScale[contract], negativeAllowed[contract]);
        if (t == WireDecimal.INVALID) {
            fail(field, OFF_GRID);
            return false;
        }
        if (field == 0) {
            bid = t;
            fields |= QuoteFields.BID;
        } else if (field == 1) {
            ask = t;
            fields |= QuoteFields.ASK;
        } else {
            last = t;
            fields |= QuoteFields.LAST;
        }
        return true;
    }

    private void clear(int field) {
        switch (field) {
            case 0:
                bid = PriceTicks.NONE;
                fields &= ~QuoteFields.BID;
                break;
            case 1:
                ask = PriceTicks.NONE;
                fields &= ~QuoteFields.ASK;
                break;
            case 2:
                last = PriceTicks.NONE;
                fields &= ~QuoteFields.LAST;
                break;
            case 3:
                volume = 0;
                fields &= ~QuoteFields.VOLUME;
                break;
            default:
                ts = received;
                break;
        }
    }

    private void timestamp(CharSequence text, int from, int to) {
        long t = WireInstant.parse(text, from, to);
        ts = t == WireInstant.INVALID ? received : t;
    }

    private int publish(QuoteTranslator out) {
        if (fields == 0) {
            return EMPTY;
        }
        out.set(contract, ts, received, fields, bid, 0, ask, 0, last, 0, volume);
        return DECODED;
    }

    private int fail(int field, String why) {
        errorField = field;
        error = why;
        return MALFORMED;
    }

    /** Why the last decode answered {@link #MALFORMED}, or null. Allocates: for the drop's log line. */
    public String error() {
        if (error == null) {
            return null;
        }
        String why = error == OFF_GRID
                ? "is off the tick grid of " + contracts[contract].tickSize().toPlainString() + ", negative or beyond range"
                : error;
        return errorField < 0 ? "the payload " + why : "'" + NAMES[errorField] + "' " + why;
    }

    // ---- JSON skipping (fields the engine does not use) ----

    private static int skipSpace(CharSequence json, int i, int n) {
        while (i < n) {
            char c = json.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The index of the closing quote of a string whose content starts at {@code i}, or -1. */
    private static int stringEnd(CharSequence json, int i, int n) {
        while (i < n) {
            char c = json.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                i++;
            } else if (c < 0x20) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static int literal(CharSequence json, int i, int n, String word) {
        if (i + word.length() > n || !matches(json, i, word)) {
            return -1;
        }
        return i + word.length();
    }

    /** Skips any JSON value at {@code i}; the index after it, or -1 if it is not one. */
    private static int skipValue(CharSequence json, int i, int n) {
        if (i >= n) {
            return -1;
        }
        char c = json.charAt(i);
        switch (c) {
            case '"': {
                int end = stringEnd(json, i + 1, n);
                return end < 0 ? -1 : end + 1;
            }
            case '{':
            case '[':
                return skipContainer(json, i, n);
            case 't':
                return literal(json, i, n, "true");
            case 'f':
                return literal(json, i, n, "false");
            case 'n':
                return literal(json, i, n, "null");
            default: {
                int end = i;
                while (end < n && numberChar(json.charAt(end))) {
                    end++;
                }
                return end == i ? -1 : end;
            }
        }
    }

    /** Skips a nested object or array by bracket depth, minding strings; -1 if it never closes. */
    private static int skipContainer(CharSequence json, int i, int n) {
        int depth = 0;
        while (i < n) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = stringEnd(json, i + 1, n);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    /** A reusable char buffer seen as text; holds one payload at a time. */
    private static final class CharArrayText implements CharSequence {
        private final char[] chars;
        private int length;

        CharArrayText(int capacity) {
            chars = new char[capacity];
        }

        int capacity() {
            return chars.length;
        }

        void load(String s) {
            length = s.length();
            s.getChars(0, length, chars, 0);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    // ---- the last decoded quote ----

    /** {@link QuoteFields} flags of the last decoded quote. */
    public int fields() {
        return fields;
    }

    public long bidTicks() {
        return bid;
    }

    public long askTicks() {
        return ask;
    }

    public long lastTicks() {
        return last;
    }

    public long volume() {
        return volume;
    }

    /** The quote's event time, epoch nanos (the receive time when the payload had none). */
    public long tsEvent() {
        return ts;
    }
}
