package io.tickflow.engine.generator;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Parameters of the market-data generator. Immutable; {@link #defaults(long)} gives an
 * ES-like market (mid near 6000.00, quiet-to-busy activity) starting on a Sunday evening.
 *
 * @param seed                the only source of randomness: same seed, same stream
 * @param start               when the first session may open (the generator starts at the next session open at or after it)
 * @param sessions            sessions to generate, at least 1
 * @param startBidTicks       the first best bid, in ticks
 * @param quotesPerSecond     mean rate of book updates in calm markets; bursts run faster
 * @param tickVolatility      typical mid move per update in ticks (standard deviation in calm markets)
 * @param garchAlpha          weight of the last squared move in the next variance (clustering)
 * @param garchBeta           persistence of variance
 * @param tradeProbability    chance that an update is a trade print rather than a quote change
 * @param meanLevelSize       typical size at the best bid or ask, contracts
 * @param zone                the session time zone
 * @param sessionOpen         session open (wall clock in zone); sessions open Sunday to Thursday
 * @param sessionClose        session close the next day
 */
public record GeneratorConfig(long seed, Instant start, int sessions, long startBidTicks, double quotesPerSecond,
                              double tickVolatility, double garchAlpha, double garchBeta, double tradeProbability,
                              double meanLevelSize, ZoneId zone, LocalTime sessionOpen, LocalTime sessionClose) {
    public GeneratorConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sessionOpen, "sessionOpen");
        Objects.requireNonNull(sessionClose, "sessionClose");
        if (sessions < 1) {
            throw new IllegalArgumentException("generator sessions must be at least 1, was " + sessions);
        }
        if (startBidTicks < 1) {
            throw new IllegalArgumentException("generator startBidTicks must be positive, was " + startBidTicks);
        }
        requireRange("quotesPerSecond", quotesPerSecond, 0.001, 1e6);
        requireRange("tickVolatility", tickVolatility, 1e-6, 1e3);
        requireRange("garchAlpha", garchAlpha, 0, 1);
        requireRange("garchBeta", garchBeta, 0, 1);
        if (garchAlpha + garchBeta >= 1) {
            throw new IllegalArgumentException("generator garchAlpha + garchBeta must be below 1 (stationary variance), was "
                    + (garchAlpha + garchBeta));
        }
        requireRange("tradeProbability", tradeProbability, 0, 1);
        requireRange("meanLevelSize", meanLevelSize, 1, 1e6);
    }

    /**
     * ES-like defaults: bid 24000 ticks (6000.00 at 0.25), 20 updates a second, one session
     * opening Sunday 2025-11-23 17:00 America/Chicago, CME hours.
     */
    public static GeneratorConfig defaults(long seed) {
        return new GeneratorConfig(seed, Instant.parse("2025-11-23T23:00:00Z"), 1, 24_000, 20.0, 0.35, 0.08, 0.90,
                0.3, 20.0, ZoneId.of("America/Chicago"), LocalTime.of(17, 0), LocalTime.of(16, 0));
    }

    public GeneratorConfig withSessions(int count) {
        return new GeneratorConfig(seed, start, count, startBidTicks, quotesPerSecond, tickVolatility, garchAlpha,
                garchBeta, tradeProbability, meanLevelSize, zone, sessionOpen, sessionClose);
    }

    public GeneratorConfig withStart(Instant at) {
        return new GeneratorConfig(seed, at, sessions, startBidTicks, quotesPerSecond, tickVolatility, garchAlpha,
                garchBeta, tradeProbability, meanLevelSize, zone, sessionOpen, sessionClose);
    }

    public GeneratorConfig withStartBidTicks(long ticks) {
        return new GeneratorConfig(seed, start, sessions, ticks, quotesPerSecond, tickVolatility, garchAlpha,
                garchBeta, tradeProbability, meanLevelSize, zone, sessionOpen, sessionClose);
    }

    public GeneratorConfig withQuotesPerSecond(double rate) {
        return new GeneratorConfig(seed, start, sessions, startBidTicks, rate, tickVolatility, garchAlpha,
                garchBeta, tradeProbability, meanLevelSize, zone, sessionOpen, sessionClose);
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("generator " + name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
