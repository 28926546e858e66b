package io.tickflow.engine.core;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.PositionView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/**
 * The operator stands the engine down: strategies halted, orders cancelled, positions closed if
 * asked; and a halted strategy that resumes hears first what its orders did meanwhile.
 */
class StandDownTest {
    /** Buys one at market and rests a bid far below, on the first quote; buys again on every later one. */
    private static final class Buyer implements Strategy {
        private StrategyContext ctx;
        private boolean first = true;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (first) {
                first = false;
                ctx.orders().market(ES, Side.BUY, 1);
                ctx.orders().limit(ES, Side.BUY, 1, q.bidTicks() - 20);
            } else {
                ctx.orders().market(ES, Side.BUY, 1);
            }
        }
    }

    private static Engine run(boolean flatten) {
        Engine engine = Engine.builder().config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative()).contract(ES)
                .strategy(StrategySpec.of("buyer", new Buyer(), ES.id())).build();
        engine.start();
        QuoteTranslator quote = new QuoteTranslator();
        engine.publisher().publish(quote.topOfBook(0, 1, 1, 100, 10, 101, 10));
        engine.standDown(flatten);
        engine.publisher().publish(quote.topOfBook(0, 2, 2, 100, 10, 101, 10));
        engine.shutdown();
        return engine;
    }

    @Test
    void standingDownCancelsEveryWorkingOrderAndHaltsTheStrategies() {
        Engine engine = run(false);
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net())
                .as("not flattened, and the halted strategy did not buy on the second quote").isEqualTo(1);
    }

    @Test
    void standingDownWithFlattenAlsoClosesEveryPosition() {
        Engine engine = run(true);
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isZero();
        assertThat(engine.simulatedExchange().net(StrategySpec.DEFAULT_ACCOUNT, 0)).isZero();
    }

    /** Rests a bid two ticks under the first quote's; records every callback it hears. */
    private static final class Listener implements Strategy {
        final List<String> heard = new ArrayList<>();
        private StrategyContext ctx;
        long bid;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            heard.add("quote");
            if (bid == 0) {
                bid = ctx.orders().limit(ES, Side.BUY, 1, q.bidTicks() - 2);
            }
        }

        @Override
        public void onOrder(OrderView order) {
            heard.add("order " + order.clientOrderId() + " " + order.status());
        }

        @Override
        public void onFill(FillView fill) {
            heard.add("fill " + fill.side() + " " + fill.size() + "@" + fill.priceTicks());
        }

        @Override
        public void onPosition(PositionView position) {
            heard.add("position " + position.netPosition());
        }
    }

    @Test
    void aResumedStrategyHearsWhatItsOrdersDidWhileItWasHaltedBeforeAnyNewEvent() {
        Listener s = new Listener();
        Engine engine = Engine.builder().config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative()).contract(ES)
                .strategy(StrategySpec.of("s", s, ES.id())).build();
        engine.start();
        QuoteTranslator quote = new QuoteTranslator();
        TradeTranslator trade = new TradeTranslator();
        engine.publisher().publish(quote.topOfBook(0, 1, 1, 100, 10, 101, 10));
        engine.halt("s");
        // the market trades through the resting bid while the strategy hears nothing
        engine.publisher().publish(trade.set(0, 2, 2, 97, 1, Side.SELL));
        engine.publisher().publish(quote.topOfBook(0, 3, 3, 96, 10, 97, 10));
        engine.resume("s");
        engine.publisher().publish(quote.topOfBook(0, 4, 4, 96, 10, 97, 10));
        engine.shutdown();

        List<String> afterHalt = s.heard.subList(s.heard.indexOf("order " + s.bid + " OPEN") + 1, s.heard.size());
        assertThat(afterHalt).containsExactly("fill BUY 1@98", "order " + s.bid + " FILLED", "position 1", "quote");
        assertThat(engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0).net()).isEqualTo(1);
    }
}
