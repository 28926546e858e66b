package io.tickflow.engine.risk;

import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.OrderRequest;

/**
 * Topstep-style contract limits: the position the account could reach if this order and
 * every working order on the same side filled may not exceed the per-contract limit, and the
 * sum over its contracts of what each could reach so, this order included, may not exceed the
 * per-account limit. An order
 * that only reduces the position always passes — one that, with the account's other orders on
 * its side not being cancelled, cannot take the position through zero; a string of orders that
 * each would reduce it but together reverse it are held to the limits like any other.
 */
final class MaxPositionRule implements RiskRule {
    private final long perContract;
    private final long perAccount;

    MaxPositionRule(long perContract, long perAccount) {
        this.perContract = perContract;
        this.perAccount = perAccount;
    }

    @Override
    public String name() {
        return "maxPosition";
    }

    /**
     * Whether the order can only bring the position closer to flat: with the account's other
     * orders on its side that are not being cancelled, it cannot take the position through zero.
     */
    static boolean onlyReduces(OrderRequest r, RiskView view) {
        long net = view.net(r.accountId(), r.contract());
        boolean buy = r.side() == Side.BUY;
        long closing = r.size() + view.workingSizeNotCancelling(r.accountId(), r.contract(), buy);
        return buy ? net < 0 && closing <= -net : net > 0 && closing <= net;
    }

    @Override
    public String check(OrderRequest r, RiskView view) {
        long net = view.net(r.accountId(), r.contract());
        boolean buy = r.side() == Side.BUY;
        long reachable = buy
                ? net + view.workingSize(r.accountId(), r.contract(), true) + r.size()
                : -net + view.workingSize(r.accountId(), r.contract(), false) + r.size();
        if (onlyReduces(r, view)) {
            return null;
        }
        if (perContract > 0 && reachable > perContract) {
            return "position could reach " + reachable + " contracts, above the per-contract limit of " + perContract;
        }
        if (perAccount > 0) {
            long buys = view.workingSize(r.accountId(), r.contract(), true);
            long sells = view.workingSize(r.accountId(), r.contract(), false);
            long gross = view.reachableGross(r.accountId()) - RiskView.reachable(net, buys, sells)
                    + RiskView.reachable(net, buys + (buy ? r.size() : 0), sells + (buy ? 0 : r.size()));
            if (gross > perAccount) {
                return "account position could reach " + gross + " contracts, above the account limit of " + perAccount;
            }
        }
        return null;
    }
}
