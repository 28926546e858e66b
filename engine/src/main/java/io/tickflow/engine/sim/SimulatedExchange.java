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
 *   <li>MARKET fills at once, in full, at the opposite best price plus slippage (a buy at the
 *       ask + s, a sell at the bid − s); with no opposite quote it is rejected.</li>
 *   <li>LIMIT that is marketable on arrival fills at once at the opposite best price (no
 *       slippage; a limit never fills worse than its price). Otherwise it rests and fills, in
 *       full, at its own price when a trade prints through it (below a buy, above a sell) or
 *       the opposite quote moves through it; with {@code fillAtTouch} also when either
 *       reaches the price exactly.</li>
 *   <li>STOP triggers when a trade prints at or through the stop, then fills like a market
 *       order (at the opposite best, or at the triggering print if there is no quote, plus
 *       slippage). STOP_LIMIT triggers the same way and then behaves as a limit.</li>
 *   <li>TRAILING_STOP keeps its stop {@code trail} ticks behind the best trade since it was
 *       placed (below the high for a sell, above the low for a buy) and triggers like a stop.</li>
 *   <li>JOIN_BID / JOIN_ASK become limits at the current best bid / ask (rejected without one).</li>
 * </ul>
 * Orders fill in full: displayed size is not consumed (queue position is not modelled).
 *
 * <p>Engine thread only (or the paper gateway's matching thread). Market data allocates
 * nothing unless an order fills.
 */
public final class SimulatedExchange implements GatewayPort {
    /** ProjectX Place error code OrderRejected. */
    static final int ORDER_REJECTED = 2;
    /** ProjectX Cancel error code OrderNotFound. */
    static final int ORDER_NOT_FOUND = 2;

    private final ContractRegistry contracts;
    private final Clock clock;
    private final FillModel model;
    private final SimEventSink sink;
    private final long[] bid;
    private final long[] ask;
    private final List<List<SimOrder>> resting = new ArrayList<>();
    private final Long2ObjectHashMap<SimOrder> byGatewayId = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Position[]> positions = new Long2ObjectHashMap<>();
    private final CommandResultTranslator answer = new CommandResultTranslator();
    private final OrderUpdateTranslator orderUpdate = new OrderUpdateTranslator();
    private final FillTranslator fill = new FillTranslator();
    private final PositionUpdateTranslator positionUpdate = new PositionUpdateTranslator();
    private long nextOrderId = 1;
    private long nextTradeId = 1;

    public SimulatedExchange(ContractRegistry contracts, Clock clock, FillModel model, SimEventSink sink) {
        this.contracts = contracts;
        this.clock = clock;
        this.model = model;
        this.sink = sink;
        this.bid = new long[contracts.size()];
        this.ask = new long[contracts.size()];
        for (int c = 0; c < contracts.size(); c++) {
            bid[c] = PriceTicks.NONE;
            ask[c] = PriceTicks.NONE;
            resting.add(new ArrayList<>());
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
        if (r.type() == OrderType.MARKET) {
            execute(order, marketPrice(c, r.side(), PriceTicks.NONE));
            return;
        }
        publishOrder(order, OrderStatus.OPEN, 0);
        byGatewayId.put(order.gatewayOrderId, order);
        resting.get(c).add(order);
        if (isLimitLike(order) && marketable(order)) {
            execute(order, r.side() == Side.BUY ? ask[c] : bid[c]);
        }
    }

    private String problem(OrderRequest r, long limit) {
        int c = r.contract();
        if (c < 0 || c >= contracts.size()) {
            return "unknown contract";
        }
        long opposite = r.side() == Side.BUY ? ask[c] : bid[c];
        if (r.type() == OrderType.MARKET && opposite == PriceTicks.NONE) {
            return "no market in " + contracts.contract(c).id() + " to fill a market order";
        }
        if ((r.type() == OrderType.JOIN_BID || r.type() == OrderType.JOIN_ASK) && limit == PriceTicks.NONE) {
            return "no " + (r.type() == OrderType.JOIN_BID ? "bid" : "ask") + " to join";
        }
        return null;
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
        resting.get(order.request.contract()).remove(order);
        sink.publish(answer.ack(CommandKind.CANCEL, now, now, accountId, clientOrderId, gatewayOrderId));
        publishOrder(order, OrderStatus.CANCELLED, 0);
    }

    @Override
    public void modify(long clientOrderId, long accountId, long gatewayOrderId, long size, long limitTicks,
                       long stopTicks) {
        long now = clock.nanos();
        SimOrder order = byGatewayId.get(gatewayOrderId);
        if (order == null || (size != 0 && size < 1)) {
            sink.publish(answer.reject(CommandKind.MODIFY, now, now, accountId, clientOrderId, gatewayOrderId,
                    ORDER_NOT_FOUND, order == null ? "order " + gatewayOrderId + " is not working" : "invalid size"));
            return;
        }
        if (size > 0) {
            order.size = size;
        }
        if (limitTicks != PriceTicks.NONE) {
            order.limitTicks = limitTicks;
        }
        if (stopTicks != PriceTicks.NONE) {
            order.stopTicks = stopTicks;
        }
        sink.publish(answer.ack(CommandKind.MODIFY, now, now, accountId, clientOrderId, gatewayOrderId));
        publishOrder(order, OrderStatus.OPEN, 0);
        if (isLimitLike(order) && marketable(order)) {
            int c = order.request.contract();
            execute(order, order.request.side() == Side.BUY ? ask[c] : bid[c]);
        }
    }

    // ---- market data ----

    /** A new top of book: marketable resting limits fill. */
    public void onQuote(int contract, long bidTicks, long askTicks) {
        bid[contract] = bidTicks;
        ask[contract] = askTicks;
        List<SimOrder> orders = resting.get(contract);
        for (int i = orders.size() - 1; i >= 0; i--) {
            SimOrder o = orders.get(i);
            if (isLimitLike(o) && crossedByQuote(o)) {
                execute(o, throughPrice(o, o.request.side() == Side.BUY ? askTicks : bidTicks));
            }
        }
    }

    /** A trade print: limits traded through fill, stops trigger, trailing stops trail. */
    public void onTrade(int contract, long priceTicks) {
        List<SimOrder> orders = resting.get(contract);
        for (int i = orders.size() - 1; i >= 0; i--) {
            SimOrder o = orders.get(i);
            if (!o.triggered && isStopLike(o.request.type())) {
                trail(o, priceTicks);
                if (stopReached(o, priceTicks)) {
                    o.triggered = true;
                    if (o.request.type() != OrderType.STOP_LIMIT) {
                        execute(o, marketPrice(contract, o.request.side(), priceTicks));
                        continue;
                    }
                    if (marketable(o)) {
                        execute(o, o.request.side() == Side.BUY ? ask[contract] : bid[contract]);
                        continue;
                    }
                }
            }
            if (isLimitLike(o) && tradedThrough(o, priceTicks)) {
                execute(o, throughPrice(o, priceTicks));
            }
        }
    }

    /** A resting limit's fill price when the market reaches it: its own, or the market's if better and the model says so. */
    private long throughPrice(SimOrder o, long market) {
        if (!model.improveWhenThrough()) {
            return o.limitTicks;
        }
        return o.request.side() == Side.BUY ? Math.min(o.limitTicks, market) : Math.max(o.limitTicks, market);
    }

    private static boolean isStopLike(OrderType type) {
        return type == OrderType.STOP || type == OrderType.STOP_LIMIT || type == OrderType.TRAILING_STOP;
    }

    private static boolean isLimitLike(SimOrder o) {
        OrderType t = o.request.type();
        return t == OrderType.LIMIT || t == OrderType.JOIN_BID || t == OrderType.JOIN_ASK
                || (t == OrderType.STOP_LIMIT && o.triggered);
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
        int c = o.request.contract();
        return o.request.side() == Side.BUY
                ? ask[c] != PriceTicks.NONE && ask[c] <= o.limitTicks
                : bid[c] != PriceTicks.NONE && bid[c] >= o.limitTicks;
    }

    private boolean crossedByQuote(SimOrder o) {
        int c = o.request.contract();
        if (o.request.side() == Side.BUY) {
            return ask[c] != PriceTicks.NONE && (model.fillAtTouch() ? ask[c] <= o.limitTicks : ask[c] < o.limitTicks);
        }
        return bid[c] != PriceTicks.NONE && (model.fillAtTouch() ? bid[c] >= o.limitTicks : bid[c] > o.limitTicks);
    }

    private boolean tradedThrough(SimOrder o, long price) {
        if (o.request.side() == Side.BUY) {
            return model.fillAtTouch() ? price <= o.limitTicks : price < o.limitTicks;
        }
        return model.fillAtTouch() ? price >= o.limitTicks : price > o.limitTicks;
    }

    /** The price a market order gets: the opposite best (or {@code fallback}) plus slippage against the trader. */
    private long marketPrice(int c, Side side, long fallback) {
        long touch = side == Side.BUY ? ask[c] : bid[c];
        long base = touch != PriceTicks.NONE ? touch : fallback;
        return side == Side.BUY ? base + model.slippageTicks() : base - model.slippageTicks();
    }

    // ---- fills and what they publish ----

    private void execute(SimOrder o, long price) {
        long now = clock.nanos();
        OrderRequest r = o.request;
        resting.get(r.contract()).remove(o);
        byGatewayId.remove(o.gatewayOrderId);
        Position position = position(r.accountId(), r.contract());
        long before = position.net();
        long realized = position.apply(r.side(), o.size, price, 0);
        boolean closing = before != 0 && Long.signum(before) != r.side().sign();
        long pnlCents = closing ? contracts.contract(r.contract()).ticksToCents(realized, 1) : Long.MIN_VALUE;
        sink.publish(fill.set(r.contract(), now, now, r.accountId(), nextTradeId++, o.gatewayOrderId, r.side(), o.size,
                price, 0, pnlCents, false));
        publishOrderFilled(o, price);
        sink.publish(positionUpdate.set(r.contract(), now, now, r.accountId(), position.net(),
                position.avgPriceMicroTicks()));
    }

    private void publishOrder(SimOrder o, OrderStatus status, long filled) {
        long now = clock.nanos();
        OrderRequest r = o.request;
        sink.publish(orderUpdate.set(r.contract(), now, now, r.accountId(), o.gatewayOrderId, o.clientOrderId, status,
                r.type(), r.side(), o.size, filled, o.limitTicks, o.stopTicks, 0));
    }

    private void publishOrderFilled(SimOrder o, long price) {
        long now = clock.nanos();
        OrderRequest r = o.request;
        sink.publish(orderUpdate.set(r.contract(), now, now, r.accountId(), o.gatewayOrderId, o.clientOrderId,
                OrderStatus.FILLED, r.type(), r.side(), o.size, o.size, o.limitTicks, o.stopTicks,
                price * PriceTicks.MICROS_PER_TICK));
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

    /** Orders resting now on {@code contract}. */
    public int restingOrders(int contract) {
        return resting.get(contract).size();
    }
}
