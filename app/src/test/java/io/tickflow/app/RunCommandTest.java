package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

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
        assertThat(summary.has("fills") && summary.has("netPnl") && summary.has("breaches")).isTrue();
        assertThat(dir.resolve("trades.csv")).exists();
        assertThat(dir.resolve("equity.csv")).exists();
    }
}
