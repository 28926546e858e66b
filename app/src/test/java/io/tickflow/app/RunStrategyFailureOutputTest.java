package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the console shows when a strategy fails: one line for a strategy that cannot start
 * (its stack trace only with --verbose), the engine's error log with the trace for a strategy
 * failing while it runs. Child processes, as the console log is the real one only there.
 */
class RunStrategyFailureOutputTest {
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(Path dir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".log");
        Path err = Files.createTempFile(dir, "stderr", ".log");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the run ends").isTrue();
            return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

    /** The example with its strategy replaced by RelativeStrengthPair on one contract: it needs two. */
    private static Path pairOnOneContract(Path dir) throws IOException {
        Path config = dir.resolve("pair.yaml");
        String example = Files.readString(Path.of("..", "examples", "sma.yaml"));
        Files.writeString(config, example.replace("io.tickflow.strategies.SmaCrossover",
                "io.tickflow.strategies.RelativeStrengthPair").replaceAll("(?m)^    params: .*\\n", ""));
        return config;
    }

    @Test
    void aStrategyFailingInOnStartIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Outcome o = run(dir, "--config", pairOnOneContract(dir).toString(), "--duration", "30s");

        assertThat(o.exit()).as(o.err()).isEqualTo(2);
        assertThat(o.err().lines().toList()).as("stderr").containsExactly(
                "tickflow: strategy 'sma' failed to start: strategy 'sma' needs two contracts");
        assertThat(o.out()).as("stdout").isEmpty();
    }

    @Test
    void withVerboseAStrategyFailingInOnStartShowsItsStackTrace(@TempDir Path dir) throws Exception {
        Outcome o = run(dir, "--config", pairOnOneContract(dir).toString(), "--duration", "30s", "--verbose");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("tickflow: strategy 'sma' failed to start: strategy 'sma' needs two contracts")
                .contains("Caused by: java.lang.IllegalArgumentException: strategy 'sma' needs two contracts")
                .contains("\tat io.tickflow.strategies.RelativeStrengthPair.onStart");
    }

    @Test
    void aStrategyFailingWhileRunningIsStillAnErrorWithItsStackTrace(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("boom.yaml");
        Files.writeString(config, """
                gateway: {type: paper, speed: 60, seed: 42}
                strategies:
                  - {name: boom, class: io.tickflow.app.ThrowsOnFirstQuote, contracts: [ES]}
                """);
        Outcome o = run(dir, "--config", config.toString(), "--duration", "2s");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.err()).contains("ERROR io.tickflow.engine.core.EventDispatcher - strategy 'boom' threw in "
                + "onQuote").contains("java.lang.IllegalStateException: the first quote broke me")
                .contains("\tat io.tickflow.app.ThrowsOnFirstQuote.onQuote");
    }
}
