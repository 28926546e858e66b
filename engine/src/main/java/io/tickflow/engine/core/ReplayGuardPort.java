package io.tickflow.engine.core;

import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.OrderRequest;

/**
 * The gateway port as the router sees it: commands go through to the real port, except
 * while the journal is being replayed, when they are counted and dropped. An earlier
 * session already sent whatever its events led to; sending it again would be a double send.
 * Engine thread only.
 */
final class ReplayGuardPort implements GatewayPort {
    private final GatewayPort port;
    private boolean replaying;
    private volatile long suppressed;

    ReplayGuardPort(GatewayPort port) {
        this.port = port;
    }

    void replaying(boolean on) {
        this.replaying = on;
    }

    /** Commands dropped during replays (any thread). */
    long suppressed() {
        return suppressed;
    }

    @Override
    public void place(long clientOrderId, OrderRequest request) {
        if (replaying) {
            suppressed++;
            return;
        }
        port.place(clientOrderId, request);
    }

    @Override
    public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
        if (replaying) {
            suppressed++;
            return;
        }
        port.cancel(clientOrderId, accountId, gatewayOrderId);
    }

    @Override
    public void modify(long clientOrderId, long accountId, long gatewayOrderId, int contract, long size,
                       long limitTicks, long stopTicks) {
        if (replaying) {
            suppressed++;
            return;
        }
        port.modify(clientOrderId, accountId, gatewayOrderId, contract, size, limitTicks, stopTicks);
    }
}
