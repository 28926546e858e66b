package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * A trader's own strategy, compiled here against the engine SPI alone into a jar of its own,
 * backtested by class name through {@code --strategy-jar} — the README's "Write your first
 * strategy" path.
 */
class StrategyJarTest {
    private static final String SOURCE = """
            package my.bot;

            import io.tickflow.engine.model.Side;
            import io.tickflow.engine.strategy.QuoteView;
            import io.tickflow.engine.strategy.Strategy;
            import io.tickflow.engine.strategy.StrategyContext;
            import io.tickflow.engine.strategy.StrategyParams;

            public class BuyOnce implements Strategy {
                private StrategyContext ctx;
                private long size;
                private boolean bought;

                @Override
                public void configure(StrategyParams params) {
                    size = params.longValue("size", 1);
                }

                @Override
                public void onStart(StrategyContext context) {
                    ctx = context;
                }

                @Override
                public void onQuote(QuoteView quote) {
                    if (!bought) {
                        bought = true;
                        ctx.orders().market(ctx.contracts().get(0), Side.BUY, size);
                    }
                }
            }
            """;

    @TempDir
    static Path dir;
    private static Path jar;
    private static Path config;

    @BeforeAll
    static void buildTheJar() throws IOException {
        Path src = dir.resolve("src/my/bot/BuyOnce.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertThat(rc).as("javac").isZero();
        jar = dir.resolve("my-bot.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("my/bot/BuyOnce.class"));
            out.write(Files.readAllBytes(classes.resolve("my/bot/BuyOnce.class")));
            out.closeEntry();
        }
        config = dir.resolve("my-bot.yaml");
        Files.writeString(config, """
                strategies:
                  - name: mine
                    class: my.bot.BuyOnce
                    contracts: [ES]
                    params: {size: 2}
                """);
    }

    private static int backtest(ByteArrayOutputStream err, String... args) {
        CommandLine cli = Main.command(new BacktestCommand());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    @Test
    void aStrategyInTheUsersJarBacktestsByClassName() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = dir.resolve("out");
        assertThat(backtest(err, "--config", config.toString(), "--strategy-jar", jar.toString(), "--sessions", "1",
                "--out", out.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

        List<String> fills = Files.readAllLines(out.resolve("fills.csv"));
        assertThat(fills).hasSize(2);
        assertThat(fills.get(1)).contains(",10001,CON.F.US.EP.", ",BUY,2,");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"net\": 2,");
    }

    @Test
    void withoutTheJarTheClassIsNotFoundAndAMissingJarIsNamed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(backtest(err, "--config", config.toString(), "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tickflow: " + config
                + ":3: strategies[0].class: no class my.bot.BuyOnce on the class path or in a --strategy-jar"
                + System.lineSeparator());

        ByteArrayOutputStream missing = new ByteArrayOutputStream();
        assertThat(backtest(missing, "--config", config.toString(), "--strategy-jar", "no-such.jar", "--out",
                dir.resolve("y").toString())).isEqualTo(2);
        assertThat(missing.toString(StandardCharsets.UTF_8)).contains("--strategy-jar no-such.jar: no such readable file");
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheLine() {
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        assertThat(backtest(quiet, "--config", "no-such.yaml", "--out", dir.resolve("z").toString())).isEqualTo(2);
        assertThat(quiet.toString(StandardCharsets.UTF_8)).startsWith("tickflow: no-such.yaml: no such file")
                .doesNotContain("\tat ");

        ByteArrayOutputStream verbose = new ByteArrayOutputStream();
        assertThat(backtest(verbose, "--verbose", "--config", "no-such.yaml", "--out", dir.resolve("z").toString()))
                .isEqualTo(2);
        assertThat(verbose.toString(StandardCharsets.UTF_8)).startsWith("tickflow: no-such.yaml: no such file")
                .contains("ConfigException", "\tat io.tickflow.app.config.YamlSource");
    }

    @Test
    void aStrategyBuiltForANewerJavaIsSaidToBeSoNotMissing() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("classes/my/bot/BuyOnce.class"));
        bytes[6] = 0; // the class file's major version (bytes 6 and 7): 99, a Java far newer than this one
        bytes[7] = 99;
        Path newer = dir.resolve("my-bot-newer-java.jar");
        try (OutputStream file = Files.newOutputStream(newer); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("my/bot/BuyOnce.class"));
            out.write(bytes);
            out.closeEntry();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(backtest(err, "--config", config.toString(), "--strategy-jar", newer.toString(), "--out",
                dir.resolve("newer").toString())).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).startsWith("tickflow: " + config + ":3: strategies[0].class: my.bot.BuyOnce was compiled "
                + "for a newer Java than this one, Java " + Runtime.version().feature() + " (")
                .contains("class file version 99.0", "rebuild it with --release " + Runtime.version().feature())
                .doesNotContain("no class");
        assertThat(message.lines().count()).isEqualTo(1);
    }
}
