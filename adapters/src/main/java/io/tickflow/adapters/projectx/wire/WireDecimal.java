package io.tickflow.adapters.projectx.wire;

import io.tickflow.engine.model.Contract;

/**
 * An exact decimal read from the characters of a JSON number ({@code 6800.25},
 * {@code 2208.100000000}, {@code -3}, {@code 1.5E3}) into a mantissa and a power of ten, then
 * converted to ticks or to a whole number without rounding. The hot-path counterpart of
 * {@code new BigDecimal(text)}: nothing is allocated and nothing is thrown; a text that is not
 * a JSON number (including {@code NaN} and {@code Infinity}), has more than 18 significant
 * digits, or a value that is off the tick grid or out of range answers {@link #INVALID}.
 *
 * <p>Mutable scratch space: one instance per thread (a decoder owns one).
 */
public final class WireDecimal {
    /** The answer for a text or value the engine cannot use; never a valid tick count or size. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final int MAX_DIGITS = 18;
    private static final long[] POW10 = new long[MAX_DIGITS + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private long mantissa;
    private int exponent;
    private boolean negative;
    private int significant;

    /**
     * Reads {@code text[from, to)} as a JSON number.
     *
     * @return false if it is not one, or has more significant digits than a long holds exactly
     */
    public boolean scan(CharSequence text, int from, int to) {
        mantissa = 0;
        exponent = 0;
        significant = 0;
        negative = false;
        int i = from;
        if (i < to && text.charAt(i) == '-') {
            negative = true;
            i++;
        }
        int integerStart = i;
        int pendingZeros = 0;
        while (i < to && isDigit(text.charAt(i))) {
            char c = text.charAt(i++);
            if (c == '0') {
                pendingZeros += mantissa == 0 ? 0 : 1;
            } else if (!append(c - '0', pendingZeros)) {
                return false;
            } else {
                pendingZeros = 0;
            }
        }
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || (integerDigits > 1 && text.charAt(integerStart) == '0')) {
            return false;
        }
        if (i < to && text.charAt(i) == '.') {
            i++;
            int fractionStart = i;
            while (i < to && isDigit(text.charAt(i))) {
                char c = text.charAt(i++);
                exponent--;
                if (c == '0') {
                    pendingZeros++;
                } else if (!append(c - '0', pendingZeros)) {
                    return false;
                } else {
                    pendingZeros = 0;
                }
            }
            if (i == fractionStart) {
                return false;
            }
            // trailing zeros of the fraction are not significant: 2208.100000000 is 22081 × 10^-1
            exponent += pendingZeros;
            pendingZeros = 0;
        }
        exponent += pendingZeros;
        if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            int exponentStart = i;
            int e = 0;
            while (i < to && isDigit(text.charAt(i))) {
                e = Math.min(e * 10 + (text.charAt(i++) - '0'), 10_000);
            }
            if (i == exponentStart) {
                return false;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (mantissa == 0) {
            exponent = 0;
        }
        return i == to;
    }

    /** Appends a nonzero digit after {@code zeros} zero digits; false when a long cannot hold it. */
    private boolean append(int digit, int zeros) {
        int needed = significant == 0 ? 1 : zeros + 1;
        if (significant + needed > MAX_DIGITS) {
            return false;
        }
        mantissa = mantissa * POW10[needed] + digit;
        significant += needed;
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The scanned value in ticks of a tick size {@code tickUnscaled × 10^-tickScale} (ES: 25,
     * 2), exactly.
     *
     * @return the ticks, or {@link #INVALID} when the value is off the tick grid, negative and
     *         {@code negativeAllowed} is false, or beyond {@link Contract#MAX_PRICE_TICKS}
     */
    public long toTicks(long tickUnscaled, int tickScale, boolean negativeAllowed) {
        if (mantissa == 0) {
            return 0;
        }
        if (negative && !negativeAllowed) {
            return INVALID;
        }
        long ticks;
        long k = (long) exponent + tickScale;
        if (k >= 0) {
            if (k > MAX_DIGITS || mantissa > Long.MAX_VALUE / POW10[(int) k]) {
                return INVALID;
            }
            long value = mantissa * POW10[(int) k];
            if (value % tickUnscaled != 0) {
                return INVALID;
            }
            ticks = value / tickUnscaled;
        } else {
            if (-k > MAX_DIGITS || tickUnscaled > Long.MAX_VALUE / POW10[(int) -k]) {
                return INVALID;
            }
            long unit = tickUnscaled * POW10[(int) -k];
            if (mantissa % unit != 0) {
                return INVALID;
            }
            ticks = mantissa / unit;
        }
        if (ticks > Contract.MAX_PRICE_TICKS) {
            return INVALID;
        }
        return negative ? -ticks : ticks;
    }

    /** The scanned value as a whole number ≥ 0 (a size, a volume), or {@link #INVALID} if it has a fraction, is negative or too large. */
    public long toNonNegativeLong() {
        if (mantissa == 0) {
            return 0;
        }
        if (negative) {
            return INVALID;
        }
        if (exponent >= 0) {
            if (exponent > MAX_DIGITS || mantissa > Long.MAX_VALUE / POW10[exponent]) {
                return INVALID;
            }
            return mantissa * POW10[exponent];
        }
        if (-exponent > MAX_DIGITS || mantissa % POW10[-exponent] != 0) {
            return INVALID;
        }
        return mantissa / POW10[-exponent];
    }
}
