package io.tickflow.engine.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tickflow.engine.time.SessionCalendar;

/**
 * The statistics of a backtest. Money in cents; ratios as doubles (reports only); a ratio
 * that has no meaning (no losing trade for the profit factor, fewer than two days for the
 * Sharpe ratio) is NaN and written as null. Immutable.
 *
 * @param netCents            final equity change: realized − commissions + open positions marked
 * @param grossCents          trading PnL of closed round trips, before commissions
 * @param commissionCents     all commissions and fees
 * @param trades              closed round trips
 * @param winRate             share of round trips with a positive net PnL
 * @param profitFactor        sum of winning net PnL over the absolute sum of losing net PnL
 * @param avgWinCents         mean net PnL of winning round trips
 * @param avgLossCents        mean net PnL of losing round trips (negative)
 * @param maxDrawdownCents    largest fall of equity from a previous peak
 * @param maxDrawdownFraction that fall as a share of the peak account value (starting balance + peak equity)
 * @param sharpe              annualised (√252) Sharpe ratio of daily returns on the account value, risk-free rate 0;
 *                            a day is a trade date of the session calendar (CME: the session that opens at
 *                            17:00 Chicago time counts for the next day, as the exchange settles it), its
 *                            return the change of its last equity over the account value the day before
 */
public record PerformanceStats(long netCents, long grossCents, long commissionCents, int trades, double winRate,
                               double profitFactor, long avgWinCents, long avgLossCents, long maxDrawdownCents,
                               double maxDrawdownFraction, double sharpe) {

    static PerformanceStats of(List<RoundTrip> trips, List<EquityPoint> curve, long finalEquity, long commissions,
                               long startingBalanceCents, SessionCalendar sessions) {
        long gross = 0;
        long winSum = 0;
        long lossSum = 0;
        int wins = 0;
        int losses = 0;
        for (RoundTrip t : trips) {
            gross += t.pnlCents();
            if (t.netCents() > 0) {
                wins++;
                winSum += t.netCents();
            } else if (t.netCents() < 0) {
                losses++;
                lossSum += t.netCents();
            }
        }
        long peak = 0;
        long maxDrawdown = 0;
        double maxFraction = 0;
        for (EquityPoint p : curve) {
            peak = Math.max(peak, p.equityCents());
            long drawdown = peak - p.equityCents();
            if (drawdown > maxDrawdown) {
                maxDrawdown = drawdown;
                maxFraction = (double) drawdown / (startingBalanceCents + peak);
            }
        }
        return new PerformanceStats(finalEquity, gross, commissions, trips.size(),
                trips.isEmpty() ? Double.NaN : (double) wins / trips.size(),
                losses == 0 ? Double.NaN : (double) winSum / -lossSum,
                wins == 0 ? 0 : winSum / wins, losses == 0 ? 0 : lossSum / losses,
                maxDrawdown, maxFraction, sharpe(curve, startingBalanceCents, sessions.copy()));
    }

    /**
     * Daily returns from the last equity of each trade date: futures trade across midnight, so a
     * calendar day would split one session in two and join the evening of the next to it.
     */
    private static double sharpe(List<EquityPoint> curve, long startingBalance, SessionCalendar sessions) {
        Map<LocalDate, Long> closes = new TreeMap<>();
        for (EquityPoint p : curve) {
            closes.put(sessions.tradeDate(p.tsEvent()), p.equityCents());
        }
        List<Double> returns = new ArrayList<>();
        long previous = 0;
        for (long close : closes.values()) {
            returns.add((double) (close - previous) / (startingBalance + previous));
            previous = close;
        }
        if (returns.size() < 2) {
            return Double.NaN;
        }
        double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (returns.size() - 1);
        return variance == 0 ? Double.NaN : mean / Math.sqrt(variance) * Math.sqrt(252);
    }
}
