package io.tickflow.engine.risk;

/**
 * A loss rule was breached: the account's orders are cancelled, its positions flattened and
 * its strategies halted. Immutable.
 *
 * @param rule       {@code dailyLossLimit} or {@code trailingDrawdown}
 * @param limitCents the rule's limit
 * @param excessCents by how much the loss went past the limit (0 when it just reached it)
 * @param detail     the figures, in words
 */
public record RiskBreach(long accountId, String rule, long limitCents, long excessCents, long tsEvent, String detail) {
}
