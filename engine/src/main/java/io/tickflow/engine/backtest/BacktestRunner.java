package io.tickflow.engine.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TimerTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.risk.RiskBreach;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Runs strategies over recorded or generated market data: the replay publishes every event
 * through the same ring, strategies, risk gate and router as a live run, with an event-time
 * clock and the {@link io.tickflow.engine.sim.SimulatedExchange} as the gateway. Time passes
 * for timers and time bars at every mark interval even when a contract is quiet. The same
 * replay, strategies and settings always give the same result.
 */
public final class BacktestRunner {
    /**
     * @param fillModel            how the simulated exchange fills
     * @param commissions          commission and fees per contract per side
     * @param risk                 limits for every account not in {@code riskByAccount}
     * @param riskByAccount        limits of particular accounts
     * @param startingBalanceCents the account value drawdown fractions and returns are measured on
     * @param markIntervalNanos    how often open positions are marked for the equity curve
     * @param sessions             the session calendar whose trade dates make the daily returns (CME by default:
     *                             a session from 17:00 Chicago time belongs to the next day); copied before
     *                             use, since a calendar caches the session it last located
     */
    public record Settings(FillModel fillModel, CommissionSchedule commissions, RiskLimits risk,
                           Map<Long, RiskLimits> riskByAccount, long startingBalanceCents, long markIntervalNanos,
                           SessionCalendar sessions) {
        public Settings {
            riskByAccount = Map.copyOf(riskByAccount);
            Objects.requireNonNull(fillModel, "fillModel");
            Objects.requireNonNull(commissions, "commissions");
            Objects.requireNonNull(risk, "risk");
            Objects.requireNonNull(sessions, "sessions");
            if (startingBalanceCents <= 0) {
                throw new IllegalArgumentException("starting balance must be positive, was " + startingBalanceCents);
            }
            if (markIntervalNanos <= 0) {
                throw new IllegalArgumentException("mark interval must be positive, was " + markIntervalNanos);
            }
        }

        /** Conservative fills, no commissions, no limits, $50,000, marks every minute, CME trade dates. */
        public static Settings defaults() {
            return new Settings(FillModel.conservative(), CommissionSchedule.none(), RiskLimits.none(), Map.of(), 5_000_000,
                    60_000_000_000L, SessionCalendar.cme());
        }

        public Settings withCommissions(CommissionSchedule schedule) {
            return new Settings(fillModel, schedule, risk, riskByAccount, startingBalanceCents, markIntervalNanos,
                    sessions);
        }

        /** The same limits for every account. */
        public Settings withRisk(RiskLimits limits) {
            return withRisk(limits, Map.of());
        }

        /** {@code byAccount}'s limits for its accounts, {@code defaults} for the rest. */
        public Settings withRisk(RiskLimits defaults, Map<Long, RiskLimits> byAccount) {
            return new Settings(fillModel, commissions, defaults, byAccount, startingBalanceCents, markIntervalNanos,
                    sessions);
        }

        public Settings withFillModel(FillModel model) {
            return new Settings(model, commissions, risk, riskByAccount, startingBalanceCents, markIntervalNanos,
                    sessions);
        }

        /** The session calendar (its early closes too) the engine trades and the statistics count days by. */
        public Settings withSessions(SessionCalendar calendar) {
            return new Settings(fillModel, commissions, risk, riskByAccount, startingBalanceCents, markIntervalNanos,
                    calendar);
        }
    }

    /** The engine runs inline, so its ring carries nothing: the smallest one, not 64k slots to allocate per run. */
    private static final int INLINE_RING_SIZE = 64;

    private final Settings settings;

    public BacktestRunner(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public BacktestResult run(List<Contract> contracts, List<StrategySpec> strategies, MarketReplay replay) {
        FillRecorder recorder = new FillRecorder(contracts, settings.commissions());
        Engine.Builder builder = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true).withRingSize(INLINE_RING_SIZE))
                .simulatedExchange(settings.fillModel())
                .commissions(settings.commissions())
                .risk(settings.risk(), settings.riskByAccount())
                .calendar(settings.sessions().copy())
                .listener(recorder)
                .startFailuresReportedByCaller(true); // thrown below, with the first as the cause
        contracts.forEach(builder::contract);
        strategies.forEach(builder::strategy);
        Engine engine = builder.build();
        // inline: this thread is the engine thread, so no ring handoff per event; the events and
        // their order are those the ring would carry, so the result is the same
        engine.startInline();
        if (!engine.startFailures().isEmpty()) {
            engine.stopInline();
            throw new IllegalArgumentException(String.join("; ", engine.startFailures()), engine.firstStartFailure());
        }
        Publisher publisher = new Publisher(engine::processInline, contracts.size(), settings.markIntervalNanos());
        try {
            replay.replay(publisher);
        } finally {
            engine.stopInline();
        }
        publisher.markLastPrices();
        int working = 0;
        for (int c = 0; c < contracts.size(); c++) {
            working += engine.simulatedExchange().restingOrders(c);
        }
        List<Long> accounts = strategies.stream().map(StrategySpec::accountId).distinct().sorted().toList();
        return summarize(engine.contracts(), recorder.fills(), publisher.marks, recorder.breaches(), settings,
                engine.stats().snapshot().processed(), FinalPosition.of(engine.positions(), accounts,
                        publisher.lastPrice), working);
    }

    /**
     * The results of a run — a backtest's, or a live or paper session's — from its fills and
     * its price marks ({ts, contract, price}, in time order): round trips, the equity curve
     * (marked at each mark), statistics and the breaches.
     */
    public static BacktestResult summarize(ContractRegistry contracts, List<FillRecord> fills, List<long[]> marks,
                                           List<RiskBreach> breaches, Settings settings, long events,
                                           List<FinalPosition> positions, int workingOrders) {
        TradeLedger ledger = new TradeLedger(contracts);
        List<FillRecord> ordered = new ArrayList<>(fills);
        int f = 0;
        for (long[] mark : marks) {
            while (f < ordered.size() && ordered.get(f).tsEvent() <= mark[0]) {
                ledger.fill(ordered.get(f++));
            }
            ledger.mark(mark[0], (int) mark[1], mark[2]);
        }
        while (f < ordered.size()) {
            ledger.fill(ordered.get(f++));
        }
        long finalEquity = ledger.equity();
        PerformanceStats stats = PerformanceStats.of(ledger.trips(), ledger.curve(), finalEquity,
                ledger.commissionCents(), settings.startingBalanceCents(), settings.sessions());
        List<PriceMark> prices = new ArrayList<>(marks.size());
        for (long[] mark : marks) {
            prices.add(new PriceMark(mark[0], (int) mark[1], mark[2]));
        }
        return new BacktestResult(contracts, ordered, ledger.trips(), ledger.curve(), stats, new ArrayList<>(breaches),
                settings.startingBalanceCents(), events, prices, positions, workingOrders);
    }

    /** Publishes the replay into the ring, samples marks, and lets time pass at each mark. Replay thread only. */
    private static final class Publisher implements ReplayTarget {
        private final Consumer<EventTranslator<InboundEvent>> ring;
        private final long interval;
        private final long[] nextMark;
        private final long[] lastPrice;
        private final long[] lastTs;
        private final QuoteTranslator quote = new QuoteTranslator();
        private final TradeTranslator trade = new TradeTranslator();
        private final TimerTranslator timer = new TimerTranslator();
        /** {ts, contract, price} in time order. */
        final List<long[]> marks = new ArrayList<>();

        Publisher(Consumer<EventTranslator<InboundEvent>> ring, int contracts, long interval) {
            this.ring = ring;
            this.interval = interval;
            this.nextMark = new long[contracts];
            this.lastPrice = new long[contracts];
            this.lastTs = new long[contracts];
            java.util.Arrays.fill(nextMark, Long.MIN_VALUE);
            java.util.Arrays.fill(lastPrice, PriceTicks.NONE);
        }

        @Override
        public void quote(int contract, long ts, long bid, long bidSize, long ask, long askSize) {
            ring.accept(quote.topOfBook(contract, ts, ts, bid, bidSize, ask, askSize));
            sample(contract, ts, Math.floorDiv(bid + ask, 2));
        }

        @Override
        public void trade(int contract, long ts, long price, long size, Side aggressor) {
            ring.accept(trade.set(contract, ts, ts, price, size, aggressor));
            sample(contract, ts, price);
        }

        /** Marks every contract once more at its last price and time, so the curve ends where the data does. */
        void markLastPrices() {
            for (int c = 0; c < lastPrice.length; c++) {
                if (lastPrice[c] != PriceTicks.NONE) {
                    marks.add(new long[] {lastTs[c], c, lastPrice[c]});
                }
            }
            marks.sort((a, b) -> Long.compare(a[0], b[0]));
        }

        private void sample(int contract, long ts, long price) {
            lastPrice[contract] = price;
            lastTs[contract] = ts;
            if (ts >= nextMark[contract]) {
                marks.add(new long[] {ts, contract, price});
                ring.accept(timer.set(ts));
                nextMark[contract] = ts - Math.floorMod(ts, interval) + interval;
            }
        }
    }
}
