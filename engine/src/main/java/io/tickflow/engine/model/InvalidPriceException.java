package io.tickflow.engine.model;

/**
 * A price that cannot be represented on a contract's tick grid: not finite, not a whole
 * number of ticks, negative where the contract does not allow it, or beyond the engine's
 * price range. The message names the contract and the offending value.
 */
public final class InvalidPriceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPriceException(String message) {
        super(message);
    }
}
