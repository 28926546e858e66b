package io.tickflow.engine.backtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.position.Position;

/**
 * Rebuilds, after a run, the round trips and the equity curve from the fills and the mark
 * prices sampled during it. Fills and marks are applied in time order (fills first at equal
 * times); equity = realized PnL − commissions + open positions marked to the latest mark.
 * Single-threaded; used once per backtest.
 */
final class TradeLedger {
    private final ContractRegistry contracts;
    private final Map<Long, Position[]> positions = new HashMap<>();
    private final Map<Long, RoundTrip[]> openTrips = new HashMap<>();
    private final long[] marks;
    private final List<RoundTrip> trips = new ArrayList<>();
    private final List<EquityPoint> curve = new ArrayList<>();
    private long realizedCents;
    private long commissionCents;

    TradeLedger(ContractRegistry contracts) {
        this.contracts = contracts;
        this.marks = new long[contracts.size()];
        java.util.Arrays.fill(marks, PriceTicks.NONE);
    }

    void fill(FillRecord f) {
        Position p = positions.computeIfAbsent(f.accountId(), a -> new Position[contracts.size()])[f.contract()];
        if (p == null) {
            p = new Position(f.accountId(), contracts.contract(f.contract()));
            positions.get(f.accountId())[f.contract()] = p;
        }
        RoundTrip[] open = openTrips.computeIfAbsent(f.accountId(), a -> new RoundTrip[contracts.size()]);
        long before = p.net();
        long realizedTicks = p.apply(f.side(), f.size(), f.priceTicks(), f.commissionCents());
        long pnl = contracts.contract(f.contract()).ticksToCents(realizedTicks, 1);
        realizedCents += pnl;
        commissionCents += f.commissionCents();
        long after = p.net();
        long closing = before == 0 || Long.signum(before) == f.side().sign() ? 0 : Math.min(f.size(), Math.abs(before));
        long closingCommission = f.commissionCents() * closing / f.size();
        RoundTrip trip = open[f.contract()];
        if (trip != null) {
            trip = new RoundTrip(trip.accountId(), trip.contract(), trip.side(), trip.entryTs(), f.tsEvent(),
                    Math.max(trip.maxSize(), Math.abs(after)), trip.pnlCents() + pnl,
                    trip.commissionCents() + (closing > 0 ? closingCommission : f.commissionCents()));
            open[f.contract()] = trip;
            if (after == 0 || Long.signum(after) != Long.signum(before)) {
                trips.add(trip);
                open[f.contract()] = null;
            }
        }
        if (after != 0 && open[f.contract()] == null) {
            long entryCommission = trip == null ? f.commissionCents() : f.commissionCents() - closingCommission;
            open[f.contract()] = new RoundTrip(f.accountId(), f.contract(), after > 0 ? Side.BUY : Side.SELL,
                    f.tsEvent(), f.tsEvent(), Math.abs(after), 0, entryCommission);
        }
        if (marks[f.contract()] == PriceTicks.NONE) {
            marks[f.contract()] = f.priceTicks();
        }
        curve.add(new EquityPoint(f.tsEvent(), equity()));
    }

    void mark(long ts, int contract, long priceTicks) {
        marks[contract] = priceTicks;
        curve.add(new EquityPoint(ts, equity()));
    }

    long equity() {
        long unrealized = 0;
        for (Position[] byContract : positions.values()) {
            for (int c = 0; c < byContract.length; c++) {
                if (byContract[c] != null && !byContract[c].isFlat() && marks[c] != PriceTicks.NONE) {
                    unrealized += byContract[c].unrealizedCents(marks[c]);
                }
            }
        }
        return realizedCents - commissionCents + unrealized;
    }

    List<RoundTrip> trips() {
        return trips;
    }

    List<EquityPoint> curve() {
        return curve;
    }

    long realizedCents() {
        return realizedCents;
    }

    long commissionCents() {
        return commissionCents;
    }
}
