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
}
