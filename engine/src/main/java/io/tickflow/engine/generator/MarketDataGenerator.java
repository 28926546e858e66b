package io.tickflow.engine.generator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import io.tickflow.engine.model.Side;

/**
 * A seeded, deterministic generator of realistic L1 quotes and trade prints for one
 * contract, so tests, the demo run and benchmarks work on a machine with no market data.
 *
 * <p><b>Model.</b> The best bid moves on the tick grid by rounded Gaussian steps whose variance
 * follows a GARCH(1,1) process, so calm and busy spells cluster as in real markets; updates
 * arrive as a Poisson process that speeds up when volatility is high. The spread is one tick
 * most of the time and two or three in volatile spells. Sizes at the touch are log-normal
 * around {@code meanLevelSize}. A share of updates are trade prints at the bid (seller
 * aggressor) or the ask (buyer aggressor), with heavy-tailed sizes (mostly 1–5 lots,
 * occasionally 50 or more); a print takes size off the level it hits, and one that empties
 * the level moves the book a tick, followed by the new quote. Sessions follow the exchange's
 * hours (by default CME: 17:00–16:00 America/Chicago, opening Sunday to Thursday), with a
 * small gap at each open and nothing between sessions.
 *
 * <p><b>Guarantees.</b> The same {@link GeneratorConfig} gives the same stream on every JVM
 * (SplitMix64 and StrictMath only); timestamps never decrease and stay inside sessions;
 * {@code 0 < bid < ask}; sizes are at least 1.
 *
 * <p>Single-threaded. {@link #next} allocates nothing, except a few {@code java.time}
 * objects once per session.
 */
public final class MarketDataGenerator {
    private static final double NANOS_PER_SECOND = 1e9;

    private final GeneratorConfig config;
    private final SplitMix64 random;
    private final double baseVariance;
    private final double omega;

    private LocalDate nextOpenDate;
    private int sessionsStarted;
    private boolean inSession;
    private boolean done;
    private boolean pendingQuote;
    private long sessionClose;
    private long ts;
    private long bid;
    private long spread = 1;
    private long bidSize;
    private long askSize;
    private double variance;
    private int lastMove;

    public MarketDataGenerator(GeneratorConfig config) {
        this.config = config;
        this.random = new SplitMix64(config.seed());
        this.baseVariance = config.tickVolatility() * config.tickVolatility();
        this.omega = baseVariance * (1 - config.garchAlpha() - config.garchBeta());
        this.variance = baseVariance;
        this.bid = config.startBidTicks();
        ZonedDateTime start = config.start().atZone(config.zone());
        LocalDate date = start.toLocalDate();
        if (start.toLocalTime().isAfter(config.sessionOpen())) {
            date = date.plusDays(1);
        }
        this.nextOpenDate = tradingOpenOnOrAfter(date);
    }

    public GeneratorConfig config() {
        return config;
    }

    /**
     * Emits the next market event (one quote or one trade print) to {@code sink}, preceded by
     * {@link MarketDataSink#onSessionOpen} at a session's start; a session's end is reported on
     * its own through {@link MarketDataSink#onSessionClose}.
     *
     * @return false once every configured session has been generated (nothing was emitted)
     */
    public boolean next(MarketDataSink sink) {
        if (done) {
            return false;
        }
        if (!inSession) {
            openSession(sink);
            return true;
        }
        if (pendingQuote) {
            pendingQuote = false;
            sink.onQuote(ts, bid, bidSize, bid + spread, askSize);
            return true;
        }
        double volRatio = Math.min(6.0, Math.max(0.5, StrictMath.sqrt(variance / baseVariance)));
        ts += (long) random.nextExponential(NANOS_PER_SECOND / (config.quotesPerSecond() * volRatio));
        if (ts >= sessionClose) {
            inSession = false;
            done = sessionsStarted >= config.sessions();
            sink.onSessionClose(sessionClose);
            return true;
        }
        if (random.nextDouble() < config.tradeProbability()) {
            trade(sink);
        } else {
            moveBook(volRatio);
            sink.onQuote(ts, bid, bidSize, bid + spread, askSize);
        }
        return true;
    }

    private void openSession(MarketDataSink sink) {
        long open = nanos(ZonedDateTime.of(nextOpenDate, config.sessionOpen(), config.zone()).toInstant());
        LocalDate closeDate = config.sessionClose().isAfter(config.sessionOpen()) ? nextOpenDate : nextOpenDate.plusDays(1);
        sessionClose = nanos(ZonedDateTime.of(closeDate, config.sessionClose(), config.zone()).toInstant());
        nextOpenDate = tradingOpenOnOrAfter(nextOpenDate.plusDays(1));
        sessionsStarted++;
        inSession = true;
        ts = Math.max(ts, open);
        if (sessionsStarted > 1) {
            bid = Math.max(1, bid + Math.round(random.nextGaussian() * 8 * config.tickVolatility()));
        }
        variance = 2 * baseVariance;
        spread = 1;
        bidSize = levelSize();
        askSize = levelSize();
        sink.onSessionOpen(open);
        sink.onQuote(ts, bid, bidSize, bid + spread, askSize);
    }

    private void trade(MarketDataSink sink) {
        boolean buyerAggressor = random.nextDouble() < 0.5 + 0.1 * lastMove;
        long size = tradeSize();
        if (buyerAggressor) {
            long price = bid + spread;
            sink.onTrade(ts, price, size, Side.BUY);
            askSize -= size;
            if (askSize <= 0) {
                bid += 1;
                lastMove = 1;
                bidSize = levelSize();
                askSize = levelSize();
            }
        } else {
            sink.onTrade(ts, bid, size, Side.SELL);
            bidSize -= size;
            if (bidSize <= 0) {
                bid = Math.max(1, bid - 1);
                lastMove = -1;
                bidSize = levelSize();
                askSize = levelSize();
            }
        }
        pendingQuote = true;
    }

    private void moveBook(double volRatio) {
        double step = StrictMath.sqrt(variance) * random.nextGaussian();
        variance = omega + config.garchAlpha() * step * step + config.garchBeta() * variance;
        long move = Math.round(step);
        long newBid = Math.max(1, bid + move);
        double u = random.nextDouble();
        long newSpread = u < (volRatio > 2 ? 0.6 : 0.92) ? 1 : (u < 0.98 ? 2 : 3);
        if (newBid != bid || newSpread != spread) {
            lastMove = Long.signum(newBid - bid);
            bid = newBid;
            spread = newSpread;
            bidSize = levelSize();
            askSize = levelSize();
        } else if (random.nextDouble() < 0.5) {
            bidSize = Math.max(1, bidSize + sizeChange());
        } else {
            askSize = Math.max(1, askSize + sizeChange());
        }
    }

    /** Log-normal around the configured mean, at least 1. */
    private long levelSize() {
        double factor = StrictMath.exp(0.8 * random.nextGaussian() - 0.32);
        return Math.max(1, Math.round(config.meanLevelSize() * factor));
    }

    private long sizeChange() {
        return Math.round(random.nextGaussian() * config.meanLevelSize() * 0.2);
    }

    /** Pareto-tailed: P(size >= k) = k^-1.6, capped at 500. */
    private long tradeSize() {
        double u = random.nextOpenDouble();
        // exp(-ln(u) / 1.6) rather than StrictMath.pow, whose JDK 17 code allocates on every call
        return Math.min(500, (long) StrictMath.exp(-StrictMath.log(u) / 1.6));
    }

    private static LocalDate tradingOpenOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.FRIDAY || d.getDayOfWeek() == DayOfWeek.SATURDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
