package io.tickflow.engine.core;

import io.tickflow.engine.order.ManagedOrder;
import io.tickflow.engine.strategy.CommandRejection;
import io.tickflow.engine.strategy.OrderView;

/** A {@link CommandRejection} of one of the router's orders. Engine thread only; reused. */
final class RouterCommandRejection implements CommandRejection {
    private Command command;
    private ManagedOrder order;
    private CharSequence reason;

    RouterCommandRejection set(boolean cancel, ManagedOrder refused, CharSequence why) {
        this.command = cancel ? Command.CANCEL : Command.MODIFY;
        this.order = refused;
        this.reason = why;
        return this;
    }

    @Override
    public Command command() {
        return command;
    }

    @Override
    public OrderView order() {
        return order;
    }

    @Override
    public CharSequence reason() {
        return reason;
    }

    @Override
    public String toString() {
        return command + " of " + order + " refused: " + reason;
    }
}
