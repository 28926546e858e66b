package io.tickflow.engine.ring;

/** What a depth event does to the L2 book. */
public enum DepthAction {
    /** Set the total size at a price level (0 removes the level). */
    UPDATE,
    /** Remove a price level. */
    DELETE,
    /** Clear the whole book (the feed's reset). */
    CLEAR
}
