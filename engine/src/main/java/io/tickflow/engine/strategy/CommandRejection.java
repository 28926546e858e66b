package io.tickflow.engine.strategy;

/**
 * The gateway refused (or did not answer in time) a strategy's modify or cancel of a working
 * order. The order is unchanged: it keeps working at its last confirmed size and prices.
 * A flyweight: valid only during the callback, do not keep it.
 */
public interface CommandRejection {
    /** What was refused. */
    enum Command { MODIFY, CANCEL }

    Command command();

    /** The order as it stands, unchanged by the refused command. */
    OrderView order();

    /** The gateway's reason, or why there is no answer. */
    CharSequence reason();
}
