package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MainTest {
    private static String runToText(DemoOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoReplaysAGeneratedSessionThroughTheEngineAndDrainsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.DemoResult result = Main.run(DemoOptions.parse("--seed", "3", "--bars", "5m", "--fast", "3", "--slow", "8"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(result.drained()).isTrue();
        assertThat(result.quotes()).isGreaterThan(1_000_000);
        assertThat(result.trades()).isGreaterThan(100_000);
        // one 23-hour session of 5-minute bars: 276 intervals, the last completes when the session closes
        assertThat(result.bars()).isBetween(270L, 276L);
        assertThat(result.signals()).isPositive();
        // the first signal opens one contract, each later one reverses; a repeated signal sends nothing
        assertThat(result.fills()).isBetween(1L, result.signals());
        assertThat(Math.abs(result.position())).isEqualTo(1);
        assertThat(result.commissionCents()).isEqualTo((2 * result.fills() - 1) * Main.COMMISSION_CENTS_PER_SIDE);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("drained cleanly: yes").contains("5m bars")
                .contains("PnL             realized");
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        DemoOptions options = DemoOptions.parse("--seed", "9", "--bars", "2000t");
        Main.DemoResult first = Main.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Main.DemoResult second = Main.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(second).isEqualTo(first);
        assertThat(runToText(options)).contains("2000t bars");
    }

    @Test
    void dollarsAreFormattedFromCents() {
        assertThat(io.tickflow.engine.model.Money.dollars(401_250)).isEqualTo("$4,012.50");
        assertThat(io.tickflow.engine.model.Money.dollars(-5)).isEqualTo("-$0.05");
        assertThat(io.tickflow.engine.model.Money.dollars(0)).isEqualTo("$0.00");
    }

    @Test
    void badOptionsAreRejectedWithTheOptionNamed() {
        assertThatThrownBy(() -> DemoOptions.parse("--sessions", "0")).hasMessageContaining("--sessions");
        assertThatThrownBy(() -> DemoOptions.parse("--seed", "x")).hasMessageContaining("--seed must be an integer");
        assertThatThrownBy(() -> DemoOptions.parse("--bars", "5q")).hasMessageContaining("bad bar spec '5q'");
        assertThatThrownBy(() -> DemoOptions.parse("--fast", "9", "--slow", "9")).hasMessageContaining("fast < --slow");
        assertThatThrownBy(() -> DemoOptions.parse("--verbose")).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> DemoOptions.parse("--colour", "red")).hasMessageContaining("unknown option --colour");
        assertThat(DemoOptions.parse("--help")).isNull();
        assertThat(DemoOptions.parse()).isEqualTo(DemoOptions.defaults());
    }

    @Test
    void theTopLevelHelpListsTheCommandsAndVersionPrintsTheVersion() {
        assertThat(DemoOptions.USAGE).contains("run ", "backtest ", "gateway ", "--version", "--strategy-jar FILE", "--verbose")
                .contains("run --config examples/sma.yaml");
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[] {"--version"});
        } finally {
            System.setOut(original);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).trim()).isEqualTo(Main.VERSION);
    }
}
