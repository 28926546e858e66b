package io.tickflow.engine.market.book;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.testing.SharedData;

/**
 * Replays a real evening of ES market-by-order data ({@code ../shared/data/esh4-2023-12-25-mbo.csv})
 * into the book as L2 level updates: orders are summed per price level, and after each exchange
 * event (a record flagged F_LAST) every level the event changed is sent to the book with its new
 * total, shrinking levels before growing ones so an event never crosses the book half-applied.
 *
 * <p>The pre-open book (22:00–23:00 UTC) is legitimately crossed, and the book refuses crossed
 * updates, so it can lack a level the feed sent then until that level is sent again. The test
 * therefore tracks those refused ("stale") levels: everything else must equal the summed
 * orders exactly at every step, refusals may happen only before the open, and the stale
 * levels must all have been refreshed soon after it.
 */
class OrderBookMboReplayTest {
    private static final Contract ESH4 = Contract.of("CON.F.US.EP.H24", "ESH4", "0.25", "12.50", "USD");
    private static final long OPEN = nanos(Instant.parse("2023-12-25T23:00:00Z"));
    private static final int F_LAST = 128;

    private record Level(Side side, long price) {
    }

    private static final class Replay {
        final OrderBook book = new OrderBook(ESH4, 16);
        final Map<Long, long[]> orders = new HashMap<>();
        final Map<Side, TreeMap<Long, Long>> levels = new EnumMap<>(Side.class);
        final Set<Level> changed = new LinkedHashSet<>();
        final Set<Level> stale = new HashSet<>();
        final List<Long> refusedAt = new ArrayList<>();
        long lastStaleTs = Long.MIN_VALUE;
        long events;
        long rows;

        Replay() {
            levels.put(BUY, new TreeMap<>(Comparator.reverseOrder()));
            levels.put(SELL, new TreeMap<>());
        }

        void onRow(String line, int lineNo) {
            String[] f = line.split(",", -1);
            String where = "line " + lineNo + " (" + line + ")";
            char action = f[1].charAt(0);
            long orderId = Long.parseLong(f[5]);
            switch (action) {
                case 'A' -> {
                    long[] order = {side(f[2], where).ordinal(), ESH4.toTicks(new BigDecimal(f[3])), Long.parseLong(f[4])};
                    assertThat(orders.put(orderId, order)).as("%s adds a known order", where).isNull();
                    add(order, order[2]);
                }
                case 'C' -> {
                    long[] order = orders.get(orderId);
                    assertThat(order).as("%s cancels an unknown order", where).isNotNull();
                    long size = Long.parseLong(f[4]);
                    add(order, -size);
                    order[2] -= size;
                    if (order[2] == 0) {
                        orders.remove(orderId);
                    }
                }
                case 'M' -> {
                    long[] order = orders.get(orderId);
                    assertThat(order).as("%s modifies an unknown order", where).isNotNull();
                    add(order, -order[2]);
                    order[1] = ESH4.toTicks(new BigDecimal(f[3]));
                    order[2] = Long.parseLong(f[4]);
                    add(order, order[2]);
                }
                case 'R' -> {
                    orders.clear();
                    levels.values().forEach(TreeMap::clear);
                    changed.clear();
                    stale.clear();
                    book.clear(nanos(Instant.parse(f[0])));
                }
                case 'T', 'F' -> {
                    // a fill is followed by the C or M that changes the book
                }
                default -> throw new AssertionError(where + ": unknown action " + action);
            }
            rows++;
            if ((Integer.parseInt(f[6]) & F_LAST) != 0) {
                endOfEvent(nanos(Instant.parse(f[0])), where);
            }
        }

        private void add(long[] order, long delta) {
            Side side = Side.values()[(int) order[0]];
            levels.get(side).merge(order[1], delta, (a, b) -> a + b == 0 ? null : a + b);
            changed.add(new Level(side, order[1]));
        }

        private void endOfEvent(long ts, String where) {
            events++;
            for (boolean shrinking : new boolean[] {true, false}) {
                for (Iterator<Level> it = changed.iterator(); it.hasNext(); ) {
                    Level level = it.next();
                    long total = levels.get(level.side()).getOrDefault(level.price(), 0L);
                    if (shrinking == total < book.sizeAt(level.side(), level.price())) {
                        offer(level, total, ts, where);
                        it.remove();
                    }
                }
            }
            if (!stale.isEmpty()) {
                lastStaleTs = ts;
            } else {
                assertThat(book.bestBidTicks()).as("%s best bid", where).isEqualTo(best(BUY));
                assertThat(book.bestAskTicks()).as("%s best ask", where).isEqualTo(best(SELL));
            }
        }

        private void offer(Level level, long total, long ts, String where) {
            BookUpdateResult result = book.update(level.side(), level.price(), total, ts);
            if (result == BookUpdateResult.REJECTED_CROSSED) {
                stale.add(level);
                refusedAt.add(ts);
                return;
            }
            assertThat(result).as("%s: %s", where, level).isIn(BookUpdateResult.APPLIED, BookUpdateResult.DELETED,
                    BookUpdateResult.NOT_FOUND);
            stale.remove(level);
            assertThat(book.sizeAt(level.side(), level.price())).as("%s: %s", where, level).isEqualTo(total);
        }

        long best(Side side) {
            return levels.get(side).isEmpty() ? PriceTicks.NONE : levels.get(side).firstKey();
        }
    }

    @Test
    void realMboReplayEndsAtTheKnownBookAndRefusesCrossedLevelsOnlyBeforeTheOpen() throws IOException {
        Path file = SharedData.require("esh4-2023-12-25-mbo.csv");
        Replay replay = new Replay();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            assertThat(reader.readLine()).isEqualTo("ts_event,action,side,price,size,order_id,flags");
            int lineNo = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                replay.onRow(line, ++lineNo);
            }
        }
        OrderBook book = replay.book;

        assertThat(replay.rows).isEqualTo(68_792);
        assertThat(replay.refusedAt).as("the pre-open book crosses").isNotEmpty();
        assertThat(replay.refusedAt).as("refusals, epoch nanos").allMatch(ts -> ts < OPEN);
        assertThat(book.rejectedCount()).isEqualTo(replay.refusedAt.size());
        // on this evening every refused level is sent again within 0.11 s of the open
        assertThat(replay.lastStaleTs).as("last event with a refused level outstanding").isLessThan(OPEN + 1_000_000_000L);
        assertThat(replay.stale).isEmpty();

        // the final book NautilusTrader's own test asserts for these data
        assertThat(book.levels(BUY)).isEqualTo(922);
        assertThat(book.levels(SELL)).isEqualTo(565);
        assertThat(book.bestBidTicks()).isEqualTo(ESH4.toTicks(new BigDecimal("4810.00")));
        assertThat(book.bestAskTicks()).isEqualTo(ESH4.toTicks(new BigDecimal("4810.25")));
        for (Side side : Side.values()) {
            int i = 0;
            for (Map.Entry<Long, Long> level : replay.levels.get(side).entrySet()) {
                assertThat(book.priceTicks(side, i)).as("%s level %d", side, i).isEqualTo(level.getKey());
                assertThat(book.size(side, i)).as("%s level %d", side, i).isEqualTo(level.getValue());
                i++;
            }
        }
    }

    private static Side side(String code, String where) {
        return switch (code) {
            case "B" -> BUY;
            case "A" -> SELL;
            default -> throw new AssertionError(where + ": an order needs side B or A, was " + code);
        };
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
