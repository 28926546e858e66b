package io.tickflow.engine.market.book;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;

class OrderBookTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    private final OrderBook book = new OrderBook(ES, 2);

    private String render() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < book.levels(BUY); i++) {
            sb.append('b').append(book.size(BUY, i)).append('@').append(book.priceTicks(BUY, i)).append(' ');
        }
        for (int i = 0; i < book.levels(SELL); i++) {
            sb.append('a').append(book.size(SELL, i)).append('@').append(book.priceTicks(SELL, i)).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void insertsKeepEachSideSortedBestFirstAndGrowPastTheInitialDepth() {
        assertThat(book.update(BUY, 100, 5, 1)).isEqualTo(BookUpdateResult.APPLIED);
        book.update(BUY, 98, 7, 2);
        book.update(BUY, 99, 6, 3);
        book.update(SELL, 103, 3, 4);
        book.update(SELL, 101, 1, 5);
        book.update(SELL, 102, 2, 6);

        assertThat(render()).isEqualTo("b5@100 b6@99 b7@98 a1@101 a2@102 a3@103");
        assertThat(book.bestBidTicks()).isEqualTo(100);
        assertThat(book.bestAskTicks()).isEqualTo(101);
        assertThat(book.sizeAt(BUY, 99)).isEqualTo(6);
        assertThat(book.sizeAt(SELL, 99)).isZero();
        assertThat(book.tsEvent()).isEqualTo(6);
    }

    @Test
    void updateReplacesTheSizeAndZeroSizeOrDeleteRemovesTheLevel() {
        book.update(BUY, 100, 5, 1);
        book.update(BUY, 99, 6, 1);
        book.update(BUY, 100, 9, 2);
        assertThat(render()).isEqualTo("b9@100 b6@99");

        assertThat(book.update(BUY, 100, 0, 3)).isEqualTo(BookUpdateResult.DELETED);
        assertThat(render()).isEqualTo("b6@99");
        assertThat(book.delete(BUY, 99, 4)).isEqualTo(BookUpdateResult.DELETED);
        assertThat(book.delete(BUY, 99, 5)).isEqualTo(BookUpdateResult.NOT_FOUND);
        assertThat(book.bestBidTicks()).isEqualTo(PriceTicks.NONE);
        assertThat(book.rejectedCount()).isZero();
    }

    @Test
    void clearEmptiesBothSides() {
        book.update(BUY, 100, 5, 1);
        book.update(SELL, 101, 5, 1);
        book.clear(7);

        assertThat(render()).isEmpty();
        assertThat(book.bestAskTicks()).isEqualTo(PriceTicks.NONE);
        assertThat(book.tsEvent()).isEqualTo(7);
    }

    @Test
    void updatesThatWouldCrossOrLockTheBookAreRejectedAndLeaveItUnchanged() {
        book.update(BUY, 100, 5, 1);
        book.update(SELL, 102, 5, 1);

        assertThat(book.update(BUY, 102, 1, 2)).isEqualTo(BookUpdateResult.REJECTED_CROSSED);
        assertThat(book.update(BUY, 103, 1, 2)).isEqualTo(BookUpdateResult.REJECTED_CROSSED);
        assertThat(book.update(SELL, 100, 1, 2)).isEqualTo(BookUpdateResult.REJECTED_CROSSED);
        assertThat(book.update(SELL, 99, 1, 2)).isEqualTo(BookUpdateResult.REJECTED_CROSSED);
        assertThat(book.update(BUY, 101, 1, 3)).isEqualTo(BookUpdateResult.APPLIED);

        assertThat(render()).isEqualTo("b1@101 b5@100 a5@102");
        assertThat(book.rejectedCount()).isEqualTo(4);
    }

    @Test
    void invalidInputIsRejected() {
        assertThat(book.update(BUY, 100, -1, 1)).isEqualTo(BookUpdateResult.REJECTED_INVALID_SIZE);
        assertThat(book.update(BUY, PriceTicks.NONE, 1, 1)).isEqualTo(BookUpdateResult.REJECTED_INVALID_PRICE);
        assertThat(book.update(null, 100, 1, 1)).isEqualTo(BookUpdateResult.REJECTED_INVALID_PRICE);
        assertThat(book.rejectedCount()).isEqualTo(3);
        assertThatThrownBy(() -> book.priceTicks(BUY, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("level 0 on the BUY side; the side has 0 levels");
    }

    @Test
    void randomUpdatesMatchASortedMapModelAndNeverCrossTheBook() {
        long seed = 77L;
        Random random = new Random(seed);
        OrderBook deep = new OrderBook(ES, 1);
        Map<Side, TreeMap<Long, Long>> model = Map.of(
                BUY, new TreeMap<>(Comparator.reverseOrder()),
                SELL, new TreeMap<>());
        for (int step = 0; step < 50_000; step++) {
            Side side = random.nextBoolean() ? BUY : SELL;
            long price = 1_000 + random.nextInt(60) - (side == BUY ? 10 : -10);
            long size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50);
            BookUpdateResult result = random.nextInt(10) == 0
                    ? deep.delete(side, price, step) : deep.update(side, price, size, step);
            if (result == BookUpdateResult.APPLIED) {
                model.get(side).put(price, size);
            } else if (result == BookUpdateResult.DELETED) {
                model.get(side).remove(price);
            }
            if (step % 997 == 0 || step == 49_999) {
                for (Side s : Side.values()) {
                    TreeMap<Long, Long> levels = model.get(s);
                    assertThat(deep.levels(s)).as("seed %d step %d", seed, step).isEqualTo(levels.size());
                    int i = 0;
                    for (Map.Entry<Long, Long> level : levels.entrySet()) {
                        assertThat(deep.priceTicks(s, i)).isEqualTo(level.getKey());
                        assertThat(deep.size(s, i)).isEqualTo(level.getValue()).isPositive();
                        i++;
                    }
                }
                if (deep.levels(BUY) > 0 && deep.levels(SELL) > 0) {
                    assertThat(deep.bestBidTicks()).as("seed %d step %d", seed, step).isLessThan(deep.bestAskTicks());
                }
            }
        }
    }
}
