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

    private static HttpResponse<String> post(URI base, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String login(URI base, String user, String key) throws Exception {
        String body = post(base, "/api/Auth/loginKey", null, "{\"userName\":\"" + user + "\",\"apiKey\":\"" + key
                + "\"}").body();
        assertThat(body).contains("\"success\":true");
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static long firstAccount(URI base, String token) throws Exception {
        String body = post(base, "/api/Account/search", token, "{\"onlyActiveAccounts\":true}").body();
        return Long.parseLong(body.replaceAll(".*?\"id\":(\\d+).*", "$1"));
    }

    @Test
    void repeatedUsersEachSignInAndTheFaultsAndOrderLimitsOfTheCommandLineApply() throws Exception {
        Process gateway = launch("--user", "alice", "--api-key", "ka", "--user", "bob", "--api-key", "kb",
                "--max-order-size", "5", "--fault", "reject-orders:1");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(gateway.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            URI base = URI.create(first.substring(first.lastIndexOf(' ') + 1));
            String es = post(base, "/api/Contract/search", login(base, "alice", "ka"), "{\"searchText\":\"EP\"}")
                    .body().replaceAll(".*?\"id\":\"(CON\\.F\\.US\\.EP\\.[^\"]+)\".*", "$1");
            String alice = login(base, "alice", "ka");
            String bob = login(base, "bob", "kb");
            long aliceAccount = firstAccount(base, alice);
            long bobAccount = firstAccount(base, bob);
            assertThat(bobAccount).isNotEqualTo(aliceAccount);
            String order = ",\"contractId\":\"" + es + "\",\"type\":1,\"side\":0,\"limitPrice\":1000.00,";
            assertThat(post(base, "/api/Order/place", alice, "{\"accountId\":" + aliceAccount + order + "\"size\":1}")
                    .body()).as("--fault reject-orders:1").contains("\"success\":false", "\"errorCode\":2");
            assertThat(post(base, "/api/Order/place", alice, "{\"accountId\":" + aliceAccount + order + "\"size\":6}")
                    .body()).as("--max-order-size 5").contains("\"errorCode\":2", "maximum of 5 contracts");
            assertThat(post(base, "/api/Order/place", bob, "{\"accountId\":" + bobAccount + order + "\"size\":5}")
                    .body()).contains("\"success\":true");
            assertThat(post(base, "/api/Order/searchOpen", alice, "{\"accountId\":" + bobAccount + "}").body())
                    .as("alice cannot see bob's account").contains("\"errorCode\":1");
            gateway.destroy();
            assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            gateway.destroyForcibly();
        }
    }

    @Test
    void aUserWithoutItsApiKeyIsAClearErrorWithExitCode2() throws Exception {
        Process gateway = launch("--user", "alice", "--api-key", "ka", "--user", "bob");
        assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.exitValue()).isEqualTo(2);
    }
}
