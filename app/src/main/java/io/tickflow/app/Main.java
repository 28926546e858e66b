package io.tickflow.app;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineStats;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.generator.MarketDataGenerator;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Money;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.position.Position;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.WaitStrategyKind;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyParams;
import io.tickflow.strategies.SmaCrossover;

/**
 * The jar's entry point: {@code run}, {@code backtest} and {@code gateway} go to their picocli
 * commands; without a command it generates CME sessions of ES market data, replays them
 * through the engine in event time with the {@link SmaCrossover} example strategy trading
 * one contract against the in-process simulated exchange, and prints what happened:
 * events, bars, signals, fills, position and PnL. Exit code 0 on success, 2 on bad arguments.
 */
public final class Main {
    /** What {@code --version} prints. */
    static final String VERSION = "tickflow 0.1.0";

    /** Commission and fees per contract per side in the demo: $1.40, about a retail ES rate. */
    static final long COMMISSION_CENTS_PER_SIDE = 140;

    /** ES December 2025 as the ProjectX gateway names it. */
    static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, java.util.function.Supplier<Object>> commands = Map.of("gateway", GatewayCommand::new,
                "backtest", BacktestCommand::new, "run", RunCommand::new);
        if (args.length > 0 && commands.containsKey(args[0])) {
            Object command = commands.get(args[0]).get();
            System.exit(command(command).execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            System.out.println(VERSION);
            return;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tickflow: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        run(options, System.out);
    }

    /**
     * A picocli command whose failures print one clear line (exit 2 for bad input, 1
     * otherwise), and the stack trace only with {@code --verbose}.
     */
    static picocli.CommandLine command(Object command) {
        picocli.CommandLine cli = new picocli.CommandLine(command);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("tickflow: " + e.getMessage());
            if (parsed.hasMatchedOption(VerboseOption.NAME)) {
                e.printStackTrace(line.getErr());
            }
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli;
    }

    /** Runs the replay and prints its summary to {@code out}; returns the summary's figures. */
    static DemoResult run(DemoOptions options, PrintStream out) {
        SmaCrossover strategy = new SmaCrossover();
        LastQuote lastQuote = new LastQuote();
        StrategyParams params = new StrategyParams("sma", Map.of(
                "fast", Integer.toString(options.fast()),
                "slow", Integer.toString(options.slow()),
                "bars", options.bars().toString()));
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults().withEventTime(true).withWaitStrategy(WaitStrategyKind.YIELDING))
                .simulatedExchange(FillModel.conservative())
                .commissions(new CommissionSchedule(COMMISSION_CENTS_PER_SIDE, Map.of()))
                .contract(ES)
                .strategy(StrategySpec.of("sma", strategy, ES.id()).withParams(params))
                .strategy(StrategySpec.of("last-quote", lastQuote, ES.id()))
                .build();
        GeneratorConfig generatorConfig = GeneratorConfig.defaults(options.seed()).withSessions(options.sessions());
        out.printf("tickflow: replaying %d generated ES session(s) from seed %d, SmaCrossover(fast=%d, slow=%d) on %s bars%n",
                options.sessions(), options.seed(), options.fast(), options.slow(), options.bars());
        long started = System.nanoTime();
        engine.start();
        GeneratedReplay replay = new GeneratedReplay(engine, engine.contracts().indexOf(ES.id()));
        replay.run(new MarketDataGenerator(generatorConfig));
        boolean drained = engine.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        EngineStats.Snapshot stats = engine.stats().snapshot();
        Position position = engine.positions().position(StrategySpec.DEFAULT_ACCOUNT, 0);
        long unrealized = position.unrealizedCents(position.net() > 0 ? lastQuote.bid : lastQuote.ask);
        DemoResult result = new DemoResult(stats.count(EventType.QUOTE), stats.count(EventType.TRADE), strategy.barsSeen(),
                strategy.signals(), strategy.lastSignal().name(), position.fills(), position.net(),
                position.realizedCents(), position.commissionCents(), unrealized, drained);

        out.printf("  sessions        %d (%s to %s)%n", replay.sessions(), Instant.ofEpochSecond(0, lastQuote.firstTs),
                Instant.ofEpochSecond(0, lastQuote.lastTs));
        out.printf("  events          %,d quotes, %,d trade prints, %d dropped%n", result.quotes(), result.trades(),
                stats.rejected());
        out.printf("  %-15s %,d completed%n", options.bars() + " bars", result.bars());
        out.printf("  session range   %s - %s%n", ES.toPrice(lastQuote.low), ES.toPrice(lastQuote.high));
        out.printf("  last quote      %s x %d / %s x %d%n", ES.toPrice(lastQuote.bid), lastQuote.bidSize,
                ES.toPrice(lastQuote.ask), lastQuote.askSize);
        out.printf("  SMA signals     %d (last: %s)%n", result.signals(), result.lastSignal());
        out.printf("  fills           %d (simulated exchange: market orders at the opposite best)%n", result.fills());
        out.printf("  position        %+d ESZ5%n", result.position());
        out.printf("  PnL             realized %s, commissions %s, unrealized %s, net %s%n",
                Money.dollars(result.realizedCents()), Money.dollars(result.commissionCents()), Money.dollars(result.unrealizedCents()),
                Money.dollars(result.realizedCents() - result.commissionCents() + result.unrealizedCents()));
        out.printf("  engine          %,.0f events/s over %.2f s (including generation), drained cleanly: %s%n",
                stats.processed() / seconds, seconds, drained ? "yes" : "NO");
        return result;
    }

    /** What the replay produced, for tests. */
    record DemoResult(long quotes, long trades, long bars, long signals, String lastSignal, long fills, long position,
                      long realizedCents, long commissionCents, long unrealizedCents, boolean drained) {
    }

    /** Keeps the last quote and the price range; engine thread only. */
    private static final class LastQuote implements Strategy {
        long bid = PriceTicks.NONE;
        long ask = PriceTicks.NONE;
        long bidSize;
        long askSize;
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long firstTs;
        long lastTs;

        @Override
        public void onQuote(QuoteView q) {
            if (firstTs == 0) {
                firstTs = q.tsEvent();
            }
            lastTs = q.tsEvent();
            bid = q.bidTicks();
            ask = q.askTicks();
            bidSize = q.bidSize();
            askSize = q.askSize();
            high = Math.max(high, ask);
            low = Math.min(low, bid);
        }
    }
}
