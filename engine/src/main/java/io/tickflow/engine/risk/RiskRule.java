package io.tickflow.engine.risk;

import io.tickflow.engine.order.OrderRequest;

/**
 * One pre-trade check. Rules run in order on the engine thread before an order is sent; the
 * first that objects stops it and its reason reaches the strategy. A rule that passes returns
 * null and must not allocate.
 */
public interface RiskRule {
    /** The rule's name as configuration and reports call it, e.g. {@code maxOrderSize}. */
    String name();

    /** @return null to let the order pass, or why it may not */
    String check(OrderRequest request, RiskView view);
}
