package io.tickflow.adapters.gateway;

import static io.tickflow.adapters.gateway.hub.RawClient.RS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Single;
import io.tickflow.adapters.gateway.hub.RawClient;
import io.tickflow.adapters.testing.Await;
import io.tickflow.engine.model.Side;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Every class of bad input, sent by one client while a second, well-behaved client keeps
 * trading: over REST malformed JSON, wrong types, missing fields, unknown contracts, foreign
 * and unknown accounts and huge sizes each get the envelope with an error code and a message
 * (HTTP 400 or 200, never a 500) on a connection the server keeps open; on the hubs wrong
 * argument types, unknown methods and foreign accounts get completion errors on a connection
 * that stays open, and a malformed frame closes that one connection with a Close message.
 */
class PaperGatewayBadInputTest {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PaperGateway gateway;
    private String es;
    private RestClient good;
    private long goodAccount;
    private RestClient badLogin;
    private String badToken;
    private long badAccount;
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private OkHttpClient badHttp;
    private final List<HubConnection> hubs = new CopyOnWriteArrayList<>();
    private final List<RawClient> raws = new ArrayList<>();

    @BeforeEach
    void start() {
        // the well-behaved client loops as fast as it can: the rate limits would refuse it, not the bad input
        gateway = PaperGateway.builder().user("good", "good-key").user("bad", "bad-key").rateLimits(false).build()
                .start();
        es = gateway.contracts().stream().filter(c -> c.contract().symbol().equals("ES")).findFirst().orElseThrow()
                .id();
        gateway.quote(es, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 12);
        good = new RestClient(gateway.url());
        good.login("good", "good-key");
        goodAccount = good.firstAccountId();
        badLogin = new RestClient(gateway.url());
        badToken = badLogin.login("bad", "bad-key");
        badAccount = badLogin.firstAccountId();
        badHttp = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).callTimeout(Duration.ofSeconds(10))
                .eventListener(new EventListener() {
                    @Override
                    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                        connectionsOpened.incrementAndGet();
                    }
                }).build();
    }

    @AfterEach
    void stop() {
        raws.forEach(RawClient::close);
        hubs.stream().filter(h -> h.getConnectionState() == HubConnectionState.CONNECTED)
                .forEach(h -> h.stop().blockingAwait());
        badHttp.dispatcher().executorService().shutdown();
        badHttp.connectionPool().evictAll();
        good.close();
        badLogin.close();
        gateway.close();
    }

    /** The well-behaved client's loop: place a limit, find it, cancel it; any other answer is a failure. */
    private final class WellBehaved implements AutoCloseable {
        final AtomicInteger rounds = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread thread = new Thread(this::loop, "well-behaved-client");

        WellBehaved() {
            thread.start();
            Await.until("the well-behaved client's first round", () -> rounds.get() > 0 || !failures.isEmpty());
        }

        private void loop() {
            while (running.get()) {
                try {
                    JsonNode placed = good.post("/api/Order/place", "{\"accountId\":" + goodAccount + ",\"contractId\":\""
                            + es + "\",\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790}").json();
                    expect(placed.path("success").asBoolean(), "place: " + placed);
                    long id = placed.path("orderId").asLong();
                    JsonNode open = good.post("/api/Order/searchOpen", "{\"accountId\":" + goodAccount + "}").json();
                    expect(open.path("orders").size() == 1 && open.path("orders").get(0).path("id").asLong() == id,
                            "searchOpen: " + open);
                    JsonNode cancelled = good.post("/api/Order/cancel", "{\"accountId\":" + goodAccount
                            + ",\"orderId\":" + id + "}").json();
                    expect(cancelled.path("success").asBoolean(), "cancel: " + cancelled);
                    rounds.incrementAndGet();
                } catch (RuntimeException | AssertionError e) {
                    failures.add(String.valueOf(e));
                }
            }
        }

        private void expect(boolean ok, String what) {
            if (!ok) {
                failures.add(what);
            }
        }

        /** Waits for one more full round after the bad input, then stops. */
        @Override
        public void close() throws InterruptedException {
            int seen = rounds.get();
            Await.until("a round after the bad input", () -> rounds.get() > seen || !failures.isEmpty());
            running.set(false);
            thread.join(Await.TIMEOUT.toMillis());
            assertThat(failures).as("the well-behaved client was served throughout").isEmpty();
            assertThat(rounds.get()).isGreaterThan(1);
        }
    }

    private record Bad(String path, String body) {
        @Override
        public String toString() {
            return path + " " + (body.length() > 160 ? body.substring(0, 160) + "… (" + body.length() + " chars)" : body);
        }
    }

    /** Sends one bad request on the bad client's kept-alive connection. */
    private JsonNode send(Bad bad, int expectedStatus, int expectedCode) throws IOException {
        Request request = new Request.Builder().url(gateway.url().resolve(bad.path).toString())
                .header("Authorization", "Bearer " + badToken).post(RequestBody.create(bad.body, JSON)).build();
        try (Response response = badHttp.newCall(request).execute()) {
            String full = response.body().string();
            String text = full.length() > 400 ? full.substring(0, 400) + "…" : full;
            assertThat(response.code()).as(bad + " → " + text).isEqualTo(expectedStatus);
            assertThat(response.header("Connection")).as(bad + ": the server keeps the connection").isNotEqualTo("close");
            JsonNode body = MAPPER.readTree(full);
            assertThat(body.path("success").isBoolean() && !body.path("success").asBoolean()).as(bad + " → " + text)
                    .isTrue();
            assertThat(body.path("errorCode").isInt()).as(bad + " → " + text).isTrue();
            assertThat(body.path("errorCode").asInt()).as(bad + " → " + text).isEqualTo(expectedCode);
            assertThat(body.path("errorMessage").asText()).as(bad + " → " + text).isNotBlank();
            return body;
        }
    }

    private String place(String fields) {
        return "{\"accountId\":" + badAccount + ",\"contractId\":\"" + es + "\"," + fields + "}";
    }

    @Test
    void badRestInputGetsTheEnvelopeOnAKeptConnectionWhileAnotherClientKeepsTrading() throws Exception {
        try (WellBehaved other = new WellBehaved()) {
            // malformed JSON: 400 with the endpoint's UnknownError
            for (String body : new String[] {"{\"accountId\": 1,", "not json", "{\"accountId\":}", "{'a':1}",
                    "{\"a\":1}}", "\"a string\"", "[1,2,3]", "\u0000\u0001"}) {
                send(new Bad("/api/Order/place", body), 400, 7);
            }
            send(new Bad("/api/Order/cancel", "{\"accountId\""), 400, 5);
            send(new Bad("/api/Position/closeContract", "nope"), 400, 7);
            // wrong types
            send(new Bad("/api/Order/place", place("\"type\":\"Limit\",\"side\":0,\"size\":1,\"limitPrice\":6790")),
                    400, 7);
            send(new Bad("/api/Order/place", place("\"type\":1,\"side\":\"Bid\",\"size\":1,\"limitPrice\":6790")),
                    400, 7);
            send(new Bad("/api/Order/place", place("\"type\":1,\"side\":0,\"size\":\"one\",\"limitPrice\":6790")),
                    400, 7);
            send(new Bad("/api/Order/place", place("\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":\"high\"")),
                    400, 7);
            send(new Bad("/api/Order/place", place("\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790,"
                    + "\"customTag\":5")), 400, 7);
            send(new Bad("/api/Order/place", "{\"accountId\":\"" + badAccount + "\",\"contractId\":\"" + es
                    + "\",\"type\":2,\"side\":0,\"size\":1}"), 400, 7);
            send(new Bad("/api/Order/cancel", "{\"accountId\":" + badAccount + ",\"orderId\":{}}"), 400, 5);
            send(new Bad("/api/Order/search", "{\"accountId\":" + badAccount + ",\"startTimestamp\":\"yesterday\"}"),
                    400, 1);
            send(new Bad("/api/Account/search", "{\"onlyActiveAccounts\":1}"), 400, 0);
            send(new Bad("/api/Contract/searchById", "{\"contractId\":[\"" + es + "\"]}"), 400, 1);
            // missing fields
            send(new Bad("/api/Order/place", "{\"accountId\":" + badAccount + ",\"type\":2,\"side\":0,\"size\":1}"),
                    400, 7);
            send(new Bad("/api/Order/place", ""), 400, 7);
            send(new Bad("/api/Order/cancel", "{\"accountId\":" + badAccount + "}"), 400, 5);
            send(new Bad("/api/Order/modify", "{\"orderId\":1}"), 400, 5);
            send(new Bad("/api/Position/partialCloseContract", "{\"accountId\":" + badAccount + ",\"contractId\":\""
                    + es + "\"}"), 400, 8);
            send(new Bad("/api/History/retrieveBars", "{\"contractId\":\"" + es + "\"}"), 400, 1);
            send(new Bad("/api/Auth/loginKey", "{\"userName\":\"bad\"}"), 400, 8);
            // unknown contract: the business codes, HTTP 200
            send(new Bad("/api/Order/place", "{\"accountId\":" + badAccount + ",\"contractId\":\"CON.F.US.XX.Z99\","
                    + "\"type\":2,\"side\":0,\"size\":1}"), 200, 8);
            send(new Bad("/api/Contract/searchById", "{\"contractId\":\"CON.F.US.XX.Z99\"}"), 200, 1);
            send(new Bad("/api/Position/closeContract", "{\"accountId\":" + badAccount
                    + ",\"contractId\":\"CON.F.US.XX.Z99\"}"), 200, 3);
            send(new Bad("/api/History/retrieveBars", "{\"contractId\":\"nope\",\"live\":false,"
                    + "\"startTime\":\"2020-01-01T00:00:00Z\",\"endTime\":\"2100-01-01T00:00:00Z\",\"unit\":2,"
                    + "\"unitNumber\":1,\"limit\":10,\"includePartialBar\":false}"), 200, 1);
            // a foreign account (the good client's) and an unknown one: AccountNotFound, nothing touched
            for (long account : new long[] {goodAccount, 424_242}) {
                send(new Bad("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                        + "\",\"type\":2,\"side\":1,\"size\":1}"), 200, 1);
                send(new Bad("/api/Order/searchOpen", "{\"accountId\":" + account + "}"), 200, 1);
                send(new Bad("/api/Order/search", "{\"accountId\":" + account
                        + ",\"startTimestamp\":\"2020-01-01T00:00:00Z\"}"), 200, 1);
                send(new Bad("/api/Order/cancel", "{\"accountId\":" + account + ",\"orderId\":1}"), 200, 1);
                send(new Bad("/api/Order/modify", "{\"accountId\":" + account + ",\"orderId\":1,\"size\":2}"), 200, 1);
                send(new Bad("/api/Position/searchOpen", "{\"accountId\":" + account + "}"), 200, 1);
                send(new Bad("/api/Position/closeContract", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                        + "\"}"), 200, 1);
                send(new Bad("/api/Trade/search", "{\"accountId\":" + account + "}"), 200, 1);
            }
            // huge and impossible sizes and prices
            send(new Bad("/api/Order/place", place("\"type\":2,\"side\":0,\"size\":99999999999999999999999")), 400, 7);
            send(new Bad("/api/Order/place", place("\"type\":2,\"side\":0,\"size\":2147483648")), 400, 7);
            send(new Bad("/api/Order/place", place("\"type\":2,\"side\":0,\"size\":2147483647")), 200, 2);
            send(new Bad("/api/Order/place", place("\"type\":2,\"side\":0,\"size\":0")), 200, 2);
            send(new Bad("/api/Order/place", place("\"type\":2,\"side\":0,\"size\":-3")), 200, 2);
            send(new Bad("/api/Order/place", place("\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":1e400")), 200, 2);
            send(new Bad("/api/Order/place", place("\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":-6790")), 200, 2);
            send(new Bad("/api/Position/partialCloseContract", place("\"size\":4294967296")), 400, 8);
            send(new Bad("/api/History/retrieveBars", "{\"contractId\":\"" + es + "\",\"live\":false,"
                    + "\"startTime\":\"2020-01-01T00:00:00Z\",\"endTime\":\"2100-01-01T00:00:00Z\",\"unit\":2,"
                    + "\"unitNumber\":1,\"limit\":1000000,\"includePartialBar\":false}"), 200, 4);
            send(new Bad("/api/Order/place", place("\"type\":1,\"side\":0,\"size\":0,\"limitPrice\":6790,"
                    + "\"customTag\":\"" + "x".repeat(200_000) + "\",\"junk\":[" + "0,".repeat(100_000) + "0]")), 200, 2);
        }
        assertThat(connectionsOpened.get()).as("every bad request was answered on one kept-alive connection")
                .isEqualTo(1);
        assertThat(badLogin.post("/api/Order/searchOpen", "{\"accountId\":" + badAccount + "}").json().path("orders"))
                .as("no bad request left an order working").isEmpty();
        assertThat(good.post("/api/Position/searchOpen", "{\"accountId\":" + goodAccount + "}").json()
                .path("positions")).as("nothing reached the good client's account").isEmpty();
    }

    private HubConnection goodHub(String hub, String token) {
        HubConnection h = HubConnectionBuilder.create(gateway.url() + "/hubs/" + hub)
                .withTransport(TransportEnum.WEBSOCKETS).shouldSkipNegotiate(true)
                .withAccessTokenProvider(Single.defer(() -> Single.just(token))).build();
        hubs.add(h);
        h.start().blockingAwait();
        return h;
    }

    private RawClient badHub(String hub) throws InterruptedException {
        RawClient raw = RawClient.connected(new OkHttpClient(), gateway.url().toString().replace("http", "ws")
                + "/hubs/" + hub + "?access_token=" + badToken);
        raws.add(raw);
        return raw;
    }

    private static JsonNode json(String message) throws IOException {
        return MAPPER.readTree(message);
    }

    /** Invokes on the raw connection and returns the Completion's error. */
    private static String completionError(RawClient raw, String id, String target, String arguments)
            throws Exception {
        raw.send("{\"type\":1,\"invocationId\":\"" + id + "\",\"target\":\"" + target + "\",\"arguments\":"
                + arguments + "}" + RS);
        JsonNode completion = json(raw.nextIgnoringPings());
        assertThat(completion.path("type").asInt()).as(target + arguments).isEqualTo(3);
        assertThat(completion.path("invocationId").asText()).isEqualTo(id);
        assertThat(completion.has("result")).isFalse();
        return completion.path("error").asText();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void badHubInvocationsAreRefusedOnTheirConnectionAndAMalformedFrameClosesOnlyThatOne() throws Exception {
        HubConnection market = goodHub("market", good.token);
        List<Map> quotes = new CopyOnWriteArrayList<>();
        market.on("GatewayQuote", (id, q) -> quotes.add(q), String.class, Map.class);
        market.invoke("SubscribeContractQuotes", es).blockingAwait();
        HubConnection user = goodHub("user", good.token);
        List<Map> orders = new CopyOnWriteArrayList<>();
        user.on("GatewayUserOrder", orders::add, Map.class);
        user.invoke("SubscribeOrders", goodAccount).blockingAwait();
        Await.until("the good client's first quote", () -> !quotes.isEmpty());

        RawClient badMarket = badHub("market");
        assertThat(completionError(badMarket, "1", "SubscribeContractQuotes", "[5]")).contains("contract id");
        assertThat(completionError(badMarket, "2", "SubscribeContractQuotes", "[]")).contains("one argument");
        assertThat(completionError(badMarket, "3", "SubscribeContractQuotes", "[\"" + es + "\",\"" + es + "\"]"))
                .contains("one argument");
        assertThat(completionError(badMarket, "4", "SubscribeContractTrades", "[\"CON.F.US.XX.Z99\"]"))
                .contains("not found");
        assertThat(completionError(badMarket, "5", "PlaceOrder", "[1]")).isEqualTo("Method does not exist.");
        assertThat(completionError(badMarket, "6", "SubscribeOrders", "[" + badAccount + "]"))
                .as("a user-hub method on the market hub").isEqualTo("Method does not exist.");
        RawClient badUser = badHub("user");
        assertThat(completionError(badUser, "1", "SubscribeOrders", "[\"" + badAccount + "\"]")).contains("account id");
        assertThat(completionError(badUser, "2", "SubscribeOrders", "[1.5]")).contains("account id");
        assertThat(completionError(badUser, "3", "SubscribePositions", "[4294967296]")).contains("account id");
        assertThat(completionError(badUser, "4", "SubscribeTrades", "[{}]")).contains("account id");
        assertThat(completionError(badUser, "5", "SubscribeAccounts", "[1]")).contains("no arguments");
        assertThat(completionError(badUser, "6", "SubscribeOrders", "[" + goodAccount + "]"))
                .as("the good client's account").contains("not found");
        assertThat(completionError(badUser, "7", "SubscribeOrders", "[424242]")).contains("not found");
        assertThat(completionError(badUser, "8", "Nope", "[]")).isEqualTo("Method does not exist.");
        badUser.send("{\"type\":1,\"target\":\"Nope\",\"arguments\":[]}" + RS);
        assertThat(completionError(badUser, "9", "SubscribeOrders", "[" + badAccount + "]"))
                .as("a fire-and-forget unknown method gets no answer; the next invocation gets its own").isEmpty();
        assertThat(gateway.hubConnections(null)).as("both bad connections stay open").isEqualTo(4);

        gateway.quote(es, new BigDecimal("6801.00"), 10, new BigDecimal("6801.25"), 12);
        Await.until("the good client's quote after the bad invocations", () -> quotes.size() >= 2);

        badMarket.send("{\"type\":1,\"invocationId\":\"7\",\"target\":" + RS);
        JsonNode close = json(badMarket.nextIgnoringPings());
        assertThat(close.path("type").asInt()).as("a Close message").isEqualTo(7);
        assertThat(close.path("error").asText()).startsWith("Connection closed with an error.");
        badMarket.awaitClose();
        badUser.send("{\"type\":\"one\"}" + RS);
        JsonNode userClose = json(badUser.nextIgnoringPings());
        assertThat(userClose.path("type").asInt()).isEqualTo(7);
        assertThat(userClose.path("error").isTextual()).isTrue();
        badUser.awaitClose();
        Await.until("only the bad connections are gone", () -> gateway.hubConnections(null) == 2);

        assertThat(market.getConnectionState()).isEqualTo(HubConnectionState.CONNECTED);
        assertThat(user.getConnectionState()).isEqualTo(HubConnectionState.CONNECTED);
        int seen = quotes.size();
        gateway.trade(es, new BigDecimal("6801.25"), 2, Side.BUY);
        Await.until("the good client's next quote", () -> quotes.size() > seen);
        good.post("/api/Order/place", "{\"accountId\":" + goodAccount + ",\"contractId\":\"" + es
                + "\",\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790}");
        Await.until("the good client's order event", () -> !orders.isEmpty());
        market.invoke("SubscribeContractTrades", es).blockingAwait();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void badHandshakesAndTokensAreRefusedOnTheirSocketsWhileAGoodClientKeepsStreaming() throws Exception {
        HubConnection market = goodHub("market", good.token);
        List<Map> quotes = new CopyOnWriteArrayList<>();
        market.on("GatewayQuote", (id, q) -> quotes.add(q), String.class, Map.class);
        market.invoke("SubscribeContractQuotes", es).blockingAwait();
        Await.until("the good client's first quote", () -> !quotes.isEmpty());
        String url = gateway.url().toString().replace("http", "ws") + "/hubs/market?access_token=";

        RawClient protocol = new RawClient(new OkHttpClient(), url + badToken);
        raws.add(protocol);
        protocol.send("{\"protocol\":\"messagepack\",\"version\":1}" + RS);
        assertThat(protocol.next()).isEqualTo("{\"error\":\"The protocol 'messagepack' is not supported.\"}");
        protocol.awaitClose();
        RawClient version = new RawClient(new OkHttpClient(), url + badToken);
        raws.add(version);
        version.send("{\"protocol\":\"json\",\"version\":7}" + RS);
        assertThat(version.next()).contains("does not support version 7");
        version.awaitClose();
        RawClient early = new RawClient(new OkHttpClient(), url + badToken);
        raws.add(early);
        early.send("{\"type\":1,\"target\":\"SubscribeContractQuotes\",\"arguments\":[\"" + es + "\"]}" + RS);
        assertThat(json(early.next()).path("error").asText()).as("an invocation before the handshake").isNotEmpty();
        early.awaitClose();
        for (String token : new String[] {"", "forged." + badToken, good.token.toLowerCase(java.util.Locale.ROOT)}) {
            RawClient refused = new RawClient(new OkHttpClient(), url + token);
            raws.add(refused);
            assertThat(refused.awaitRefusal()).as("token '" + token + "'").isEqualTo(401);
        }

        assertThat(market.getConnectionState()).isEqualTo(HubConnectionState.CONNECTED);
        Await.until("only the good connection left", () -> gateway.hubConnections(null) == 1);
        int seen = quotes.size();
        gateway.quote(es, new BigDecimal("6801.00"), 10, new BigDecimal("6801.25"), 12);
        Await.until("the good client's quote after the bad sockets", () -> quotes.size() > seen);
    }
}
