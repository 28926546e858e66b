package io.tickflow.engine.market.book;

import java.util.Arrays;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.BookView;

/**
 * The L2 depth book of one contract: total size per price level, best first. Each side is a
 * pair of sorted primitive arrays (bids descending, asks ascending) searched by binary search;
 * an insert or delete shifts the levels behind it.
 *
 * <p>Invariants: no level has size 0; the book is never crossed or locked (best bid &lt; best
 * ask) — an update that would break this is rejected and counted, leaving the book as it
 * was. Owned and written by the engine thread only. No allocation per update; a side grows
 * (doubling) only when it holds more levels than ever before.
 */
public final class OrderBook implements BookView {
    private final Contract contract;
    private final Levels bids;
    private final Levels asks;
    private long tsEvent;
    private long rejected;

    /**
     * @param initialDepth levels per side before the arrays grow
     */
    public OrderBook(Contract contract, int initialDepth) {
        if (initialDepth < 1) {
            throw new IllegalArgumentException("initial book depth must be at least 1, was " + initialDepth);
        }
        this.contract = contract;
        this.bids = new Levels(initialDepth, true);
        this.asks = new Levels(initialDepth, false);
    }

    /**
     * Sets the total size at a price level; size 0 removes the level.
     */
    public BookUpdateResult update(Side side, long priceTicks, long size, long tsEvent) {
        if (side == null || priceTicks == PriceTicks.NONE) {
            return reject(BookUpdateResult.REJECTED_INVALID_PRICE);
        }
        if (size < 0) {
            return reject(BookUpdateResult.REJECTED_INVALID_SIZE);
        }
        if (size == 0) {
            return delete(side, priceTicks, tsEvent);
        }
        if (side == Side.BUY ? asks.count > 0 && priceTicks >= asks.prices[0]
                : bids.count > 0 && priceTicks <= bids.prices[0]) {
            return reject(BookUpdateResult.REJECTED_CROSSED);
        }
        this.tsEvent = tsEvent;
        sideOf(side).set(priceTicks, size);
        return BookUpdateResult.APPLIED;
    }

    /** Removes a price level; a missing level is reported as NOT_FOUND and changes nothing. */
    public BookUpdateResult delete(Side side, long priceTicks, long tsEvent) {
        if (side == null || priceTicks == PriceTicks.NONE) {
            return reject(BookUpdateResult.REJECTED_INVALID_PRICE);
        }
        this.tsEvent = tsEvent;
        return sideOf(side).remove(priceTicks) ? BookUpdateResult.DELETED : BookUpdateResult.NOT_FOUND;
    }

    /** Empties both sides (the feed's reset). */
    public void clear(long tsEvent) {
        this.tsEvent = tsEvent;
        bids.count = 0;
        asks.count = 0;
    }

    /** Updates rejected since construction. */
    public long rejectedCount() {
        return rejected;
    }

    private BookUpdateResult reject(BookUpdateResult result) {
        rejected++;
        return result;
    }

    private Levels sideOf(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    @Override
    public Contract contract() {
        return contract;
    }

    @Override
    public long tsEvent() {
        return tsEvent;
    }

    @Override
    public int levels(Side side) {
        return sideOf(side).count;
    }

    @Override
    public long priceTicks(Side side, int level) {
        Levels l = sideOf(side);
        l.check(level, side);
        return l.prices[level];
    }

    @Override
    public long size(Side side, int level) {
        Levels l = sideOf(side);
        l.check(level, side);
        return l.sizes[level];
    }

    @Override
    public long sizeAt(Side side, long priceTicks) {
        Levels l = sideOf(side);
        int i = l.find(priceTicks);
        return i >= 0 ? l.sizes[i] : 0;
    }

    @Override
    public long bestBidTicks() {
        return bids.count > 0 ? bids.prices[0] : PriceTicks.NONE;
    }

    @Override
    public long bestAskTicks() {
        return asks.count > 0 ? asks.prices[0] : PriceTicks.NONE;
    }

    @Override
    public String toString() {
        return contract.symbol() + " book " + bids.count + " bids, " + asks.count + " asks, best "
                + bestBidTicks() + " / " + bestAskTicks();
    }

    /** One side: levels sorted best first. */
    private static final class Levels {
        private final boolean descending;
        long[] prices;
        long[] sizes;
        int count;

        Levels(int capacity, boolean descending) {
            this.descending = descending;
            this.prices = new long[capacity];
            this.sizes = new long[capacity];
        }

        /** Index of the level at {@code price}, or {@code -(insertion point) - 1}. */
        int find(long price) {
            int low = 0;
            int high = count - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                long p = prices[mid];
                if (p == price) {
                    return mid;
                }
                if (descending ? p > price : p < price) {
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return -(low + 1);
        }

        void set(long price, long size) {
            int i = find(price);
            if (i >= 0) {
                sizes[i] = size;
                return;
            }
            int at = -i - 1;
            if (count == prices.length) {
                prices = Arrays.copyOf(prices, count * 2);
                sizes = Arrays.copyOf(sizes, count * 2);
            }
            System.arraycopy(prices, at, prices, at + 1, count - at);
            System.arraycopy(sizes, at, sizes, at + 1, count - at);
            prices[at] = price;
            sizes[at] = size;
            count++;
        }

        boolean remove(long price) {
            int i = find(price);
            if (i < 0) {
                return false;
            }
            System.arraycopy(prices, i + 1, prices, i, count - i - 1);
            System.arraycopy(sizes, i + 1, sizes, i, count - i - 1);
            count--;
            return true;
        }

        void check(int level, Side side) {
            if (level < 0 || level >= count) {
                throw new IndexOutOfBoundsException(
                        "level " + level + " on the " + side + " side; the side has " + count + " levels");
            }
        }
    }
}
