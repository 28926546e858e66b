package io.tickflow.engine.backtest;

import static io.tickflow.engine.testing.TestContracts.ES;
import static io.tickflow.engine.testing.TestTimes.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.time.SessionCalendar;

/**
 * The daily Sharpe ratio's days are CME trade dates: the session that opens at 17:00 Chicago
 * time (23:00Z in November) belongs to the next day, and the hour of break after the 16:00
 * close to the day that just closed.
 */
class PerformanceStatsTest {
    private static final long BALANCE = 1_000_000;

    /** The annualised Sharpe ratio of these daily returns, worked the textbook way. */
    private static double sharpeOf(double... returns) {
        double mean = 0;
        for (double r : returns) {
            mean += r / returns.length;
        }
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        return mean / Math.sqrt(squares / (returns.length - 1)) * Math.sqrt(252);
    }

    private static PerformanceStats stats(List<EquityPoint> curve) {
        return PerformanceStats.of(List.of(), curve, curve.get(curve.size() - 1).equityCents(), 0, BALANCE,
                SessionCalendar.cme());
    }

    @Test
    void equityEitherSideOf17ChicagoFallsOnDifferentTradeDatesThoughTheSameCalendarDay() {
        // Monday 2025-11-24, 16:30 CT (in the break: Monday's trade date) and 17:30 CT (Tuesday's session)
        PerformanceStats s = stats(List.of(
                new EquityPoint(at("2025-11-24T22:30:00Z"), 20_000),
                new EquityPoint(at("2025-11-24T23:30:00Z"), 30_000)));

        assertThat(s.sharpe()).as("two trade dates: a ratio, where one calendar day would give none")
                .isCloseTo(sharpeOf(20_000.0 / BALANCE, 10_000.0 / (BALANCE + 20_000)), within(1e-9));
    }

    @Test
    void eachTradeDateReturnsFromTheLastEquityOfItsSessionNotOfItsCalendarDay() {
        PerformanceStats s = stats(List.of(
                new EquityPoint(at("2025-11-24T16:00:00Z"), 10_000),   // Mon 10:00 CT: trade date Mon
                new EquityPoint(at("2025-11-24T22:30:00Z"), 20_000),   // Mon 16:30 CT, after the close: Mon
                new EquityPoint(at("2025-11-24T23:30:00Z"), -10_000),  // Mon 17:30 CT: Tue's session
                new EquityPoint(at("2025-11-25T18:00:00Z"), 30_000),   // Tue 12:00 CT: Tue
                new EquityPoint(at("2025-11-26T00:00:00Z"), 40_000))); // Tue 18:00 CT: Wed's session

        // Chicago calendar days would close Monday at -10,000 and Tuesday at 40,000
        assertThat(s.sharpe()).isCloseTo(sharpeOf(
                20_000.0 / BALANCE,
                10_000.0 / (BALANCE + 20_000),
                10_000.0 / (BALANCE + 30_000)), within(1e-9));
    }

    @Test
    void aBacktestsFillsAndMarksEitherSideOfTheSessionOpenMakeTwoDaysOfReturns() {
        ContractRegistry contracts = new ContractRegistry();
        contracts.register(ES);
        long buy = at("2025-11-24T21:00:00Z");    // Mon 15:00 CT
        long close = at("2025-11-24T21:59:00Z");  // Mon 15:59 CT, the last mark of Monday's session
        long evening = at("2025-11-24T23:01:00Z"); // Mon 17:01 CT, Tuesday's session
        List<FillRecord> fills = List.of(new FillRecord(buy, 1, 0, Side.BUY, 1, 24_000, 0, 1, 1));
        List<long[]> marks = List.of(new long[] {buy, 0, 24_000}, new long[] {close, 0, 24_008},
                new long[] {evening, 0, 24_004});
        BacktestResult r = BacktestRunner.summarize(contracts, fills, marks, List.of(),
                BacktestRunner.Settings.defaults(), 0, List.of(), 0);

        long monday = 8 * ES.tickValueCents();
        long tuesday = 4 * ES.tickValueCents();
        long balance = BacktestRunner.Settings.defaults().startingBalanceCents();
        assertThat(r.equity()).extracting(EquityPoint::equityCents).endsWith(monday, tuesday);
        assertThat(r.stats().sharpe()).isCloseTo(
                sharpeOf((double) monday / balance, (double) (tuesday - monday) / (balance + monday)), within(1e-9));
    }
}
