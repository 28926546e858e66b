package io.tickflow.engine.core;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.TimerTranslator;
import io.tickflow.engine.ring.TradeTranslator;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;
import io.tickflow.engine.strategy.TradeView;
import io.tickflow.engine.time.ManualClock;

class TimerTest {
    private static final class TimerUser implements Strategy {
        final List<String> log = new ArrayList<>();
        StrategyContext ctx;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            context.scheduleTimer(1, 150);
            context.scheduleTimer(2, 120);
            context.scheduleTimer(3, 500);
            context.scheduleTimer(4, 130);
            context.cancelTimer(4);
        }

        @Override
        public void onTrade(TradeView trade) {
            log.add("trade@" + trade.tsEvent() + " clock=" + ctx.clock().nanos());
            if (trade.tsEvent() == 200) {
                ctx.scheduleTimer(3, 250);
            }
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            log.add("timer" + timerId + "@" + nowNanos);
        }
    }

    @Test
    void inEventTimeTimersFireAtTheirDeadlinesBeforeLaterEvents() {
        TimerUser user = new TimerUser();
        ManualClock clock = new ManualClock(100);
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true))
                .clock(clock)
                .contract(ES)
                .strategy(StrategySpec.of("timers", user, ES.id()))
                .build();
        engine.start();
        TradeTranslator t = new TradeTranslator();
        engine.publisher().publish(t.set(0, 110, 110, 1, 1, Side.BUY));
        engine.publisher().publish(t.set(0, 200, 200, 1, 1, Side.BUY));
        engine.publisher().publish(new TimerTranslator().set(300));
        engine.shutdown();

        assertThat(user.log).containsExactly(
                "trade@110 clock=110",
                "timer2@120",
                "timer1@150",
                "trade@200 clock=200",
                "timer3@250");
    }

    @Test
    void liveTimersFireOnTimerEvents() {
        TimerUser user = new TimerUser();
        ManualClock clock = new ManualClock(100);
        Engine engine = Engine.builder()
                .clock(clock)
                .tickerPeriod(null)
                .contract(ES)
                .strategy(StrategySpec.of("timers", user, ES.id()))
                .build();
        engine.start();
        clock.set(160);
        engine.publisher().publish(new TimerTranslator().set(160));
        engine.shutdown();

        assertThat(user.log).containsExactly("timer2@160", "timer1@160");
    }

    @Test
    void aLiveEngineFiresTimersFromItsTickerWithoutAnyMarketData() throws InterruptedException {
        java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(1);
        long[] firedAt = new long[2];
        Strategy waiter = new Strategy() {
            @Override
            public void onStart(StrategyContext ctx) {
                firedAt[0] = ctx.clock().nanos() + 20_000_000L;
                ctx.scheduleTimer(9, firedAt[0]);
            }

            @Override
            public void onTimer(long timerId, long nowNanos) {
                firedAt[1] = nowNanos;
                fired.countDown();
            }
        };
        Engine engine = Engine.builder()
                .tickerPeriod(java.time.Duration.ofMillis(1))
                .contract(ES)
                .strategy(StrategySpec.of("waiter", waiter, ES.id()))
                .build();
        engine.start();
        try {
            assertThat(fired.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("timer fired within 10 s").isTrue();
        } finally {
            engine.shutdown();
        }
        assertThat(firedAt[1]).isGreaterThanOrEqualTo(firedAt[0]);
    }
}
