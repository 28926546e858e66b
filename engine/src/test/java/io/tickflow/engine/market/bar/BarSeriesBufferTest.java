package io.tickflow.engine.market.bar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.testing.TestContracts;

/** The ring of completed bars: newest first, oldest overwritten, bad indexes refused with context. */
class BarSeriesBufferTest {
    private static final BarSpec FIVE_MINUTES = BarSpec.parse("5m");

    private final Bar bar = new Bar(TestContracts.ES, FIVE_MINUTES);

    /** Bar i: times 10i and 10i+5, prices 100+i .. , volume 7i, count i. */
    private void append(BarSeriesBuffer series, int i) {
        series.onBar(bar.set(10L * i, 10L * i + 5, 100 + i, 110 + i, 90 + i, 105 + i, 7L * i, i));
    }

    @Test
    void anEmptySeriesRefusesEveryIndexNamingItsContractAndSpec() {
        BarSeriesBuffer series = new BarSeriesBuffer(TestContracts.ES, FIVE_MINUTES, 4);

        assertThat(series.size()).isZero();
        assertThat(series.total()).isZero();
        assertThatThrownBy(() -> series.close(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("bar 0 ago of ESZ5 5m: the series holds 0 completed bars");
    }

    @Test
    void atExactlyItsCapacityTheSeriesStillHoldsItsFirstBar() {
        BarSeriesBuffer series = new BarSeriesBuffer(TestContracts.ES, FIVE_MINUTES, 4);
        for (int i = 1; i <= 4; i++) {
            append(series, i);
        }

        assertThat(series.size()).isEqualTo(4);
        assertThat(series.total()).isEqualTo(4);
        assertThat(series.close(3)).isEqualTo(106);
        assertThat(series.close(0)).isEqualTo(109);
        assertThatThrownBy(() -> series.open(4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("bar 4 ago of ESZ5 5m: the series holds 4 completed bars");
    }

    @Test
    void afterWrappingTwiceTheSeriesHoldsTheNewestBarsWithEveryField() {
        BarSeriesBuffer series = new BarSeriesBuffer(TestContracts.ES, FIVE_MINUTES, 4);
        for (int i = 1; i <= 10; i++) {
            append(series, i);
        }

        assertThat(series.total()).isEqualTo(10);
        assertThat(series.size()).isEqualTo(4);
        assertThat(series.capacity()).isEqualTo(4);
        // newest: bar 10
        assertThat(new long[] {series.tsOpen(0), series.tsClose(0), series.open(0), series.high(0), series.low(0),
            series.close(0), series.volume(0), series.count(0)})
                .containsExactly(100, 105, 110, 120, 100, 115, 70, 10);
        // oldest held: bar 7
        assertThat(new long[] {series.tsOpen(3), series.tsClose(3), series.open(3), series.high(3), series.low(3),
            series.close(3), series.volume(3), series.count(3)})
                .containsExactly(70, 75, 107, 117, 97, 112, 49, 7);
        assertThat(series.close(1)).isEqualTo(114);
        assertThat(series.close(2)).isEqualTo(113);
        assertThatThrownBy(() -> series.close(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> series.close(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("bar -1 ago");
    }

    @Test
    void aSeriesOfCapacityOneKeepsOnlyTheNewestBar() {
        BarSeriesBuffer series = new BarSeriesBuffer(TestContracts.ES, FIVE_MINUTES, 1);
        append(series, 1);
        append(series, 2);
        append(series, 3);

        assertThat(series.total()).isEqualTo(3);
        assertThat(series.size()).isEqualTo(1);
        assertThat(series.close(0)).isEqualTo(108);
        assertThatThrownBy(() -> series.close(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theSeriesCopiesEachBarSoReusingTheBarObjectLeavesHistoryIntact() {
        BarSeriesBuffer series = new BarSeriesBuffer(TestContracts.ES, FIVE_MINUTES, 2);
        append(series, 1);
        bar.set(0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(series.close(0)).isEqualTo(106);
        assertThat(series.contract()).isSameAs(TestContracts.ES);
        assertThat(series.spec()).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new BarSeriesBuffer(TestContracts.ES, FIVE_MINUTES, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar series capacity must be at least 1, was 0");
    }
}
