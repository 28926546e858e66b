package io.tickflow.engine.risk;

import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.order.OrderRequest;

/**
 * Fat-finger protection: limit and stop prices must lie within N ticks of the reference
 * price (the last trade, else the mid). Orders without a price pass; so does every order
 * while the contract has no reference price yet.
 */
final class PriceBandRule implements RiskRule {
    private final long band;

    PriceBandRule(long band) {
        this.band = band;
    }

    @Override
    public String name() {
        return "priceBand";
    }

    @Override
    public String check(OrderRequest r, RiskView view) {
        long reference = view.referencePrice(r.contract());
        if (reference == PriceTicks.NONE) {
            return null;
        }
        if (r.limitTicks() != PriceTicks.NONE && Math.abs(r.limitTicks() - reference) > band) {
            return "limit price " + r.limitTicks() + " is more than " + band + " ticks from " + reference;
        }
        if (r.stopTicks() != PriceTicks.NONE && Math.abs(r.stopTicks() - reference) > band) {
            return "stop price " + r.stopTicks() + " is more than " + band + " ticks from " + reference;
        }
        return null;
    }
}
