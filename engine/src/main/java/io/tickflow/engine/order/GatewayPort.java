package io.tickflow.engine.order;

/**
 * The outbound command port: how the router sends orders to a gateway (the live ProjectX
 * adapter, the paper gateway's client, or the simulated exchange in a backtest). Called on
 * the engine thread; implementations must not block it — they hand the command to their own
 * I/O and answer later through the inbound ring (command ack or reject, order, fill and
 * position updates). Every command is answered, or becomes a rejection with no answer
 * after the router's timeout.
 */
public interface GatewayPort {
    /**
     * Places an order. {@code clientOrderId} travels as the order's customTag, so the order
     * can be found again if the answer is lost; the port must never retry a placement itself.
     */
    void place(long clientOrderId, OrderRequest request);

    /** Cancels a working order. */
    void cancel(long clientOrderId, long accountId, long gatewayOrderId);

    /**
     * Changes a working order's size or prices; unchanged fields are {@code PriceTicks.NONE} / 0.
     * {@code contract} (the engine's index) says what the ticks are ticks of.
     */
    void modify(long clientOrderId, long accountId, long gatewayOrderId, int contract, long size, long limitTicks,
                long stopTicks);
}
