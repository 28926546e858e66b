package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.gateway.venue.PaperContract;
import io.tickflow.adapters.projectx.wire.Json;

/** {@code tickflow run} with the bundled example: the embedded paper gateway through the live adapter. */
class RunCommandTest {
    @Test
    void theExampleRunsForItsDurationAndWritesItsResults(@TempDir Path dir) throws IOException {
        int exit = Main.command(new RunCommand()).execute("--config", Path.of("..", "examples", "sma.yaml").toString(),
                "--duration", "3s", "--out", dir.toString());

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(dir.resolve("fills.csv")).get(0))
                .isEqualTo("ts,account,contract,side,size,price,commission,order_id,client_order_id");
        JsonNode summary = Json.read(Files.readString(dir.resolve("summary.json")));
        assertThat(summary.path("positions").get(0).path("account").asLong()).isEqualTo(10_001);
        assertThat(summary.path("positions").get(0).path("contract").asText()).startsWith("CON.F.US.EP.");
        assertThat(summary.has("fills") && summary.has("net_pnl") && summary.has("rule_breaches")
                && summary.has("working_orders")).isTrue();
        assertThat(dir.resolve("trades.csv")).exists();
        assertThat(dir.resolve("equity.csv")).exists();
    }

    @Test
    void aStopSignalCancelsPrintsTheSummaryWritesTheResultsAndExitsZero(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--config", Path.of("..", "examples", "sma.yaml").toString(), "--out", dir.toString())
                .redirectError(dir.resolve("stderr.log").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("pos "));
            assertThat(line).as("a status line before the signal").isNotNull();
            // SIGTERM: the JVM runs the same shutdown hook for Ctrl-C's SIGINT, which a child started in the
            // background by a non-interactive shell (as CI may start the build) inherits as ignored; sent with
            // kill, as Process.destroy would also close the pipe the rest of the output is read from
            new ProcessBuilder("kill", "-TERM", Long.toString(run.pid())).start().waitFor(10, TimeUnit.SECONDS);
            // read the rest aside, so a run that never stops fails the test instead of hanging it on the read
            CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> out.lines().toList());
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run stops").isTrue();
            assertThat(run.exitValue()).as("output after the signal: %s", rest.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(dir.resolve("summary.json")).exists();
            assertThat(dir.resolve("fills.csv")).exists();
            assertThat(Files.readString(dir.resolve("stderr.log")))
                    .as("tickflow's own log lines, the libraries' only when they warn")
                    .contains("INFO io.tickflow.adapters.projectx.ProjectXRest - signed in")
                    .doesNotContain("INFO com.microsoft.signalr").doesNotContain("INFO org.eclipse.jetty");
        } finally {
            run.destroyForcibly();
        }
    }

    @Test
    void aStrategyThatCannotStartEndsTheRunWithExitCode2AndSendsNothing(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad-param.yaml");
        Files.writeString(bad, Files.readString(Path.of("..", "examples", "sma.yaml")).replace("fast: 5", "fast: abc"));
        int exit = Main.command(new RunCommand()).execute("--config", bad.toString(), "--duration", "3s",
                "--out", dir.resolve("out").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("out/fills.csv")).doesNotExist();
    }

    @Test
    void itTradesOnAPaperGatewayAlreadyRunningAtAUrl(@TempDir Path dir) throws IOException {
        try (PaperGateway gateway = PaperGateway.builder().user("demo", "demo-key").accountIds(List.of(20_001L))
                .contracts(PaperContract.defaults(LocalDate.now(ZoneOffset.UTC))).generatedMarketData(42, 60)
                .build().start()) {
            String url = gateway.url().toString().replaceAll("/$", "");
            Path keyFile = dir.resolve("projectx.key");
            Files.writeString(keyFile, "demo-key\n");
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            Path config = dir.resolve("at-a-url.yaml");
            Files.writeString(config, """
                    gateway:
                      type: projectx
                      url: %s
                      marketHub: %s/hubs/market
                      userHub: %s/hubs/user
                      username: demo
                      apiKeyFile: projectx.key
                    accounts: [{id: 20001}]
                    strategies:
                      - {name: sma, class: io.tickflow.strategies.SmaCrossover, contracts: [ES],
                         params: {fast: 5, slow: 20, bars: 200t}}
                    """.formatted(url, url, url));
            int exit = Main.command(new RunCommand()).execute("--config", config.toString(), "--duration", "3s",
                    "--out", dir.resolve("out").toString());

            assertThat(exit).isZero();
            JsonNode summary = Json.read(Files.readString(dir.resolve("out/summary.json")));
            assertThat(summary.path("positions").get(0).path("account").asLong()).isEqualTo(20_001);
            assertThat(summary.path("working_orders").asInt()).as("stand-down cancelled everything").isZero();
        }
    }
}
