package io.tickflow.engine.sim;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.position.Position;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * A strategy doing random things (every order type, brackets, OCO pairs, cancels, modifies,
 * flattens, reversals) on a random walk, seeded; afterwards the engine and the exchange must
 * agree and the books must balance.
 */
class RandomTradingInvariantsTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    private static final class RandomTrader implements Strategy {
        private final Random random;
        private StrategyContext ctx;
        private final List<Long> mine = new ArrayList<>();
        final List<long[]> ocoPairs = new ArrayList<>();
        final Map<Long, Long> filledByOrder = new HashMap<>();
        final Map<Long, Integer> fillsPerTrade = new HashMap<>();
        final Map<Long, Long> gatewayByClient = new HashMap<>();

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
            switch (random.nextInt(11)) {
                case 0 -> mine.add(o.market(ES, side, size));
                case 1 -> mine.add(o.limit(ES, side, size, q.bidTicks() + buyish * away));
                case 2 -> mine.add(o.stop(ES, side, size, q.askTicks() - buyish * away));
                case 3 -> mine.add(o.stopLimit(ES, side, size, q.askTicks() - buyish * away,
                        q.askTicks() - buyish * (away - 1)));
                case 4 -> mine.add(o.trailingStop(ES, side, size, away));
                case 5 -> mine.add(o.bracket(ES, side, size, PriceTicks.NONE, away, away + 2));
                case 6 -> ocoPairs.add(o.oco(ES, side, size, q.bidTicks() - buyish * away, q.askTicks() + buyish * away));
                case 7 -> {
                    if (!mine.isEmpty()) {
                        o.cancel(mine.get(random.nextInt(mine.size())));
                    }
                }
                case 8 -> {
                    if (!mine.isEmpty()) {
                        o.modify(mine.get(random.nextInt(mine.size())), size, PriceTicks.NONE, PriceTicks.NONE);
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
            if (order.gatewayOrderId() != 0) {
                gatewayByClient.put(order.clientOrderId(), order.gatewayOrderId());
            }
        }

        long filled(long clientOrderId) {
            Long gateway = gatewayByClient.get(clientOrderId);
            return gateway == null ? 0 : filledByOrder.getOrDefault(gateway, 0L);
        }
    }

    @Test
    void engineAndExchangeAgreeAndTheBooksBalanceWhateverTheStrategyDoes() {
        long seed = 20_261_124L;
        for (int round = 0; round < 20; round++) {
            long roundSeed = seed + round;
            String context = "seed " + roundSeed;
            Random market = new Random(roundSeed * 31);
            RandomTrader trader = new RandomTrader(roundSeed);
            List<long[]> fills = new ArrayList<>();
            Engine engine = Engine.builder()
                    .config(EngineConfig.defaults().withEventTime(true))
                    .simulatedExchange(new FillModel(market.nextInt(2), market.nextBoolean(), market.nextBoolean()))
                    .commissions(new CommissionSchedule(125, Map.of()))
                    .listener(new EngineListener() {
                        @Override
                        public void onOrderFilled(OrderView order, long tradeId, long size, long price, long ts) {
                            fills.add(new long[] {order.side().sign(), size, price});
                        }
                    })
                    .contract(ES)
                    .strategy(StrategySpec.of("random", trader, ES.id()))
                    .build();
            engine.start();
            QuoteTranslator quote = new QuoteTranslator();
            TradeTranslator trade = new TradeTranslator();
            long bid = 24_000;
            for (int i = 1; i <= 3_000; i++) {
                bid += market.nextInt(5) - 2;
                long ts = 1_764_000_000_000_000_000L + i * 1_000_000L;
                engine.publisher().publish(quote.topOfBook(0, ts, ts, bid, 5, bid + 1, 5));
                if (market.nextBoolean()) {
                    engine.publisher().publish(trade.set(0, ts + 1, ts + 1, market.nextBoolean() ? bid : bid + 1, 1, null));
                }
            }
            engine.shutdown();

            Position position = engine.positions().position(ACCOUNT, 0);
            assertThat(position.net()).as(context).isEqualTo(engine.simulatedExchange().net(ACCOUNT, 0));
            long signedSum = fills.stream().mapToLong(f -> f[0] * f[1]).sum();
            assertThat(position.net()).as(context + ": position = sum of fills").isEqualTo(signedSum);
            long cash = fills.stream().mapToLong(f -> -f[0] * f[1] * f[2]).sum();
            long contracts = fills.stream().mapToLong(f -> f[1]).sum();
            assertThat(position.commissionCents()).as(context).isEqualTo(contracts * 125);
            assertThat(position.realizedCents() + position.unrealizedCents(bid)).as(context + ": PnL = cash marked")
                    .isEqualTo((cash + signedSum * bid) * ES.tickValueCents());
            assertThat(trader.fillsPerTrade.values()).as(context + ": every fill delivered once").containsOnly(1);
            for (long[] pair : trader.ocoPairs) {
                assertThat(trader.filled(pair[0]) > 0 && trader.filled(pair[1]) > 0)
                        .as(context + ": both sides of OCO pair %s filled", java.util.Arrays.toString(pair)).isFalse();
            }
            assertThat(trader.ocoPairs).as(context).isNotEmpty();
            assertThat(fills).as(context).isNotEmpty();
        }
    }
}
