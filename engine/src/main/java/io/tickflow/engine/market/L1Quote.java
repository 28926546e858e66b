package io.tickflow.engine.market;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.QuoteFields;
import io.tickflow.engine.strategy.QuoteView;

/**
 * The top of book (L1) of one contract, merged from partial quote updates and trade prints.
 * Owned and written by the engine thread only; strategies see it as a {@link QuoteView}.
 * Allocation-free.
 */
public final class L1Quote implements QuoteView {
    private final Contract contract;
    private long tsEvent;
    private long bidTicks = PriceTicks.NONE;
    private long bidSize;
    private long askTicks = PriceTicks.NONE;
    private long askSize;
    private long lastTicks = PriceTicks.NONE;
    private long lastSize;
    private long volume;

    public L1Quote(Contract contract) {
        this.contract = contract;
    }

    /**
     * Merges the fields flagged in {@code fields} ({@link QuoteFields}); the others keep their
     * last known values. A bid or ask of {@link PriceTicks#NONE} empties that side.
     */
    public void merge(long tsEvent, int fields, long bidTicks, long bidSize, long askTicks, long askSize,
                      long lastTicks, long lastSize, long volume) {
        this.tsEvent = tsEvent;
        if ((fields & QuoteFields.BID) != 0) {
            this.bidTicks = bidTicks;
        }
        if ((fields & QuoteFields.BID_SIZE) != 0) {
            this.bidSize = bidSize;
        }
        if ((fields & QuoteFields.ASK) != 0) {
            this.askTicks = askTicks;
        }
        if ((fields & QuoteFields.ASK_SIZE) != 0) {
            this.askSize = askSize;
        }
        if ((fields & QuoteFields.LAST) != 0) {
            this.lastTicks = lastTicks;
        }
        if ((fields & QuoteFields.LAST_SIZE) != 0) {
            this.lastSize = lastSize;
        }
        if ((fields & QuoteFields.VOLUME) != 0) {
            this.volume = volume;
        }
    }

    /** Records a trade print as the last trade. */
    public void onTrade(long tsEvent, long priceTicks, long size) {
        this.tsEvent = tsEvent;
        this.lastTicks = priceTicks;
        this.lastSize = size;
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
    public long bidTicks() {
        return bidTicks;
    }

    @Override
    public long bidSize() {
        return bidSize;
    }

    @Override
    public long askTicks() {
        return askTicks;
    }

    @Override
    public long askSize() {
        return askSize;
    }

    @Override
    public long lastTicks() {
        return lastTicks;
    }

    @Override
    public long lastSize() {
        return lastSize;
    }

    @Override
    public long volume() {
        return volume;
    }

    @Override
    public boolean hasBid() {
        return bidTicks != PriceTicks.NONE;
    }

    @Override
    public boolean hasAsk() {
        return askTicks != PriceTicks.NONE;
    }

    @Override
    public String toString() {
        return contract.symbol() + " " + bidSize + "@" + bidTicks + " / " + askSize + "@" + askTicks
                + " last " + lastSize + "@" + lastTicks;
    }
}
