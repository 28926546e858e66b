package io.tickflow.adapters.projectx.wire;

/**
 * The hub's timestamps ({@code 2025-07-18T21:00:01.268009+00:00}: a four-digit year, up to
 * nine fractional digits, {@code Z} or a {@code ±hh:mm} offset, or none for UTC) read from
 * characters into epoch nanoseconds without allocating — the hot-path counterpart of
 * {@link WireTime#parse}, accepting the same forms the quote stream uses. Stateless and
 * thread-safe.
 */
public final class WireInstant {
    /** The answer for a text that is not such a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long DAYS_0000_TO_1970 = 719_528L;

    private WireInstant() {
    }

    /** {@code text[from, to)} as epoch nanoseconds, or {@link #INVALID}. */
    public static long parse(CharSequence text, int from, int to) {
        if (to - from < 19 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-'
                || text.charAt(from + 10) != 'T' || text.charAt(from + 13) != ':' || text.charAt(from + 16) != ':') {
            return INVALID;
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        int hour = digits(text, from + 11, 2);
        int minute = digits(text, from + 14, 2);
        int second = digits(text, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int i = from + 19;
        long nanos = 0;
        if (i < to && text.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                if (i - start == 9) {
                    return INVALID;
                }
                nanos = nanos * 10 + (text.charAt(i++) - '0');
            }
            int n = i - start;
            if (n == 0) {
                return INVALID;
            }
            for (; n < 9; n++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (i < to) {
            char c = text.charAt(i);
            if (c == 'Z' && i + 1 == to) {
                i++;
            } else if ((c == '+' || c == '-') && to - i == 6 && text.charAt(i + 3) == ':') {
                int h = digits(text, i + 1, 2);
                int m = digits(text, i + 4, 2);
                if (h < 0 || h > 18 || m < 0 || m > 59) {
                    return INVALID;
                }
                offsetSeconds = (h * 3600 + m * 60) * (c == '-' ? -1 : 1);
                i = to;
            } else {
                return INVALID;
            }
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /** {@code n} decimal digits at {@code at}, or -1 if any is not a digit. */
    private static int digits(CharSequence text, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean leap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return leap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date with year ≥ 0 (as {@code LocalDate.toEpochDay}). */
    private static long epochDay(long year, long month, long day) {
        long total = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!leap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }
}
