package io.tickflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.backtest.BarReplay;

/** Before the backtest benchmark times tickflow against ta4j, both must trade the same way. */
class CrossoverParityTest {
    @Test
    void tickflowAndTa4jEnterAndExitOnTheSameBarsAtTheSamePrices() {
        for (long seed : new long[] {42, 7, 2026}) {
            List<BarReplay.InputBar> bars = GeneratedBars.minuteBars(seed, 3_000);
            CrossoverRuns.Parity parity = CrossoverRuns.check(bars);
            assertThat(parity.signals()).as("seed %d: %s", seed, parity).isGreaterThan(50);
            assertThat(parity.ta4jTrades()).as("seed %d: %s", seed, parity).isGreaterThan(50);
            assertThat(parity.tickflowFills()).as("seed %d: %s", seed, parity).isGreaterThanOrEqualTo(parity.ta4jTrades());
        }
    }
}
