package io.tickflow.app;

import java.util.Objects;

import io.tickflow.engine.model.BarSpec;

/**
 * Options of the demo replay, parsed from the command line with clear errors. Immutable.
 *
 * @param seed     generator seed: the same seed gives the same market and the same result
 * @param sessions CME sessions to generate
 * @param bars     the bar series the example strategy trades on
 * @param fast     fast moving-average length, in bars
 * @param slow     slow moving-average length, in bars
 */
record DemoOptions(long seed, int sessions, BarSpec bars, int fast, int slow) {
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar tickflow.jar COMMAND [OPTIONS]   (COMMAND --help for its options)",
            "",
            "Commands:",
            "  run        trade a configuration's strategies on the embedded paper gateway or a ProjectX service",
            "  backtest   replay generated or recorded market data through a configuration's strategies",
            "  gateway    the standalone ProjectX paper gateway on loopback",
            "  --version  the version",
            "",
            "run and backtest take --strategy-jar FILE (your own strategy classes, by class name in the config);",
            "every command takes --verbose (a failure's stack trace, debug logging).",
            "",
            "Examples:",
            "  java -jar tickflow.jar run --config examples/sma.yaml --duration 60s --out out/run",
            "  java -jar tickflow.jar backtest --config examples/sma.yaml --out out/sma",
            "  java -jar tickflow.jar gateway --port 0 --user demo --api-key my-key",
            "",
            "Without a command: java -jar tickflow.jar [--seed N] [--sessions N] [--bars SPEC] [--fast N] [--slow N]",
            "Replays generated ES market data through the engine with the SmaCrossover example strategy",
            "trading one contract against the simulated exchange, and prints signals, fills and PnL.",
            "Same seed, same output.",
            "",
            "  --seed N       generator seed (default 42)",
            "  --sessions N   CME sessions to generate, 1..250 (default 1)",
            "  --bars SPEC    bar series for the strategy: 30s, 5m, 1h, 500t, 1000v, 8r, 4renko, ha:1m ... (default 1m)",
            "  --fast N       fast SMA length in bars (default 10)",
            "  --slow N       slow SMA length in bars (default 30)",
            "  --help         this text",
            "",
            "Example: java -jar tickflow.jar --seed 7 --sessions 5 --bars 5m --fast 5 --slow 20");

    DemoOptions {
        Objects.requireNonNull(bars, "bars");
        if (sessions < 1 || sessions > 250) {
            throw new IllegalArgumentException("--sessions must be between 1 and 250, was " + sessions);
        }
        if (fast < 1 || slow <= fast) {
            throw new IllegalArgumentException("need 1 <= --fast < --slow, was fast=" + fast + " slow=" + slow);
        }
    }

    static DemoOptions defaults() {
        return new DemoOptions(42, 1, BarSpec.time(60), 10, 30);
    }

    /**
     * @return the options, or null if {@code --help} was asked for
     * @throws IllegalArgumentException naming the bad option and what was expected
     */
    static DemoOptions parse(String... args) {
        long seed = 42;
        int sessions = 1;
        BarSpec bars = BarSpec.time(60);
        int fast = 10;
        int slow = 30;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ("--help".equals(option) || "-h".equals(option)) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value, or is unknown");
            }
            String value = args[++i];
            switch (option) {
                case "--seed":
                    seed = number(option, value);
                    break;
                case "--sessions":
                    sessions = (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, number(option, value)));
                    break;
                case "--bars":
                    bars = BarSpec.parse(value);
                    break;
                case "--fast":
                    fast = (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, number(option, value)));
                    break;
                case "--slow":
                    slow = (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, number(option, value)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new DemoOptions(seed, sessions, bars, fast, slow);
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, was '" + value + "'");
        }
    }
}
