package io.tickflow.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tickflow.adapters.data.CsvMarketData;
import io.tickflow.adapters.gateway.FaultScript;
import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.gateway.venue.PaperContract;
import io.tickflow.adapters.projectx.ProjectXAdapter;
import io.tickflow.adapters.projectx.ProjectXSettings;
import io.tickflow.adapters.projectx.Secret;
import io.tickflow.app.config.ConfigLoader;
import io.tickflow.app.config.TickflowConfig;
import io.tickflow.engine.backtest.BacktestReport;
import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.BacktestRunner;
import io.tickflow.engine.backtest.FillRecorder;
import io.tickflow.engine.backtest.FinalPosition;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.journal.JournalFigures;
import io.tickflow.engine.order.UnknownOrderPolicy;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.strategy.OrderView;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.Money;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.position.Position;
import io.tickflow.engine.risk.RiskBreach;
import io.tickflow.engine.risk.RiskLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tickflow run}: the configuration's strategies trading on a gateway — the embedded
 * paper gateway by default (started on loopback, reached through the live adapter, so the
 * default run exercises the live code path), or a ProjectX service. Shows a status line
 * while it runs; stops after {@code --duration} or on Ctrl-C, stops new orders, and writes
 * fills, trades, equity and a summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Runs the strategies of a configuration against the paper gateway or a ProjectX service.",
        footer = {"", "Examples:",
                "  java -jar app/target/tickflow.jar run --config examples/sma.yaml --duration 2m --out out/run"})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Mixin
    StrategyJars strategyJars;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Option(names = "--config", required = true, description = "The YAML run configuration.")
    Path config;

    @Option(names = "--duration", description = "How long to trade once connected, e.g. 90s, 5m, 1h (default: until "
            + "Ctrl-C).")
    String duration;

    @Option(names = "--out", description = "Where to write fills.csv, trades.csv, equity.csv, stats.json and "
            + "summary.json.")
    Path out;

    @Option(names = "--journal", description = "Journal every inbound event to this directory and, if it holds an "
            + "earlier run's journal (a run that was killed, say), rebuild that run's state from it before trading "
            + "(overrides engine.journal).")
    Path journal;

    @Option(names = "--journal-sync", description = "With a journal: force each batch of records to the disk, so "
            + "the journal survives the machine losing power, not only the process dying (overrides "
            + "engine.journalSync).")
    boolean journalSync;

    @Option(names = "--orphans", description = "With a journal: what to do with orders an earlier run left working "
            + "at the gateway, adopt or cancel (overrides engine.orphans; default cancel).")
    String orphans;

    @Option(names = "--flatten", negatable = true, description = "At the end (or on Ctrl-C), close every position "
            + "at market; working orders, protective stops and targets included, are always cancelled, so without "
            + "it a position is left open unprotected (overrides engine.flattenOnStop; default false).")
    Boolean flatten;

    /** Whether the stand-down closes positions: {@code --flatten} / {@code --no-flatten}, else the configuration. */
    private boolean flattenOnStop;

    @Override
    public Integer call() throws Exception {
        ClassLoader strategies = strategyJars.loader();
        TickflowConfig cfg = ConfigLoader.load(config, System.getenv(), strategies);
        Duration limit = duration == null ? null : FaultScript.duration(duration, "--duration " + duration);
        flattenOnStop = flatten != null ? flatten : cfg.flattenOnStop();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        RunSetup setup = new RunSetup(cfg, today, strategies);
        List<Long> accounts = cfg.accounts().stream().map(TickflowConfig.Account::id).toList();
        PaperGateway gateway = cfg.gateway().isPaper() ? paperGateway(cfg, accounts, today) : null;
        ProjectXSettings settings = gateway != null
                ? ProjectXSettings.sameHost(gateway.url(), "tickflow", Secret.of(paperKey))
                : new ProjectXSettings(cfg.gateway().url(), cfg.gateway().marketHub(), cfg.gateway().userHub(),
                        cfg.gateway().username(), cfg.gateway().apiKey(), Duration.ofSeconds(10),
                        Duration.ofMillis(250), Duration.ofSeconds(30), true);
        ContractRegistry registry = new ContractRegistry();
        setup.contracts.forEach(registry::register);
        ProjectXAdapter adapter = new ProjectXAdapter(settings, registry, accounts);
        FillRecorder fills = new FillRecorder(setup.contracts, setup.commissions);
        StatusBoard board = new StatusBoard(setup.contracts, accounts);
        Map<Long, RiskLimits> risk = new HashMap<>();
        cfg.accounts().forEach(a -> risk.put(a.id(), a.risk()));
        Engine.Builder builder = Engine.builder().config(cfg.engine()).calendar(cfg.sessions()).gateway(adapter)
                .commissions(setup.commissions)
                .commandTimeout(settings.commandTimeout())
                // ProjectX's trailPrice is documented neither as a distance nor as a price: trail stops here
                .emulateTrailingStops(true)
                .risk(RiskLimits.none(), risk).listener(new ReportingListener(fills))
                // a strategy failing in onStart is one line from us (its trace with --verbose), not an error log too
                .startFailuresReportedByCaller(true);
        Path journalDir = journal != null ? journal : cfg.recovery().journal();
        if (journalDir != null) {
            builder.journal(journalDir).journalSync(journalSync || cfg.recovery().sync())
                    .orphanOrders(orphanPolicy(cfg));
        }
        setup.contracts.forEach(builder::contract);
        setup.strategies.forEach(builder::strategy);
        builder.strategy(StrategySpec.of("status", board, setup.contracts.stream().map(Contract::id)
                .toArray(String[]::new)).withAccount(accounts.get(0)));
        Engine engine = builder.build();
        board.watch(engine);

        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C or SIGTERM: stop the loop, let the main thread stand down and report, then end
        // with 0 — an operator's stop that cancelled and reported everything is a success, not
        // the JVM's 128+signal. If the stand-down does not finish in time, the JVM's code stands.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                if (finished.await(30, TimeUnit.SECONDS)) {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tickflow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String startFailures = null;
        boolean connected = false;
        try {
            engine.start();
            printReplay(engine, setup, accounts);
            startFailures = engine.startFailures().isEmpty() ? null : String.join("; ", engine.startFailures());
            if (startFailures == null) {
                // sign in and look every contract up before connecting the hubs: a contract the
                // gateway does not know is a mistake in the configuration, not a market hub to
                // retry until the run ends
                adapter.rest().token();
                GatewayContractCheck.requireKnown(adapter.rest(), setup);
                adapter.start(engine.publisher());
                connected = true;
                long started = System.nanoTime(); // --duration is trading time: signing in and syncing come first
                System.out.println("tickflow: running " + setup.strategies.size() + " strateg"
                        + (setup.strategies.size() == 1 ? "y" : "ies") + " on " + (gateway != null ? "the paper gateway at "
                        + gateway.url() : cfg.gateway().url()) + (limit == null ? "; Ctrl-C stops" : " for " + duration));
                int openOrders = 0;
                for (int tick = 0; !stop.await(1, TimeUnit.SECONDS); tick++) {
                    long elapsed = System.nanoTime() - started;
                    if (tick % 5 == 0) {
                        openOrders = openOrders(adapter, accounts);
                    }
                    System.out.println(status(engine, setup, board, cfg, limit, elapsed, openOrders));
                    if (limit != null && elapsed >= limit.toNanos()) {
                        break;
                    }
                }
            }
        } finally {
            // a run that never signed in has nothing at the gateway to stand down, and a REST API
            // that refused it (or is not there) would only be polled for ten seconds in vain
            if (connected) {
                workingAtEnd = standDown(engine, adapter, accounts);
            }
            adapter.close();
            engine.shutdown();
            if (gateway != null) {
                gateway.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is waiting for us
            }
        }
        try {
            if (startFailures != null) {
                throw new IllegalArgumentException(startFailures, engine.firstStartFailure());
            }
            report(engine, setup, fills, board, accounts);
        } finally {
            finished.countDown();
        }
        return 0;
    }

    /**
     * Cancels every working order (and closes every position with {@code --flatten}), then
     * waits up to ten seconds for the gateway to confirm: no open orders, and flat if asked.
     */
    private int standDown(Engine engine, ProjectXAdapter adapter, List<Long> accounts) {
        engine.standDown(flattenOnStop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int working = -1;
        while (System.nanoTime() < deadline) {
            try {
                working = openOrders(adapter, accounts);
                boolean flat = true;
                for (long account : accounts) {
                    flat &= !flattenOnStop || adapter.rest().openPositions(account).isEmpty();
                }
                if (working == 0 && flat) {
                    break;
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                System.err.println("tickflow: could not confirm the stand-down with the gateway: " + e.getMessage());
                break;
            }
        }
        engine.killSwitch(true);
        return working;
    }

    private UnknownOrderPolicy orphanPolicy(TickflowConfig cfg) {
        if (orphans == null) {
            return cfg.recovery().orphans();
        }
        switch (orphans.toLowerCase(java.util.Locale.ROOT)) {
            case "adopt":
                return UnknownOrderPolicy.ADOPT;
            case "cancel":
                return UnknownOrderPolicy.CANCEL;
            default:
                throw new IllegalArgumentException("--orphans: expected adopt or cancel, found '" + orphans + "'");
        }
    }

    private static void printReplay(Engine engine, RunSetup setup, List<Long> accounts) {
        JournalFigures f = engine.journalFigures();
        if (f == null) {
            return;
        }
        StringBuilder rebuilt = new StringBuilder();
        for (long account : accounts) {
            for (int c = 0; c < setup.contracts.size(); c++) {
                long net = engine.positions().position(account, c).net();
                rebuilt.append(rebuilt.length() == 0 ? "" : ", ").append(account).append(' ')
                        .append(setup.contracts.get(c).symbol()).append(' ').append(net > 0 ? "+" + net : net);
            }
        }
        System.out.println("tickflow: journal " + f.dir() + ": " + (f.sessionsFound() == 0 ? "new"
                : String.format("replayed %,d events of %d earlier run(s) in %,d ms (%,d found, %,d not replayed, "
                        + "%d torn record(s) dropped, %d command(s) held back)", f.replayed(), f.sessionsFound(),
                        f.replayMillis(), f.eventsFound(), f.skipped(), f.tornTails(), f.suppressedCommands()))
                + (f.sessionsFound() == 0 ? "" : "; positions rebuilt: " + rebuilt)
                + "; client order ids from " + f.firstClientOrderId());
    }

    /** The fill recorder, plus a line on stdout for each correction a reconciliation makes. */
    private static final class ReportingListener implements EngineListener {
        private final FillRecorder fills;

        ReportingListener(FillRecorder fills) {
            this.fills = fills;
        }

        @Override
        public void onStrategyFault(String strategy, String callback, String event, Throwable error, boolean halted) {
            fills.onStrategyFault(strategy, callback, event, error, halted);
        }

        @Override
        public void onConnectionState(ConnectionLink link, ConnectionState state, CharSequence detail, long ts) {
            fills.onConnectionState(link, state, detail, ts);
        }

        @Override
        public void onOrderFilled(OrderView order, long tradeId, long size, long priceTicks, long tsEvent) {
            fills.onOrderFilled(order, tradeId, size, priceTicks, tsEvent);
        }

        @Override
        public void onRiskBreach(RiskBreach breach) {
            fills.onRiskBreach(breach);
        }

        @Override
        public void onReconciled(List<String> corrections) {
            fills.onReconciled(corrections);
            corrections.forEach(c -> System.out.println("tickflow: reconciled: " + c));
        }

        @Override
        public void onRejectedEvent(String reason, String event) {
            fills.onRejectedEvent(reason, event);
        }
    }

    /** Orders still working at the gateway after the stand-down (-1: the gateway could not say). */
    private int workingAtEnd = -1;

    /** The embedded paper gateway's API key: made up for this run, known to nobody else. */
    private final String paperKey = UUID.randomUUID().toString();

    private PaperGateway paperGateway(TickflowConfig cfg, List<Long> accounts, LocalDate today) {
        List<PaperContract> contracts = PaperContract.defaults(today);
        PaperGateway.Builder b = PaperGateway.builder().user("tickflow", paperKey).accountIds(accounts)
                .contracts(contracts);
        TickflowConfig.Gateway g = cfg.gateway();
        if (g.data().equals("generated")) {
            b.generatedMarketData(g.seed(), g.speed());
        } else {
            int index = -1;
            for (int i = 0; i < contracts.size(); i++) {
                if (contracts.get(i).contract().symbol().equals(g.dataContract())) {
                    index = i;
                }
            }
            b.replayedMarketData(List.of(CsvMarketData.detect(Path.of(g.data()), contracts.get(index).contract(),
                    index)), g.speed());
        }
        return b.build().start();
    }

    /** Working orders at the gateway (asked every few seconds: well inside the rate limits), or -1 if unknown. */
    private static int openOrders(ProjectXAdapter adapter, List<Long> accounts) {
        try {
            int n = 0;
            for (long account : accounts) {
                n += adapter.rest().openOrders(account).size();
            }
            return n;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * The status line: each contract's last price and net position, the orders working at the
     * gateway, then per account its realized PnL before commissions (as in the summary),
     * unrealized PnL, and the loss room the risk gate itself computes (the smaller of what is
     * left before its daily loss limit, counted from the session start, and before its
     * trailing drawdown floor; commissions and unrealized PnL count there, as in the gate).
     */
    private static String status(Engine engine, RunSetup setup, StatusBoard board, TickflowConfig cfg,
                                 Duration limit, long elapsedNanos, int openOrders) {
        List<Long> accounts = cfg.accounts().stream().map(TickflowConfig.Account::id).toList();
        StringBuilder line = new StringBuilder(LocalTime.now(ZoneOffset.UTC).format(CLOCK)).append(' ');
        long[] last = board.lastPrices();
        long[] unrealized = new long[accounts.size()];
        for (int c = 0; c < setup.contracts.size(); c++) {
            Contract contract = setup.contracts.get(c);
            line.append(contract.symbol()).append(' ')
                    .append(last[c] == PriceTicks.NONE ? "-" : contract.toPrice(last[c]).toPlainString());
            long net = 0;
            for (int a = 0; a < accounts.size(); a++) {
                Position p = engine.positions().position(accounts.get(a), c);
                net += p.net();
                if (last[c] != PriceTicks.NONE) {
                    unrealized[a] += p.unrealizedCents(last[c]);
                }
            }
            line.append(" pos ").append(net > 0 ? "+" + net : Long.toString(net)).append(" | ");
        }
        line.append("orders ").append(openOrders < 0 ? "?" : Integer.toString(openOrders));
        for (int a = 0; a < accounts.size(); a++) {
            line.append(" | ").append(accounts.size() == 1 ? "" : accounts.get(a) + " ").append("realized ")
                    .append(Money.dollars(board.realizedCents(a))).append(" unrealized ")
                    .append(Money.dollars(unrealized[a]));
            long room = board.lossRoomCents(a);
            if (room >= 0) {
                line.append(accounts.size() == 1 ? " | loss room " : " loss room ").append(Money.dollars(room));
            }
        }
        if (limit != null) {
            int done = (int) Math.min(20, elapsedNanos * 20 / Math.max(1, limit.toNanos()));
            line.append(" [").append("#".repeat(done)).append("-".repeat(20 - done)).append("]");
        }
        return line.toString();
    }

    private void report(Engine engine, RunSetup setup, FillRecorder fills, StatusBoard board, List<Long> accounts) {
        long[] last = board.lastPrices();
        long now = System.currentTimeMillis() * 1_000_000L;
        List<long[]> marks = new ArrayList<>();
        for (int c = 0; c < last.length; c++) {
            if (last[c] != PriceTicks.NONE) {
                marks.add(new long[] {now, c, last[c]});
            }
        }
        ContractRegistry registry = new ContractRegistry();
        setup.contracts.forEach(registry::register);
        BacktestResult result = BacktestRunner.summarize(registry, fills.fills(), marks, fills.breaches(),
                BacktestRunner.Settings.defaults().withCommissions(setup.commissions),
                engine.stats().snapshot().processed(), FinalPosition.of(engine.positions(), accounts, last),
                workingAtEnd);
        JournalFigures journalled = engine.journalFigures();
        if (journalled != null) {
            System.out.printf("%njournal: %,d events journalled this run in %d segment(s)%s, %d failed; orphans "
                    + "adopted %d, cancelled %d%n", journalled.journalled(), journalled.segmentsWritten(),
                    journalled.forces() == 0 ? "" : String.format(", forced to the disk %,d times", journalled.forces()),
                    journalled.failures(), journalled.orphansAdopted(), journalled.orphansCancelled());
        }
        System.out.println();
        System.out.print(SummaryTable.of(result));
        for (FinalPosition p : result.positions()) {
            if (p.net() != 0) {
                // the stand-down cancelled every working order: a stop or target protecting this went with them
                System.out.println("WARN: account " + p.accountId() + " " + setup.contracts.get(p.contract()).id()
                        + " " + (p.net() > 0 ? "+" + p.net() : p.net()) + " left open without protection (its stop "
                        + "and target orders were cancelled); " + (flattenOnStop ? "closing it did not complete: "
                        + "close it at the gateway" : "close it at the gateway, or stop with --flatten or "
                        + "engine.flattenOnStop: true"));
            }
        }
        if (out != null) {
            BacktestReport.write(result, out);
            System.out.println("results in " + out.toAbsolutePath());
        }
    }
}
