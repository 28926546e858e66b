package io.tickflow.engine.sim;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.strategy.FillView;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/** Emulated brackets and OCO pairs against the simulated exchange. */
class BracketScenarioTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    private static final class OnFirstQuote implements Strategy {
        final List<String> fills = new ArrayList<>();
        final List<String> finished = new ArrayList<>();
        private final Consumer<Orders> action;
        private StrategyContext ctx;
        private boolean done;

        OnFirstQuote(Consumer<Orders> action) {
            this.action = action;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (!done) {
                done = true;
                action.accept(ctx.orders());
            }
        }

        @Override
        public void onFill(FillView f) {
            fills.add(f.side() + " " + f.size() + "@" + f.priceTicks());
        }

        @Override
        public void onOrder(OrderView o) {
            if (o.status() == OrderStatus.CANCELLED || o.status() == OrderStatus.REJECTED) {
                finished.add(o.type() + " " + o.status());
            }
        }
    }

    private final QuoteTranslator quote = new QuoteTranslator();
    private final TradeTranslator trade = new TradeTranslator();

    private Engine run(Strategy s, RiskLimits limits, long... prints) {
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative())
                .risk(RiskLimits.none(), Map.of(ACCOUNT, limits))
                .contract(ES)
                .strategy(StrategySpec.of("s", s, ES.id()))
                .build();
        engine.start();
        engine.publisher().publish(quote.topOfBook(0, 1, 1, 100, 10, 101, 10));
        long ts = 2;
        for (long p : prints) {
            engine.publisher().publish(trade.set(0, ts, ts, p, 1, null));
            ts++;
        }
        engine.shutdown();
        return engine;
    }

    @Test
    void theTakeProfitExitsAndCancelsTheStopLoss() {
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, BUY, 2, PriceTicks.NONE, 4, 6));
        Engine engine = run(s, RiskLimits.none(), 104, 107, 108);

        assertThat(s.fills).containsExactly("BUY 2@101", "SELL 2@107");
        assertThat(s.finished).containsExactly("STOP CANCELLED");
        assertThat(engine.positions().position(ACCOUNT, 0).isFlat()).isTrue();
        assertThat(engine.positions().position(ACCOUNT, 0).realizedTicks()).isEqualTo(12);
        assertThat(engine.simulatedExchange().restingOrders(0)).isZero();
    }

    @Test
    void theStopLossExitsAndCancelsTheTakeProfit() {
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, SELL, 1, PriceTicks.NONE, 3, 5));
        // short 1 at the bid 100; stop-loss buy stop at 103; take-profit buy limit at 95
        Engine engine = run(s, RiskLimits.none(), 99, 102, 103);

        assertThat(s.fills).containsExactly("SELL 1@100", "BUY 1@101");
        assertThat(s.finished).containsExactly("LIMIT CANCELLED");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
    }

    @Test
    void anOcoPairLetsOnlyOneSideFill() {
        OnFirstQuote s = new OnFirstQuote(o -> {
            o.market(ES, BUY, 1);
            o.oco(ES, SELL, 1, 110, 95);
        });
        Engine engine = run(s, RiskLimits.none(), 100, 94, 111);

        assertThat(s.fills).containsExactly("BUY 1@101", "SELL 1@100");
        assertThat(s.finished).containsExactly("LIMIT CANCELLED");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
    }

    @Test
    void aRejectedProtectiveLegFlattensTheUnprotectedPosition() {
        // the take-profit 30 ticks away is outside a 20-tick price band: refused
        OnFirstQuote s = new OnFirstQuote(o -> o.bracket(ES, BUY, 1, PriceTicks.NONE, 4, 30));
        Engine engine = run(s, RiskLimits.none().withPriceBand(20), 101);

        assertThat(s.finished).contains("LIMIT REJECTED", "STOP CANCELLED");
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
        assertThat(engine.positions().position(ACCOUNT, 0).isFlat()).isTrue();
    }
}
