package io.tickflow.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A tradable futures contract and the only place where prices cross between decimals and
 * the engine's integer ticks.
 *
 * <p>Inside the engine every price is a {@code long} count of ticks ({@code ES 6012.25} with
 * tick 0.25 is {@code 24049}) and money is {@code long} cents; decimals appear only at the
 * adapter boundary, through {@link #toTicks(double)}, {@link #toTicks(BigDecimal)} and
 * {@link #toPrice(long)}. A conversion rejects a price that is not finite, not on the tick
 * grid, negative (unless the contract allows negative prices, as crude oil did in 2020) or
 * beyond {@link #MAX_PRICE_TICKS}, with an {@link InvalidPriceException} naming the contract.
 *
 * <p>Immutable and thread-safe. {@link #toTicks(double)} does not allocate unless it throws.
 */
public final class Contract {
    /** The largest price magnitude the engine accepts, in ticks; PnL arithmetic stays far from overflow. */
    public static final long MAX_PRICE_TICKS = 1_000_000_000_000L;

    /** Relative slack for decimal noise in a double: 6012.25 may arrive as 6012.249999999999. */
    private static final double GRID_TOLERANCE = 1e-6;

    private final String id;
    private final String symbol;
    private final BigDecimal tickSize;
    private final BigDecimal tickValue;
    private final String currency;
    private final boolean negativePricesAllowed;
    private final double tickSizeDouble;
    private final long tickValueCents;

    private Contract(String id, String symbol, BigDecimal tickSize, BigDecimal tickValue, String currency,
                     boolean negativePricesAllowed) {
        this.id = requireText(id, "id");
        this.symbol = requireText(symbol, "symbol");
        this.currency = requireText(currency, "currency");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(tickValue, "tickValue");
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException("contract " + id + ": tick size must be positive, was " + tickSize);
        }
        if (tickValue.signum() <= 0) {
            throw new IllegalArgumentException("contract " + id + ": tick value must be positive, was " + tickValue);
        }
        BigDecimal cents = tickValue.movePointRight(2);
        if (cents.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(
                    "contract " + id + ": tick value " + tickValue.toPlainString() + " is not a whole number of cents");
        }
        this.tickSize = tickSize.stripTrailingZeros();
        this.tickValue = tickValue.stripTrailingZeros();
        this.negativePricesAllowed = negativePricesAllowed;
        this.tickSizeDouble = tickSize.doubleValue();
        this.tickValueCents = cents.longValueExact();
    }

    /**
     * A contract whose prices may not be negative.
     *
     * @param id        the gateway's contract id, e.g. {@code CON.F.US.EP.Z25}
     * @param symbol    the trader's name for it, e.g. {@code ESZ5}
     * @param tickSize  the minimum price increment, e.g. {@code 0.25}
     * @param tickValue the value of one tick for one contract in {@code currency}, e.g. {@code 12.50}
     * @param currency  ISO currency code, e.g. {@code USD}
     */
    public static Contract of(String id, String symbol, String tickSize, String tickValue, String currency) {
        return new Contract(id, symbol, new BigDecimal(tickSize), new BigDecimal(tickValue), currency, false);
    }

    /** The same contract with negative prices allowed (or not). */
    public Contract withNegativePricesAllowed(boolean allowed) {
        return new Contract(id, symbol, tickSize, tickValue, currency, allowed);
    }

    public String id() {
        return id;
    }

    public String symbol() {
        return symbol;
    }

    public BigDecimal tickSize() {
        return tickSize;
    }

    public BigDecimal tickValue() {
        return tickValue;
    }

    /** The value of one tick for one contract, in cents of {@link #currency()}. */
    public long tickValueCents() {
        return tickValueCents;
    }

    public String currency() {
        return currency;
    }

    public boolean negativePricesAllowed() {
        return negativePricesAllowed;
    }

    /**
     * Converts a decimal price to ticks, allowing only the representation noise of a double.
     *
     * @throws InvalidPriceException if the price is NaN or infinite, off the tick grid,
     *                               negative where not allowed, or beyond {@link #MAX_PRICE_TICKS}
     */
    public long toTicks(double price) {
        if (!Double.isFinite(price)) {
            throw invalid(Double.toString(price), "is not a finite number");
        }
        if (price < 0 && !negativePricesAllowed) {
            throw invalid(Double.toString(price), "is negative");
        }
        double exactTicks = price / tickSizeDouble;
        if (Math.abs(exactTicks) > MAX_PRICE_TICKS) {
            throw invalid(Double.toString(price), "is beyond the engine's range of " + MAX_PRICE_TICKS + " ticks");
        }
        long ticks = Math.round(exactTicks);
        if (Math.abs(exactTicks - ticks) > GRID_TOLERANCE) {
            throw invalid(Double.toString(price), "is not a multiple of the tick size " + tickSize.toPlainString());
        }
        return ticks;
    }

    /**
     * Converts an exact decimal price to ticks; no tolerance.
     *
     * @throws InvalidPriceException as {@link #toTicks(double)}
     */
    public long toTicks(BigDecimal price) {
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0 && !negativePricesAllowed) {
            throw invalid(price.toPlainString(), "is negative");
        }
        BigDecimal[] quotient = price.divideAndRemainder(tickSize);
        if (quotient[1].signum() != 0) {
            throw invalid(price.toPlainString(), "is not a multiple of the tick size " + tickSize.toPlainString());
        }
        if (quotient[0].abs().compareTo(BigDecimal.valueOf(MAX_PRICE_TICKS)) > 0) {
            throw invalid(price.toPlainString(), "is beyond the engine's range of " + MAX_PRICE_TICKS + " ticks");
        }
        return quotient[0].longValueExact();
    }

    /** The exact decimal price of {@code ticks} ({@code 24049} → {@code 6012.25} for ES). */
    public BigDecimal toPrice(long ticks) {
        return tickSize.multiply(BigDecimal.valueOf(ticks)).setScale(Math.max(tickSize.scale(), 0), RoundingMode.UNNECESSARY);
    }

    /** The nearest double to the exact price of {@code ticks}; for display and JSON only. */
    public double toDouble(long ticks) {
        return toPrice(ticks).doubleValue();
    }

    /**
     * The money value of a price difference: {@code ticks × size × tick value}, in cents.
     *
     * @throws ArithmeticException on overflow rather than a wrong number
     */
    public long ticksToCents(long ticks, long size) {
        return Math.multiplyExact(Math.multiplyExact(ticks, size), tickValueCents);
    }

    private InvalidPriceException invalid(String price, String why) {
        return new InvalidPriceException("price " + price + " for contract " + id + " " + why);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("contract " + name + " must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Contract)) {
            return false;
        }
        Contract other = (Contract) o;
        return id.equals(other.id) && symbol.equals(other.symbol) && tickSize.compareTo(other.tickSize) == 0
                && tickValue.compareTo(other.tickValue) == 0 && currency.equals(other.currency)
                && negativePricesAllowed == other.negativePricesAllowed;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return symbol + " (" + id + ", tick " + tickSize.toPlainString() + " = " + tickValue.toPlainString() + " " + currency + ")";
    }
}
