package io.tickflow.engine.model;

import java.util.Locale;
import java.util.Objects;

/**
 * What bars to build: a type, its size and the price source, e.g. {@code 5m} (5-minute
 * bars of trade prints), {@code 1m@bid}, {@code 500t}, {@code 1000v}, {@code 8r},
 * {@code 4renko}, {@code ha:1m} (Heikin-Ashi over 1-minute bars). Immutable.
 *
 * <p>Spec syntax, as parsed by {@link #parse(String)} and printed by {@link #toString()}:
 * <pre>
 *   spec   := ["ha:"] count unit ["@" source]
 *   unit   := s | m | h | d   (time: seconds, minutes, hours, one day = one session)
 *           | t | v | r | renko   (tick count, volume, range in ticks, Renko brick in ticks)
 *   source := trade | bid | ask   (default trade)
 * </pre>
 *
 * @param type   the bar type
 * @param size   nanoseconds for TIME, prints for TICK, contracts for VOLUME, ticks for RANGE and RENKO;
 *               for HEIKIN_ASHI the base spec's size
 * @param source where prices come from
 * @param base   the smoothed series for HEIKIN_ASHI, otherwise null
 */
public record BarSpec(BarType type, long size, PriceSource source, BarSpec base) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    public BarSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        if (type == BarType.HEIKIN_ASHI) {
            Objects.requireNonNull(base, "Heikin-Ashi bars need a base spec");
            if (base.type == BarType.HEIKIN_ASHI) {
                throw new IllegalArgumentException("Heikin-Ashi of Heikin-Ashi bars is not supported");
            }
            if (source != base.source || size != base.size) {
                throw new IllegalArgumentException("Heikin-Ashi size and source are those of its base " + base);
            }
        } else if (base != null) {
            throw new IllegalArgumentException(type + " bars take no base spec");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("bar size must be positive, was " + size);
        }
        if (type == BarType.TIME) {
            if (size % NANOS_PER_SECOND != 0) {
                throw new IllegalArgumentException("time bars are whole seconds, was " + size + " ns");
            }
            if (size > NANOS_PER_DAY) {
                throw new IllegalArgumentException("time bars span at most one day (one session), was " + size + " ns");
            }
        }
    }

    public static BarSpec time(long seconds) {
        return new BarSpec(BarType.TIME, Math.multiplyExact(seconds, NANOS_PER_SECOND), PriceSource.TRADE, null);
    }

    public static BarSpec ticks(long prints) {
        return new BarSpec(BarType.TICK, prints, PriceSource.TRADE, null);
    }

    public static BarSpec volume(long contracts) {
        return new BarSpec(BarType.VOLUME, contracts, PriceSource.TRADE, null);
    }

    public static BarSpec range(long ticks) {
        return new BarSpec(BarType.RANGE, ticks, PriceSource.TRADE, null);
    }

    public static BarSpec renko(long brickTicks) {
        return new BarSpec(BarType.RENKO, brickTicks, PriceSource.TRADE, null);
    }

    public static BarSpec heikinAshi(BarSpec base) {
        Objects.requireNonNull(base, "base");
        return new BarSpec(BarType.HEIKIN_ASHI, base.size, base.source, base);
    }

    /** The same bars built from another price source. */
    public BarSpec withSource(PriceSource newSource) {
        if (type == BarType.HEIKIN_ASHI) {
            return heikinAshi(base.withSource(newSource));
        }
        return new BarSpec(type, size, newSource, null);
    }

    /** True for a TIME spec of exactly one day: one bar per trading session. */
    public boolean isSessionBar() {
        return type == BarType.TIME && size == NANOS_PER_DAY;
    }

    /**
     * Parses the spec syntax in the class comment.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static BarSpec parse(String text) {
        Objects.requireNonNull(text, "bar spec");
        try {
            return parseLenient(text.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(badSpec(text, "the count is not a usable number"), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(badSpec(text, e.getMessage()), e);
        }
    }

    private static BarSpec parseLenient(String text) {
        String s = text;
        if (s.startsWith("ha:")) {
            return heikinAshi(parseLenient(s.substring(3)));
        }
        PriceSource source = PriceSource.TRADE;
        int at = s.indexOf('@');
        if (at >= 0) {
            source = parseSource(s.substring(at + 1));
            s = s.substring(0, at);
        }
        int unitStart = 0;
        while (unitStart < s.length() && Character.isDigit(s.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("expected a count first");
        }
        long count = Long.parseLong(s.substring(0, unitStart));
        String unit = s.substring(unitStart);
        BarSpec spec;
        switch (unit) {
            case "s":
                spec = time(count);
                break;
            case "m":
                spec = time(Math.multiplyExact(count, 60L));
                break;
            case "h":
                spec = time(Math.multiplyExact(count, 3600L));
                break;
            case "d":
                spec = time(Math.multiplyExact(count, 86_400L));
                break;
            case "t":
                spec = ticks(count);
                break;
            case "v":
                spec = volume(count);
                break;
            case "r":
                spec = range(count);
                break;
            case "renko":
                spec = renko(count);
                break;
            default:
                throw new IllegalArgumentException("unknown unit '" + unit + "'");
        }
        return spec.withSource(source);
    }

    private static PriceSource parseSource(String label) {
        for (PriceSource source : PriceSource.values()) {
            if (source.label().equals(label)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown price source '" + label + "' (expected trade, bid or ask)");
    }

    private static String badSpec(String text, String why) {
        return "bad bar spec '" + text + "': " + why
                + " (expected e.g. 30s, 5m, 1h, 1d, 500t, 1000v, 8r, 4renko, ha:1m, 1m@bid)";
    }

    @Override
    public String toString() {
        String body;
        if (type == BarType.HEIKIN_ASHI) {
            return "ha:" + base;
        } else if (type == BarType.TIME) {
            long seconds = size / NANOS_PER_SECOND;
            if (seconds % 86_400 == 0) {
                body = seconds / 86_400 + "d";
            } else if (seconds % 3600 == 0) {
                body = seconds / 3600 + "h";
            } else if (seconds % 60 == 0) {
                body = seconds / 60 + "m";
            } else {
                body = seconds + "s";
            }
        } else {
            body = size + type.suffix();
        }
        return source == PriceSource.TRADE ? body : body + "@" + source.label();
    }
}
