package io.tickflow.engine.risk;

/**
 * A loss rule was breached: the account's orders are cancelled, its positions flattened and
 * its strategies halted — for the rest of the session after a daily loss limit breach, until
 * a restart after a trailing drawdown breach. Immutable.
 *
 * @param rule       {@code dailyLossLimit} or {@code trailingDrawdown}
 * @param limitCents the rule's limit
 * @param excessCents by how much the loss went past the limit (0 when it just reached it)
 * @param detail     the figures, in words
 */
public record RiskBreach(long accountId, String rule, long limitCents, long excessCents, long tsEvent, String detail) {
    /** The daily loss limit's name: its breach lasts until the next session. */
    public static final String DAILY_LOSS_LIMIT = "dailyLossLimit";
    /** The trailing drawdown's name: its breach lasts until the engine restarts. */
    public static final String TRAILING_DRAWDOWN = "trailingDrawdown";
}
