package io.tickflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The standalone gateway as a user starts it: a child JVM, its first line, a real request, SIGTERM. */
class GatewayCommandTest {
    private static Process launch(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "gateway"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void itPrintsWhereItListensServesAndStopsCleanlyOnSigterm() throws Exception {
        Process gateway = launch("--port", "0", "--user", "demo", "--api-key", "k", "--fault", "reject-orders:1");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(gateway.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).matches("tickflow gateway listening on http://127\\.0\\.0\\.1:\\d+");
            URI base = URI.create(first.substring(first.lastIndexOf(' ') + 1));
            HttpResponse<String> pong = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/api/Status/ping")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pong.body()).isEqualTo("pong");
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(gateway.exitValue()).as("SIGTERM ends it through the shutdown hook").isIn(0, 143);
        } finally {
            gateway.destroyForcibly();
        }
    }

    @Test
    void aBadFaultSpecIsAClearErrorWithExitCode2() throws Exception {
        Process gateway = launch("--user", "demo", "--api-key", "k", "--fault", "explode");
        assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.exitValue()).isEqualTo(2);
    }
}
