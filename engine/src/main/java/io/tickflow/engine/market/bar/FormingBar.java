package io.tickflow.engine.market.bar;

/**
 * The bar being formed: open, high, low, close, volume and count of the observations so far,
 * and the times of its first and last. Shared bookkeeping of the aggregators. Engine thread
 * only, allocation-free.
 */
final class FormingBar {
    boolean active;
    long firstTs;
    long lastTs;
    long open;
    long high;
    long low;
    long close;
    long volume;
    long count;

    void start(long ts, long price, long vol) {
        active = true;
        firstTs = ts;
        lastTs = ts;
        open = price;
        high = price;
        low = price;
        close = price;
        volume = vol;
        count = 1;
    }

    void add(long ts, long price, long vol) {
        if (ts > lastTs) {
            lastTs = ts;
        }
        if (price > high) {
            high = price;
        }
        if (price < low) {
            low = price;
        }
        close = price;
        volume += vol;
        count++;
    }

    /** Emits this bar with the given time span, then marks it inactive. */
    void emit(Bar bar, BarSink sink, long tsOpen, long tsClose) {
        active = false;
        sink.onBar(bar.set(tsOpen, tsClose, open, high, low, close, volume, count));
    }
}
