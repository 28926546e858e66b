package io.tickflow.engine.core;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.TradeView;

class StrategyIsolationTest {
    private static final class Counting implements Strategy {
        final List<Long> prices = new ArrayList<>();
        boolean stopped;

        @Override
        public void onTrade(TradeView trade) {
            prices.add(trade.priceTicks());
        }

        @Override
        public void onStop() {
            stopped = true;
        }
    }

    /** Throws on the print at price 3 (and, with CONTINUE, keeps going). */
    private static final class ThrowsOnThree implements Strategy {
        final List<Long> prices = new ArrayList<>();
        boolean stopped;

        @Override
        public void onTrade(TradeView trade) {
            if (trade.priceTicks() == 3) {
                throw new IllegalStateException("boom at three");
            }
            prices.add(trade.priceTicks());
        }

        @Override
        public void onStop() {
            stopped = true;
        }
    }

    private static final class FaultLog implements EngineListener {
        final List<String> faults = new ArrayList<>();

        @Override
        public void onStrategyFault(String strategy, String callback, String event, Throwable error, boolean halted) {
            faults.add(strategy + "|" + callback + "|" + error.getMessage() + "|" + halted + "|" + event);
        }
    }

    private static Engine engine(FaultPolicy policy, Strategy faulty, Strategy healthy, FaultLog log) {
        return Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true).withFaultPolicy(policy))
                .contract(ES)
                .listener(log)
                .strategy(StrategySpec.of("faulty", faulty, ES.id()))
                .strategy(StrategySpec.of("healthy", healthy, ES.id()))
                .build();
    }

    private static void publishPrints(Engine engine, int count) {
        TradeTranslator trade = new TradeTranslator();
        for (int i = 1; i <= count; i++) {
            engine.publisher().publish(trade.set(0, i, i, i, 1, Side.BUY));
        }
    }

    @Test
    void aThrowingStrategyIsHaltedAndTheOthersGoOn() {
        ThrowsOnThree faulty = new ThrowsOnThree();
        Counting healthy = new Counting();
        FaultLog log = new FaultLog();
        Engine engine = engine(FaultPolicy.HALT, faulty, healthy, log);
        engine.start();
        publishPrints(engine, 6);
        engine.shutdown();

        assertThat(faulty.prices).containsExactly(1L, 2L);
        assertThat(healthy.prices).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(engine.strategyState("faulty")).isEqualTo(StrategyState.STOPPED);
        assertThat(faulty.stopped).as("a halted strategy gets no onStop").isFalse();
        assertThat(healthy.stopped).isTrue();
        assertThat(log.faults).singleElement().asString()
                .startsWith("faulty|onTrade|boom at three|true|TRADE{")
                .contains("price=3");
        assertThat(engine.stats().snapshot().faults()).isEqualTo(1);
    }

    @Test
    void withTheContinuePolicyAThrowingStrategyKeepsReceivingEvents() {
        ThrowsOnThree faulty = new ThrowsOnThree();
        Counting healthy = new Counting();
        FaultLog log = new FaultLog();
        Engine engine = engine(FaultPolicy.CONTINUE, faulty, healthy, log);
        engine.start();
        publishPrints(engine, 6);
        engine.shutdown();

        assertThat(faulty.prices).containsExactly(1L, 2L, 4L, 5L, 6L);
        assertThat(faulty.stopped).isTrue();
        assertThat(healthy.prices).hasSize(6);
        assertThat(log.faults).singleElement().asString().contains("|false|");
    }

    @Test
    void aStrategyThatFailsToStartIsHaltedBeforeAnyEvent() {
        Counting healthy = new Counting();
        Strategy badStart = new Strategy() {
            @Override
            public void onStart(io.tickflow.engine.strategy.StrategyContext context) {
                throw new IllegalArgumentException("missing parameter");
            }

            @Override
            public void onTrade(TradeView trade) {
                throw new AssertionError("must not be called");
            }
        };
        FaultLog log = new FaultLog();
        Engine engine = engine(FaultPolicy.HALT, badStart, healthy, log);
        engine.start();
        publishPrints(engine, 2);
        engine.shutdown();

        assertThat(healthy.prices).hasSize(2);
        assertThat(log.faults).singleElement().asString().startsWith("faulty|onStart|missing parameter|true");
    }

    @Test
    void stackOverflowInAStrategyIsIsolatedToo() {
        Counting healthy = new Counting();
        Strategy recursive = new Strategy() {
            @Override
            public void onTrade(TradeView trade) {
                onTrade(trade);
            }
        };
        FaultLog log = new FaultLog();
        Engine engine = engine(FaultPolicy.HALT, recursive, healthy, log);
        engine.start();
        publishPrints(engine, 3);
        engine.shutdown();

        assertThat(healthy.prices).hasSize(3);
        assertThat(engine.strategyState("faulty")).isEqualTo(StrategyState.STOPPED);
        assertThat(log.faults).hasSize(1);
    }

    @Test
    void operatorCanHaltAndResumeAStrategyInEventOrder() {
        Counting first = new Counting();
        Counting second = new Counting();
        FaultLog log = new FaultLog();
        Engine engine = engine(FaultPolicy.HALT, first, second, log);
        engine.start();
        TradeTranslator trade = new TradeTranslator();
        engine.publisher().publish(trade.set(0, 1, 1, 1, 1, Side.BUY));
        engine.halt("faulty");
        engine.publisher().publish(trade.set(0, 2, 2, 2, 1, Side.BUY));
        engine.resume("faulty");
        engine.publisher().publish(trade.set(0, 3, 3, 3, 1, Side.BUY));
        engine.shutdown();

        assertThat(first.prices).containsExactly(1L, 3L);
        assertThat(second.prices).containsExactly(1L, 2L, 3L);
        assertThat(log.faults).isEmpty();
    }
}
