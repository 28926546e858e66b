package io.tickflow.adapters.gateway.venue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The paper venue's pre-trade limits on a placement, as a prop firm's service applies them: a
 * largest order size, refused as {@code OrderRejected} (Place code 2), and a margin check, refused
 * as {@code InsufficientFunds} (Place code 3): the position the order would leave in its contract,
 * valued at the order's price (limit, stop, or the touch for a market order), plus the account's
 * positions in other contracts, valued at their last trade, times {@code marginRate}, must not
 * exceed the account's balance. An order that only reduces a
 * position passes the margin check, and closing a position ({@code Position/closeContract},
 * {@code partialCloseContract}) is never limited. Immutable.
 *
 * @param maxOrderSize the most contracts one order may have (at least 1)
 * @param marginRate   the margin as a fraction of notional (0.005 = 0.5 %); zero turns the check off
 */
public record OrderLimits(int maxOrderSize, BigDecimal marginRate) {
    /** The defaults: 200 contracts an order, margin 0.5 % of notional. */
    public static final OrderLimits DEFAULT = new OrderLimits(200, new BigDecimal("0.005"));
    /** No limits at all. */
    public static final OrderLimits NONE = new OrderLimits(Integer.MAX_VALUE, BigDecimal.ZERO);

    public OrderLimits {
        Objects.requireNonNull(marginRate, "marginRate");
        if (maxOrderSize < 1) {
            throw new IllegalArgumentException("maxOrderSize must be at least 1, was " + maxOrderSize);
        }
        if (marginRate.signum() < 0 || marginRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("marginRate must be between 0 and 1, was " + marginRate);
        }
    }
}
