package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.gateway.venue.PaperContract;
import picocli.CommandLine;

/** {@code tickflow run} stopping before it trades: one clear line, a non-zero exit, nothing sent. */
class RunRefusesToStartTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "sma.yaml");

    /** The example with its strategy's {@code contracts: [ES]} (line 19) replaced. */
    private static Path exampleTrading(Path dir, String contracts) throws IOException {
        Path config = dir.resolve("run.yaml");
        String example = Files.readString(EXAMPLE);
        assertThat(example.lines().toList().get(18)).contains("contracts: [ES]");
        Files.writeString(config, example.replace("contracts: [ES]", "contracts: " + contracts));
        return config;
    }

    private record Outcome(int exit, String err) {
    }

    private static Outcome run(Path config, Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.command(new RunCommand());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cli.execute("--config", config.toString(), "--duration", "30s", "--out", out.toString());
        return new Outcome(exit, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aContractTheGatewayDoesNotKnowStopsTheRunWithItsFileLineAndKey(@TempDir Path dir) throws IOException {
        Outcome o = run(exampleTrading(dir, "[CON.F.US.EP.Z19]"), dir.resolve("out"));

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("tickflow: " + dir.resolve("run.yaml")
                + ":19: strategies[0].contracts[0]: CON.F.US.EP.Z19 is not a contract the gateway knows");
        assertThat(o.err().lines().count()).as(o.err()).isEqualTo(1);
        assertThat(dir.resolve("out")).as("nothing ran, nothing written").doesNotExist();
    }

    @Test
    void aMonthTheGatewayNeverListedIsNamedWithTheStrategyAndIndexItIsWrittenAt(@TempDir Path dir)
            throws IOException {
        Outcome o = run(exampleTrading(dir, "[ES, CON.F.US.EP.U99]"), dir.resolve("out"));

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains(":19: strategies[0].contracts[1]: CON.F.US.EP.U99 is not a contract the "
                + "gateway knows").doesNotContain("\tat ");
    }

    @Test
    void aProductNobodyListsIsRefusedWithItsFileLineAndKey(@TempDir Path dir) throws IOException {
        Outcome o = run(exampleTrading(dir, "[CON.F.US.FOO.Z26]"), dir.resolve("out"));

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("tickflow: " + dir.resolve("run.yaml")
                + ":19: strategies[0].contracts[0]: no contract known for CON.F.US.FOO.Z26");
        assertThat(o.err().lines().count()).isEqualTo(1);
    }

    /** A configuration for a ProjectX service at {@code url}, signing in as demo with {@code key}. */
    private static Path projectxAt(Path dir, String url, String key) throws IOException {
        Path keyFile = dir.resolve("projectx.key");
        Files.writeString(keyFile, key + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Path config = dir.resolve("live.yaml");
        Files.writeString(config, """
                gateway: {type: projectx, url: %s, marketHub: %s/hubs/market, userHub: %s/hubs/user, username: demo,
                          apiKeyFile: projectx.key}
                accounts: [{id: 20001}]
                strategies:
                  - {name: sma, class: io.tickflow.strategies.SmaCrossover, contracts: [ES],
                     params: {fast: 5, slow: 20, bars: 200t}}
                """.formatted(url, url, url));
        return config;
    }

    @Test
    void aRefusedSignInPrintsOnlyTheErrorWithoutAStandDown(@TempDir Path dir) throws Exception {
        try (PaperGateway gateway = PaperGateway.builder().user("demo", "demo-key").accountIds(List.of(20_001L))
                .contracts(PaperContract.defaults(LocalDate.now(ZoneOffset.UTC))).generatedMarketData(42, 60)
                .build().start()) {
            Path config = projectxAt(dir, gateway.url().toString().replaceAll("/$", ""), "not-the-key");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--config", config.toString(), "--duration", "30s")
                    .redirectOutput(dir.resolve("stdout.log").toFile()).redirectError(dir.resolve("stderr.log").toFile())
                    .start();
            try {
                assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run ends").isTrue();
                String out = Files.readString(dir.resolve("stdout.log"));
                String err = Files.readString(dir.resolve("stderr.log"));
                assertThat(run.exitValue()).as("stdout %s%nstderr %s", out, err).isNotZero();
                assertThat(err).contains("tickflow: Auth/loginKey: Invalid credentials")
                        .doesNotContain("standing down").doesNotContain("by operator").doesNotContain("\tat ");
                assertThat(out).as("no status, no summary").isEmpty();
            } finally {
                run.destroyForcibly();
            }
        }
    }

    @Test
    void aGatewayThatIsNotThereIsOneLineAndANonZeroExit(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Outcome o = run(projectxAt(dir, "http://127.0.0.1:" + port, "any-key"), dir.resolve("out"));

        assertThat(o.exit()).isNotZero();
        assertThat(o.err()).startsWith("tickflow: Auth/loginKey: no answer");
        assertThat(o.err().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
