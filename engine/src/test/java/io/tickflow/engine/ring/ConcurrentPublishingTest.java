package io.tickflow.engine.ring;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.TradeView;

class ConcurrentPublishingTest {
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 50_000;

    /** Records (producer, sequence) pairs; called only on the engine thread. */
    private static final class Recorder implements Strategy {
        final long[] producers = new long[PRODUCERS * PER_PRODUCER + 16];
        final long[] sequences = new long[PRODUCERS * PER_PRODUCER + 16];
        int count;
        volatile boolean stopped;
        int countAtStop = -1;

        @Override
        public void onTrade(TradeView trade) {
            producers[count] = trade.size();
            sequences[count] = trade.priceTicks();
            count++;
        }

        @Override
        public void onStop() {
            countAtStop = count;
            stopped = true;
        }
    }

    @ParameterizedTest
    @EnumSource(WaitStrategyKind.class)
    void concurrentProducersLoseNothingAndKeepEachProducersOrder(WaitStrategyKind wait) throws Exception {
        Recorder recorder = new Recorder();
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withRingSize(1024).withWaitStrategy(wait))
                .tickerPeriod(null)
                .contract(ES)
                .strategy(StrategySpec.of("recorder", recorder, ES.id()))
                .build();
        engine.start();
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            long producer = p;
            done.add(pool.submit(() -> {
                TradeTranslator trade = new TradeTranslator();
                go.await();
                for (int i = 0; i < PER_PRODUCER; i++) {
                    engine.publisher().publish(trade.set(0, i, i, i, producer, Side.BUY));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(engine.shutdown()).isTrue();

        assertThat(recorder.count).isEqualTo(PRODUCERS * PER_PRODUCER);
        long[] next = new long[PRODUCERS];
        for (int i = 0; i < recorder.count; i++) {
            int producer = (int) recorder.producers[i];
            assertThat(recorder.sequences[i]).as("event %d of producer %d", i, producer).isEqualTo(next[producer]);
            next[producer]++;
        }
        assertThat(next).containsOnly(PER_PRODUCER);
        assertThat(engine.stats().snapshot().count(EventType.TRADE)).isEqualTo((long) PRODUCERS * PER_PRODUCER);
    }

    @Test
    void closeDrainsEveryPublishedEventBeforeStoppingStrategies() {
        Recorder recorder = new Recorder();
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withRingSize(64))
                .tickerPeriod(null)
                .contract(ES)
                .strategy(StrategySpec.of("recorder", recorder, ES.id()))
                .build();
        engine.start();
        TradeTranslator trade = new TradeTranslator();
        for (int i = 0; i < 10_000; i++) {
            engine.publisher().publish(trade.set(0, i, i, i, 0, Side.SELL));
        }

        assertThat(engine.shutdown()).isTrue();

        assertThat(recorder.stopped).isTrue();
        assertThat(recorder.countAtStop).isEqualTo(10_000);
        assertThat(engine.stats().processed()).isEqualTo(10_001);
    }

    @Test
    void publishingAfterCloseFailsLoudlyInsteadOfLosingTheEvent() {
        Engine engine = Engine.builder().tickerPeriod(null).contract(ES).build();
        engine.start();
        engine.shutdown();

        assertThatThrownBy(() -> engine.publisher().publish(new TradeTranslator().set(0, 1, 1, 1, 1, Side.BUY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(engine.shutdown()).as("close is idempotent").isTrue();
    }

    @Test
    void ringSizeMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> EngineConfig.defaults().withRingSize(1000))
                .hasMessageContaining("power of two");
    }
}
