package io.tickflow.adapters.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A bare OkHttp client for the gateway's REST API in tests: raw status and JSON, nothing interpreted. */
final class RestClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Answer(int status, String text) {
        JsonNode json() {
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + text, e);
            }
        }
    }

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    String token;

    RestClient(URI base) {
        this.base = base;
    }

    Answer post(String path, String body) {
        return post(path, body, token);
    }

    Answer post(String path, String body, String bearer) {
        Request.Builder request = new Request.Builder().url(base.resolve(path).toString())
                .post(RequestBody.create(body, JSON));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return call(request.build());
    }

    Answer get(String path) {
        return call(new Request.Builder().url(base.resolve(path).toString()).get().build());
    }

    private Answer call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body() == null ? "" : response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in and keeps the token for the calls that follow. */
    String login(String user, String apiKey) {
        Answer a = post("/api/Auth/loginKey", "{\"userName\":\"" + user + "\",\"apiKey\":\"" + apiKey + "\"}", null);
        if (a.status() != 200 || !a.json().path("success").asBoolean()) {
            throw new AssertionError("login failed: " + a);
        }
        token = a.json().path("token").asText();
        return token;
    }

    long firstAccountId() {
        return post("/api/Account/search", "{\"onlyActiveAccounts\":true}").json().path("accounts").get(0)
                .path("id").asLong();
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
