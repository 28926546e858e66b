package io.tickflow.engine.model;

import java.util.Locale;

/** Formats money held as {@code long} cents, for people and for files. */
public final class Money {
    private Money() {
    }

    /** For people: {@code $4,012.50}, {@code -$0.05}. */
    public static String dollars(long cents) {
        return String.format(Locale.ROOT, "%s$%,d.%02d", cents < 0 ? "-" : "", Math.abs(cents) / 100,
                Math.abs(cents) % 100);
    }

    /** For CSV and JSON: {@code 4012.50}, {@code -0.05}. */
    public static String decimal(long cents) {
        return String.format(Locale.ROOT, "%s%d.%02d", cents < 0 ? "-" : "", Math.abs(cents) / 100,
                Math.abs(cents) % 100);
    }
}
