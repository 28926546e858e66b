package io.tickflow.adapters.soak;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * A seeded random strategy for the chaos soak, one per account and contract so that what
 * protects a position is unambiguous. Two styles:
 * <ul>
 *   <li>{@code BRACKETS}: one engine-emulated bracket at a time (market or limit entry), only
 *       when flat with nothing working; now and then cancels a resting entry or flattens.</li>
 *   <li>{@code FLOW}: market, limit, stop and stop-limit orders, OCO pairs, cancels,
 *       modifies, flattens and reversals.</li>
 * </ul>
 * Acts on the engine thread, on some quotes, while {@code trading} is set. What it was told is
 * kept in concurrent maps for the soak's checks on the test thread: the client ids it placed,
 * the bracket legs the engine placed for it (protective orders), the last status of each.
 */
final class SoakTrader implements Strategy {
    enum Style { BRACKETS, FLOW }

    final String name;
    private final Style style;
    private final Random random;
    private final int oneIn;
    private final long maxSize;
    private final AtomicBoolean trading;
    private StrategyContext ctx;
    private Contract contract;
    /** Client ids this strategy placed itself, with the size asked. */
    final Map<Long, Long> placed = new ConcurrentHashMap<>();
    /** Client ids of stop/limit orders the engine placed on its behalf: bracket legs. */
    final Set<Long> protective = ConcurrentHashMap.newKeySet();
    final Map<Long, OrderStatus> lastStatus = new ConcurrentHashMap<>();
    final AtomicLong actions = new AtomicLong();
    /** Set while this strategy calls {@link Orders}: orders reported meanwhile are its own. */
    private boolean inOwnCall;

    SoakTrader(String name, Style style, long seed, int oneIn, long maxSize, AtomicBoolean trading) {
        this.name = name;
        this.style = style;
        this.random = new Random(seed);
        this.oneIn = oneIn;
        this.maxSize = maxSize;
        this.trading = trading;
    }

    @Override
    public void onStart(StrategyContext context) {
        ctx = context;
        contract = context.contracts().get(0);
    }

    @Override
    public void onQuote(QuoteView q) {
        if (!trading.get() || !q.hasBid() || !q.hasAsk() || random.nextInt(oneIn) != 0) {
            return;
        }
        actions.incrementAndGet();
        inOwnCall = true;
        try {
            if (style == Style.BRACKETS) {
                brackets(ctx.orders(), q);
            } else {
                flow(ctx.orders(), q);
            }
        } finally {
            inOwnCall = false;
        }
    }

    private boolean nothingWorking() {
        for (Map.Entry<Long, OrderStatus> e : lastStatus.entrySet()) {
            if (!e.getValue().isTerminal()) {
                return false;
            }
        }
        return true;
    }

    private long liveEntry() {
        for (Map.Entry<Long, OrderStatus> e : lastStatus.entrySet()) {
            if (!e.getValue().isTerminal() && placed.containsKey(e.getKey())) {
                return e.getKey();
            }
        }
        return 0;
    }

    private void brackets(Orders o, QuoteView q) {
        long position = o.position(contract);
        if (position == 0 && nothingWorking()) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long size = 1 + random.nextInt((int) Math.min(2, maxSize));
            long stopLoss = 2 + random.nextInt(6);
            long takeProfit = 2 + random.nextInt(6);
            long entry = random.nextBoolean() ? PriceTicks.NONE
                    : side == Side.BUY ? q.bidTicks() - random.nextInt(3) : q.askTicks() + random.nextInt(3);
            record(o.bracket(contract, side, size, entry, stopLoss, takeProfit), size);
            return;
        }
        int pick = random.nextInt(10);
        long entry = liveEntry();
        if (pick == 0 && entry != 0) {
            o.cancel(entry);
        } else if (pick == 1 && position != 0) {
            o.flatten(contract);
        }
    }

    private void flow(Orders o, QuoteView q) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long size = 1 + random.nextInt((int) maxSize);
        long away = 1 + random.nextInt(6);
        long toward = side == Side.BUY ? -1 : 1;
        switch (random.nextInt(10)) {
            case 0 -> record(o.market(contract, side, size), size);
            case 1, 2 -> record(o.limit(contract, side, size, (side == Side.BUY ? q.bidTicks() : q.askTicks())
                    + toward * (away - 1)), size);
            case 3 -> record(o.stop(contract, side, size, (side == Side.BUY ? q.askTicks() : q.bidTicks())
                    - toward * away), size);
            case 4 -> {
                long stop = (side == Side.BUY ? q.askTicks() : q.bidTicks()) - toward * away;
                record(o.stopLimit(contract, side, size, stop, stop - toward), size);
            }
            case 5 -> {
                long[] pair = o.oco(contract, side, size, (side == Side.BUY ? q.bidTicks() : q.askTicks())
                        + toward * away, (side == Side.BUY ? q.askTicks() : q.bidTicks()) - toward * away);
                record(pair[0], size);
                record(pair[1], size);
            }
            case 6 -> {
                long id = anyLive();
                if (id != 0) {
                    o.cancel(id);
                }
            }
            case 7 -> {
                long id = anyLive();
                if (id != 0) {
                    o.modify(id, 1 + random.nextInt((int) maxSize), PriceTicks.NONE, PriceTicks.NONE);
                }
            }
            case 8 -> o.flatten(contract);
            default -> {
                if (Math.abs(o.position(contract)) * 2 <= maxSize) {
                    o.reverse(contract);
                }
            }
        }
    }

    private long anyLive() {
        Long[] ids = lastStatus.entrySet().stream().filter(e -> !e.getValue().isTerminal())
                .map(Map.Entry::getKey).filter(placed::containsKey).toArray(Long[]::new);
        return ids.length == 0 ? 0 : ids[random.nextInt(ids.length)];
    }

    private void record(long clientOrderId, long size) {
        placed.put(clientOrderId, size);
    }

    @Override
    public void onOrder(OrderView order) {
        long id = order.clientOrderId();
        if (id == 0) {
            return;
        }
        // reported outside the strategy's own calls, never placed by it: a leg the engine placed after an entry fill
        if (!inOwnCall && !placed.containsKey(id) && !lastStatus.containsKey(id)
                && (order.type() == OrderType.STOP || order.type() == OrderType.LIMIT)) {
            protective.add(id);
        }
        lastStatus.put(id, order.status());
    }
}
