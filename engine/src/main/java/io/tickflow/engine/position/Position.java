package io.tickflow.engine.position;

import java.util.Arrays;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;

/**
 * One account's position in one contract, kept as FIFO lots so that realized PnL is exact in
 * whole ticks: a closing fill closes the oldest open lots first, as futures clearing does.
 * Money is {@code long} cents through the contract's tick value; commissions are kept apart
 * from trading PnL.
 *
 * <p>Engine thread only. Applying a fill allocates nothing unless the lot arrays must grow
 * (a position built from more fills than ever before).
 */
public final class Position {
    private final long accountId;
    private final Contract contract;
    private long[] lotPrices = new long[8];
    private long[] lotSizes = new long[8];
    private int head;
    private int lots;
    /** Signed: positive long, negative short. */
    private long net;
    private long openCostTicks;
    private long realizedTicks;
    private long commissionCents;
    private long fills;

    public Position(long accountId, Contract contract) {
        this.accountId = accountId;
        this.contract = contract;
    }

    /**
     * Applies one fill.
     *
     * @param commissionCents commission and fees charged for this fill, in cents (not negative)
     * @return the realized PnL of this fill in ticks × contracts (0 for an opening fill)
     */
    public long apply(Side side, long size, long priceTicks, long commissionCents) {
        if (size <= 0) {
            throw new IllegalArgumentException("fill size must be positive, was " + size + " (" + contract.id() + ")");
        }
        if (priceTicks == PriceTicks.NONE) {
            throw new IllegalArgumentException("fill without a price (" + contract.id() + ")");
        }
        if (commissionCents < 0) {
            throw new IllegalArgumentException("commission must not be negative, was " + commissionCents);
        }
        this.commissionCents += commissionCents;
        fills++;
        long signed = side.sign() * size;
        long realized = 0;
        long remaining = size;
        while (remaining > 0 && net != 0 && Long.signum(net) != Long.signum(signed)) {
            int i = head;
            long take = Math.min(remaining, lotSizes[i]);
            long perContract = net > 0 ? priceTicks - lotPrices[i] : lotPrices[i] - priceTicks;
            realized = Math.addExact(realized, Math.multiplyExact(perContract, take));
            openCostTicks -= Math.multiplyExact(lotPrices[i], take);
            lotSizes[i] -= take;
            net += net > 0 ? -take : take;
            remaining -= take;
            if (lotSizes[i] == 0) {
                head = (head + 1) % lotPrices.length;
                lots--;
            }
        }
        if (remaining > 0) {
            addLot(priceTicks, remaining);
            net += side.sign() * remaining;
            openCostTicks = Math.addExact(openCostTicks, Math.multiplyExact(priceTicks, remaining));
        }
        realizedTicks = Math.addExact(realizedTicks, realized);
        return realized;
    }

    private void addLot(long price, long size) {
        if (lots == lotPrices.length) {
            long[] prices = new long[lots * 2];
            long[] sizes = new long[lots * 2];
            for (int k = 0; k < lots; k++) {
                prices[k] = lotPrices[(head + k) % lotPrices.length];
                sizes[k] = lotSizes[(head + k) % lotSizes.length];
            }
            lotPrices = prices;
            lotSizes = sizes;
            head = 0;
        }
        int tail = (head + lots) % lotPrices.length;
        lotPrices[tail] = price;
        lotSizes[tail] = size;
        lots++;
    }

    /**
     * Replaces the open position with the gateway's after a reconciliation: one lot of
     * {@code |net|} at the average price rounded to the nearest tick (a sub-tick average
     * cannot be split into whole-tick lots). Realized PnL and commissions are kept.
     */
    public void reconcileTo(long newNet, long avgPriceMicroTicks) {
        head = 0;
        lots = 0;
        net = 0;
        openCostTicks = 0;
        if (newNet != 0) {
            long price = Math.floorDiv(2 * avgPriceMicroTicks + PriceTicks.MICROS_PER_TICK, 2 * PriceTicks.MICROS_PER_TICK);
            addLot(price, Math.abs(newNet));
            net = newNet;
            openCostTicks = Math.multiplyExact(price, Math.abs(newNet));
        }
    }

    public long accountId() {
        return accountId;
    }

    public Contract contract() {
        return contract;
    }

    /** Signed net position: positive long, negative short, 0 flat. */
    public long net() {
        return net;
    }

    public boolean isFlat() {
        return net == 0;
    }

    /** Average entry price of the open lots in millionths of a tick; 0 when flat. */
    public long avgPriceMicroTicks() {
        if (net == 0) {
            return 0;
        }
        return Math.floorDiv(Math.multiplyExact(openCostTicks, PriceTicks.MICROS_PER_TICK), Math.abs(net));
    }

    /** Realized trading PnL (before commissions) in ticks × contracts. */
    public long realizedTicks() {
        return realizedTicks;
    }

    /** Realized trading PnL (before commissions) in cents. */
    public long realizedCents() {
        return contract.ticksToCents(realizedTicks, 1);
    }

    public long commissionCents() {
        return commissionCents;
    }

    /** Fills applied. */
    public long fills() {
        return fills;
    }

    /**
     * Unrealized PnL of the open lots if they were closed at {@code markTicks}, in cents; 0
     * when flat.
     */
    public long unrealizedCents(long markTicks) {
        if (net == 0) {
            return 0;
        }
        long perContractSum = Math.multiplyExact(markTicks, Math.abs(net)) - openCostTicks;
        return contract.ticksToCents(net > 0 ? perContractSum : -perContractSum, 1);
    }

    /** The open lots, oldest first, as {price, size} pairs: for tests and reports. */
    public long[][] lots() {
        long[][] out = new long[lots][];
        for (int k = 0; k < lots; k++) {
            int i = (head + k) % lotPrices.length;
            out[k] = new long[] {lotPrices[i], lotSizes[i]};
        }
        return out;
    }

    @Override
    public String toString() {
        return "Position{account=" + accountId + ", " + contract.symbol() + ", net=" + net + ", lots="
                + Arrays.deepToString(lots()) + ", realizedTicks=" + realizedTicks + ", commission=" + commissionCents
                + "c}";
    }
}
