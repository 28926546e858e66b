package io.tickflow.engine.sim;

import static io.tickflow.engine.testing.TestContracts.ES;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * A strategy that does random things, seeded, on every fourth quote: every order type,
 * brackets, OCO pairs, cancels, modifies, flattens, reversals. It records what it was told
 * (fills per trade id, filled size per order, last status per order, the legs of its OCO
 * pairs and brackets) for invariant checks.
 *
 * <p>The SPI returns only a bracket's entry id; the engine places the legs itself when the
 * entry fills. They are recognised from what the strategy hears: every order the strategy
 * places is first heard during its own {@link Orders} call (the router reports a placement
 * before returning its id), so an order first heard outside those calls is one the engine
 * placed for it — a bracket's stop-loss and take-profit, placed back to back and heard in
 * that order.
 */
final class RandomTrader implements Strategy {
    private final Random random;
    private StrategyContext ctx;
    private final List<Long> mine = new ArrayList<>();
    final List<long[]> ocoPairs = new ArrayList<>();
    /** The legs of each bracket whose entry filled: {stop-loss, take-profit} client order ids. */
    final List<long[]> bracketLegs = new ArrayList<>();
    final Map<Long, Long> filledByOrder = new HashMap<>();
    final Map<Long, Integer> fillsPerTrade = new HashMap<>();
    final Map<Long, Long> gatewayByClient = new HashMap<>();
    final Map<Long, OrderStatus> lastStatus = new HashMap<>();
    /** Orders first heard outside this strategy's own calls that are not a bracket's legs: should stay empty. */
    final List<String> unexpectedOrders = new ArrayList<>();
    /** Market orders the engine placed for this strategy to close an overfilled or unprotected bracket. */
    final List<Long> engineCloseOuts = new ArrayList<>();
    /** True while one of this strategy's own {@link Orders} calls runs. */
    private boolean inOwnCall;
    /** A bracket's stop-loss heard, its take-profit not yet (0 when none). */
    private long stopLossHeard;

    RandomTrader(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public void onStart(StrategyContext context) {
        ctx = context;
    }

    @Override
    public void onQuote(QuoteView q) {
        if (random.nextInt(4) != 0) {
            return;
        }
        Orders o = ctx.orders();
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long size = 1 + random.nextInt(3);
        long away = 1 + random.nextInt(8);
        long buyish = side == Side.BUY ? -1 : 1;
        inOwnCall = true;
        try {
            act(o, q, side, size, away, buyish);
        } finally {
            inOwnCall = false;
        }
    }

    private void act(Orders o, QuoteView q, Side side, long size, long away, long buyish) {
        switch (random.nextInt(11)) {
            case 0 -> mine.add(o.market(ES, side, size));
            case 1 -> mine.add(o.limit(ES, side, size, q.bidTicks() + buyish * away));
            case 2 -> mine.add(o.stop(ES, side, size, q.askTicks() - buyish * away));
            case 3 -> mine.add(o.stopLimit(ES, side, size, q.askTicks() - buyish * away,
                    q.askTicks() - buyish * (away - 1)));
            case 4 -> mine.add(o.trailingStop(ES, side, size, away));
            case 5 -> mine.add(o.bracket(ES, side, size, PriceTicks.NONE, away, away + 2));
            case 6 -> {
                long[] pair = o.oco(ES, side, size, q.bidTicks() - buyish * away, q.askTicks() + buyish * away);
                ocoPairs.add(new long[] {pair[0], pair[1], size});
            }
            case 7 -> {
                if (!mine.isEmpty()) {
                    o.cancel(mine.get(random.nextInt(mine.size())));
                }
            }
            case 8 -> {
                if (!mine.isEmpty()) {
                    long id = mine.get(random.nextInt(mine.size()));
                    // never below what it has heard filled: the SPI refuses that as a programming error
                    o.modify(id, Math.max(size, filled(id)), PriceTicks.NONE, PriceTicks.NONE);
                }
            }
            case 9 -> o.flatten(ES);
            default -> o.reverse(ES);
        }
    }

    @Override
    public void onFill(FillView f) {
        filledByOrder.merge(f.gatewayOrderId(), f.size(), Long::sum);
        fillsPerTrade.merge(f.tradeId(), 1, Integer::sum);
    }

    @Override
    public void onOrder(OrderView order) {
        if (!inOwnCall && !lastStatus.containsKey(order.clientOrderId())) {
            recordBracketLeg(order);
        }
        if (order.gatewayOrderId() != 0) {
            gatewayByClient.put(order.clientOrderId(), order.gatewayOrderId());
        }
        lastStatus.put(order.clientOrderId(), order.status());
    }

    /**
     * Pairs the orders the engine placed for this strategy into bracket legs, and keeps the
     * market orders it sent to close what both legs filling (or a refused leg) left open;
     * anything else is noted as unexpected.
     */
    private void recordBracketLeg(OrderView leg) {
        if (leg.type() == OrderType.MARKET) {
            engineCloseOuts.add(leg.clientOrderId());
            return;
        }
        if (stopLossHeard == 0) {
            if (leg.type() == OrderType.STOP) {
                stopLossHeard = leg.clientOrderId();
            } else {
                unexpectedOrders.add("not a bracket's stop-loss: " + leg);
            }
            return;
        }
        if (leg.type() == OrderType.LIMIT) {
            bracketLegs.add(new long[] {stopLossHeard, leg.clientOrderId()});
        } else {
            unexpectedOrders.add("stop-loss " + stopLossHeard + " followed by " + leg + " instead of its take-profit");
        }
        stopLossHeard = 0;
    }

    long filled(long clientOrderId) {
        Long gateway = gatewayByClient.get(clientOrderId);
        return gateway == null ? 0 : filledByOrder.getOrDefault(gateway, 0L);
    }
}
