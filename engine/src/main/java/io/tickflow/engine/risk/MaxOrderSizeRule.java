package io.tickflow.engine.risk;

import io.tickflow.engine.order.OrderRequest;

/** Rejects an order larger than the limit. */
final class MaxOrderSizeRule implements RiskRule {
    private final long max;

    MaxOrderSizeRule(long max) {
        this.max = max;
    }

    @Override
    public String name() {
        return "maxOrderSize";
    }

    @Override
    public String check(OrderRequest r, RiskView view) {
        return r.size() <= max ? null : "order size " + r.size() + " exceeds the maximum of " + max;
    }
}
