package io.tickflow.app;

import java.time.Instant;
import java.util.Locale;

import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.FinalPosition;
import io.tickflow.engine.model.Money;
import io.tickflow.engine.risk.RiskBreach;

/**
 * The table {@code run} and {@code backtest} end with: each account's final position and PnL
 * per contract, the totals, then fills, round trips, working orders and rule breaches.
 */
final class SummaryTable {
    private static final String ROW = "  %-9s %-18s %5s %14s %12s %14s%n";

    private SummaryTable() {
    }

    static String of(BacktestResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "account", "contract", "net", "realized", "commissions",
                "unrealized"));
        long realized = 0;
        long commissions = 0;
        long unrealized = 0;
        for (FinalPosition p : result.positions()) {
            realized += p.realizedCents();
            commissions += p.commissionCents();
            unrealized += p.unrealizedCents();
            out.append(String.format(Locale.ROOT, ROW, p.accountId(), result.contracts().contract(p.contract()).id(),
                    p.net() > 0 ? "+" + p.net() : Long.toString(p.net()), Money.dollars(p.realizedCents()),
                    Money.dollars(p.commissionCents()), Money.dollars(p.unrealizedCents())));
        }
        out.append(String.format(Locale.ROOT, ROW, "total", "", "", Money.dollars(realized), Money.dollars(commissions),
                Money.dollars(unrealized)));
        out.append(String.format(Locale.ROOT, "  fills %d, round trips %d, working orders %s, net %s, max drawdown %s,"
                        + " rule breaches %d%n", result.fills().size(), result.trades().size(),
                result.workingOrders() < 0 ? "unknown" : Integer.toString(result.workingOrders()),
                Money.dollars(result.stats().netCents()), Money.dollars(result.stats().maxDrawdownCents()),
                result.breaches().size()));
        for (RiskBreach b : result.breaches()) {
            out.append("  breach: account ").append(b.accountId()).append(' ').append(b.rule()).append(" at ")
                    .append(Instant.ofEpochSecond(0, b.tsEvent())).append(": ").append(b.detail()).append('\n');
        }
        return out.toString();
    }
}
