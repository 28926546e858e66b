package io.tickflow.engine.order;

/**
 * The engine's life cycle of one order, with its legal transitions. The gateway's
 * {@code OrderStatus} is an input to it, not the same thing: the engine also knows that a
 * command is in flight, and that an answer never came.
 *
 * <pre>
 *   SUBMITTED ──ack──▶ WORKING ──fill──▶ PARTIALLY_FILLED ──fill──▶ FILLED
 *       │                 │  ╲                 │
 *       │                 │   cancel sent ──▶ PENDING_CANCEL ──▶ CANCELLED
 *       ├──reject──▶ REJECTED                     (a fill may still win: ──▶ FILLED)
 *       └──no answer in time──▶ UNKNOWN ──(found by customTag / reconciliation)──▶ any state
 *   any non-terminal ──▶ EXPIRED, CANCELLED (by the gateway), FILLED
 * </pre>
 *
 * Terminal states never change again, so a late or duplicated event cannot revive an order.
 */
public enum OrderState {
    /** Sent to the gateway; no answer yet. */
    SUBMITTED,
    /** Accepted and resting (or triggered and not yet filled). */
    WORKING,
    /** Some but not all of the size has filled; still working. */
    PARTIALLY_FILLED,
    /** A cancel was sent; the order may still fill until the gateway confirms. */
    PENDING_CANCEL,
    /** No answer in time: neither success nor failure until found again by its customTag. */
    UNKNOWN,
    FILLED,
    CANCELLED,
    REJECTED,
    EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    /** True while the order can still fill. */
    public boolean isLive() {
        return !isTerminal();
    }

    /** Whether the life cycle allows moving from this state to {@code next}; staying put is always allowed. */
    public boolean canMoveTo(OrderState next) {
        if (next == this) {
            return true;
        }
        if (isTerminal()) {
            return false;
        }
        switch (next) {
            case SUBMITTED:
                return false;
            case WORKING:
                // PENDING_CANCEL -> WORKING: the cancel was rejected and the order rests on
                return this == SUBMITTED || this == UNKNOWN || this == PENDING_CANCEL;
            case PARTIALLY_FILLED:
                // a partial fill while a cancel is pending keeps PENDING_CANCEL (the filled size says the rest)
                return this == SUBMITTED || this == WORKING || this == UNKNOWN;
            case PENDING_CANCEL:
                return this == WORKING || this == PARTIALLY_FILLED || this == SUBMITTED || this == UNKNOWN;
            case UNKNOWN:
                return this == SUBMITTED || this == PENDING_CANCEL;
            case REJECTED:
                return this == SUBMITTED || this == UNKNOWN;
            case FILLED:
            case CANCELLED:
            case EXPIRED:
                return true;
            default:
                return false;
        }
    }
}
