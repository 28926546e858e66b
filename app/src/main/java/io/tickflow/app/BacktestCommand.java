package io.tickflow.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tickflow.adapters.data.CsvMarketData;
import io.tickflow.adapters.gateway.venue.PaperContract;
import io.tickflow.app.config.ConfigLoader;
import io.tickflow.app.config.TickflowConfig;
import io.tickflow.engine.backtest.BacktestReport;
import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.backtest.GeneratedMarketReplay;
import io.tickflow.engine.backtest.MarketReplay;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.sim.FillModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tickflow backtest}: the configuration's strategies over generated sessions or a
 * market-data CSV, through the same engine, risk gate, router and simulated exchange as a
 * live run; writes fills.csv, trades.csv, equity.csv, stats.json, summary.json and report.html.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Backtests the strategies of a configuration and writes fills, trades, equity, stats and an "
                + "HTML report.",
        footer = {"", "Examples:",
                "  java -jar app/target/tickflow.jar backtest --config examples/sma.yaml --out out/sma",
                "  java -jar app/target/tickflow.jar backtest --config examples/sma.yaml --data my-es-1m-bars.csv --out out"})
public final class BacktestCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Mixin
    StrategyJars strategyJars;

    @Option(names = "--config", required = true, description = "The YAML run configuration.")
    Path config;

    @Option(names = "--data", description = "A market-data CSV (bars, trade prints or level 1) for the strategies' "
            + "one contract; generated sessions when absent.")
    Path data;

    @Option(names = "--sessions", description = "Generated sessions when no --data (default: ${DEFAULT-VALUE}).")
    int sessions = 5;

    @Option(names = "--slippage", description = "Ticks of slippage on market and stop orders (default: "
            + "${DEFAULT-VALUE}).")
    long slippage;

    @Option(names = "--out", required = true, description = "Where to write the results.")
    Path out;

    @Override
    public Integer call() {
        if (sessions < 1) {
            throw new IllegalArgumentException("--sessions must be at least 1, was " + sessions);
        }
        ClassLoader strategies = strategyJars.loader();
        TickflowConfig cfg = ConfigLoader.load(config, System.getenv(), strategies);
        // contracts in their front month on the data's own first day, never today's: the same
        // data gives the same bytes on any day, and 2013 data trades a 2013 contract
        LocalDate firstDay = data != null ? firstDay(data)
                : LocalDate.ofInstant(GeneratorConfig.defaults(cfg.gateway().seed()).start(), ZoneOffset.UTC);
        RunSetup setup = new RunSetup(cfg, firstDay, strategies);
        MarketReplay replay;
        FillModel fills;
        if (data != null) {
            if (setup.contracts.size() != 1) {
                throw new IllegalArgumentException("--data is one contract's market data, but the strategies trade "
                        + setup.contracts.size() + " contracts");
            }
            replay = CsvMarketData.detect(data, setup.contracts.get(0), 0);
            fills = replay instanceof io.tickflow.engine.backtest.BarReplay ? FillModel.bars(slippage)
                    : new FillModel(slippage, false, false);
        } else {
            List<GeneratorConfig> generators = new ArrayList<>();
            List<PaperContract> known = PaperContract.defaults(firstDay);
            for (int i = 0; i < setup.contracts.size(); i++) {
                generators.add(GeneratorConfig.defaults(cfg.gateway().seed() + i).withSessions(sessions)
                        .withStartBidTicks(startBid(setup.contracts.get(i), known)));
            }
            replay = GeneratedMarketReplay.merged(generators);
            fills = new FillModel(slippage, false, false);
        }
        Map<Long, RiskLimits> risk = new HashMap<>();
        cfg.accounts().forEach(a -> risk.put(a.id(), a.risk()));
        BacktestRunner.Settings settings = BacktestRunner.Settings.defaults().withFillModel(fills)
                .withCommissions(setup.commissions).withRisk(RiskLimits.none(), risk).withSessions(cfg.sessions());
        BacktestResult result = new BacktestRunner(settings).run(setup.contracts, setup.strategies, replay);
        BacktestReport.write(result, out);
        HtmlReport.write(result, "tickflow backtest: " + config.getFileName(), out.resolve("report.html"));
        System.out.printf("%,d events%n", result.events());
        System.out.print(SummaryTable.of(result));
        System.out.println("results in " + out.toAbsolutePath());
        return 0;
    }

    /**
     * The UTC day of a market-data CSV's first row ({@code ts_event}, ISO-8601, the first
     * column of every format {@link CsvMarketData} reads).
     */
    private static LocalDate firstDay(Path file) {
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file)) {
            in.readLine();
            int line = 1;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                if (!row.isBlank()) {
                    String ts = row.split(",", 2)[0].trim();
                    try {
                        return LocalDate.ofInstant(java.time.Instant.parse(ts), ZoneOffset.UTC);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException(file + ":" + line + ": ts_event: expected an ISO-8601 UTC "
                                + "timestamp like 2013-10-07T13:30:00Z, found '" + ts + "'");
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--data " + file + ": no such file", e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--data " + file + ": cannot be read: " + e, e);
        }
        throw new IllegalArgumentException(file + ": no rows of market data after the header");
    }

    private static long startBid(Contract c, List<PaperContract> known) {
        for (PaperContract p : known) {
            if (p.contract().symbol().equals(c.symbol())) {
                return p.startBidTicks();
            }
        }
        return GeneratorConfig.defaults(0).startBidTicks();
    }
}
