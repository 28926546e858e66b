package io.tickflow.engine.position;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.agrona.collections.Long2ObjectHashMap;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.Side;

/**
 * Every account's positions, one {@link Position} per account and contract, and the account
 * totals the loss rules read: realized PnL, commissions and, given marks, unrealized PnL and
 * equity. Engine thread only; applying a fill to an existing position allocates nothing.
 */
public final class PositionBook {
    private final ContractRegistry contracts;
    private final CommissionSchedule commissions;
    private final Long2ObjectHashMap<Position[]> byAccount = new Long2ObjectHashMap<>();
    private final List<Position> all = new ArrayList<>();

    public PositionBook(ContractRegistry contracts, CommissionSchedule commissions) {
        this.contracts = contracts;
        this.commissions = commissions;
    }

    /** The position of {@code accountId} in the contract with index {@code contract}, created flat if new. */
    public Position position(long accountId, int contract) {
        Position[] positions = byAccount.get(accountId);
        if (positions == null) {
            positions = new Position[contracts.size()];
            byAccount.put(accountId, positions);
        }
        Position p = positions[contract];
        if (p == null) {
            p = new Position(accountId, contracts.contract(contract));
            positions[contract] = p;
            all.add(p);
        }
        return p;
    }

    /**
     * Applies a fill, charging the schedule's commission.
     *
     * @return the fill's realized PnL in ticks × contracts
     */
    public long applyFill(long accountId, int contract, Side side, long size, long priceTicks) {
        long commission = commissions.centsFor(contracts.contract(contract).id(), size);
        return position(accountId, contract).apply(side, size, priceTicks, commission);
    }

    /** Realized trading PnL of the account in cents, before commissions. */
    public long realizedCents(long accountId) {
        long sum = 0;
        Position[] positions = byAccount.get(accountId);
        if (positions != null) {
            for (Position p : positions) {
                if (p != null) {
                    sum = Math.addExact(sum, p.realizedCents());
                }
            }
        }
        return sum;
    }

    public long commissionCents(long accountId) {
        long sum = 0;
        Position[] positions = byAccount.get(accountId);
        if (positions != null) {
            for (Position p : positions) {
                if (p != null) {
                    sum = Math.addExact(sum, p.commissionCents());
                }
            }
        }
        return sum;
    }

    /**
     * Unrealized PnL of the account in cents, each open position marked at
     * {@code marks[contractIndex]} (a price in ticks).
     */
    public long unrealizedCents(long accountId, long[] marks) {
        long sum = 0;
        Position[] positions = byAccount.get(accountId);
        if (positions != null) {
            for (int c = 0; c < positions.length; c++) {
                Position p = positions[c];
                if (p != null && !p.isFlat()) {
                    sum = Math.addExact(sum, p.unrealizedCents(marks[c]));
                }
            }
        }
        return sum;
    }

    /** Every position ever opened, in order of first fill: for reports. */
    public List<Position> positions() {
        return Collections.unmodifiableList(all);
    }
}
