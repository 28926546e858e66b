package io.tickflow.engine.sim;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Long2ObjectHashMap;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.position.Position;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.FillTranslator;
import io.tickflow.engine.ring.OrderUpdateTranslator;
import io.tickflow.engine.ring.PositionUpdateTranslator;
import io.tickflow.engine.time.Clock;

/**
 * A matching engine for backtests (and the paper gateway): the {@link GatewayPort}
 * implemented in event time against the market-data stream, answering with exactly the
 * events a ProjectX gateway sends — a command ack or reject, order updates, fills (trades)
 * and position updates.
 *
 * <p><b>Fill model</b> ({@link FillModel}):
 * <ul>
 *   <li>MARKET fills at once at the opposite best price plus slippage (a buy at the ask + s, a
 *       sell at the bid − s); with no opposite quote it is rejected.</li>
 *   <li>LIMIT that is marketable on arrival fills at once at the opposite best price (no
 *       slippage; a limit never fills worse than its price). Otherwise it rests and fills at
 *       its own price when a trade prints through it (below a buy, above a sell) or the
 *       opposite quote moves through it; with {@code fillAtTouch} also when either reaches the
 *       price exactly; with {@code improveWhenThrough} at the market's price when that is
 *       better.</li>
 *   <li>STOP triggers when a trade prints at or through the stop, then fills like a market
 *       order (at the opposite best, or at the triggering print if there is no quote, plus
 *       slippage). STOP_LIMIT triggers the same way and then behaves as a limit.</li>
 *   <li>TRAILING_STOP keeps its stop {@code trail} ticks behind the best trade since it was
 *       placed (below the high for a sell, above the low for a buy) and triggers like a stop.</li>
 *   <li>JOIN_BID / JOIN_ASK become limits at the current best bid / ask (rejected without one).</li>
 *   <li><b>Partial fills</b> ({@code partialFills}): an order takes at most the liquidity shown —
 *       market orders, triggered stops and marketable limits the displayed opposite size of the
 *       current quote (shared by all orders on that quote, oldest first), a resting limit the
 *       size of the print that reaches it. The rest keeps working: a market order takes the
 *       displayed size of each later quote at that quote's price. A quote without sizes, or a
 *       print without one, is taken as unlimited.</li>
 *   <li><b>Queue position</b> ({@code queuePosition}): a limit joining the touch is behind the
 *       displayed size at its price (none if it improves the touch; unknown and learned when the
 *       touch reaches it if deeper); the queue shrinks when the displayed size does and when
 *       prints at the price eat it; only the print size left over fills the order. A print
 *       through the price fills it regardless of the queue.</li>
 * </ul>
 *
 * <p>Engine thread only (or the paper gateway's matching thread). Market data allocates
 * nothing unless an order fills.
 */
public final class SimulatedExchange implements GatewayPort {
    /** ProjectX Place error code OrderRejected. */
    static final int ORDER_REJECTED = 2;
    /** ProjectX Cancel error code OrderNotFound. */
    static final int ORDER_NOT_FOUND = 2;
    /** Liquidity of a quote or print that shows no size: no limit. */
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final ContractRegistry contracts;
    private final Clock clock;
    private final FillModel model;
    private final SimEventSink sink;
    private final long[] bid;
    private final long[] ask;
    private final long[] bidSize;
    private final long[] askSize;
    /** Displayed size at the best bid / ask not yet taken by orders on the current quote. */
    private final long[] bidLeft;
    private final long[] askLeft;
    /** Working orders per contract, oldest first: the order in which they meet liquidity. */
    private final List<List<SimOrder>> working = new ArrayList<>();
    private final Long2ObjectHashMap<SimOrder> byGatewayId = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Position[]> positions = new Long2ObjectHashMap<>();
    private final CommandResultTranslator answer = new CommandResultTranslator();
    private final OrderUpdateTranslator orderUpdate = new OrderUpdateTranslator();
    private final FillTranslator fill = new FillTranslator();
    private final PositionUpdateTranslator positionUpdate = new PositionUpdateTranslator();
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    /** Size of the trade print being matched that orders have not yet taken. */
    private long printLeft;

    public SimulatedExchange(ContractRegistry contracts, Clock clock, FillModel model, SimEventSink sink) {
        this.contracts = contracts;
        this.clock = clock;
        this.model = model;
        this.sink = sink;
        int n = contracts.size();
        this.bid = new long[n];
        this.ask = new long[n];
        this.bidSize = new long[n];
        this.askSize = new long[n];
        this.bidLeft = new long[n];
        this.askLeft = new long[n];
        for (int c = 0; c < n; c++) {
            bid[c] = PriceTicks.NONE;
            ask[c] = PriceTicks.NONE;
            working.add(new ArrayList<>());
        }
    }

    // ---- commands ----

    @Override
    public void place(long clientOrderId, OrderRequest r) {
        long now = clock.nanos();
        int c = r.contract();
        long limit = r.limitTicks();
        if (r.type() == OrderType.JOIN_BID || r.type() == OrderType.JOIN_ASK) {
            limit = r.type() == OrderType.JOIN_BID ? bid[c] : ask[c];
        }
        String problem = problem(r, limit);
        if (problem != null) {
            sink.publish(answer.reject(CommandKind.PLACE, now, now, r.accountId(), clientOrderId, 0, ORDER_REJECTED,
                    problem));
            return;
        }
        SimOrder order = new SimOrder(nextOrderId++, clientOrderId, r, limit);
        sink.publish(answer.ack(CommandKind.PLACE, now, now, r.accountId(), clientOrderId, order.gatewayOrderId));
        if (order.isMarketLike()) {
            long size = take(c, r.side(), order.size);
            if (size == order.size) {
                execute(order, marketPrice(c, r.side(), PriceTicks.NONE), size);
                return;
            }
            rest(order);
            execute(order, marketPrice(c, r.side(), PriceTicks.NONE), size);
            return;
        }
        rest(order);
        if (order.isLimitLike() && marketable(order)) {
            execute(order, opposite(c, r.side()), take(c, r.side(), order.remaining()));
        }
        joinQueue(order);
    }

    private String problem(OrderRequest r, long limit) {
        int c = r.contract();
        if (c < 0 || c >= contracts.size()) {
            return "unknown contract";
        }
        if (r.type() == OrderType.MARKET && opposite(c, r.side()) == PriceTicks.NONE) {
            return "no market in " + contracts.contract(c).id() + " to fill a market order";
        }
        if ((r.type() == OrderType.JOIN_BID || r.type() == OrderType.JOIN_ASK) && limit == PriceTicks.NONE) {
            return "no " + (r.type() == OrderType.JOIN_BID ? "bid" : "ask") + " to join";
        }
        return null;
    }

    private void rest(SimOrder order) {
        publishOrder(order, OrderStatus.OPEN);
        byGatewayId.put(order.gatewayOrderId, order);
        working.get(order.request.contract()).add(order);
    }

    @Override
    public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
        long now = clock.nanos();
        SimOrder order = byGatewayId.remove(gatewayOrderId);
        if (order == null) {
            sink.publish(answer.reject(CommandKind.CANCEL, now, now, accountId, clientOrderId, gatewayOrderId,
                    ORDER_NOT_FOUND, "order " + gatewayOrderId + " is not working"));
            return;
        }
        working.get(order.request.contract()).remove(order);
        sink.publish(answer.ack(CommandKind.CANCEL, now, now, accountId, clientOrderId, gatewayOrderId));
        publishOrder(order, OrderStatus.CANCELLED);
    }

    @Override
    public void modify(long clientOrderId, long accountId, long gatewayOrderId, int contract, long size,
                       long limitTicks,
                       long stopTicks) {
        long now = clock.nanos();
        SimOrder order = byGatewayId.get(gatewayOrderId);
        String problem = order == null ? "order " + gatewayOrderId + " is not working"
                : size != 0 && size <= order.filled ? "size " + size + " is not above the " + order.filled + " filled"
                : null;
        if (problem != null) {
            sink.publish(answer.reject(CommandKind.MODIFY, now, now, accountId, clientOrderId, gatewayOrderId,
                    ORDER_NOT_FOUND, problem));
            return;
        }
        if (size > 0) {
            order.size = size;
        }
        if (limitTicks != PriceTicks.NONE && limitTicks != order.limitTicks) {
            order.limitTicks = limitTicks;
            order.queueAhead = SimOrder.QUEUE_UNKNOWN;
        }
        if (stopTicks != PriceTicks.NONE) {
            order.stopTicks = stopTicks;
        }
        sink.publish(answer.ack(CommandKind.MODIFY, now, now, accountId, clientOrderId, gatewayOrderId));
        publishOrder(order, OrderStatus.OPEN);
        int c = order.request.contract();
        if (order.isLimitLike() && marketable(order)) {
            execute(order, opposite(c, order.request.side()), take(c, order.request.side(), order.remaining()));
        }
        joinQueue(order);
    }

    // ---- market data ----

    /** A new top of book (sizes 0 when unknown): working market orders and limits the quote crosses fill. */
    public void onQuote(int contract, long bidTicks, long bidQty, long askTicks, long askQty) {
        bid[contract] = bidTicks;
        ask[contract] = askTicks;
        bidSize[contract] = bidQty;
        askSize[contract] = askQty;
        bidLeft[contract] = bidQty > 0 ? bidQty : UNLIMITED;
        askLeft[contract] = askQty > 0 ? askQty : UNLIMITED;
        List<SimOrder> orders = working.get(contract);
        for (int i = 0; i < orders.size(); ) {
            SimOrder o = orders.get(i);
            Side side = o.request.side();
            if (o.isMarketLike()) {
                if (opposite(contract, side) != PriceTicks.NONE) {
                    execute(o, marketPrice(contract, side, PriceTicks.NONE), take(contract, side, o.remaining()));
                }
            } else if (o.isLimitLike()) {
                if (crossedByQuote(o)) {
                    execute(o, throughPrice(o, opposite(contract, side)), take(contract, side, o.remaining()));
                }
                updateQueue(o);
            }
            if (i < orders.size() && orders.get(i) == o) {
                i++;
            }
        }
    }

    /** A trade print (size 0 when unknown): limits it reaches fill, stops trigger, trailing stops trail. */
    public void onTrade(int contract, long priceTicks, long size) {
        printLeft = size > 0 ? size : UNLIMITED;
        List<SimOrder> orders = working.get(contract);
        for (int i = 0; i < orders.size(); ) {
            SimOrder o = orders.get(i);
            if (o.awaitsTrigger()) {
                trail(o, priceTicks);
                if (stopReached(o, priceTicks)) {
                    trigger(o, contract, priceTicks);
                }
            } else if (o.isLimitLike()) {
                matchPrint(o, priceTicks);
            }
            if (i < orders.size() && orders.get(i) == o) {
                i++;
            }
        }
    }

    private void trigger(SimOrder o, int contract, long printTicks) {
        o.triggered = true;
        Side side = o.request.side();
        if (o.isLimitLike()) {
            if (marketable(o)) {
                execute(o, opposite(contract, side), take(contract, side, o.remaining()));
            }
            joinQueue(o);
            return;
        }
        long size = opposite(contract, side) == PriceTicks.NONE ? o.remaining() : take(contract, side, o.remaining());
        execute(o, marketPrice(contract, side, printTicks), size);
    }

    /** A print reaches a resting limit: through its price it fills; at its price the queue goes first. */
    private void matchPrint(SimOrder o, long price) {
        boolean buy = o.request.side() == Side.BUY;
        boolean through = buy ? price < o.limitTicks : price > o.limitTicks;
        if (!through && price != o.limitTicks) {
            return;
        }
        if (!through && model.queuePosition()) {
            if (o.queueAhead == SimOrder.QUEUE_UNKNOWN) {
                o.queueAhead = sameSide(o) == o.limitTicks ? sameSideSize(o) : 0;
            }
            long eaten = Math.min(o.queueAhead, printLeft);
            o.queueAhead -= eaten;
            printLeft = printLeft == UNLIMITED ? UNLIMITED : printLeft - eaten;
            if (o.queueAhead > 0 || printLeft == 0) {
                return;
            }
        } else if (!through && !model.fillAtTouch()) {
            return;
        }
        long size = model.partialFills() ? Math.min(o.remaining(), printLeft) : o.remaining();
        if (printLeft != UNLIMITED) {
            printLeft -= Math.min(size, printLeft);
        }
        execute(o, throughPrice(o, price), size);
    }

    /** A limit now resting: its place in the queue at its price, if the model keeps one. */
    private void joinQueue(SimOrder o) {
        if (model.queuePosition() && o.isLimitLike() && o.remaining() > 0 && byGatewayId.containsKey(o.gatewayOrderId)) {
            updateQueue(o);
        }
    }

    /**
     * The queue ahead of a resting limit after a quote: the displayed size when the touch is at
     * its price (never more than it was), nothing when the limit improves the touch.
     */
    private void updateQueue(SimOrder o) {
        if (!model.queuePosition()) {
            return;
        }
        long touch = sameSide(o);
        if (touch == PriceTicks.NONE) {
            return;
        }
        boolean buy = o.request.side() == Side.BUY;
        if (touch == o.limitTicks) {
            long shown = sameSideSize(o);
            o.queueAhead = o.queueAhead == SimOrder.QUEUE_UNKNOWN ? shown : Math.min(o.queueAhead, shown);
        } else if (buy ? o.limitTicks > touch : o.limitTicks < touch) {
            o.queueAhead = 0;
        }
    }

    private long sameSide(SimOrder o) {
        int c = o.request.contract();
        return o.request.side() == Side.BUY ? bid[c] : ask[c];
    }

    private long sameSideSize(SimOrder o) {
        int c = o.request.contract();
        return Math.max(0, o.request.side() == Side.BUY ? bidSize[c] : askSize[c]);
    }

    private long opposite(int c, Side side) {
        return side == Side.BUY ? ask[c] : bid[c];
    }

    /** Takes up to {@code want} of the displayed opposite size (all of it without partial fills). */
    private long take(int c, Side side, long want) {
        if (!model.partialFills()) {
            return want;
        }
        long[] left = side == Side.BUY ? askLeft : bidLeft;
        long taken = Math.min(want, left[c]);
        if (left[c] != UNLIMITED) {
            left[c] -= taken;
        }
        return taken;
    }

    /** A resting limit's fill price when the market reaches it: its own, or the market's if better and the model says so. */
    private long throughPrice(SimOrder o, long market) {
        if (!model.improveWhenThrough()) {
            return o.limitTicks;
        }
        return o.request.side() == Side.BUY ? Math.min(o.limitTicks, market) : Math.max(o.limitTicks, market);
    }

    private void trail(SimOrder o, long price) {
        if (o.request.type() != OrderType.TRAILING_STOP) {
            return;
        }
        boolean sell = o.request.side() == Side.SELL;
        if (o.extreme == PriceTicks.NONE || (sell ? price > o.extreme : price < o.extreme)) {
            o.extreme = price;
            o.stopTicks = sell ? price - o.request.trailTicks() : price + o.request.trailTicks();
        }
    }

    private static boolean stopReached(SimOrder o, long price) {
        return o.request.side() == Side.BUY ? price >= o.stopTicks : price <= o.stopTicks;
    }

    private boolean marketable(SimOrder o) {
        long touch = opposite(o.request.contract(), o.request.side());
        return touch != PriceTicks.NONE && (o.request.side() == Side.BUY ? touch <= o.limitTicks : touch >= o.limitTicks);
    }

    private boolean crossedByQuote(SimOrder o) {
        long touch = opposite(o.request.contract(), o.request.side());
        if (touch == PriceTicks.NONE) {
            return false;
        }
        if (o.request.side() == Side.BUY) {
            return model.fillAtTouch() ? touch <= o.limitTicks : touch < o.limitTicks;
        }
        return model.fillAtTouch() ? touch >= o.limitTicks : touch > o.limitTicks;
    }

    /** The price a market order gets: the opposite best (or {@code fallback}) plus slippage against the trader. */
    private long marketPrice(int c, Side side, long fallback) {
        long touch = opposite(c, side);
        long base = touch != PriceTicks.NONE ? touch : fallback;
        return side == Side.BUY ? base + model.slippageTicks() : base - model.slippageTicks();
    }

    // ---- fills and what they publish ----

    /** Fills {@code size} of the order at {@code price} (nothing if 0): a fill, the order's new state, the position. */
    private void execute(SimOrder o, long price, long size) {
        if (size <= 0) {
            return;
        }
        long now = clock.nanos();
        OrderRequest r = o.request;
        o.filled += size;
        o.filledValueTicks += size * price;
        boolean done = o.remaining() == 0;
        if (done) {
            working.get(r.contract()).remove(o);
            byGatewayId.remove(o.gatewayOrderId);
        }
        Position position = position(r.accountId(), r.contract());
        long before = position.net();
        long realized = position.apply(r.side(), size, price, 0);
        boolean closing = before != 0 && Long.signum(before) != r.side().sign();
        long pnlCents = closing ? contracts.contract(r.contract()).ticksToCents(realized, 1) : Long.MIN_VALUE;
        sink.publish(fill.set(r.contract(), now, now, r.accountId(), nextTradeId++, o.gatewayOrderId, r.side(), size,
                price, 0, pnlCents, false));
        publishOrder(o, done ? OrderStatus.FILLED : OrderStatus.OPEN);
        sink.publish(positionUpdate.set(r.contract(), now, now, r.accountId(), position.net(),
                position.avgPriceMicroTicks()));
    }

    private void publishOrder(SimOrder o, OrderStatus status) {
        long now = clock.nanos();
        OrderRequest r = o.request;
        sink.publish(orderUpdate.set(r.contract(), now, now, r.accountId(), o.gatewayOrderId, o.clientOrderId, status,
                r.type(), r.side(), o.size, o.filled, o.limitTicks, o.stopTicks, averageMicroTicks(o)));
    }

    /** Average fill price in millionths of a tick, without overflowing on large notionals. */
    private static long averageMicroTicks(SimOrder o) {
        if (o.filled == 0) {
            return 0;
        }
        long whole = o.filledValueTicks / o.filled;
        long rest = o.filledValueTicks % o.filled;
        return whole * PriceTicks.MICROS_PER_TICK + rest * PriceTicks.MICROS_PER_TICK / o.filled;
    }

    private Position position(long accountId, int contract) {
        Position[] byContract = positions.get(accountId);
        if (byContract == null) {
            byContract = new Position[contracts.size()];
            positions.put(accountId, byContract);
        }
        if (byContract[contract] == null) {
            byContract[contract] = new Position(accountId, contracts.contract(contract));
        }
        return byContract[contract];
    }

    /** The exchange's own view of a position: the truth a backtest's engine must agree with. */
    public long net(long accountId, int contract) {
        return position(accountId, contract).net();
    }

    /** Orders working now on {@code contract}. */
    public int restingOrders(int contract) {
        return working.get(contract).size();
    }
}
