package io.tickflow.engine.order;

/** What the router tells the engine (and through it the strategy that owns an order). Engine thread. */
public interface OrderListener {
    /** The order's state or filled size changed. */
    void onOrderChanged(ManagedOrder order);

    /** A new fill of the order was applied (never called twice for one trade id). */
    void onOrderFilled(ManagedOrder order, long tradeId, long size, long priceTicks);

    /** The gateway refused a modify ({@code cancel} false) or a cancel of a live order, which is unchanged. */
    default void onCommandRejected(ManagedOrder order, boolean cancel, CharSequence reason) {
    }

    /** The router no longer keeps this finished order (late events for it are ignored from now on). */
    default void onOrderForgotten(ManagedOrder order) {
    }
}
