package io.tickflow.engine.ring;

/**
 * The kind of an inbound event: the type tag of an {@link InboundEvent} slot, saying which of
 * its fields are meaningful.
 */
public enum EventType {
    /** L1 quote update: bid, ask, last, sizes, volume (any subset, see {@link QuoteFields}). */
    QUOTE,
    /** A trade print on the market. */
    TRADE,
    /** One level change of the L2 book; {@code batchEnd} marks the last of one feed update. */
    DEPTH,
    /** A completed bar from history or a replay file. */
    BAR,
    /** The gateway's view of one of our orders changed. */
    ORDER_UPDATE,
    /** The gateway's view of one of our positions changed. */
    POSITION_UPDATE,
    /** One of our orders filled (a gateway trade, keyed by its trade id). */
    FILL,
    /** An account's balance or trading permission changed. */
    ACCOUNT_UPDATE,
    /** The gateway accepted a command (REST response). */
    COMMAND_ACK,
    /** The gateway rejected a command, or it had no answer in time. */
    COMMAND_REJECT,
    /** Time passes: fires due timers and closes due time bars when no market data arrives. */
    TIMER,
    /** A gateway connection changed state. */
    CONNECTION_STATE,
    /** An operator command to the engine: halt, resume, shutdown. */
    CONTROL
}
