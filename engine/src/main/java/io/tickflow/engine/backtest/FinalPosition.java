package io.tickflow.engine.backtest;

import java.util.ArrayList;
import java.util.List;

import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.position.Position;
import io.tickflow.engine.position.PositionBook;

/**
 * Where an account stood in a contract when a run or backtest ended.
 *
 * @param contract        the contract's index in the run's registry
 * @param realizedCents   realized PnL before commissions
 * @param unrealizedCents the open position marked at the contract's last price (0 if none)
 */
public record FinalPosition(long accountId, int contract, long net, long realizedCents, long commissionCents,
                            long unrealizedCents) {

    /**
     * One row per account and contract, marked at {@code lastPrices} (indexed by contract;
     * {@link PriceTicks#NONE} where no price was seen). Read the book on the engine thread or
     * after the engine has shut down.
     */
    public static List<FinalPosition> of(PositionBook book, List<Long> accounts, long[] lastPrices) {
        List<FinalPosition> rows = new ArrayList<>();
        for (long account : accounts) {
            for (int c = 0; c < lastPrices.length; c++) {
                Position p = book.position(account, c);
                long unrealized = lastPrices[c] == PriceTicks.NONE ? 0 : p.unrealizedCents(lastPrices[c]);
                rows.add(new FinalPosition(account, c, p.net(), p.realizedCents(), p.commissionCents(), unrealized));
            }
        }
        return rows;
    }
}
