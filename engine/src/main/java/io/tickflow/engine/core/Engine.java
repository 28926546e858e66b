package io.tickflow.engine.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.journal.Journal;
import io.tickflow.engine.journal.JournalFigures;
import io.tickflow.engine.journal.JournalReplay;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.UnknownOrderPolicy;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.position.PositionBook;
import io.tickflow.engine.risk.RiskGate;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.sim.SimulatedExchange;
import io.tickflow.engine.ring.ControlAction;
import io.tickflow.engine.ring.ControlTranslator;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.InboundPublisher;
import io.tickflow.engine.ring.InboundRing;
import io.tickflow.engine.time.Clock;
import io.tickflow.engine.time.ManualClock;
import io.tickflow.engine.time.SessionCalendar;
import io.tickflow.engine.time.SystemClock;

/**
 * One engine: an inbound ring consumed by one engine thread that hosts strategies over the
 * market state of a set of contracts. Build it with {@link #builder()}, {@link #start()} it,
 * publish events through {@link #publisher()}, and {@link #shutdown()} it to drain and stop.
 *
 * <pre>{@code
 * try (Engine engine = Engine.builder()
 *         .contract(es)
 *         .strategy(StrategySpec.of("sma", new SmaCrossover(), es.id()))
 *         .build()) {
 *     engine.start();
 *     engine.publisher().publish(quote.topOfBook(0, ts, ts, bid, 10, ask, 12));
 * }
 * }</pre>
 *
 * <p>Thread-safe: start, publish, operator controls and close may be called from any thread.
 */
public final class Engine implements AutoCloseable {
    private final EngineConfig config;
    private final ContractRegistry contracts;
    private final Clock clock;
    /** The risk gate orders pass (the trading desk's), or null without a gateway; engine thread only. */
    private RiskGate riskGate;
    private final InboundRing ring;
    private final EventDispatcher dispatcher;
    private final List<StrategyHost> hosts;
    private final EngineStats stats = new EngineStats();
    private final PositionBook positions;
    private final SimulatedExchange exchange;
    private final TradingDesk desk;
    private final Duration tickerPeriod;
    private final ControlTranslator controlTranslator = new ControlTranslator();
    private TimerTicker ticker;
    private volatile Thread inlineThread;
    private final InboundEvent inlineSlot = new InboundEvent();
    private final ControlTranslator inlineShutdown = new ControlTranslator();
    private long inlineSequence;
    private final Journal journal;
    private volatile JournalReplay.Result replayed;
    private volatile long replayNanos;
    private boolean started;
    private boolean closed;

    private Engine(Builder b) {
        this.config = b.config;
        this.contracts = b.contracts;
        this.clock = b.clock != null ? b.clock : (config.eventTime() ? new ManualClock() : new SystemClock());
        if (config.eventTime() && !(clock instanceof ManualClock)) {
            throw new IllegalArgumentException("an event-time engine needs a ManualClock it can advance, not "
                    + clock.getClass().getSimpleName());
        }
        this.tickerPeriod = b.tickerPeriod;
        this.ring = new InboundRing(config.ringSize(), config.waitStrategy(), "tickflow-engine");
        this.hosts = new ArrayList<>();
        for (StrategySpec spec : b.strategies) {
            boolean[] trades = new boolean[contracts.size()];
            List<Contract> own = new ArrayList<>();
            for (String id : spec.contractIds()) {
                int index = contracts.indexOf(id);
                if (index < 0) {
                    throw new IllegalArgumentException("strategy '" + spec.name() + "' names unknown contract '" + id
                            + "'; known: " + contracts.contracts());
                }
                if (!trades[index]) {
                    trades[index] = true;
                    own.add(contracts.contract(index));
                }
            }
            FaultPolicy policy = spec.faultPolicy() != null ? spec.faultPolicy() : config.faultPolicy();
            hosts.add(new StrategyHost(hosts.size(), spec.name(), spec.strategy(), spec.accountId(), policy, own, trades));
        }
        this.dispatcher = new EventDispatcher(contracts, config, clock, b.calendar, b.listener, hosts, stats);
        dispatcher.startFailuresReportedByCaller(b.startFailuresReportedByCaller);
        this.positions = new PositionBook(contracts, b.commissions);
        TradingDesk desk = null;
        GatewayPort port = b.gateway;
        if (b.fillModel != null) {
            LoopbackQueue answers = new LoopbackQueue(64);
            this.exchange = new SimulatedExchange(contracts, clock, b.fillModel, answers);
            dispatcher.exchange(exchange, answers);
            port = exchange;
        } else {
            this.exchange = null;
        }
        if (b.journalDir != null && (config.eventTime() || port == null || exchange != null)) {
            throw new IllegalArgumentException("a journal is for a live engine with a gateway, not a backtest");
        }
        // client order ids must never repeat across runs live (the journal knows every id used before);
        // in event time they are reproducible
        this.journal = b.journalDir == null ? null
                : Journal.open(b.journalDir, b.journalSegmentBytes, b.journalSync, new SystemClock().nanos(), contracts);
        if (port != null) {
            long firstClientOrderId = config.eventTime() ? 1
                    : journal != null ? journal.firstClientOrderId() : new SystemClock().nanos();
            RiskGate gate = new RiskGate(b.defaultLimits, b.accountLimits, b.calendar.copy());
            riskGate = gate;
            desk = new TradingDesk(contracts, port, positions, clock, b.commandTimeout.toNanos(),
                    firstClientOrderId, dispatcher, gate, b.listener, hosts, b.unknownOrders);
            desk.emulateTrailingStops(b.emulateTrailingStops);
            dispatcher.desk(desk);
            if (journal != null) {
                desk.router().orphanPolicy(b.orphanOrders, journal.earliestEarlierId(), journal.firstClientOrderId());
            }
        }
        this.desk = desk;
        EngineThread engineThread = new EngineThread(() -> inlineThread != null ? inlineThread : ring.engineThread());
        for (int i = 0; i < hosts.size(); i++) {
            StrategyHost host = hosts.get(i);
            host.context = new EngineStrategyContext(host, b.strategies.get(i).params(), contracts, clock, dispatcher,
                    engineThread, desk == null ? null : desk.ordersFor(host));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the engine thread and returns once every strategy's {@code onStart} has run on it.
     *
     * @throws IllegalStateException if the engine thread does not start within the shutdown timeout
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the engine is already started");
        }
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        started = true;
        if (journal != null) {
            ring.start(dispatcher, journal.writer(), "tickflow-journal");
        } else {
            ring.start(dispatcher);
        }
        try {
            if (!dispatcher.awaitStarted(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the engine thread did not start within " + config.shutdownTimeout());
            }
            if (journal != null) {
                replayJournal();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the engine", e);
        }
        if (!config.eventTime() && tickerPeriod != null) {
            ticker = new TimerTicker(ring.publisher(), clock, tickerPeriod.toNanos());
        }
    }

    /**
     * Replays the earlier sessions' events between REPLAY_BEGIN and REPLAY_END markers and
     * waits until the engine thread has applied them, so the state is rebuilt before the
     * caller connects to the gateway (whose first reconciliation then settles the rest).
     */
    private void replayJournal() throws InterruptedException {
        long began = System.nanoTime();
        InboundPublisher publisher = ring.publisher();
        publisher.publish(controlTranslator.set(clock.nanos(), ControlAction.REPLAY_BEGIN, null));
        JournalReplay.Result result;
        try {
            result = journal.replay(contracts, publisher);
        } finally {
            publisher.publish(controlTranslator.set(clock.nanos(), ControlAction.REPLAY_END, null));
        }
        long allowedNanos = config.shutdownTimeout().toNanos() + result.replayed() * 10_000L;
        if (!dispatcher.awaitReplayApplied(allowedNanos, TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("the engine thread did not apply the journal's "
                    + result.replayed() + " events in time");
        }
        replayNanos = System.nanoTime() - began;
        replayed = result;
    }

    /**
     * The journal's figures (null if the engine has none): what it held when the engine
     * started, what was replayed, what this session has journalled, and the orphans adopted or
     * cancelled. Any thread.
     */
    public JournalFigures journalFigures() {
        if (journal == null) {
            return null;
        }
        JournalReplay.Result r = replayed;
        return new JournalFigures(journal.dir(), journal.recovered().segments(), journal.recovered().events(),
                journal.recovered().tornTails(), journal.recovered().sessions().size(), r == null ? 0 : r.replayed(),
                r == null ? 0 : r.skipped(), desk.suppressedDuringReplay(), replayNanos / 1_000_000,
                journal.writer().journalled(),
                journal.writer().segmentsWritten(), journal.writer().failures(), journal.writer().forces(),
                journal.firstClientOrderId(),
                desk.router().orphansAdopted(), desk.router().orphansCancelled());
    }

    /** The thread that writes the journal, once it has started (null without a journal). */
    public Thread journalThread() {
        return journal == null ? null : journal.writer().thread();
    }

    /**
     * Inline mode, for benchmarks and single-threaded tools: no ring and no engine thread —
     * the calling thread becomes the engine thread, strategies start on it now, and
     * {@link #processInline} handles one event at a time on it. Do not mix with {@link #start()}.
     */
    public synchronized void startInline() {
        if (started) {
            throw new IllegalStateException("the engine is already started");
        }
        started = true;
        inlineThread = Thread.currentThread();
        dispatcher.onStart();
    }

    /** Handles one event on the calling (inline engine) thread, as the engine thread would. Allocation-free. */
    public void processInline(EventTranslator<InboundEvent> translator) {
        if (Thread.currentThread() != inlineThread) {
            throw new IllegalStateException("processInline must be called on the thread that called startInline");
        }
        translator.translateTo(inlineSlot, inlineSequence);
        dispatcher.onEvent(inlineSlot, inlineSequence++, true);
    }

    /** Stops an inline engine: strategies' onStop runs on the calling thread. */
    public void stopInline() {
        processInline(inlineShutdown.set(clock.nanos(), ControlAction.SHUTDOWN, null));
        closed = true;
    }

    /** Where producers publish inbound events. */
    public InboundPublisher publisher() {
        return ring.publisher();
    }

    public ContractRegistry contracts() {
        return contracts;
    }

    public Clock clock() {
        return clock;
    }

    public EngineConfig config() {
        return config;
    }

    public EngineStats stats() {
        return stats;
    }

    /** The in-process simulated exchange, or null if orders go to an outside gateway. */
    public SimulatedExchange simulatedExchange() {
        return exchange;
    }

    /** Positions and PnL per account and contract; read it on the engine thread or after shutdown. */
    public PositionBook positions() {
        return positions;
    }

    /**
     * One line per strategy whose {@code onStart} threw (a bad parameter, say), naming the
     * strategy and the error; empty if every strategy started. Meaningful once
     * {@link #start()} has returned; callable from any thread; allocates.
     */
    public List<String> startFailures() {
        List<String> failures = new ArrayList<>();
        for (StrategyHost host : hosts) {
            Throwable t = host.startFailure();
            if (t != null) {
                failures.add("strategy '" + host.name + "' failed to start: " + t.getMessage());
            }
        }
        return failures;
    }

    /**
     * What the first strategy whose {@code onStart} threw threw, or null if every strategy
     * started: the cause behind {@link #startFailures()}, for a caller that shows stack traces
     * on request. Meaningful once {@link #start()} has returned; callable from any thread.
     */
    public Throwable firstStartFailure() {
        for (StrategyHost host : hosts) {
            if (host.startFailure() != null) {
                return host.startFailure();
            }
        }
        return null;
    }

    /**
     * How much more the account may lose, in cents, before the risk gate's daily loss limit or
     * trailing drawdown trips (see {@link RiskGate#lossRoomCents}): 0 while a breach halts the
     * account, -1 if it has neither rule or the engine has no gateway. Engine thread only (a
     * strategy's callback, or after {@link #shutdown()}): it reads the gate's state unguarded.
     * Allocation-free.
     */
    public long lossRoomCents(long accountId) {
        return riskGate == null ? -1 : riskGate.lossRoomCents(accountId, clock.nanos());
    }

    /**
     * The state of a strategy by name.
     *
     * @throws IllegalArgumentException if there is no such strategy
     */
    public StrategyState strategyState(String name) {
        return host(name).state();
    }

    /**
     * Turns the kill switch on or off: while on, the risk gate refuses every new order on
     * every account. Takes effect at once, from any thread.
     *
     * @throws IllegalStateException if the engine has no gateway (so no orders to stop)
     */
    public void killSwitch(boolean on) {
        if (desk == null) {
            throw new IllegalStateException("this engine has no gateway; there are no orders to stop");
        }
        desk.killSwitch(on);
    }

    /** Whether the kill switch is on (set by an operator, or by the gateway ending the session). Any thread. */
    public boolean killSwitchOn() {
        return desk != null && desk.killSwitchOn();
    }

    /**
     * Stands the engine down after the events already published: every strategy halted, every
     * working order cancelled and, if {@code flatten}, every position closed at market.
     */
    public void standDown(boolean flatten) {
        control(flatten ? ControlAction.FLATTEN_ALL : ControlAction.CANCEL_ALL, null);
    }

    /** Halts a strategy (no more events) after the events already published. */
    public void halt(String strategyName) {
        control(ControlAction.HALT, host(strategyName).name);
    }

    /** Resumes a halted strategy after the events already published. */
    public void resume(String strategyName) {
        control(ControlAction.RESUME, host(strategyName).name);
    }

    private synchronized void control(ControlAction action, String name) {
        ring.publisher().publish(controlTranslator.set(clock.nanos(), action, name));
    }

    /**
     * Drains and stops: no new events are accepted, every event already published is
     * processed, strategies' {@code onStop} runs on the engine thread, then the thread ends.
     * Idempotent.
     *
     * @return true if the ring drained within the configured timeout
     */
    public synchronized boolean shutdown() {
        if (closed) {
            return true;
        }
        closed = true;
        if (ticker != null) {
            ticker.close();
        }
        boolean drained = ring.shutdown(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (journal != null) {
            journal.close();
        }
        return drained;
    }

    /** As {@link #shutdown()}, for try-with-resources. */
    @Override
    public void close() {
        shutdown();
    }

    private StrategyHost host(String name) {
        for (StrategyHost host : hosts) {
            if (host.name.equals(name)) {
                return host;
            }
        }
        throw new IllegalArgumentException("no strategy named '" + name + "'");
    }

    /** Collects contracts, strategies and settings; {@link #build()} validates them together. */
    public static final class Builder {
        private EngineConfig config = EngineConfig.defaults();
        private final ContractRegistry contracts = new ContractRegistry();
        private final List<StrategySpec> strategies = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private Clock clock;
        private SessionCalendar calendar = SessionCalendar.cme();
        private EngineListener listener = new EngineListener() {
        };
        private Duration tickerPeriod = Duration.ofMillis(10);
        private GatewayPort gateway;
        private FillModel fillModel;
        private Duration commandTimeout = Duration.ofSeconds(10);
        private boolean emulateTrailingStops;
        private CommissionSchedule commissions = CommissionSchedule.none();
        private UnknownOrderPolicy unknownOrders = UnknownOrderPolicy.ADOPT;
        private RiskLimits defaultLimits = RiskLimits.none();
        private Map<Long, RiskLimits> accountLimits = Map.of();
        private java.nio.file.Path journalDir;
        private int journalSegmentBytes = Journal.DEFAULT_SEGMENT_BYTES;
        private boolean journalSync;
        private UnknownOrderPolicy orphanOrders = UnknownOrderPolicy.CANCEL;
        private boolean startFailuresReportedByCaller;

        private Builder() {
        }

        /**
         * The code that starts the engine reports {@link Engine#startFailures()} itself (a
         * command line printing one line, say), so a strategy's {@code onStart} throwing is
         * logged at debug, with its stack trace, instead of at error. Faults of running
         * strategies are logged at error either way. Off by default: nothing is then reported
         * only by a caller that might not look.
         */
        public Builder startFailuresReportedByCaller(boolean on) {
            this.startFailuresReportedByCaller = on;
            return this;
        }

        /**
         * Journals every inbound event to {@code dir} and, if it holds earlier sessions,
         * rebuilds their state on {@link Engine#start()} by replaying them (no strategy sees
         * them, no command is sent) before anything live. Live engines with a gateway only.
         */
        public Builder journal(java.nio.file.Path dir) {
            this.journalDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Force each batch of journal records to the disk (an msync on the journal thread, never
         * the engine's): the journal then survives power loss, not only the process dying.
         * Off by default.
         */
        public Builder journalSync(boolean sync) {
            this.journalSync = sync;
            return this;
        }

        /** The size of each journal segment file; 64 MiB by default. */
        public Builder journalSegmentBytes(int bytes) {
            this.journalSegmentBytes = bytes;
            return this;
        }

        /**
         * What to do with orphans found at the first reconciliation after a restart: orders an
         * earlier session placed (known from the journal) still working at the gateway.
         * CANCEL by default: no strategy of this session owns them or would manage their siblings.
         */
        public Builder orphanOrders(UnknownOrderPolicy policy) {
            this.orphanOrders = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder config(EngineConfig engineConfig) {
            this.config = Objects.requireNonNull(engineConfig, "config");
            return this;
        }

        /** The engine clock; by default a {@link SystemClock}, or a {@link ManualClock} in event time. */
        public Builder clock(Clock engineClock) {
            this.clock = Objects.requireNonNull(engineClock, "clock");
            return this;
        }

        /** The session calendar time bars align to; CME (17:00–16:00 America/Chicago) by default. */
        public Builder calendar(SessionCalendar sessionCalendar) {
            this.calendar = Objects.requireNonNull(sessionCalendar, "calendar");
            return this;
        }

        public Builder listener(EngineListener engineListener) {
            this.listener = Objects.requireNonNull(engineListener, "listener");
            return this;
        }

        /** How often a live engine publishes a TIMER event; null for none. 10 ms by default. */
        public Builder tickerPeriod(Duration period) {
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("ticker period must be positive, was " + period);
            }
            this.tickerPeriod = period;
            return this;
        }

        /** Where strategies' orders go: the live adapter or a paper gateway client. */
        public Builder gateway(GatewayPort port) {
            this.gateway = Objects.requireNonNull(port, "gateway");
            this.fillModel = null;
            return this;
        }

        /** Orders go to an in-process {@link SimulatedExchange} on the engine thread, filling by {@code model}. */
        public Builder simulatedExchange(FillModel model) {
            this.fillModel = Objects.requireNonNull(model, "fill model");
            this.gateway = null;
            return this;
        }

        /** How long a command may go unanswered before it becomes an event; 10 s by default. */
        public Builder commandTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("command timeout must be positive, was " + timeout);
            }
            this.commandTimeout = timeout;
            return this;
        }

        /**
         * Risk limits: {@code defaults} for every account not in {@code byAccount}. None by
         * default: a live configuration should always set them from the firm's rules.
         */
        public Builder risk(RiskLimits defaults, Map<Long, RiskLimits> byAccount) {
            this.defaultLimits = Objects.requireNonNull(defaults, "defaults");
            this.accountLimits = Map.copyOf(Objects.requireNonNull(byAccount, "byAccount"));
            return this;
        }

        /**
         * Whether trailing stops are plain stops the engine trails itself, rather than the
         * gateway's native trailing stop (off by default). On for a gateway whose trailing
         * stop's meaning is not known for sure, as ProjectX's {@code trailPrice} is not.
         */
        public Builder emulateTrailingStops(boolean on) {
            this.emulateTrailingStops = on;
            return this;
        }

        /** What to do with working orders at the gateway that this engine did not place; ADOPT by default. */
        public Builder unknownOrders(UnknownOrderPolicy policy) {
            this.unknownOrders = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Commission and fees per contract per side; none by default. */
        public Builder commissions(CommissionSchedule schedule) {
            this.commissions = Objects.requireNonNull(schedule, "commissions");
            return this;
        }

        /** Registers a contract; its index in {@link Engine#contracts()} follows registration order. */
        public Builder contract(Contract contract) {
            contracts.register(contract);
            return this;
        }

        /** Adds a strategy; names must be unique. */
        public Builder strategy(StrategySpec spec) {
            Objects.requireNonNull(spec, "spec");
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("two strategies are named '" + spec.name() + "'");
            }
            strategies.add(spec);
            return this;
        }

        /**
         * @throws IllegalArgumentException without contracts, or if a strategy's
         *                                  {@link io.tickflow.engine.strategy.Strategy#configure} refuses its parameters
         */
        public Engine build() {
            if (contracts.size() == 0) {
                throw new IllegalArgumentException("an engine needs at least one contract");
            }
            for (StrategySpec spec : strategies) {
                spec.strategy().configure(spec.params());
            }
            return new Engine(this);
        }
    }
}
