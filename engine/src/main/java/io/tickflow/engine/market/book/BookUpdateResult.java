package io.tickflow.engine.market.book;

/** The outcome of one L2 book update. */
public enum BookUpdateResult {
    /** A level was inserted or its size replaced. */
    APPLIED,
    /** A level was removed. */
    DELETED,
    /** A delete named a level the book does not have: harmless, nothing changed. */
    NOT_FOUND,
    /** The update would have crossed or locked the book (bid at or above the best ask, or the reverse); ignored. */
    REJECTED_CROSSED,
    /** A negative size; ignored. */
    REJECTED_INVALID_SIZE,
    /** No price, or no side; ignored. */
    REJECTED_INVALID_PRICE;

    /** True if the update was refused and the book left unchanged. */
    public boolean isRejection() {
        return this == REJECTED_CROSSED || this == REJECTED_INVALID_SIZE || this == REJECTED_INVALID_PRICE;
    }
}
