package io.tickflow.adapters.gateway.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** The JSON hub protocol frame by frame, with a raw OkHttp WebSocket: what the SignalR client never shows. */
class HubProtocolTest {
    private static final String RS = "\u001e";
    private static final String HANDSHAKE = "{\"protocol\":\"json\",\"version\":1}" + RS;

    /** Echo returns its argument, Void returns nothing, Fail refuses, Boom throws, Push sends the caller an event. */
    private static final class TestMethods implements HubMethods {
        @Override
        public List<String> methodNames() {
            return List.of("Echo", "Void", "Fail", "Boom", "Push");
        }

        @Override
        public Object invoke(HubSession session, String method, List<JsonNode> arguments) throws HubMethodException {
            switch (method) {
                case "Echo":
                    return arguments.get(0).asText();
                case "Fail":
                    throw new HubMethodException("no such thing");
                case "Boom":
                    throw new IllegalStateException("bug");
                case "Push":
                    session.send("Event", "hello", 42);
                    return null;
                default:
                    return null;
            }
        }
    }

    /** One raw client socket: every text message it receives, and how it closed. */
    private static final class Client extends WebSocketListener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final BlockingQueue<String> closed = new LinkedBlockingQueue<>();
        WebSocket socket;

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            for (String message : text.split(RS)) {
                if (!message.isEmpty()) {
                    received.add(message);
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            closed.add("closed " + code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            closed.add("failed " + (response == null ? t.toString() : response.code()));
        }

        String next() throws InterruptedException {
            String m = received.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message within 10 s").isNotNull();
            return m;
        }

        String end() throws InterruptedException {
            String c = closed.poll(10, TimeUnit.SECONDS);
            assertThat(c).as("the socket ends within 10 s").isNotNull();
            return c;
        }
    }

    private Server server;
    private Hub hub;
    private String base;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        hub = new Hub("/hubs/test", new TestMethods(), token -> token.equals("good") ? "demo" : null,
                Duration.ofMillis(200), Duration.ofSeconds(2));
        server.setHandler(hub.handler(server));
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/hubs/test";
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        server.stop();
        http.dispatcher().executorService().shutdown();
    }

    private Client open(String url) {
        Client c = new Client();
        c.socket = http.newWebSocket(new Request.Builder().url(url).build(), c);
        return c;
    }

    private Client handshaken() throws InterruptedException {
        Client c = open(base + "?access_token=good");
        c.socket.send(HANDSHAKE);
        assertThat(c.next()).isEqualTo("{}");
        return c;
    }

    @Test
    void theHandshakeIsAnsweredWithAnEmptyObject() throws InterruptedException {
        handshaken();
    }

    @Test
    void anUnsupportedProtocolIsAnsweredWithAnErrorAndTheSocketCloses() throws InterruptedException {
        Client c = open(base + "?access_token=good");
        c.socket.send("{\"protocol\":\"messagepack\",\"version\":1}" + RS);
        assertThat(c.next()).contains("\"error\"").contains("messagepack");
        assertThat(c.end()).startsWith("closed");
    }

    @Test
    void severalMessagesInOneFrameAndOneMessageOverTwoFramesAreAllHandled() throws InterruptedException {
        Client c = handshaken();
        c.socket.send("{\"type\":1,\"target\":\"Echo\",\"arguments\":[\"a\"],\"invocationId\":\"1\"}" + RS
                + "{\"type\":1,\"target\":\"echo\",\"arguments\":[\"b\"],\"invocationId\":\"2\"}" + RS);
        assertThat(c.next()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"a\"}");
        assertThat(c.next()).as("names match case-insensitively").contains("\"result\":\"b\"");
        c.socket.send("{\"type\":1,\"target\":\"Echo\",");
        c.socket.send("\"arguments\":[\"c\"],\"invocationId\":\"3\"}" + RS);
        assertThat(c.next()).contains("\"invocationId\":\"3\"").contains("\"result\":\"c\"");
    }

    @Test
    void completionsCarryResultsErrorsOrNothingAndFireAndForgetGetsNoReply() throws InterruptedException {
        Client c = handshaken();
        c.socket.send("{\"type\":1,\"target\":\"Void\",\"arguments\":[]}" + RS);
        c.socket.send("{\"type\":1,\"target\":\"Void\",\"arguments\":[],\"invocationId\":\"v\"}" + RS);
        assertThat(c.next()).as("no reply to the fire-and-forget call first")
                .isEqualTo("{\"type\":3,\"invocationId\":\"v\"}");
        c.socket.send("{\"type\":1,\"target\":\"Fail\",\"arguments\":[],\"invocationId\":\"f\"}" + RS);
        assertThat(c.next()).isEqualTo("{\"type\":3,\"invocationId\":\"f\",\"error\":\"no such thing\"}");
        c.socket.send("{\"type\":1,\"target\":\"Boom\",\"arguments\":[],\"invocationId\":\"b\"}" + RS);
        assertThat(c.next()).contains("An unexpected error occurred invoking 'Boom' on the server.");
        c.socket.send("{\"type\":1,\"target\":\"Nope\",\"arguments\":[],\"invocationId\":\"n\"}" + RS);
        assertThat(c.next()).isEqualTo("{\"type\":3,\"invocationId\":\"n\",\"error\":\"Method does not exist.\"}");
        c.socket.send("{\"type\":1,\"target\":\"Push\",\"arguments\":[],\"invocationId\":\"p\"}" + RS);
        assertThat(c.next()).isEqualTo("{\"type\":1,\"target\":\"Event\",\"arguments\":[\"hello\",42]}");
        assertThat(c.next()).isEqualTo("{\"type\":3,\"invocationId\":\"p\"}");
    }

    @Test
    void anIdleConnectionIsPinged() throws InterruptedException {
        Client c = handshaken();
        assertThat(c.next()).isEqualTo("{\"type\":6}");
    }

    @Test
    void aMalformedMessageClosesThatConnectionWithACloseMessageAndOthersKeepWorking() throws InterruptedException {
        Client bad = handshaken();
        Client good = handshaken();
        bad.socket.send("{not json" + RS);
        String close = bad.next();
        assertThat(close).startsWith("{\"type\":7,\"error\":").contains("not valid JSON");
        assertThat(bad.end()).startsWith("closed");
        good.socket.send("{\"type\":1,\"target\":\"Echo\",\"arguments\":[\"still\"],\"invocationId\":\"1\"}" + RS);
        String answer = good.next();
        while (answer.equals("{\"type\":6}")) {
            answer = good.next();
        }
        assertThat(answer).contains("\"result\":\"still\"");

        Client noType = handshaken();
        noType.socket.send("{\"target\":\"Echo\"}" + RS);
        assertThat(noType.next()).startsWith("{\"type\":7");
        Client badArgs = handshaken();
        badArgs.socket.send("{\"type\":1,\"target\":\"Echo\",\"arguments\":\"x\"}" + RS);
        assertThat(badArgs.next()).startsWith("{\"type\":7");
    }

    @Test
    void theServersCloseMessageCarriesTheErrorAndReconnectHint() throws InterruptedException {
        Client c = handshaken();
        assertThat(hub.sessions()).hasSize(1);
        hub.sessions().iterator().next().close("bye", false);
        String close = c.next();
        while (close.equals("{\"type\":6}")) {
            close = c.next();
        }
        assertThat(close).isEqualTo("{\"type\":7,\"error\":\"bye\",\"allowReconnect\":false}");
        assertThat(c.end()).startsWith("closed");
    }

    private Response negotiate(String token) throws Exception {
        Request.Builder r = new Request.Builder().url(base + "/negotiate?negotiateVersion=1")
                .post(RequestBody.create(new byte[0]));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.newCall(r.build()).execute();
    }

    @Test
    void negotiationHandsOutATokenThatOpensOneSocketOnly() throws Exception {
        String connectionToken;
        try (Response r = negotiate("good")) {
            assertThat(r.code()).isEqualTo(200);
            String body = r.body().string();
            assertThat(body).contains("\"negotiateVersion\":1").contains("\"transport\":\"WebSockets\"")
                    .contains("\"connectionId\"");
            connectionToken = body.replaceAll(".*\"connectionToken\":\"([^\"]+)\".*", "$1");
        }
        try (Response r = negotiate(null)) {
            assertThat(r.code()).isEqualTo(401);
        }
        Client first = open(base + "?id=" + connectionToken + "&access_token=good");
        first.socket.send(HANDSHAKE);
        assertThat(first.next()).isEqualTo("{}");
        Client second = open(base + "?id=" + connectionToken + "&access_token=good");
        assertThat(second.end()).isEqualTo("failed 409");
        Client unknown = open(base + "?id=nope&access_token=good");
        assertThat(unknown.end()).isEqualTo("failed 404");
        Client noToken = open(base);
        assertThat(noToken.end()).isEqualTo("failed 401");
    }
}
