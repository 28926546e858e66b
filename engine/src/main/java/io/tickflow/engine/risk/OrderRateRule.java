package io.tickflow.engine.risk;

import io.tickflow.engine.order.OrderRequest;

/**
 * At most N orders in any one-second window (sliding), counted when they pass: the times of
 * the last N accepted orders are kept in a ring.
 */
final class OrderRateRule implements RiskRule {
    private static final long SECOND = 1_000_000_000L;
    private final long[] sent;
    private int next;
    private int count;

    OrderRateRule(int perSecond) {
        this.sent = new long[perSecond];
    }

    @Override
    public String name() {
        return "maxOrdersPerSecond";
    }

    @Override
    public String check(OrderRequest r, RiskView view) {
        long now = view.nowNanos();
        if (count == sent.length && now - sent[next] < SECOND) {
            return sent.length + " orders already sent in the last second";
        }
        sent[next] = now;
        next = (next + 1) % sent.length;
        count = Math.min(count + 1, sent.length);
        return null;
    }
}
