package io.tickflow.engine.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.ManagedOrder;
import io.tickflow.engine.order.OrderListener;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.order.OrderRouter;
import io.tickflow.engine.order.UnknownOrderPolicy;
import io.tickflow.engine.position.Position;
import io.tickflow.engine.position.PositionBook;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.risk.RiskBreach;
import io.tickflow.engine.risk.RiskGate;
import io.tickflow.engine.risk.RiskView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.time.Clock;

/**
 * Connects strategies to the order router through the risk gate: each strategy's
 * {@link Orders} turns calls into requests on its account, the gate passes or rejects them
 * (a rejection reaches the strategy as a REJECTED order with the rule's reason), and the
 * router's order and fill changes go back to the strategy that placed the order. It also
 * marks accounts to market for the loss rules and carries out a breach: cancel the account's
 * orders, flatten its positions, halt its strategies, report. Engine thread only.
 */
final class TradingDesk implements OrderListener, RiskView {
    private static final Logger LOG = LoggerFactory.getLogger(TradingDesk.class);

    private final ContractRegistry contracts;
    private final PositionBook positions;
    private final OrderRouter router;
    private final EventDispatcher dispatcher;
    private final Long2ObjectHashMap<StrategyHost> owners = new Long2ObjectHashMap<>();
    private final CloseOuts closeOuts;
    private final RouterFillView fillView = new RouterFillView();
    private final BookPositionView positionView = new BookPositionView();
    private final RouterCommandRejection rejectionView = new RouterCommandRejection();
    /** The least time between two moves of one emulated trailing stop. */
    private static final long TRAIL_MODIFY_INTERVAL_NANOS = 1_000_000_000L;
    private final TrailingStops trailing;
    private final ForcedFlatten forcedFlatten;
    private boolean emulateTrailingStops;
    private final RiskGate gate;
    private final EngineListener listener;
    private final Clock clock;
    private final StrategyHost[] hosts;
    /** Strategies a daily loss breach halted, to run again when a new session lifts it. */
    private final List<StrategyHost> haltedByBreach = new ArrayList<>();
    private final long[] accounts;
    private final long[] marks;
    private final BracketBook brackets;
    private final Map<String, long[]> gatewayPositions = new HashMap<>();
    private StrategyHost placing;
    private final ReplayGuardPort guard;
    private boolean replaying;

    TradingDesk(ContractRegistry contracts, GatewayPort port, PositionBook positions, Clock clock,
                long commandTimeoutNanos, long firstClientOrderId, EventDispatcher dispatcher, RiskGate gate,
                EngineListener listener, List<StrategyHost> hostList, UnknownOrderPolicy unknownOrders) {
        this.contracts = contracts;
        this.positions = positions;
        this.dispatcher = dispatcher;
        this.gate = gate;
        this.listener = listener;
        this.clock = clock;
        this.hosts = hostList.toArray(new StrategyHost[0]);
        this.accounts = hostList.stream().mapToLong(h -> h.accountId).distinct().sorted().toArray();
        this.marks = new long[contracts.size()];
        Arrays.fill(marks, PriceTicks.NONE);
        this.guard = new ReplayGuardPort(port);
        this.router = new OrderRouter(contracts, guard, positions, clock, commandTimeoutNanos, firstClientOrderId, this);
        this.router.unknownOrderPolicy(unknownOrders);
        this.brackets = new BracketBook(router, new BracketBook.Placer() {
            @Override
            public long place(StrategyHost owner, OrderRequest request) {
                return route(owner, request, gate.checkProtective(request, TradingDesk.this));
            }

            @Override
            public void close(StrategyHost owner, OrderRequest request) {
                closeAtMost(owner, request);
            }
        });
        this.trailing = new TrailingStops(router, TRAIL_MODIFY_INTERVAL_NANOS);
        this.closeOuts = new CloseOuts(router);
        this.forcedFlatten = new ForcedFlatten(router, positions, closeOuts, contracts.size());
    }

    /**
     * On: trailing stops are plain stops the engine trails itself ({@link TrailingStops}), for a
     * gateway whose native trailing stop cannot be trusted; off (the default): the gateway's own.
     */
    void emulateTrailingStops(boolean on) {
        this.emulateTrailingStops = on;
    }

    /** While on, the journal is being replayed: state is rebuilt, nothing reaches the gateway. */
    void replaying(boolean on) {
        replaying = on;
        guard.replaying(on);
        router.replaying(on);
    }

    /** Commands the replay kept from the gateway. */
    long suppressedDuringReplay() {
        return guard.suppressed();
    }

    OrderRouter router() {
        return router;
    }

    Orders ordersFor(StrategyHost host) {
        return new HostOrders(host);
    }

    void onCommandResult(InboundEvent e, boolean accepted) {
        router.onCommandResult(e, accepted);
    }

    void onOrderUpdate(InboundEvent e) {
        router.onOrderUpdate(e);
    }

    void onFill(InboundEvent e) {
        router.onFill(e);
        if (e.contract >= 0 && e.contract < marks.length) {
            watchEquity(e.accountId);
        }
    }

    /** Market data moved contract {@code c}: mark it and check the loss rules of accounts holding it. */
    void onMarket(int c) {
        long reference = referencePrice(c);
        if (reference == PriceTicks.NONE) {
            return;
        }
        marks[c] = reference;
        if (!trailing.isEmpty()) {
            trailing.onMarket(c, reference, clock.nanos());
        }
        for (long account : accounts) {
            if (gate.watchesLosses(account) && !positions.position(account, c).isFlat()) {
                watchEquity(account);
            }
        }
    }

    private void watchEquity(long account) {
        if (!gate.watchesLosses(account)) {
            return;
        }
        long equity = positions.realizedCents(account) - positions.commissionCents(account)
                + positions.unrealizedCents(account, marks);
        RiskBreach breach = gate.onEquity(account, equity, clock.nanos());
        if (breach != null) {
            carryOut(breach);
        }
    }

    /** Cancels the account's orders, flattens its positions at market, halts its strategies, reports. */
    private void carryOut(RiskBreach breach) {
        long account = breach.accountId();
        LOG.error("account {} breached {}: {}; cancelling its orders, flattening, halting its strategies", account,
                breach.rule(), breach.detail());
        closeOutAccount(account);
        for (StrategyHost host : hosts) {
            if (host.accountId == account && host.isRunning()) {
                host.state(StrategyState.HALTED);
                if (breach.rule().equals(RiskBreach.DAILY_LOSS_LIMIT)) {
                    haltedByBreach.add(host);
                }
            }
        }
        try {
            listener.onRiskBreach(breach);
        } catch (RuntimeException e) {
            LOG.error("engine listener failed on a risk breach", e);
        }
    }

    // ---- reconciliation ----

    /** A (re)connect: the gateway's snapshot follows. */
    void beginSync() {
        router.beginSync();
        gatewayPositions.clear();
    }

    /** The gateway's view of a position (recorded for the end of a sync). */
    void onPositionUpdate(InboundEvent e) {
        if (e.contract >= 0 && e.contract < contracts.size()) {
            gatewayPositions.put(key(e.accountId, e.contract), new long[] {e.netPosition, e.avgPriceMicroTicks});
        }
    }

    /**
     * The snapshot is complete: orders the gateway no longer has are closed, and every
     * position of the engine's accounts is set to the gateway's (flat where it reports none).
     */
    void endSync() {
        List<String> corrections = new ArrayList<>(router.endSync());
        for (long account : accounts) {
            for (int c = 0; c < contracts.size(); c++) {
                long[] theirs = gatewayPositions.get(key(account, c));
                long net = theirs == null ? 0 : theirs[0];
                Position ours = positions.position(account, c);
                if (ours.net() != net) {
                    corrections.add("position of account " + account + " in " + contracts.contract(c).id() + " was "
                            + ours.net() + ", the gateway has " + net);
                    ours.reconcileTo(net, theirs == null ? 0 : theirs[1]);
                }
            }
        }
        gatewayPositions.clear();
        if (replaying) {
            // an earlier session's reconciliation, repeated to rebuild its state: reported back then
            return;
        }
        if (corrections.isEmpty()) {
            LOG.info("reconciled with the gateway: nothing to correct");
            return;
        }
        LOG.warn("reconciled with the gateway: {}", corrections);
        try {
            listener.onReconciled(List.copyOf(corrections));
        } catch (RuntimeException e) {
            LOG.error("engine listener failed on a reconciliation", e);
        }
    }

    private static String key(long account, int contract) {
        return account + "/" + contract;
    }

    /** The kill switch: no new orders on any account while on. */
    void killSwitch(boolean on) {
        gate.killSwitch(on);
    }

    boolean killSwitchOn() {
        return gate.killSwitch();
    }

    // ---- RiskView ----

    @Override
    public long nowNanos() {
        return clock.nanos();
    }

    @Override
    public long net(long accountId, int contract) {
        return positions.position(accountId, contract).net();
    }

    @Override
    public long reachableGross(long accountId) {
        long gross = 0;
        for (int c = 0; c < contracts.size(); c++) {
            gross += RiskView.reachable(positions.position(accountId, c).net(), workingSize(accountId, c, true),
                    workingSize(accountId, c, false));
        }
        return gross;
    }

    @Override
    public long workingSize(long accountId, int contract, boolean buys) {
        return router.liveSize(accountId, contract, buys ? Side.BUY : Side.SELL);
    }

    @Override
    public long workingSizeNotCancelling(long accountId, int contract, boolean buys) {
        return router.liveSizeNotCancelling(accountId, contract, buys ? Side.BUY : Side.SELL);
    }

    @Override
    public int workingOrders(long accountId) {
        return router.liveOrderCount(accountId);
    }

    @Override
    public long referencePrice(int contract) {
        QuoteView q = dispatcher.quote(contract);
        if (q.lastTicks() != PriceTicks.NONE) {
            return q.lastTicks();
        }
        if (q.hasBid() && q.hasAsk()) {
            return Math.floorDiv(q.bidTicks() + q.askTicks(), 2);
        }
        return PriceTicks.NONE;
    }

    void onTime(long now) {
        router.onTime(now);
        if (!trailing.isEmpty()) {
            trailing.onTime(now);
        }
        for (long account : accounts) {
            RiskBreach lifted = gate.liftDailyBreach(account, now);
            if (lifted != null) {
                resumeAfter(lifted);
            }
            if (gate.tradingWindowFlattenDue(account, now)) {
                LOG.warn("account {}: the trading window has closed before the session close; flattening", account);
                closeOutAccount(account);
            } else if (gate.mustBeFlat(account, now) && !replaying) {
                forcedFlatten.enforce(account, now);
            }
        }
    }

    /** A new session: the strategies the daily loss limit breach halted (and nothing else has since) run again. */
    private void resumeAfter(RiskBreach lifted) {
        long account = lifted.accountId();
        LOG.warn("account {}: a new session has opened; the {} breach of the last one is lifted and its strategies "
                + "resume", account, lifted.rule());
        haltedByBreach.removeIf(host -> {
            if (host.accountId != account) {
                return false;
            }
            if (host.state() == StrategyState.HALTED) {
                host.state(StrategyState.RUNNING);
                resumed(host);
            }
            return true;
        });
        try {
            listener.onRiskBreachLifted(lifted);
        } catch (RuntimeException e) {
            LOG.error("engine listener failed on a lifted risk breach", e);
        }
    }

    /** Cancels every live order of the account and closes its positions at market, straight through the router. */
    private void closeOutAccount(long account) {
        closeOutAccount(account, true);
    }

    private void closeOutAccount(long account, boolean flatten) {
        for (int c = 0; c < contracts.size(); c++) {
            for (long id : router.liveOrders(account, c)) {
                // a close-out on its way is left to fill: cancelling it would only race a second one
                if (!closeOuts.contains(id)) {
                    router.cancel(id);
                }
            }
            if (flatten) {
                forcedFlatten.close(account, c, clock.nanos());
            }
        }
    }

    /** The operator stands the engine down: every working order cancelled, every position closed if asked. */
    void standDown(boolean flatten) {
        LOG.warn("standing down: cancelling every working order{}", flatten ? " and closing every position" : "");
        for (long account : accounts) {
            closeOutAccount(account, flatten);
        }
    }

    /**
     * A close the engine forces for a strategy's bracket (an overfill, a leg that can no longer
     * protect): at market, past the risk gate, owned by the strategy, and never more than takes
     * the position to flat once the close-outs already on their way (the strategy's own flatten
     * among them) have filled.
     */
    private void closeAtMost(StrategyHost owner, OrderRequest request) {
        long left = positions.position(request.accountId(), request.contract()).net()
                + closeOuts.coming(request.accountId(), request.contract());
        long most = request.side() == Side.SELL ? Math.max(left, 0) : Math.max(-left, 0);
        long size = Math.min(request.size(), most);
        if (size > 0) {
            OrderRequest close = OrderRequest.market(request.accountId(), request.contract(), request.side(), size);
            closeOuts.place(() -> route(owner, close, null));
        }
    }

    /** Sends a strategy's request through the risk gate; a refusal becomes a REJECTED order with the reason. */
    private long submit(StrategyHost host, OrderRequest request) {
        return route(host, request, gate.check(request, this));
    }

    /**
     * Sends a strategy's order, owned by it, or refuses it.
     *
     * @param refusal why the order may not go (the risk gate's or the desk's own reason), or null to send it
     */
    private long route(StrategyHost host, OrderRequest request, String refusal) {
        StrategyHost outer = placing;
        placing = host;
        try {
            if (refusal != null) {
                LOG.info("strategy '{}': order refused by the risk gate: {}", host.name, refusal);
            }
            long id = refusal == null ? router.place(request) : router.rejectLocally(request, refusal);
            if (router.order(id).state().isLive()) {
                owners.put(id, host);
            }
            return id;
        } finally {
            placing = outer;
        }
    }

    @Override
    public void onOrderChanged(ManagedOrder order) {
        closeOuts.onReported(order);
        StrategyHost owner = owners.get(order.clientOrderId());
        if (owner == null) {
            // the router reports a placement before place() has returned its id
            owner = placing;
        }
        if (owner != null) {
            if (missesEvents(owner)) {
                owner.missed.orderChanged(order);
            } else {
                dispatcher.deliver(owner.alone, EventDispatcher.ON_ORDER, order);
            }
        }
        brackets.onChanged(order);
        trailing.onChanged(order);
        closeOuts.onChanged(order);
    }

    /** Fills can still arrive for a finished order (reordered after its FILLED or CANCELLED update): owners last as long as the router's memory. */
    @Override
    public void onOrderForgotten(ManagedOrder order) {
        owners.remove(order.clientOrderId());
    }

    @Override
    public void onOrderFilled(ManagedOrder order, long tradeId, long size, long priceTicks) {
        try {
            listener.onOrderFilled(order, tradeId, size, priceTicks, clock.nanos());
        } catch (RuntimeException e) {
            LOG.error("engine listener failed on a fill", e);
        }
        StrategyHost owner = owners.get(order.clientOrderId());
        if (owner != null) {
            if (missesEvents(owner)) {
                owner.missed.filled(order, tradeId, size, priceTicks);
            } else {
                dispatcher.deliver(owner.alone, EventDispatcher.ON_FILL, fillView.set(order, tradeId, size, priceTicks));
            }
        }
        brackets.onFilled(order, size, priceTicks);
    }

    @Override
    public void onCommandRejected(ManagedOrder order, boolean cancel, CharSequence reason) {
        if (!cancel) {
            trailing.onModifyRejected(order);
            brackets.onModifyRejected(order);
        }
        StrategyHost owner = owners.get(order.clientOrderId());
        // a halted strategy is told its orders' latest state on resume, which shows the refusal's outcome
        if (owner != null && !missesEvents(owner)) {
            dispatcher.deliver(owner.alone, EventDispatcher.ON_COMMAND_REJECTED,
                    rejectionView.set(cancel, order, reason));
        }
    }

    /** A halted strategy hears nothing, but what happens to its orders is kept for when it resumes. */
    private boolean missesEvents(StrategyHost owner) {
        return owner.state() == StrategyState.HALTED && !replaying;
    }

    /**
     * A halted strategy runs again (an operator's resume, or the next session lifting a daily
     * loss breach): before any new event it is told, in the order they happened, the fills and
     * the latest state of each of its orders that changed meanwhile, then where its positions
     * stand.
     */
    void resumed(StrategyHost host) {
        List<MissedWhileHalted.Missed> missed = host.missed.drain();
        for (int i = 0; i < missed.size(); i++) {
            if (!host.isRunning()) {
                // it failed again while catching up: the rest waits for the next resume
                host.missed.putBack(missed.subList(i, missed.size()));
                return;
            }
            MissedWhileHalted.Missed m = missed.get(i);
            if (m.fill()) {
                dispatcher.deliver(host.alone, EventDispatcher.ON_FILL,
                        fillView.set(m.order(), m.tradeId(), m.size(), m.priceTicks()));
            } else {
                dispatcher.deliver(host.alone, EventDispatcher.ON_ORDER, m.order());
            }
        }
        for (Contract contract : host.contracts) {
            Position position = positions.position(host.accountId, contracts.indexOf(contract.id()));
            dispatcher.deliver(host.alone, EventDispatcher.ON_POSITION, positionView.set(position, clock.nanos()));
        }
    }

    /** One strategy's order entry. */
    private final class HostOrders implements Orders {
        private final StrategyHost host;

        HostOrders(StrategyHost host) {
            this.host = host;
        }

        private long send(Contract contract, OrderType type, Side side, long size, long limit, long stop, long trail) {
            return submit(host, new OrderRequest(host.accountId, ownIndex(contract), type, side, size, limit, stop, trail));
        }

        @Override
        public long market(Contract contract, Side side, long size) {
            return send(contract, OrderType.MARKET, side, size, PriceTicks.NONE, PriceTicks.NONE, 0);
        }

        @Override
        public long limit(Contract contract, Side side, long size, long limitTicks) {
            return send(contract, OrderType.LIMIT, side, size, limitTicks, PriceTicks.NONE, 0);
        }

        @Override
        public long stop(Contract contract, Side side, long size, long stopTicks) {
            return send(contract, OrderType.STOP, side, size, PriceTicks.NONE, stopTicks, 0);
        }

        @Override
        public long stopLimit(Contract contract, Side side, long size, long stopTicks, long limitTicks) {
            return send(contract, OrderType.STOP_LIMIT, side, size, limitTicks, stopTicks, 0);
        }

        @Override
        public long trailingStop(Contract contract, Side side, long size, long trailTicks) {
            if (!emulateTrailingStops) {
                return send(contract, OrderType.TRAILING_STOP, side, size, PriceTicks.NONE, PriceTicks.NONE, trailTicks);
            }
            int c = ownIndex(contract);
            // what was asked for, checked as the gateway's trailing stop would be
            OrderRequest asked = new OrderRequest(host.accountId, c, OrderType.TRAILING_STOP, side, size,
                    PriceTicks.NONE, PriceTicks.NONE, trailTicks);
            long reference = referencePrice(c);
            if (reference == PriceTicks.NONE) {
                return route(host, asked, "no market yet to trail a stop behind");
            }
            long stop = TrailingStops.stopBehind(side, reference, trailTicks);
            long id = send(contract, OrderType.STOP, side, size, PriceTicks.NONE, stop, 0);
            if (router.order(id).state().isLive()) {
                trailing.track(id, c, side, trailTicks, reference, stop, clock.nanos());
            }
            return id;
        }

        @Override
        public long joinBid(Contract contract, long size) {
            return send(contract, OrderType.JOIN_BID, Side.BUY, size, PriceTicks.NONE, PriceTicks.NONE, 0);
        }

        @Override
        public long joinAsk(Contract contract, long size) {
            return send(contract, OrderType.JOIN_ASK, Side.SELL, size, PriceTicks.NONE, PriceTicks.NONE, 0);
        }

        @Override
        public long bracket(Contract contract, Side side, long size, long limitTicks, long stopLossTicks,
                            long takeProfitTicks) {
            if (stopLossTicks <= 0 || takeProfitTicks <= 0) {
                throw new IllegalArgumentException("bracket distances must be positive ticks, were stop-loss "
                        + stopLossTicks + " and take-profit " + takeProfitTicks);
            }
            long entry = sendEntry(contract, side, size, limitTicks);
            if (refused(entry)) {
                return entry;
            }
            brackets.bracket(host, entry, stopLossTicks, takeProfitTicks);
            return protectedEntry(entry);
        }

        @Override
        public long bracketAtPrices(Contract contract, Side side, long size, long limitTicks, long stopLossPriceTicks,
                                    long takeProfitPriceTicks) {
            int sign = side.sign();
            boolean given = stopLossPriceTicks != PriceTicks.NONE && takeProfitPriceTicks != PriceTicks.NONE;
            boolean ordered = given && sign * (takeProfitPriceTicks - stopLossPriceTicks) > 0
                    && (limitTicks == PriceTicks.NONE || sign * (limitTicks - stopLossPriceTicks) > 0
                    && sign * (takeProfitPriceTicks - limitTicks) > 0);
            if (!ordered) {
                throw new IllegalArgumentException("a " + side + " bracket needs its stop-loss " + (sign > 0 ? "below"
                        : "above") + " the entry and its take-profit " + (sign > 0 ? "above" : "below")
                        + " it; were stop-loss " + stopLossPriceTicks + ", entry " + (limitTicks == PriceTicks.NONE
                        ? "at market" : limitTicks) + ", take-profit " + takeProfitPriceTicks + " (ticks)");
            }
            long entry = sendEntry(contract, side, size, limitTicks);
            if (refused(entry)) {
                return entry;
            }
            brackets.bracketAtPrices(host, entry, stopLossPriceTicks, takeProfitPriceTicks);
            return protectedEntry(entry);
        }

        private long sendEntry(Contract contract, Side side, long size, long limitTicks) {
            return limitTicks == PriceTicks.NONE
                    ? send(contract, OrderType.MARKET, side, size, PriceTicks.NONE, PriceTicks.NONE, 0)
                    : send(contract, OrderType.LIMIT, side, size, limitTicks, PriceTicks.NONE, 0);
        }

        /** An entry refused at once (by the risk gate) has nothing to protect: no group is kept for it. */
        private boolean refused(long entry) {
            ManagedOrder placed = router.order(entry);
            return placed.state().isTerminal() && placed.filledSize() == 0 && !placed.awaitsFills();
        }

        /** An entry that filled while being placed (an in-process exchange answers at once) is protected now. */
        private long protectedEntry(long entry) {
            ManagedOrder placed = router.order(entry);
            if (placed.filledSize() > 0) {
                brackets.onFilled(placed, placed.filledSize(), placed.avgFillMicroTicks() / PriceTicks.MICROS_PER_TICK);
            }
            return entry;
        }

        @Override
        public long[] oco(Contract contract, Side side, long size, long limitTicks, long stopTicks) {
            long limit = send(contract, OrderType.LIMIT, side, size, limitTicks, PriceTicks.NONE, 0);
            long stop = send(contract, OrderType.STOP, side, size, PriceTicks.NONE, stopTicks, 0);
            brackets.oco(host, limit, stop);
            return new long[] {limit, stop};
        }

        @Override
        public boolean cancel(long clientOrderId) {
            return owners.get(clientOrderId) == host && router.cancel(clientOrderId);
        }

        @Override
        public boolean modify(long clientOrderId, long size, long limitTicks, long stopTicks) {
            return owners.get(clientOrderId) == host && router.modify(clientOrderId, size, limitTicks, stopTicks);
        }

        @Override
        public void flatten(Contract contract) {
            closeOut(contract, false);
        }

        @Override
        public void flattenAll() {
            for (Contract contract : host.contracts) {
                closeOut(contract, false);
            }
        }

        @Override
        public void reverse(Contract contract) {
            closeOut(contract, true);
        }

        /**
         * Cancels this strategy's other live orders on the contract and trades the position to
         * flat (or to its reverse). Idempotent while the market orders it sent are on their way:
         * they count towards where the position is going, so calling it again on every event
         * until the fill arrives sends nothing more, and a reverse under way is not reversed
         * again; a flatten after a reverse sends only what brings the position back to flat.
         */
        private void closeOut(Contract contract, boolean reverse) {
            int index = ownIndex(contract);
            for (long id : router.liveOrders(host.accountId, index)) {
                if (owners.get(id) == host && !closeOuts.contains(id)) {
                    router.cancel(id);
                }
            }
            // every close-out on its way counts: this strategy's, a bracket's, the risk gate's
            long coming = closeOuts.coming(host.accountId, index);
            long net = positions.position(host.accountId, index).net();
            long target = !reverse ? 0 : coming == 0 ? -net : net + coming;
            long trade = target - (net + coming);
            if (trade != 0) {
                closeOuts.place(() -> market(contract, trade > 0 ? Side.BUY : Side.SELL, Math.abs(trade)));
            }
        }

        private int ownIndex(Contract contract) {
            return host.ownIndex(contracts, contract);
        }

        @Override
        public long position(Contract contract) {
            int index = contracts.indexOf(contract.id());
            return index < 0 ? 0 : positions.position(host.accountId, index).net();
        }
    }
}
