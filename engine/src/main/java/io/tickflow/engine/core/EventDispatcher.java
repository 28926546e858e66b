package io.tickflow.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventHandler;

import org.agrona.collections.Long2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.market.L1Quote;
import io.tickflow.engine.market.bar.BarSeriesBuffer;
import io.tickflow.engine.market.book.BookUpdateResult;
import io.tickflow.engine.market.book.OrderBook;
import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.ControlAction;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.QuoteFields;
import io.tickflow.engine.sim.SimulatedExchange;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.BookView;
import io.tickflow.engine.strategy.CommandRejection;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.PositionView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.TradeView;
import io.tickflow.engine.time.Clock;
import io.tickflow.engine.time.ManualClock;
import io.tickflow.engine.time.SessionCalendar;

/**
 * The engine thread's event handler: the single writer of market state, bar series, timers
 * and strategy state. For each inbound event it updates state, then calls the strategies that
 * trade the event's contract, each inside its own fault barrier.
 *
 * <p>Order of work per event: (event time) fire timers due before the event and move the
 * clock to it; update L1 / book; let the simulated exchange match and the loss rules mark
 * against it; feed bar aggregators (a bar the event completes is delivered before the event
 * itself, since the event belongs to the next bar); deliver the event; then handle the
 * exchange's answers queued meanwhile.
 *
 * <p>Steady state allocates nothing: strategy lists and aggregators are arrays, views are
 * reused flyweights, dispatch is a switch. Allocation happens only when a strategy requests a
 * new bar series or timer capacity grows, and on faults and rejected events (logging).
 */
final class EventDispatcher implements EventHandler<InboundEvent> {
    static final int ON_QUOTE = 0;
    static final int ON_TRADE = 1;
    static final int ON_DEPTH = 2;
    static final int ON_BAR = 3;
    static final int ON_ORDER = 4;
    static final int ON_FILL = 5;
    static final int ON_POSITION = 6;
    static final int ON_COMMAND_REJECTED = 7;
    private static final String[] CALLBACK_NAMES =
            {"onQuote", "onTrade", "onDepth", "onBar", "onOrder", "onFill", "onPosition", "onCommandRejected"};

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final ContractRegistry contracts;
    private final Clock clock;
    private final ManualClock eventClock;
    private final EngineListener listener;
    private final StrategyHost[] hosts;
    private final StrategyHost[][] hostsByContract;
    private final L1Quote[] quotes;
    private final OrderBook[] books;
    private final BarRegistry bars;
    private final Long2ObjectHashMap<BarSpec> externalBarSpecs = new Long2ObjectHashMap<>();
    private final TimerQueue timers = new TimerQueue(16);
    private final EngineStats stats;

    private final SlotTradeView tradeView = new SlotTradeView();
    private final SlotOrderView orderView = new SlotOrderView();
    private final SlotFillView fillView = new SlotFillView();
    private final SlotPositionView positionView = new SlotPositionView();
    private final SlotBarView barView = new SlotBarView();

    private TradingDesk desk;
    private SimulatedExchange exchange;
    private LoopbackQueue loopback;
    private final CountDownLatch started = new CountDownLatch(1);
    private InboundEvent current;
    private boolean shutDown;
    /** Set by the first LOGGED_OUT of any link: the kill switch engages once. Engine thread only. */
    private boolean sessionEnded;
    /** Between REPLAY_BEGIN and REPLAY_END: journalled events rebuild state; strategies see nothing. */
    private boolean replaying;
    /** REPLAY_END markers handled, for the thread waiting for a replay to finish. */
    /** Counted down when the engine thread has applied a journal replay (its REPLAY_END). */
    private final CountDownLatch replayApplied = new CountDownLatch(1);
    /** Whoever started the engine reports onStart failures (Engine.startFailures): log them at debug only. */
    private boolean startFailuresReportedByCaller;

    EventDispatcher(ContractRegistry contracts, EngineConfig config, Clock clock, SessionCalendar calendar,
                    EngineListener listener, List<StrategyHost> hostList, EngineStats stats) {
        this.contracts = contracts;
        this.clock = clock;
        this.eventClock = config.eventTime() ? (ManualClock) clock : null;
        this.listener = listener;
        this.stats = stats;
        this.hosts = hostList.toArray(new StrategyHost[0]);
        int n = contracts.size();
        this.hostsByContract = new StrategyHost[n][];
        this.quotes = new L1Quote[n];
        this.books = new OrderBook[n];
        this.bars = new BarRegistry(contracts, calendar, config.barHistory(), this);
        for (int c = 0; c < n; c++) {
            Contract contract = contracts.contract(c);
            quotes[c] = new L1Quote(contract);
            books[c] = new OrderBook(contract, config.bookDepth());
            List<StrategyHost> trading = new ArrayList<>();
            for (StrategyHost host : hosts) {
                if (host.tradesContract[c]) {
                    trading.add(host);
                }
            }
            hostsByContract[c] = trading.toArray(new StrategyHost[0]);
        }
    }

    // ---- life cycle (engine thread) ----

    @Override
    public void onStart() {
        try {
            for (StrategyHost host : hosts) {
                host.state(StrategyState.RUNNING);
                try {
                    host.strategy.onStart(host.context);
                } catch (Throwable t) {
                    host.startFailed(t);
                    fault(host, "onStart", "engine start", t);
                }
            }
        } finally {
            started.countDown();
        }
    }

    /** Waits until the engine thread has started every strategy. */
    boolean awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return started.await(timeout, unit);
    }

    @Override
    public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) {
        if (eventClock != null) {
            fireTimersUpTo(e.tsEvent);
            eventClock.advanceTo(e.tsEvent);
            if (desk != null) {
                desk.onTime(eventClock.nanos());
            }
        }
        handle(e);
        if (loopback != null) {
            for (InboundEvent local = loopback.peek(); local != null; local = loopback.peek()) {
                handle(local);
                loopback.removeHead();
            }
        }
        if (endOfBatch) {
            stats.publish();
        }
    }

    private void handle(InboundEvent e) {
        current = e;
        EventType type = e.type;
        switch (type) {
            case QUOTE:
                onQuote(e);
                break;
            case TRADE:
                onTrade(e);
                break;
            case DEPTH:
                onDepth(e);
                break;
            case BAR:
                onExternalBar(e);
                break;
            case ORDER_UPDATE:
                if (desk != null) {
                    desk.onOrderUpdate(e);
                } else if (validContract(e)) {
                    deliver(hostsByContract[e.contract], ON_ORDER, orderView.wrap(e, contracts.contract(e.contract)));
                }
                break;
            case FILL:
                if (desk != null) {
                    desk.onFill(e);
                } else if (validContract(e)) {
                    deliver(hostsByContract[e.contract], ON_FILL, fillView.wrap(e, contracts.contract(e.contract)));
                }
                break;
            case POSITION_UPDATE:
                if (desk != null) {
                    desk.onPositionUpdate(e);
                }
                if (validContract(e)) {
                    deliver(hostsByContract[e.contract], ON_POSITION,
                            positionView.wrap(e, contracts.contract(e.contract)));
                }
                break;
            case TIMER:
                if (!replaying) {
                    onTimer(e.tsEvent);
                }
                break;
            case CONNECTION_STATE:
                onConnectionState(e);
                break;
            case CONTROL:
                onControl(e);
                break;
            case COMMAND_ACK:
            case COMMAND_REJECT:
                if (desk != null) {
                    desk.onCommandResult(e, type == EventType.COMMAND_ACK);
                }
                break;
            case ACCOUNT_UPDATE:
                // Consumed by the risk gate; counted here.
                break;
            default:
                rejectEvent("unknown event type", e);
                break;
        }
        stats.count(type);
        current = null;
    }

    // ---- market data ----

    private void onQuote(InboundEvent e) {
        if (!validContract(e)) {
            return;
        }
        int c = e.contract;
        L1Quote quote = quotes[c];
        quote.merge(e.tsEvent, e.quoteFields, e.bidTicks, e.bidSize, e.askTicks, e.askSize, e.lastTicks, e.lastSize,
                e.volume);
        // the exchange and the loss rules see the new market before a bar it completes reaches a strategy,
        // so an order decided on that bar's close can never fill at that close
        if (exchange != null) {
            exchange.onQuote(c, quote.bidTicks(), quote.bidSize(), quote.askTicks(), quote.askSize());
        }
        if (desk != null) {
            desk.onMarket(c);
        }
        bars.onQuote(c, e.tsEvent, (e.quoteFields & QuoteFields.BID) != 0 && e.bidTicks != PriceTicks.NONE, e.bidTicks,
                (e.quoteFields & QuoteFields.ASK) != 0 && e.askTicks != PriceTicks.NONE, e.askTicks);
        deliver(hostsByContract[c], ON_QUOTE, quote);
    }

    private void onTrade(InboundEvent e) {
        if (!validContract(e)) {
            return;
        }
        if (e.priceTicks == PriceTicks.NONE || e.size < 0) {
            rejectEvent("trade print without a price or with a negative size", e);
            return;
        }
        int c = e.contract;
        long ts = e.tsEvent;
        quotes[c].onTrade(ts, e.priceTicks, e.size);
        if (exchange != null) {
            exchange.onTrade(c, e.priceTicks, e.size);
        }
        if (desk != null) {
            desk.onMarket(c);
        }
        bars.onTrade(c, ts, e.priceTicks, e.size);
        deliver(hostsByContract[c], ON_TRADE, tradeView.wrap(e, contracts.contract(c)));
    }

    private void onDepth(InboundEvent e) {
        if (!validContract(e)) {
            return;
        }
        OrderBook book = books[e.contract];
        if (e.depthAction == null) {
            rejectEvent("depth event without an action", e);
            return;
        }
        switch (e.depthAction) {
            case CLEAR:
                book.clear(e.tsEvent);
                break;
            case DELETE:
                checkBookResult(book.delete(e.side, e.priceTicks, e.tsEvent), e);
                break;
            case UPDATE:
                checkBookResult(book.update(e.side, e.priceTicks, e.size, e.tsEvent), e);
                break;
            default:
                rejectEvent("unknown depth action", e);
                return;
        }
        if (e.batchEnd) {
            deliver(hostsByContract[e.contract], ON_DEPTH, book);
        }
    }

    private void checkBookResult(BookUpdateResult result, InboundEvent e) {
        if (result.isRejection()) {
            rejectEvent("book update rejected: " + result, e);
        }
    }

    private void onExternalBar(InboundEvent e) {
        if (!validContract(e)) {
            return;
        }
        BarSpec spec = externalBarSpecs.get(e.barNanos);
        if (spec == null) {
            try {
                spec = BarSpec.time(e.barNanos / 1_000_000_000L);
                if (spec.size() != e.barNanos) {
                    throw new IllegalArgumentException("not whole seconds");
                }
            } catch (IllegalArgumentException ex) {
                rejectEvent("bar length " + e.barNanos + " ns is not a valid time bar (" + ex.getMessage() + ")", e);
                return;
            }
            externalBarSpecs.put(e.barNanos, spec);
        }
        deliver(hostsByContract[e.contract], ON_BAR, barView.wrap(e, contracts.contract(e.contract), spec));
    }

    private boolean validContract(InboundEvent e) {
        if (e.contract >= 0 && e.contract < hostsByContract.length) {
            return true;
        }
        rejectEvent("unknown contract index " + e.contract, e);
        return false;
    }

    // ---- time ----

    private void onTimer(long now) {
        if (eventClock == null) {
            fireTimersUpTo(now);
            if (desk != null) {
                desk.onTime(now);
            }
        }
        bars.onTime(now);
    }

    /** Fires every timer due at or before {@code now}; in event time the clock shows each timer's own deadline. */
    private void fireTimersUpTo(long now) {
        while (timers.nextDeadline() <= now) {
            long deadline = timers.nextDeadline();
            StrategyHost host = hosts[timers.peekOwner()];
            long id = timers.peekId();
            timers.pop();
            if (eventClock != null) {
                eventClock.advanceTo(deadline);
            }
            if (host.isRunning()) {
                try {
                    host.strategy.onTimer(id, clock.nanos());
                } catch (Throwable t) {
                    fault(host, "onTimer", "timer " + id, t);
                }
            }
        }
    }

    void scheduleTimer(StrategyHost host, long id, long atNanos) {
        timers.schedule(host.index, id, atNanos);
    }

    void cancelTimer(StrategyHost host, long id) {
        timers.cancel(host.index, id);
    }

    // ---- state exposed to strategy contexts (engine thread) ----

    /** REPLAY_END markers handled so far (any thread). */
    boolean awaitReplayApplied(long timeout, TimeUnit unit) throws InterruptedException {
        return replayApplied.await(timeout, unit);
    }

    /** Connects the order router; set once, before the engine starts. */
    void desk(TradingDesk tradingDesk) {
        this.desk = tradingDesk;
    }

    /** Connects an in-process simulated exchange, fed market data before strategies see it; before start. */
    void exchange(SimulatedExchange simulated, LoopbackQueue answers) {
        this.exchange = simulated;
        this.loopback = answers;
    }

    QuoteView quote(int contract) {
        return quotes[contract];
    }

    BookView book(int contract) {
        return books[contract];
    }

    BarSeriesBuffer bars(StrategyHost host, int contract, BarSpec spec) {
        return bars.subscribe(host, contract, spec);
    }

    // ---- control and connections ----

    private void onControl(InboundEvent e) {
        if (e.controlAction == null) {
            rejectEvent("control event without an action", e);
            return;
        }
        if (e.controlAction == ControlAction.REPLAY_BEGIN || e.controlAction == ControlAction.REPLAY_END) {
            replaying = e.controlAction == ControlAction.REPLAY_BEGIN;
            if (desk != null) {
                desk.replaying(replaying);
            }
            if (!replaying) {
                replayApplied.countDown();
            }
            return;
        }
        if (replaying) {
            // an earlier session's operator commands (halts, its shutdown) belong to it
            return;
        }
        switch (e.controlAction) {
            case HALT:
                forEachTarget(e.text, StrategyState.HALTED);
                break;
            case RESUME:
                forEachTarget(e.text, StrategyState.RUNNING);
                break;
            case CANCEL_ALL:
            case FLATTEN_ALL:
                forEachTarget("", StrategyState.HALTED);
                if (desk != null) {
                    desk.standDown(e.controlAction == ControlAction.FLATTEN_ALL);
                }
                break;
            case SHUTDOWN:
                stopStrategies();
                break;
            default:
                rejectEvent("unknown control action", e);
                break;
        }
    }

    private void forEachTarget(CharSequence name, StrategyState newState) {
        boolean matched = false;
        for (StrategyHost host : hosts) {
            if (name.length() == 0 || host.name.contentEquals(name)) {
                matched = true;
                if (host.state() == StrategyState.RUNNING || host.state() == StrategyState.HALTED) {
                    boolean resuming = host.state() == StrategyState.HALTED && newState == StrategyState.RUNNING;
                    host.state(newState);
                    LOG.info("strategy '{}' {} by operator", host.name,
                            newState == StrategyState.HALTED ? "halted" : "resumed");
                    if (resuming && desk != null) {
                        desk.resumed(host);
                    }
                }
            }
        }
        if (!matched) {
            LOG.warn("control {} names no strategy: '{}'", newState, name);
        }
    }

    private void stopStrategies() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        for (StrategyHost host : hosts) {
            boolean wasRunning = host.isRunning();
            host.state(StrategyState.STOPPED);
            timers.cancelAll(host.index);
            if (wasRunning) {
                try {
                    host.strategy.onStop();
                } catch (Throwable t) {
                    logFault(host, "onStop", "engine shutdown", t, false);
                }
            }
        }
    }

    private void onConnectionState(InboundEvent e) {
        if (e.link == null || e.connectionState == null) {
            rejectEvent("connection event without a link or state", e);
            return;
        }
        if (!replaying) {
            LOG.info("{} {} {}", e.link, e.connectionState, e.text);
        }
        if (replaying && e.connectionState == ConnectionState.LOGGED_OUT) {
            // the earlier session was ended; this one signs in anew
            return;
        }
        if (desk != null && e.connectionState == ConnectionState.LOGGED_OUT) {
            // from either hub or the REST side, whichever sees the end first: one halt, said once
            if (!sessionEnded) {
                sessionEnded = true;
                LOG.error("the gateway ended this session ({}, seen by {}): the same user signed in elsewhere. "
                        + "TRADING IS HALTED: the kill switch is on, no new orders are sent, orders already working "
                        + "stay at the gateway, and nothing reconnects or signs in again. Restart to sign in again.",
                        e.text, e.link);
                desk.killSwitch(true);
            }
        } else if (desk != null && e.link != ConnectionLink.MARKET_HUB) {
            if (e.connectionState == ConnectionState.CONNECTED
                    || e.connectionState == ConnectionState.RECONNECTED) {
                desk.beginSync();
            } else if (e.connectionState == ConnectionState.SYNCHRONIZED) {
                desk.endSync();
            }
        }
        if (replaying) {
            return;
        }
        try {
            listener.onConnectionState(e.link, e.connectionState, e.text, e.tsEvent);
        } catch (RuntimeException ex) {
            LOG.error("engine listener failed on a connection event", ex);
        }
    }

    // ---- delivery and fault isolation ----

    /** Calls {@code callback} with {@code view} on every running host in {@code targets}, each behind its own fault barrier. */
    void deliver(StrategyHost[] targets, int callback, Object view) {
        if (replaying) {
            return;
        }
        for (StrategyHost host : targets) {
            if (!host.isRunning()) {
                continue;
            }
            try {
                switch (callback) {
                    case ON_QUOTE:
                        host.strategy.onQuote((QuoteView) view);
                        break;
                    case ON_TRADE:
                        host.strategy.onTrade((TradeView) view);
                        break;
                    case ON_DEPTH:
                        host.strategy.onDepth((BookView) view);
                        break;
                    case ON_BAR:
                        host.strategy.onBar((BarView) view);
                        break;
                    case ON_ORDER:
                        host.strategy.onOrder((OrderView) view);
                        break;
                    case ON_FILL:
                        host.strategy.onFill((FillView) view);
                        break;
                    case ON_POSITION:
                        host.strategy.onPosition((PositionView) view);
                        break;
                    case ON_COMMAND_REJECTED:
                        host.strategy.onCommandRejected((CommandRejection) view);
                        break;
                    default:
                        throw new IllegalStateException("unknown callback " + callback);
                }
            } catch (Throwable t) {
                fault(host, CALLBACK_NAMES[callback], String.valueOf(current), t);
            }
        }
    }

    private void fault(StrategyHost host, String callback, String event, Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
        host.countFault();
        stats.countFault();
        boolean halt = host.faultPolicy == FaultPolicy.HALT;
        if (halt) {
            host.state(StrategyState.HALTED);
            timers.cancelAll(host.index);
        }
        logFault(host, callback, event, t, halt);
    }

    /** Set before the engine thread starts (Engine's constructor): read there after the thread start. */
    void startFailuresReportedByCaller(boolean on) {
        startFailuresReportedByCaller = on;
    }

    private void logFault(StrategyHost host, String callback, String event, Throwable t, boolean halted) {
        if (startFailuresReportedByCaller && host.startFailure() == t) {
            LOG.debug("strategy '{}' threw in {} while handling {}; {} (reported by Engine.startFailures)",
                    host.name, callback, event, halted ? "strategy halted" : "strategy continues", t);
        } else {
            LOG.error("strategy '{}' threw in {} while handling {}; {}", host.name, callback, event,
                    halted ? "strategy halted" : "strategy continues", t);
        }
        try {
            listener.onStrategyFault(host.name, callback, event, t, halted);
        } catch (RuntimeException ex) {
            LOG.error("engine listener failed on a strategy fault", ex);
        }
    }

    private void rejectEvent(String reason, InboundEvent e) {
        stats.countRejected();
        String event = String.valueOf(e);
        LOG.warn("dropped inbound event: {}: {}", reason, event);
        try {
            listener.onRejectedEvent(reason, event);
        } catch (RuntimeException ex) {
            LOG.error("engine listener failed on a rejected event", ex);
        }
    }
}
