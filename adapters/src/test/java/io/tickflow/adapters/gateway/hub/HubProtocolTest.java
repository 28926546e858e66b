package io.tickflow.adapters.gateway.hub;

import static io.tickflow.adapters.gateway.hub.RawClient.RS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import io.tickflow.adapters.testing.Await;

/** The hub protocol's edge cases, driven by a bare WebSocket client. */
class HubProtocolTest {
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDSHAKE = "{\"protocol\":\"json\",\"version\":1}" + RS;

    private HubServer server;
    private final List<RawClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new HubServer();
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(RawClient::close);
        server.close();
    }

    @AfterAll
    static void stopClient() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    private String wsUrl() {
        return server.url("ws") + "?access_token=" + HubServer.ALICE_TOKEN;
    }

    private RawClient open(String url) {
        RawClient client = new RawClient(HTTP, url);
        clients.add(client);
        return client;
    }

    private RawClient connect() throws InterruptedException {
        RawClient client = RawClient.connected(HTTP, wsUrl());
        clients.add(client);
        return client;
    }

    private static String invocation(String id, String target, String argument) {
        String invocationId = id == null ? "" : "\"invocationId\":\"" + id + "\",";
        return "{\"type\":1," + invocationId + "\"target\":\"" + target + "\",\"arguments\":[\"" + argument + "\"]}"
                + RS;
    }

    @Test
    void theHandshakeIsAnsweredWithAnEmptyObjectAndTheSessionOpens() throws Exception {
        RawClient client = open(wsUrl());
        client.send(HANDSHAKE);

        assertThat(client.next()).isEqualTo("{}");
        Await.until("the session is open", () -> server.hub.sessions().size() == 1);
        HubSession session = server.hub.sessions().iterator().next();
        assertThat(session.userName()).isEqualTo("alice");
        assertThat(session.isOpen()).isTrue();
        // the session is listed before the handshake is answered, the hub's methods told after
        Await.until("the hub's methods hear the connection", () -> !server.methods.connected.isEmpty());
        assertThat(server.methods.connected).containsExactly(session);
    }

    @Test
    void anUnsupportedProtocolIsAnsweredWithAnErrorThenClosed() throws Exception {
        RawClient client = open(wsUrl());
        client.send("{\"protocol\":\"messagepack\",\"version\":1}" + RS);

        assertThat(client.next()).isEqualTo("{\"error\":\"The protocol 'messagepack' is not supported.\"}");
        client.awaitClose();
        assertThat(server.methods.connected).isEmpty();
    }

    @Test
    void anUnsupportedVersionIsAnsweredWithAnErrorThenClosed() throws Exception {
        RawClient client = open(wsUrl());
        client.send("{\"protocol\":\"json\",\"version\":7}" + RS);

        assertThat(client.next())
                .isEqualTo("{\"error\":\"The server does not support version 7 of the 'json' protocol.\"}");
        client.awaitClose();
    }

    @Test
    void aMessageBeforeTheHandshakeIsAnsweredWithAnErrorThenClosed() throws Exception {
        RawClient client = open(wsUrl());
        client.send("{\"type\":6}" + RS);

        assertThat(JSON.readTree(client.next()).path("error").asText()).isNotEmpty();
        client.awaitClose();
    }

    @Test
    void aSocketThatSendsNoHandshakeIsClosedAfterTheHandshakeTimeout() throws Exception {
        server.close();
        server = new HubServer(Duration.ofSeconds(15), Duration.ofMillis(200));
        RawClient client = open(wsUrl());
        client.opened.get(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        client.awaitClose();
        assertThat(client.hasNoMessage()).isTrue();
        assertThat(server.methods.connected).isEmpty();
    }

    @Test
    void theHandshakeAndInvocationsCanShareOneFrame() throws Exception {
        RawClient client = open(wsUrl());
        client.send(HANDSHAKE + invocation("1", "Echo", "a") + invocation("2", "Echo", "b"));

        assertThat(client.next()).isEqualTo("{}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"a\"}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"2\",\"result\":\"b\"}");
    }

    @Test
    void severalMessagesInOneFrameAreAllAnsweredInOrder() throws Exception {
        RawClient client = connect();
        client.send(invocation("1", "Echo", "a") + "{\"type\":6}" + RS + invocation("2", "Void", "b")
                + invocation("3", "Echo", "c"));

        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"a\"}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"2\"}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"3\",\"result\":\"c\"}");
    }

    @Test
    void aMessageSplitAcrossTwoFramesIsReassembled() throws Exception {
        RawClient client = connect();
        String message = invocation("1", "Echo", "split");
        client.send(message.substring(0, 20));
        client.send(message.substring(20) + invocation("2", "Echo", "whole").substring(0, 5));
        client.send(invocation("2", "Echo", "whole").substring(5));

        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"split\"}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"2\",\"result\":\"whole\"}");
    }

    @Test
    void binaryFramesCarryTheSameMessages() throws Exception {
        RawClient client = open(wsUrl());
        client.sendBinary(HANDSHAKE + invocation("1", "Echo", "b\u00e9"));

        assertThat(client.next()).isEqualTo("{}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"b\u00e9\"}");
    }

    @Test
    void methodNamesMatchCaseInsensitivelyAndPropertyNamesDoNot() throws Exception {
        RawClient client = connect();
        client.send(invocation("1", "eCHO", "any case"));
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"any case\"}");
        assertThat(server.methods.calls).containsExactly("Echo[\"any case\"]");

        client.send("{\"Type\":1,\"invocationId\":\"2\",\"target\":\"Echo\",\"arguments\":[\"x\"]}" + RS);
        assertThat(JSON.readTree(client.next()).path("type").asInt()).isEqualTo(7);
        client.awaitClose();
    }

    @Test
    void anUnknownMethodIsAnsweredMethodDoesNotExistAndTheConnectionStaysOpen() throws Exception {
        RawClient client = connect();
        client.send(invocation("1", "Nope", "x") + invocation("2", "Echo", "still here"));

        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"error\":\"Method does not exist.\"}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"2\",\"result\":\"still here\"}");
    }

    @Test
    void methodFailuresAreAnsweredWithCompletionErrors() throws Exception {
        RawClient client = connect();
        client.send(invocation("1", "Fail", "no") + invocation("2", "Boom", "x") + invocation("3", "Echo", "ok"));

        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"error\":\"Refused: no\"}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"2\","
                + "\"error\":\"An unexpected error occurred invoking 'Boom' on the server.\"}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"3\",\"result\":\"ok\"}");
    }

    @Test
    void anInvocationWithoutInvocationIdGetsNoReply() throws Exception {
        RawClient client = connect();
        client.send(invocation(null, "Echo", "forget") + invocation(null, "Fail", "forget")
                + invocation(null, "Nope", "forget") + invocation("1", "Echo", "answered"));

        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"answered\"}");
        assertThat(server.methods.calls)
                .containsExactly("Echo[\"forget\"]", "Fail[\"forget\"]", "Echo[\"answered\"]");
    }

    @Test
    void aStreamInvocationIsAnsweredWithACompletionErrorAndCancelIsIgnored() throws Exception {
        RawClient client = connect();
        client.send("{\"type\":4,\"invocationId\":\"1\",\"target\":\"Echo\",\"arguments\":[\"x\"]}" + RS
                + "{\"type\":5,\"invocationId\":\"1\"}" + RS + invocation("2", "Echo", "after"));

        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"error\":"
                + "\"The client attempted to invoke the non-streaming 'Echo' method with a streaming invocation.\"}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"2\",\"result\":\"after\"}");
    }

    @Test
    void serverEventsAreInvocationsWithoutInvocationId() throws Exception {
        RawClient client = connect();
        client.send(invocation("1", "Push", "hello"));

        assertThat(client.next()).isEqualTo("{\"type\":1,\"target\":\"Event\",\"arguments\":[\"hello\"]}");
        assertThat(client.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\"}");
    }

    @Test
    void anIdleConnectionIsPingedByTheServer() throws Exception {
        server.close();
        server = new HubServer(Duration.ofMillis(200), Duration.ofSeconds(15));
        RawClient client = connect();

        assertThat(client.next()).isEqualTo("{\"type\":6}");
        assertThat(client.next()).isEqualTo("{\"type\":6}");
    }

    @Test
    void aMalformedFrameClosesOnlyThatConnection() throws Exception {
        RawClient bad = connect();
        RawClient good = connect();
        Await.until("both are connected", () -> server.methods.connected.size() == 2);

        bad.send("{not json" + RS);

        JsonNode close = JSON.readTree(bad.next());
        assertThat(close.path("type").asInt()).isEqualTo(7);
        assertThat(close.path("error").asText()).startsWith("Connection closed with an error.");
        assertThat(close.has("allowReconnect")).isFalse();
        bad.awaitClose();
        Await.until("the bad connection is gone", () -> server.methods.disconnected.size() == 1);
        good.send(invocation("1", "Echo", "fine"));
        assertThat(good.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"fine\"}");
        assertThat(server.hub.sessions()).hasSize(1);
    }

    @Test
    void invalidMessagesCloseTheConnectionWithAnError() throws Exception {
        List<String> invalid = List.of("{\"target\":\"Echo\",\"arguments\":[]}", "{\"type\":\"1\"}", "{\"type\":99}",
                "[1]", "{\"type\":1,\"invocationId\":\"1\",\"target\":5,\"arguments\":[]}",
                "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Echo\",\"arguments\":{}}",
                "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Echo\"}");
        for (String message : invalid) {
            RawClient client = connect();
            client.send(message + RS);

            JsonNode close = JSON.readTree(client.next());
            assertThat(close.path("type").asInt()).as(message).isEqualTo(7);
            assertThat(close.path("error").isTextual()).as(message).isTrue();
            client.awaitClose();
        }
        assertThat(server.methods.calls).isEmpty();
    }

    @Test
    void aClientCloseMessageEndsTheConnection() throws Exception {
        RawClient client = connect();
        client.send("{\"type\":7}" + RS);

        client.awaitClose();
        Await.until("the hub saw the disconnect", () -> server.methods.disconnected.size() == 1);
        assertThat(server.hub.sessions()).isEmpty();
    }

    @Test
    void aServerCloseSendsACloseMessageThenClosesTheSocket() throws Exception {
        RawClient client = connect();
        Await.until("the session is open", () -> server.hub.sessions().size() == 1);
        HubSession session = server.hub.sessions().iterator().next();

        session.close("Session ended by the server", true);

        assertThat(client.next())
                .isEqualTo("{\"type\":7,\"error\":\"Session ended by the server\",\"allowReconnect\":true}");
        client.awaitClose();
        Await.until("the hub saw the disconnect", () -> server.methods.disconnected.size() == 1);
        assertThat(session.isOpen()).isFalse();
        session.send("Event", "dropped");
        assertThat(server.methods.disconnected).containsExactly(session);
    }

    @Test
    void anAbortDropsTheSocketWithoutACloseMessage() throws Exception {
        RawClient client = connect();
        Await.until("the session is open", () -> server.hub.sessions().size() == 1);
        HubSession session = server.hub.sessions().iterator().next();

        session.abort();

        assertThat(client.awaitClose()).isEqualTo(-1);
        assertThat(client.hasNoMessage()).isTrue();
        assertThat(server.methods.disconnected).containsExactly(session);
        assertThat(server.hub.sessions()).isEmpty();
    }

    @Test
    void sendsFromManyThreadsKeepEachThreadsOrder() throws Exception {
        RawClient client = connect();
        Await.until("the session is open", () -> server.hub.sessions().size() == 1);
        HubSession session = server.hub.sessions().iterator().next();
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    session.send("Seq", thread, i);
                }
            });
        }
        start.countDown();

        int[] nextByThread = new int[threads];
        for (int received = 0; received < threads * perThread; received++) {
            JsonNode message = JSON.readTree(client.nextIgnoringPings());
            assertThat(message.path("target").asText()).isEqualTo("Seq");
            int thread = message.path("arguments").get(0).asInt();
            assertThat(message.path("arguments").get(1).asInt()).isEqualTo(nextByThread[thread]++);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void aClientThatStopsReadingIsDroppedOnceItsBacklogIsFullAndTheOthersKeepTheirEvents() throws Exception {
        // a fixed receive buffer (no autotuning, which may grow it to tens of MB) so the backlog builds at once
        OkHttpClient smallBuffers = HTTP.newBuilder().socketFactory(new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(64 << 10);
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }
        }).build();
        RawClient slow = RawClient.connected(smallBuffers, wsUrl());
        clients.add(slow);
        RawClient reader = connect();
        Await.until("both sessions are open", () -> server.hub.sessions().size() == 2);
        slow.stopReading();
        // random text, which the connection's permessage-deflate cannot shrink
        Random random = new Random(42);
        char[] payload = new char[4_000];
        // far more than the server's socket buffer (autotuned to at most a few MB) and the outbox bound hold
        int events = 4 * HubConnection.MAX_PENDING_CHARS / payload.length;
        int sent = 0;
        while (sent < events && server.hub.sessions().size() == 2) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (char) ('!' + random.nextInt(90));
            }
            String text = new String(payload);
            for (HubSession s : server.hub.sessions()) {
                s.send("Event", sent, text);
            }
            // paced by the client that reads, so only the other one falls behind
            assertThat(JSON.readTree(reader.nextIgnoringPings()).path("arguments").get(0).asInt()).isEqualTo(sent);
            sent++;
        }

        Await.until("the client that stopped reading is dropped", () -> server.hub.sessions().size() == 1);
        assertThat(server.methods.disconnected).hasSize(1);
        assertThat(sent).as("events sent before the drop").isLessThan(events);
        server.hub.sessions().iterator().next().send("Event", sent, "after");
        assertThat(JSON.readTree(reader.nextIgnoringPings()).path("arguments").get(1).asText()).isEqualTo("after");
    }

    @Test
    void closingTheHubClosesEverySessionWithACloseMessage() throws Exception {
        RawClient first = connect();
        RawClient second = connect();

        server.hub.close();

        assertThat(first.next()).isEqualTo("{\"type\":7}");
        assertThat(second.next()).isEqualTo("{\"type\":7}");
        first.awaitClose();
        second.awaitClose();
        Await.until("the hub saw both disconnects", () -> server.methods.disconnected.size() == 2);
    }

    @Test
    void negotiateAnswersAConnectionTokenThatOpensOneSocket() throws Exception {
        JsonNode negotiated = negotiate(HubServer.ALICE_TOKEN);
        assertThat(negotiated.path("negotiateVersion").asInt()).isEqualTo(1);
        assertThat(negotiated.path("connectionId").asText()).isNotEmpty();
        assertThat(negotiated.path("availableTransports").get(0).path("transport").asText()).isEqualTo("WebSockets");
        assertThat(negotiated.path("availableTransports").get(0).path("transferFormats"))
                .extracting(JsonNode::asText).containsExactly("Text", "Binary");
        String url = wsUrl() + "&id=" + negotiated.path("connectionToken").asText();

        RawClient first = RawClient.connected(HTTP, url);
        clients.add(first);
        Await.until("the session is open", () -> server.hub.sessions().size() == 1);
        assertThat(server.hub.sessions().iterator().next().id()).isEqualTo(negotiated.path("connectionId").asText());

        assertThat(open(url).awaitRefusal()).isEqualTo(409);
    }

    @Test
    void anUnknownConnectionTokenIsRefusedWith404() throws Exception {
        assertThat(open(wsUrl() + "&id=unknown").awaitRefusal()).isEqualTo(404);
    }

    @Test
    void aConnectionTokenIsForgottenOnceItsSocketEnds() throws Exception {
        String url = wsUrl() + "&id=" + negotiate(HubServer.ALICE_TOKEN).path("connectionToken").asText();
        RawClient first = RawClient.connected(HTTP, url);
        clients.add(first);
        first.send("{\"type\":7}" + RS);
        first.awaitClose();
        Await.until("the hub saw the disconnect", () -> server.methods.disconnected.size() == 1);

        assertThat(open(url).awaitRefusal()).isEqualTo(404);
    }

    @Test
    void anotherUsersConnectionTokenIsRefusedWith403() throws Exception {
        String token = negotiate(HubServer.ALICE_TOKEN).path("connectionToken").asText();
        String url = server.url("ws") + "?access_token=" + HubServer.BOB_TOKEN + "&id=" + token;

        assertThat(open(url).awaitRefusal()).isEqualTo(403);
    }

    @Test
    void aMissingOrUnknownTokenIsRefusedWith401() throws Exception {
        assertThat(negotiateStatus(null)).isEqualTo(401);
        assertThat(negotiateStatus("stolen")).isEqualTo(401);
        assertThat(open(server.url("ws")).awaitRefusal()).isEqualTo(401);
        assertThat(open(server.url("ws") + "?access_token=stolen").awaitRefusal()).isEqualTo(401);
    }

    @Test
    void theTokenMayComeAsABearerHeader() throws Exception {
        assertThat(negotiateStatus(HubServer.BOB_TOKEN)).isEqualTo(200);
        Request request = new Request.Builder().url(server.url("ws"))
                .header("Authorization", "Bearer " + HubServer.BOB_TOKEN).build();
        RawClient client = new RawClient(HTTP, request);
        clients.add(client);
        client.send(HANDSHAKE);

        assertThat(client.next()).isEqualTo("{}");
        Await.until("the session is open", () -> server.hub.sessions().size() == 1);
        assertThat(server.hub.sessions().iterator().next().userName()).isEqualTo("bob");
    }

    @Test
    void otherPathsAreLeftToOtherHandlers() throws Exception {
        Request request = new Request.Builder().url(server.url("http") + "/elsewhere").build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(404);
        }
    }

    private JsonNode negotiate(String token) throws IOException {
        try (Response response = HTTP.newCall(negotiateRequest(token)).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }

    private int negotiateStatus(String token) throws IOException {
        try (Response response = HTTP.newCall(negotiateRequest(token)).execute()) {
            return response.code();
        }
    }

    private Request negotiateRequest(String token) {
        Request.Builder request = new Request.Builder().url(server.url("http") + "/negotiate?negotiateVersion=1")
                .post(RequestBody.create(new byte[0]));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }
}
