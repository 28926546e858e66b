package io.tickflow.engine.risk;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.Strategy;

/**
 * Flatten and reverse called again before their market order has filled — as a strategy that
 * flattens on every event until it sees itself flat does — and orders that reduce a position
 * only while, together, they cannot reverse it.
 */
class CloseOutScenarioTest {
    private static final long ACCOUNT = StrategySpec.DEFAULT_ACCOUNT;

    private final QuoteTranslator quote = new QuoteTranslator();

    private static Engine build(Strategy strategy, RiskLimits limits) {
        return Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .simulatedExchange(FillModel.conservative())
                .risk(RiskLimits.none(), Map.of(ACCOUNT, limits))
                .contract(ES)
                .strategy(StrategySpec.of("s", strategy, ES.id()))
                .build();
    }

    private Engine runQuotes(Engine engine, int quotes) {
        engine.start();
        for (int i = 0; i < quotes; i++) {
            long ts = 1_000 + i * 1_000_000L;
            engine.publisher().publish(quote.topOfBook(0, ts, ts, 100, 10, 101, 10));
        }
        engine.shutdown();
        return engine;
    }

    private Engine run(Strategy strategy, RiskLimits limits, int quotes) {
        return runQuotes(build(strategy, limits), quotes);
    }

    private Engine run(Strategy strategy, int quotes) {
        return run(strategy, RiskLimits.none(), quotes);
    }

    private static long net(Engine engine) {
        return engine.positions().position(ACCOUNT, 0).net();
    }

    @Test
    void flattenCalledThreeTimesBeforeItsFillSendsOneOrder() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 2);
            } else if (n == 1) {
                orders.flatten(ES);
                orders.flatten(ES);
                orders.flattenAll();
            }
        });
        Engine engine = run(s, 3);

        assertThat(s.fills).containsExactly("BUY 2", "SELL 2");
        assertThat(net(engine)).isZero();
        assertThat(engine.simulatedExchange().net(ACCOUNT, 0)).isZero();
    }

    @Test
    void reverseCalledTwiceBeforeItsFillReversesOnce() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 1);
            } else if (n == 1) {
                orders.reverse(ES);
                orders.reverse(ES);
            }
        });
        Engine engine = run(s, 3);

        assertThat(s.fills).containsExactly("BUY 1", "SELL 2");
        assertThat(net(engine)).isEqualTo(-1);
    }

    @Test
    void aFlattenAfterAReverseUnderWaySendsOnlyWhatBringsThePositionBackToFlat() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 1);
            } else if (n == 1) {
                orders.reverse(ES);
                orders.flatten(ES);
            }
        });
        Engine engine = run(s, 3);

        assertThat(s.fills).containsExactly("BUY 1", "SELL 2", "BUY 1");
        assertThat(net(engine)).isZero();
    }

    @Test
    void ordersThatEachReduceButTogetherWouldReverseAreHeldToThePositionLimit() {
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 2);
            } else if (n == 1) {
                orders.limit(ES, SELL, 2, 150);
                orders.limit(ES, SELL, 2, 150);
                orders.limit(ES, SELL, 2, 150);
            }
        });
        Engine engine = run(s, RiskLimits.none().withMaxPosition(2, 0), 3);

        assertThat(s.rejections).containsExactly(
                "maxPosition: position could reach 4 contracts, above the per-contract limit of 2");
        assertThat(engine.simulatedExchange().restingOrders(0)).isEqualTo(2);
    }

    @Test
    void theKillSwitchLetsAFlattenThroughAndRefusesWhatWouldAddRisk() {
        Engine[] engine = new Engine[1];
        Scripted s = new Scripted((orders, n) -> {
            if (n == 0) {
                orders.market(ES, BUY, 1);
            } else if (n == 1) {
                // on the engine thread, so it takes effect between this strategy's orders and no others
                engine[0].killSwitch(true);
                orders.market(ES, BUY, 1);
                orders.flatten(ES);
                orders.market(ES, SELL, 1);
            }
        });
        engine[0] = build(s, RiskLimits.none());
        Engine e = runQuotes(engine[0], 3);

        assertThat(s.fills).containsExactly("BUY 1", "SELL 1");
        assertThat(s.rejections).containsExactly(
                "killSwitch: the kill switch is on; only orders that reduce a position pass",
                "killSwitch: the kill switch is on; only orders that reduce a position pass");
        assertThat(net(e)).isZero();
    }
}
