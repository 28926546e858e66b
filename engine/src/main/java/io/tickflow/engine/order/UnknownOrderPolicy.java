package io.tickflow.engine.order;

/** What the router does with a working order at the gateway that it did not place (or no longer knows). */
public enum UnknownOrderPolicy {
    /** Track it like its own (no strategy owns it; it counts for risk and flatten). */
    ADOPT,
    /** Cancel it at the gateway. */
    CANCEL
}
