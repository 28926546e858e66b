package io.tickflow.adapters.projectx.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamps as the gateway writes them (UTC, offset form, 7 fractional digits) and reads them (ISO-8601). */
public final class WireTime {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private WireTime() {
    }

    /** Epoch nanoseconds as {@code 2025-07-18T21:00:01.2680090+00:00}. */
    public static String format(long epochNanos) {
        Instant at = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
        return OUT.format(at.atOffset(ZoneOffset.UTC));
    }

    /**
     * A request timestamp ({@code 2024-12-01T00:00:00Z}, with or without an offset or
     * fraction) as epoch nanoseconds.
     *
     * @throws IllegalArgumentException naming the text when it is not an ISO-8601 instant
     */
    public static long parse(String text) {
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return at.getEpochSecond() * 1_000_000_000L + at.getNano();
        } catch (DateTimeParseException e) {
            try {
                Instant at = java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                return at.getEpochSecond() * 1_000_000_000L + at.getNano();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 timestamp");
            }
        }
    }
}
