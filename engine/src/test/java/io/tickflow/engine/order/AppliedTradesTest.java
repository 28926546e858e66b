package io.tickflow.engine.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppliedTradesTest {
    @Test
    void eachIdIsNewOnceWhateverTheOrder() {
        AppliedTrades applied = new AppliedTrades(8);
        assertThat(applied.add(5)).isTrue();
        assertThat(applied.add(3)).isTrue();
        assertThat(applied.add(5)).isFalse();
        assertThat(applied.add(3)).isFalse();
        assertThat(applied.contains(4)).isFalse();
        assertThat(applied.add(4)).isTrue();
    }

    @Test
    void memoryStaysBoundedAndIdsOlderThanTheWindowCountAsApplied() {
        AppliedTrades applied = new AppliedTrades(4);
        for (long id = 1; id <= 1_000; id++) {
            assertThat(applied.add(id)).as("trade %d", id).isTrue();
        }
        // 997..1000 are remembered exactly; everything up to 996 was forgotten and counts as applied
        assertThat(applied.add(996)).isFalse();
        assertThat(applied.add(1)).isFalse();
        assertThat(applied.add(1_000)).isFalse();
        assertThat(applied.contains(997)).isTrue();
        assertThat(applied.add(1_001)).isTrue();
    }

    @Test
    void aTradeOutOfOrderInsideTheWindowIsStillAppliedOnce() {
        AppliedTrades applied = new AppliedTrades(4);
        applied.add(10);
        applied.add(12);
        applied.add(13);
        assertThat(applied.add(11)).isTrue();
        assertThat(applied.add(11)).isFalse();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new AppliedTrades(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
