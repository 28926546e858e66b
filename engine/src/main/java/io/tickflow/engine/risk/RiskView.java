package io.tickflow.engine.risk;

/**
 * What pre-trade rules may look at: positions, working orders, prices and time, as the
 * engine knows them. Implemented by the engine on its own state; engine thread only.
 */
public interface RiskView {
    long nowNanos();

    /** Signed net position of the account in the contract. */
    long net(long accountId, int contract);

    /**
     * Sum over the account's contracts of the largest |position| each could reach if its
     * working orders on one side all filled: what a per-account contract limit holds.
     */
    long reachableGross(long accountId);

    /**
     * The largest |position| a contract could reach from {@code net} if its working buys, or
     * its working sells, all filled.
     */
    static long reachable(long net, long workingBuys, long workingSells) {
        return Math.max(0, Math.max(net + workingBuys, workingSells - net));
    }

    /** Remaining size of the account's live buy (or sell) orders on the contract. */
    long workingSize(long accountId, int contract, boolean buys);

    /**
     * Remaining size of the account's live buy (or sell) orders on the contract that are not
     * being cancelled: what could still close a position alongside a new order.
     */
    long workingSizeNotCancelling(long accountId, int contract, boolean buys);

    /** Live orders of the account on every contract. */
    int workingOrders(long accountId);

    /** The reference price for price bands: the last trade, else the mid rounded down; {@code PriceTicks.NONE} if neither. */
    long referencePrice(int contract);
}
