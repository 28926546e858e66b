package io.tickflow.engine.risk;

import io.tickflow.engine.order.OrderRequest;

/** Rejects an order when the account already has the maximum number of live orders. */
final class MaxWorkingOrdersRule implements RiskRule {
    private final int max;

    MaxWorkingOrdersRule(int max) {
        this.max = max;
    }

    @Override
    public String name() {
        return "maxWorkingOrders";
    }

    @Override
    public String check(OrderRequest r, RiskView view) {
        int working = view.workingOrders(r.accountId());
        return working < max ? null : working + " orders already working, the maximum is " + max;
    }
}
