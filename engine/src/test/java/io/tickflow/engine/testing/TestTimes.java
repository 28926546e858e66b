package io.tickflow.engine.testing;

import java.time.Instant;

/** ISO-8601 instants to and from epoch nanoseconds, for readable test data. */
public final class TestTimes {
    private TestTimes() {
    }

    public static long at(String isoInstant) {
        Instant i = Instant.parse(isoInstant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    public static String text(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).toString();
    }
}
