package io.tickflow.engine.risk;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * One account's risk limits. Every limit is optional (0 = off), because they are the firm's
 * rulebook, not the engine's: set them from the account's rules (a Topstep 50K Combine, for
 * instance, has a $2,000 trailing max drawdown and a 5-contract limit). Money in cents, prices
 * in ticks. Immutable.
 *
 * @param maxOrderSize          largest size of one order
 * @param maxPositionPerContract largest |position| per contract, counting working orders that could fill
 * @param maxPositionPerAccount largest sum of |position| over contracts
 * @param maxWorkingOrders      most live orders at once
 * @param maxOrdersPerSecond    most orders sent in any one-second window
 * @param priceBandTicks        limit and stop prices must be within this many ticks of the last trade
 * @param dailyLossLimitCents   loss from the session's starting equity that breaches (realized + unrealized − commissions)
 * @param trailingDrawdownCents drop from the equity high-water mark that breaches
 * @param trailingMode          when the high-water mark moves
 * @param flattenBeforeClose    how long before the session close the account is flattened and
 *                              new positions refused (zero = no trading window)
 * @param holidays              trade dates on which nothing may be opened (exchange holidays, early closes
 *                              handled as holidays)
 */
public record RiskLimits(long maxOrderSize, long maxPositionPerContract, long maxPositionPerAccount,
                         int maxWorkingOrders, int maxOrdersPerSecond, long priceBandTicks, long dailyLossLimitCents,
                         long trailingDrawdownCents, TrailingMode trailingMode, Duration flattenBeforeClose,
                         Set<LocalDate> holidays) {
    /** When the trailing drawdown's high-water mark moves. */
    public enum TrailingMode {
        /** With every equity change, unrealized included. */
        INTRADAY,
        /** Only at the session close, from the closing equity. */
        END_OF_DAY
    }

    /** The highest order rate limit accepted: far above any gateway's, and the rule keeps one slot per order. */
    public static final int MAX_ORDER_RATE = 100_000;

    public RiskLimits {
        requireNotNegative("maxOrderSize", maxOrderSize);
        requireNotNegative("maxPositionPerContract", maxPositionPerContract);
        requireNotNegative("maxPositionPerAccount", maxPositionPerAccount);
        requireNotNegative("maxWorkingOrders", maxWorkingOrders);
        requireNotNegative("maxOrdersPerSecond", maxOrdersPerSecond);
        if (maxOrdersPerSecond > MAX_ORDER_RATE) {
            throw new IllegalArgumentException("risk maxOrdersPerSecond must be at most " + MAX_ORDER_RATE
                    + " (0 turns it off), was " + maxOrdersPerSecond);
        }
        requireNotNegative("priceBandTicks", priceBandTicks);
        requireNotNegative("dailyLossLimitCents", dailyLossLimitCents);
        requireNotNegative("trailingDrawdownCents", trailingDrawdownCents);
        if (trailingMode == null) {
            trailingMode = TrailingMode.INTRADAY;
        }
        if (flattenBeforeClose == null) {
            flattenBeforeClose = Duration.ZERO;
        }
        if (flattenBeforeClose.isNegative()) {
            throw new IllegalArgumentException("risk flattenBeforeClose must not be negative, was " + flattenBeforeClose);
        }
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** No limits at all. */
    public static RiskLimits none() {
        return new RiskLimits(0, 0, 0, 0, 0, 0, 0, 0, TrailingMode.INTRADAY, Duration.ZERO, Set.of());
    }

    public RiskLimits withMaxOrderSize(long size) {
        return new RiskLimits(size, maxPositionPerContract, maxPositionPerAccount, maxWorkingOrders, maxOrdersPerSecond,
                priceBandTicks, dailyLossLimitCents, trailingDrawdownCents, trailingMode, flattenBeforeClose, holidays);
    }

    public RiskLimits withMaxPosition(long perContract, long perAccount) {
        return new RiskLimits(maxOrderSize, perContract, perAccount, maxWorkingOrders, maxOrdersPerSecond,
                priceBandTicks, dailyLossLimitCents, trailingDrawdownCents, trailingMode, flattenBeforeClose, holidays);
    }

    public RiskLimits withMaxWorkingOrders(int orders) {
        return new RiskLimits(maxOrderSize, maxPositionPerContract, maxPositionPerAccount, orders, maxOrdersPerSecond,
                priceBandTicks, dailyLossLimitCents, trailingDrawdownCents, trailingMode, flattenBeforeClose, holidays);
    }

    public RiskLimits withMaxOrdersPerSecond(int orders) {
        return new RiskLimits(maxOrderSize, maxPositionPerContract, maxPositionPerAccount, maxWorkingOrders, orders,
                priceBandTicks, dailyLossLimitCents, trailingDrawdownCents, trailingMode, flattenBeforeClose, holidays);
    }

    public RiskLimits withPriceBand(long ticks) {
        return new RiskLimits(maxOrderSize, maxPositionPerContract, maxPositionPerAccount, maxWorkingOrders,
                maxOrdersPerSecond, ticks, dailyLossLimitCents, trailingDrawdownCents, trailingMode, flattenBeforeClose, holidays);
    }

    public RiskLimits withDailyLossLimit(long cents) {
        return new RiskLimits(maxOrderSize, maxPositionPerContract, maxPositionPerAccount, maxWorkingOrders,
                maxOrdersPerSecond, priceBandTicks, cents, trailingDrawdownCents, trailingMode, flattenBeforeClose, holidays);
    }

    public RiskLimits withTrailingDrawdown(long cents, TrailingMode mode) {
        return new RiskLimits(maxOrderSize, maxPositionPerContract, maxPositionPerAccount, maxWorkingOrders,
                maxOrdersPerSecond, priceBandTicks, dailyLossLimitCents, cents, mode, flattenBeforeClose, holidays);
    }

    /** Flatten {@code before} the session close and refuse new positions from then on, and on {@code dates}. */
    public RiskLimits withTradingWindow(Duration before, Set<LocalDate> dates) {
        return new RiskLimits(maxOrderSize, maxPositionPerContract, maxPositionPerAccount, maxWorkingOrders,
                maxOrdersPerSecond, priceBandTicks, dailyLossLimitCents, trailingDrawdownCents, trailingMode, before,
                dates);
    }

    /** True if the account has a trading window (flatten before the close). */
    public boolean hasTradingWindow() {
        return !flattenBeforeClose.isZero();
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("risk " + name + " must not be negative (0 turns it off), was " + value);
        }
    }
}
