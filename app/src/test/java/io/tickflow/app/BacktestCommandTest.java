package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.projectx.wire.Json;
import picocli.CommandLine;

/** {@code tickflow backtest} with the bundled example configuration. */
class BacktestCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "sma.yaml");

    private static int run(String... args) {
        return Main.command(new BacktestCommand()).execute(args);
    }

    @Test
    void theExampleBacktestWritesEveryResultAndTheSameBytesTwice(@TempDir Path dir) throws IOException {
        assertThat(run("--config", EXAMPLE.toString(), "--sessions", "2", "--out", dir.resolve("a").toString()))
                .isZero();
        assertThat(run("--config", EXAMPLE.toString(), "--sessions", "2", "--out", dir.resolve("b").toString()))
                .isZero();
        for (String file : new String[] {"fills.csv", "trades.csv", "equity.csv", "stats.json", "summary.json",
            "report.html"}) {
            assertThat(dir.resolve("a").resolve(file)).as(file).exists();
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).as(file + " is deterministic")
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
        assertThat(Files.readAllLines(dir.resolve("a/fills.csv")).size()).as("the crossover traded").isGreaterThan(2);
        assertThat(Files.readString(dir.resolve("a/report.html"))).contains("Net PnL", "<svg");
    }

    @Test
    void aBadConfigurationIsOneClearLineAndExitCode2(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "strategies:\n  - name: x\n    class: io.tickflow.strategies.SmaCrossover\n"
                + "    contracts: [ES]\n    parms: {fast: 3}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.command(new BacktestCommand());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cli.execute("--config", bad.toString(), "--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml:5: strategies[0].parms: unknown key");
    }

    @Test
    void aParameterOfTheWrongTypeIsRefusedOnLoadWithItsLineAndExitCode2(@TempDir Path dir)
            throws IOException {
        Path bad = dir.resolve("bad-param.yaml");
        Files.writeString(bad, Files.readString(EXAMPLE).replace("fast: 5", "fast: abc"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.command(new BacktestCommand());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cli.execute("--config", bad.toString(), "--sessions", "1", "--out", dir.resolve("out").toString()))
                .isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("bad-param.yaml:20: strategies[0].params.fast: expected an integer, found 'abc'")
                .doesNotContain("\tat ");
        assertThat(message.lines().count()).isEqualTo(1);
        assertThat(dir.resolve("out/fills.csv")).doesNotExist();
    }

    @Test
    void eachAccountIsHeldToItsOwnRiskLimits(@TempDir Path dir) throws IOException {
        Path two = dir.resolve("two-accounts.yaml");
        Files.writeString(two, """
                accounts:
                  - id: 10001
                  - id: 10002
                    risk: {maxOrderSize: 0, dailyLossLimit: 1}
                strategies:
                  - {name: free, class: io.tickflow.strategies.SmaCrossover, account: 10001, contracts: [ES],
                     params: {fast: 5, slow: 20, bars: 200t}}
                  - {name: capped, class: io.tickflow.strategies.SmaCrossover, account: 10002, contracts: [ES],
                     params: {fast: 5, slow: 20, bars: 200t}}
                """);
        assertThat(run("--config", two.toString(), "--sessions", "2", "--out", dir.resolve("out").toString())).isZero();

        JsonNode summary = Json.read(Files.readString(dir.resolve("out/summary.json")));
        assertThat(summary.path("rule_breaches")).isNotEmpty()
                .allSatisfy(b -> assertThat(b.path("account").asLong()).isEqualTo(10_002));
        assertThat(summary.path("positions")).extracting(p -> p.path("account").asLong())
                .containsExactly(10_001L, 10_002L);
        assertThat(Files.readAllLines(dir.resolve("out/fills.csv")).stream().filter(l -> l.contains(",10001,")))
                .as("the unlimited account kept trading").hasSizeGreaterThan(2);
    }

    @Test
    void dataFromAnotherYearTradesThatYearsFrontMonthAndGivesTheSameBytesTwice(@TempDir Path dir) throws IOException {
        // ES one-minute bars on 2013-10-07 (the shared data's format): a rise, a fall, a rise
        StringBuilder csv = new StringBuilder("ts_event,open,high,low,close,volume\n");
        java.time.Instant t = java.time.Instant.parse("2013-10-07T13:30:00Z");
        long ticks = 1680 * 4;
        for (int i = 0; i < 120; i++) {
            long step = (i / 20) % 2 == 0 ? 2 : -2;
            long open = ticks;
            ticks += step;
            csv.append(t.plusSeconds(60L * i)).append(',').append(price(open)).append(',')
                    .append(price(Math.max(open, ticks) + 1)).append(',').append(price(Math.min(open, ticks) - 1))
                    .append(',').append(price(ticks)).append(",100\n");
        }
        Path data = dir.resolve("es-2013-10-07-1m.csv");
        Files.writeString(data, csv);
        Path config = dir.resolve("sma-1m.yaml");
        Files.writeString(config, """
                strategies:
                  - {name: sma, class: io.tickflow.strategies.SmaCrossover, contracts: [ES],
                     params: {fast: 3, slow: 8, bars: 1m}}
                """);
        for (String out : new String[] {"a", "b"}) {
            assertThat(run("--config", config.toString(), "--data", data.toString(), "--out",
                    dir.resolve(out).toString())).isZero();
        }

        JsonNode summary = Json.read(Files.readString(dir.resolve("a/summary.json")));
        assertThat(summary.path("positions").get(0).path("contract").asText())
                .as("ES's front month on the data's first day, 2013-10-07: December 2013").isEqualTo("CON.F.US.EP.Z13");
        assertThat(Files.readAllLines(dir.resolve("a/fills.csv"))).as("the crossover traded").hasSizeGreaterThan(2)
                .allSatisfy(l -> assertThat(l).satisfiesAnyOf(h -> assertThat(h).startsWith("ts,"),
                        f -> assertThat(f).contains(",CON.F.US.EP.Z13,")));
        for (String file : new String[] {"fills.csv", "trades.csv", "equity.csv", "stats.json", "summary.json",
            "report.html"}) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).as(file + " is deterministic")
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void generatedSessionsTradeTheFrontMonthOfTheirOwnDatesNotOfToday(@TempDir Path dir) throws IOException {
        assertThat(run("--config", EXAMPLE.toString(), "--sessions", "1", "--out", dir.toString())).isZero();

        JsonNode summary = Json.read(Files.readString(dir.resolve("summary.json")));
        assertThat(summary.path("positions").get(0).path("contract").asText())
                .as("the generator's sessions start on 2025-11-23: ES December 2025").isEqualTo("CON.F.US.EP.Z25");
    }

    private static String price(long quarterTicks) {
        return new java.math.BigDecimal(quarterTicks).divide(java.math.BigDecimal.valueOf(4)).setScale(2)
                .toPlainString();
    }
}
