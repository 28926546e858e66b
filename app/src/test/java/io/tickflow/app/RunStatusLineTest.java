package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status line {@code run} prints each second: per account, as the risk gate and the summary count. */
class RunStatusLineTest {
    private static final Pattern TRADER = Pattern.compile(
            "pos \\+1 \\| orders \\d+ \\| 10001 realized (\\S+) unrealized \\S+ loss room \\$([\\d,.]+) \\| ");

    @Test
    void eachAccountShowsItsOwnRoomUnderItsOwnLossRulesAndRealizedBeforeCommissions(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("two.yaml");
        Files.writeString(config, """
                gateway: {type: paper, speed: 60, seed: 42}
                accounts:
                  - {id: 10001, risk: {dailyLossLimit: 1000, trailingDrawdown: 500}}
                  - {id: 10002, risk: {dailyLossLimit: 3000}}
                strategies:
                  - {name: long, class: io.tickflow.app.BuysOneWithAStop, account: 10001, contracts: [ES]}
                commissions: {perSide: 1.40}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit = Main.command(new RunCommand()).execute("--config", config.toString(), "--duration", "3s",
                    "--flatten");
        } finally {
            System.setOut(console);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        console.print(printed);
        assertThat(exit).isZero();

        List<String> holding = printed.lines().filter(l -> TRADER.matcher(l).find()).toList();
        assertThat(holding).as("status lines with the position open: %s", printed).isNotEmpty();
        for (String line : holding) {
            Matcher m = TRADER.matcher(line);
            assertThat(m.find()).isTrue();
            assertThat(m.group(1)).as("realized before commissions, as the summary's column: %s", line)
                    .isEqualTo("$0.00");
            BigDecimal room = new BigDecimal(m.group(2).replace(",", ""));
            assertThat(room).as("the trailing drawdown ($500) binds, less the $1.40 commission paid: %s", line)
                    .isLessThanOrEqualTo(new BigDecimal("498.60")).isPositive();
            assertThat(line).as("the other account, its own daily limit, untouched")
                    .contains("| 10002 realized $0.00 unrealized $0.00 loss room $3,000.00");
        }
    }
}
