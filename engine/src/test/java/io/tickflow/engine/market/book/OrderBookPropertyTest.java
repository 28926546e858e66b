package io.tickflow.engine.market.book;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;

/**
 * Property test over random update sequences, as seeded JUnit loops (the project does not use
 * jqwik): a sorted-map model predicts the result of every operation, and after every step the
 * book must equal the model, be sorted best first, hold no empty level and never be crossed
 * or locked. A failure names the seed and the step so it can be replayed.
 */
class OrderBookPropertyTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");
    private static final int SEEDS = 300;
    private static final int STEPS = 2_000;

    /** The reference: one sorted map per side, best first, and the rejections it expects. */
    private static final class Model {
        final Map<Side, TreeMap<Long, Long>> levels = new EnumMap<>(Side.class);
        long rejected;

        Model() {
            levels.put(BUY, new TreeMap<>(Comparator.reverseOrder()));
            levels.put(SELL, new TreeMap<>());
        }

        BookUpdateResult update(Side side, long price, long size) {
            if (side == null || price == PriceTicks.NONE) {
                return reject(BookUpdateResult.REJECTED_INVALID_PRICE);
            }
            if (size < 0) {
                return reject(BookUpdateResult.REJECTED_INVALID_SIZE);
            }
            if (size == 0) {
                return delete(side, price);
            }
            TreeMap<Long, Long> opposite = levels.get(side.opposite());
            if (!opposite.isEmpty() && (side == BUY ? price >= opposite.firstKey() : price <= opposite.firstKey())) {
                return reject(BookUpdateResult.REJECTED_CROSSED);
            }
            levels.get(side).put(price, size);
            return BookUpdateResult.APPLIED;
        }

        BookUpdateResult delete(Side side, long price) {
            if (side == null || price == PriceTicks.NONE) {
                return reject(BookUpdateResult.REJECTED_INVALID_PRICE);
            }
            return levels.get(side).remove(price) != null ? BookUpdateResult.DELETED : BookUpdateResult.NOT_FOUND;
        }

        void clear() {
            levels.get(BUY).clear();
            levels.get(SELL).clear();
        }

        private BookUpdateResult reject(BookUpdateResult result) {
            rejected++;
            return result;
        }
    }

    /** What the random sequences exercised, so the test fails if they stop covering a case. */
    private static final class Coverage {
        final Map<BookUpdateResult, Long> results = new EnumMap<>(BookUpdateResult.class);
        long lockedBids;
        long lockedAsks;
        int deepestSide;
    }

    @Test
    void randomUpdateSequencesKeepTheBookSortedUncrossedFreeOfEmptyLevelsAndEqualToTheModel() {
        Coverage coverage = new Coverage();
        for (long seed = 1; seed <= SEEDS; seed++) {
            String failure = run(seed, coverage);
            assertThat(failure).as("seed %d", seed).isNull();
        }

        assertThat(coverage.results.keySet()).containsExactlyInAnyOrder(BookUpdateResult.values());
        assertThat(coverage.lockedBids).as("bids at exactly the best ask").isPositive();
        assertThat(coverage.lockedAsks).as("asks at exactly the best bid").isPositive();
        assertThat(coverage.deepestSide).as("levels on one side, from an initial depth of 1").isGreaterThan(64);
    }

    /** One seeded sequence; the first violated property, with its step, or null. */
    private static String run(long seed, Coverage coverage) {
        Random random = new Random(seed);
        OrderBook book = new OrderBook(ES, 1);
        Model model = new Model();
        long mid = 10_000;
        for (int step = 0; step < STEPS; step++) {
            long ts = 1_000L + step;
            if (random.nextInt(8) == 0) {
                mid += random.nextInt(5) - 2;
            }
            Side side = random.nextInt(200) == 0 ? null : random.nextBoolean() ? BUY : SELL;
            long price = price(random, side, mid);
            long tsBefore = book.tsEvent();
            BookUpdateResult expected;
            BookUpdateResult actual;
            int op = random.nextInt(100);
            if (op == 0) {
                book.clear(ts);
                model.clear();
                expected = null;
                actual = null;
            } else if (op < 12) {
                expected = model.delete(side, price);
                actual = book.delete(side, price, ts);
            } else {
                long size = size(random);
                if (side != null && price != PriceTicks.NONE && size > 0) {
                    countLocked(book, side, price, coverage);
                }
                expected = model.update(side, price, size);
                actual = book.update(side, price, size, ts);
            }
            String where = "step " + step + " (" + side + " " + price + ", ts " + ts + "): ";
            if (actual != expected) {
                return where + "result " + actual + ", the model expected " + expected;
            }
            if (actual != null) {
                coverage.results.merge(actual, 1L, Long::sum);
                if (actual.isRejection() && book.tsEvent() != tsBefore) {
                    return where + "a rejected update moved tsEvent from " + tsBefore + " to " + book.tsEvent();
                }
            }
            if ((actual == null || actual == BookUpdateResult.APPLIED || actual == BookUpdateResult.DELETED)
                    && book.tsEvent() != ts) {
                return where + "tsEvent " + book.tsEvent() + " after an applied change at " + ts;
            }
            String violation = violation(book, model);
            if (violation != null) {
                return where + violation;
            }
            coverage.deepestSide = Math.max(coverage.deepestSide, Math.max(book.levels(BUY), book.levels(SELL)));
        }
        return null;
    }

    /** Mostly near the touch, where crossing happens; sometimes deep; rarely no price at all. */
    private static long price(Random random, Side side, long mid) {
        int kind = random.nextInt(100);
        if (kind == 0) {
            return PriceTicks.NONE;
        }
        long away = kind < 80 ? random.nextInt(12) : random.nextInt(400);
        long sign = side == SELL ? 1 : -1;
        // a fifth of the prices land on the wrong side of the mid, to cross or lock the book
        return random.nextInt(5) == 0 ? mid - sign * random.nextInt(4) : mid + sign * away;
    }

    private static long size(Random random) {
        int kind = random.nextInt(100);
        if (kind < 2) {
            return -1 - random.nextInt(10);
        }
        if (kind < 22) {
            return 0;
        }
        return 1 + random.nextInt(kind < 95 ? 50 : 5_000);
    }

    private static void countLocked(OrderBook book, Side side, long price, Coverage coverage) {
        if (side == BUY && price == book.bestAskTicks()) {
            coverage.lockedBids++;
        } else if (side == SELL && price == book.bestBidTicks()) {
            coverage.lockedAsks++;
        }
    }

    /** The first way the book differs from the model or breaks an invariant, or null. */
    private static String violation(OrderBook book, Model model) {
        if (book.rejectedCount() != model.rejected) {
            return "rejectedCount " + book.rejectedCount() + ", the model counted " + model.rejected;
        }
        for (Side side : Side.values()) {
            TreeMap<Long, Long> expected = model.levels.get(side);
            if (book.levels(side) != expected.size()) {
                return side + " has " + book.levels(side) + " levels, the model " + expected.size();
            }
            Iterator<Map.Entry<Long, Long>> it = expected.entrySet().iterator();
            for (int i = 0; i < book.levels(side); i++) {
                long price = book.priceTicks(side, i);
                long size = book.size(side, i);
                Map.Entry<Long, Long> level = it.next();
                if (size <= 0) {
                    return side + " level " + i + " at " + price + " has size " + size;
                }
                if (i > 0 && (side == BUY ? price >= book.priceTicks(side, i - 1) : price <= book.priceTicks(side, i - 1))) {
                    return side + " level " + i + " at " + price + " is out of order after " + book.priceTicks(side, i - 1);
                }
                if (price != level.getKey() || size != level.getValue()) {
                    return side + " level " + i + " is " + size + "@" + price + ", the model " + level.getValue() + "@"
                            + level.getKey();
                }
                if (book.sizeAt(side, price) != size) {
                    return side + " sizeAt(" + price + ") is " + book.sizeAt(side, price) + ", level " + i + " holds " + size;
                }
            }
        }
        long bestBid = model.levels.get(BUY).isEmpty() ? PriceTicks.NONE : model.levels.get(BUY).firstKey();
        long bestAsk = model.levels.get(SELL).isEmpty() ? PriceTicks.NONE : model.levels.get(SELL).firstKey();
        if (book.bestBidTicks() != bestBid || book.bestAskTicks() != bestAsk) {
            return "best " + book.bestBidTicks() + " / " + book.bestAskTicks() + ", the model " + bestBid + " / " + bestAsk;
        }
        if (bestBid != PriceTicks.NONE && bestAsk != PriceTicks.NONE && bestBid >= bestAsk) {
            return "crossed or locked: best bid " + bestBid + ", best ask " + bestAsk;
        }
        return null;
    }
}
