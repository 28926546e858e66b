package io.tickflow.engine.ring;

/**
 * Bit flags saying which fields a quote update carries. Feeds send partial quotes (the
 * ProjectX market hub: "treat every field as optional"); the engine merges only the flagged
 * fields into the last known quote.
 */
public final class QuoteFields {
    public static final int BID = 1;
    public static final int BID_SIZE = 1 << 1;
    public static final int ASK = 1 << 2;
    public static final int ASK_SIZE = 1 << 3;
    public static final int LAST = 1 << 4;
    public static final int LAST_SIZE = 1 << 5;
    public static final int VOLUME = 1 << 6;
    /** Bid, ask and their sizes: a full top-of-book update. */
    public static final int TOP_OF_BOOK = BID | BID_SIZE | ASK | ASK_SIZE;
    public static final int ALL = TOP_OF_BOOK | LAST | LAST_SIZE | VOLUME;

    private QuoteFields() {
    }

    public static boolean has(int mask, int field) {
        return (mask & field) != 0;
    }
}
