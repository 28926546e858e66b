package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.gateway.venue.PaperContract;
import io.tickflow.adapters.projectx.ProjectXRest;
import io.tickflow.adapters.projectx.Secret;
import io.tickflow.adapters.projectx.wire.Json;

/**
 * The end of a run with a protected position open, on a paper gateway of the test's own so the
 * gateway can be asked afterwards: {@code --flatten} or {@code engine.flattenOnStop: true}
 * ends flat there; otherwise the position stays, unprotected, and the console says so.
 */
class RunStopFlattenTest {
    private static final long ACCOUNT = 20_001;

    private record Outcome(int exit, String out, JsonNode summary, int openPositions, int openOrders) {
    }

    private static Outcome run(Path dir, String engineSection, String... flags) throws IOException {
        try (PaperGateway gateway = PaperGateway.builder().user("demo", "demo-key").accountIds(List.of(ACCOUNT))
                .contracts(PaperContract.defaults(LocalDate.now(ZoneOffset.UTC))).generatedMarketData(42, 60)
                .build().start()) {
            String url = gateway.url().toString().replaceAll("/$", "");
            Path keyFile = dir.resolve("projectx.key");
            Files.writeString(keyFile, "demo-key\n");
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            Path config = dir.resolve("protected.yaml");
            Files.writeString(config, """
                    gateway: {type: projectx, url: %s, marketHub: %s/hubs/market, userHub: %s/hubs/user,
                              username: demo, apiKeyFile: projectx.key}
                    accounts: [{id: %d}]
                    strategies:
                      - {name: long, class: io.tickflow.app.BuysOneWithAStop, contracts: [ES]}
                    %s
                    """.formatted(url, url, url, ACCOUNT, engineSection));
            List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--duration", "3s",
                    "--out", dir.resolve("out").toString()));
            args.addAll(List.of(flags));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream console = System.out;
            int exit;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                exit = Main.command(new RunCommand()).execute(args.toArray(String[]::new));
            } finally {
                System.setOut(console);
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            console.print(printed);
            try (ProjectXRest rest = new ProjectXRest(gateway.url(), "demo", Secret.of("demo-key"))) {
                return new Outcome(exit, printed, Json.read(Files.readString(dir.resolve("out/summary.json"))),
                        rest.openPositions(ACCOUNT).size(), rest.openOrders(ACCOUNT).size());
            }
        }
    }

    private static void assertItBoughtAndProtected(Outcome o) {
        assertThat(o.exit()).isZero();
        assertThat(o.summary().path("fills").asInt()).as("the strategy bought: %s", o.out()).isPositive();
    }

    @Test
    void runWithFlattenEndsFlatAtTheGateway(@TempDir Path dir) throws IOException {
        Outcome o = run(dir, "", "--flatten");

        assertItBoughtAndProtected(o);
        assertThat(o.openPositions()).as("positions at the gateway").isZero();
        assertThat(o.openOrders()).as("orders working at the gateway (the stop)").isZero();
        assertThat(o.summary().path("positions").get(0).path("net").isNumber()).isTrue();
        assertThat(o.summary().path("positions").get(0).path("net").asLong()).isZero();
        assertThat(o.out()).doesNotContain("left open");
    }

    @Test
    void flattenOnStopInTheConfigurationEndsFlatAtTheGateway(@TempDir Path dir) throws IOException {
        Outcome o = run(dir, "engine: {flattenOnStop: true}");

        assertItBoughtAndProtected(o);
        assertThat(o.openPositions()).isZero();
        assertThat(o.openOrders()).isZero();
    }

    @Test
    void withoutFlattenThePositionLeftOpenUnprotectedIsNamed(@TempDir Path dir) throws IOException {
        Outcome o = run(dir, "engine: {flattenOnStop: true}", "--no-flatten");

        assertItBoughtAndProtected(o);
        assertThat(o.openPositions()).as("the position stays at the gateway").isEqualTo(1);
        assertThat(o.openOrders()).as("its stop was cancelled").isZero();
        assertThat(o.out()).containsPattern("WARN: account 20001 CON\\.F\\.US\\.EP\\.\\w\\d\\d \\+1 left open without "
                + "protection");
    }
}
