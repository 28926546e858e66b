package io.tickflow.engine.backtest;

import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.strategy.BarView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

class BacktestRunnerTest {
    /** Goes long on an up bar and short on a down bar of 500-tick bars. */
    private static final class BarFollower implements Strategy {
        private StrategyContext ctx;

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            context.bars(ES, "500t");
        }

        @Override
        public void onBar(BarView bar) {
            long target = bar.close() > bar.open() ? 1 : bar.close() < bar.open() ? -1 : 0;
            long change = target - ctx.orders().position(ES);
            if (change != 0) {
                ctx.orders().market(ES, change > 0 ? Side.BUY : Side.SELL, Math.abs(change));
            }
        }
    }

    private static BacktestResult runGenerated() {
        BacktestRunner runner = new BacktestRunner(BacktestRunner.Settings.defaults()
                .withCommissions(new CommissionSchedule(140, Map.of())));
        return runner.run(List.of(ES), List.of(StrategySpec.of("follower", new BarFollower(), ES.id())),
                new GeneratedMarketReplay(GeneratorConfig.defaults(17).withQuotesPerSecond(5), 0));
    }

    @Test
    void theSameBacktestWritesByteIdenticalReports(@TempDir Path tmp) throws IOException {
        BacktestResult first = runGenerated();
        BacktestResult second = runGenerated();
        BacktestReport.write(first, tmp.resolve("a"));
        BacktestReport.write(second, tmp.resolve("b"));

        assertThat(first.fills().size()).isGreaterThan(50);
        for (String file : List.of("fills.csv", "trades.csv", "equity.csv", "stats.json", "summary.json")) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(file)));
        }
        assertThat(Files.readString(tmp.resolve("a").resolve("fills.csv")))
                .startsWith("ts,account,contract,side,size,price,commission,order_id,client_order_id\n2025-11-2");
    }

    @Test
    void theFinalPositionIsTheFillsSumAndItsPnlIsTheNet() {
        BacktestResult r = runGenerated();
        assertThat(r.positions()).hasSize(1);
        FinalPosition p = r.positions().get(0);
        assertThat(p.accountId()).isEqualTo(StrategySpec.DEFAULT_ACCOUNT);
        assertThat(p.net()).isEqualTo(r.fills().stream().mapToLong(f -> f.side().sign() * f.size()).sum());
        assertThat(p.commissionCents()).isEqualTo(r.stats().commissionCents());
        assertThat(p.realizedCents() - p.commissionCents() + p.unrealizedCents()).isEqualTo(r.stats().netCents());
        assertThat(r.workingOrders()).as("market orders only: nothing rests").isZero();
        assertThat(BacktestReport.summaryJson(r)).contains("\"net\": " + p.net() + ",", "\"working_orders\": 0,",
                "\"fills\": " + r.fills().size() + ",", "\"rule_breaches\": []");
    }

    @Test
    void statisticsAgreeWithTheFillsTheyComeFrom() {
        BacktestResult r = runGenerated();
        PerformanceStats s = r.stats();
        long contracts = r.fills().stream().mapToLong(FillRecord::size).sum();

        assertThat(s.commissionCents()).isEqualTo(contracts * 140);
        assertThat(s.trades()).isEqualTo(r.trades().size()).isPositive();
        long netOfTrips = r.trades().stream().mapToLong(RoundTrip::netCents).sum();
        // the last trip may still be open: its marked value is in the net but not in any round trip
        assertThat(s.netCents()).isEqualTo(r.equity().get(r.equity().size() - 1).equityCents());
        assertThat(r.trades().stream().mapToLong(RoundTrip::pnlCents).sum()).isEqualTo(s.grossCents());
        assertThat(netOfTrips).isLessThanOrEqualTo(s.grossCents());
        assertThat(s.maxDrawdownCents()).isNotNegative();
        assertThat(s.winRate()).isBetween(0.0, 1.0);
    }

    @Test
    void aScriptedRoundTripIsAccountedToTheCent() {
        Strategy script = new Strategy() {
            private StrategyContext ctx;
            private int quotes;

            @Override
            public void onStart(StrategyContext context) {
                ctx = context;
            }

            @Override
            public void onQuote(QuoteView q) {
                quotes++;
                if (quotes == 1) {
                    ctx.orders().market(ES, Side.BUY, 2);
                } else if (quotes == 3) {
                    ctx.orders().market(ES, Side.SELL, 3);
                } else if (quotes == 4) {
                    ctx.orders().market(ES, Side.BUY, 1);
                }
            }
        };
        long day = 1_764_000_000_000_000_000L;
        MarketReplay replay = target -> {
            target.quote(0, day, 100, 5, 101, 5);
            target.quote(0, day + 1_000, 102, 5, 103, 5);
            target.quote(0, day + 2_000, 104, 5, 105, 5);
            target.quote(0, day + 3_000, 106, 5, 107, 5);
        };
        BacktestResult r = new BacktestRunner(BacktestRunner.Settings.defaults()
                .withCommissions(new CommissionSchedule(100, Map.of())))
                .run(List.of(ES), List.of(StrategySpec.of("script", script, ES.id())), replay);

        // long 2 at 101, sold at 104: +3 ticks x 2 = $75, commissions 2 x $1 + 2 x $1 of the 3-lot;
        // short 1 at 104, bought back at 107: -3 ticks = -$37.50
        assertThat(r.trades()).extracting(RoundTrip::side, RoundTrip::pnlCents, RoundTrip::commissionCents)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Side.BUY, 7_500L, 400L),
                        org.assertj.core.groups.Tuple.tuple(Side.SELL, -3_750L, 200L));
        assertThat(r.stats().netCents()).isEqualTo(7_500 - 3_750 - 600);
        assertThat(r.stats().winRate()).isEqualTo(0.5);
        assertThat(r.stats().profitFactor()).isEqualTo(7_100.0 / 3_950.0);
        assertThat(BacktestReport.statsJson(r)).contains("\"net_pnl\": 31.50").contains("\"sharpe_daily\": null")
                .contains("\"rule_breaches\": []");
    }
}
