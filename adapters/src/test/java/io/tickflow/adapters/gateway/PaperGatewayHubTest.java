package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Single;
import io.tickflow.adapters.gateway.hubs.HubBroadcaster;
import io.tickflow.adapters.testing.Await;
import io.tickflow.engine.model.Side;

/**
 * The hubs through the real Microsoft SignalR Java client over loopback: subscriptions,
 * the events' names and payloads, and the hub faults.
 */
class PaperGatewayHubTest {
    private PaperGateway gateway;
    private RestClient rest;
    private String es;
    private long account;
    private final List<HubConnection> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        gateway = PaperGateway.builder().user("demo", "secret-key").keepAlive(Duration.ofSeconds(5)).build().start();
        rest = new RestClient(gateway.url());
        es = gateway.contracts().stream().filter(c -> c.contract().symbol().equals("ES")).findFirst().orElseThrow().id();
        rest.login("demo", "secret-key");
        account = rest.firstAccountId();
    }

    @AfterEach
    void stop() {
        connections.stream().filter(c -> c.getConnectionState() == HubConnectionState.CONNECTED)
                .forEach(c -> c.stop().blockingAwait());
        rest.close();
        gateway.close();
    }

    private HubConnection connect(String hub, boolean skipNegotiation) {
        String token = rest.token;
        HubConnection c = HubConnectionBuilder.create(gateway.url() + "/hubs/" + hub)
                .withTransport(TransportEnum.WEBSOCKETS)
                .shouldSkipNegotiate(skipNegotiation)
                .withAccessTokenProvider(Single.defer(() -> Single.just(token)))
                .build();
        connections.add(c);
        return c;
    }

    /** Opens a user-hub connection subscribed to accounts and to the account's orders, positions and trades. */
    private void openSubscribedToAll(HubConnection user) {
        open(user);
        user.invoke("SubscribeAccounts").blockingAwait();
        user.invoke("SubscribeOrders", account).blockingAwait();
        user.invoke("SubscribePositions", account).blockingAwait();
        user.invoke("SubscribeTrades", account).blockingAwait();
    }

    private static void open(HubConnection c) {
        c.start().blockingAwait();
        assertThat(c.getConnectionState()).isEqualTo(HubConnectionState.CONNECTED);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void quotesTradesAndDepthReachMarketHubSubscribersWithTheContractIdFirst() {
        gateway.quote(es, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 12);
        HubConnection market = connect("market", true);
        List<Object[]> quotes = new CopyOnWriteArrayList<>();
        List<Object[]> trades = new CopyOnWriteArrayList<>();
        List<Object[]> depth = new CopyOnWriteArrayList<>();
        market.on("GatewayQuote", (id, q) -> quotes.add(new Object[] {id, q}), String.class, Map.class);
        market.on("GatewayTrade", (id, t) -> trades.add(new Object[] {id, t}), String.class, List.class);
        market.on("GatewayDepth", (id, d) -> depth.add(new Object[] {id, d}), String.class, List.class);
        open(market);
        market.invoke("SubscribeContractQuotes", es).blockingAwait();
        market.invoke("SubscribeContractTrades", es).blockingAwait();
        market.invoke("SubscribeContractMarketDepth", es).blockingAwait();

        Await.until("the last quote on subscribing", () -> !quotes.isEmpty());
        gateway.trade(es, new BigDecimal("6800.25"), 3, Side.BUY);
        gateway.quote(es, new BigDecimal("6800.25"), 4, new BigDecimal("6800.50"), 9);
        Await.until("a trade and depth", () -> !trades.isEmpty() && !depth.isEmpty() && quotes.size() >= 3);

        assertThat(quotes.get(0)[0]).isEqualTo(es);
        Map quote = (Map) quotes.get(quotes.size() - 1)[1];
        assertThat(quote).containsKeys("symbol", "symbolName", "lastPrice", "bestBid", "bestAsk", "change",
                "changePercent", "open", "high", "low", "volume", "lastUpdated", "timestamp");
        assertThat(quote.get("symbol")).isEqualTo("F.US.EP");
        assertThat(((Number) quote.get("bestBid")).doubleValue()).isEqualTo(6800.25);
        assertThat(((Number) quote.get("lastPrice")).doubleValue()).isEqualTo(6800.25);
        Map trade = (Map) ((List) trades.get(0)[1]).get(0);
        assertThat(trade).containsKeys("symbolId", "price", "timestamp", "type", "volume");
        assertThat(((Number) trade.get("volume")).longValue()).isEqualTo(3);
        assertThat(((Number) trade.get("type")).intValue()).as("buyer aggressor").isZero();
        Map level = (Map) ((List) depth.get(depth.size() - 1)[1]).get(0);
        assertThat(level).containsKeys("timestamp", "type", "price", "volume", "currentVolume");

        market.invoke("UnsubscribeContractQuotes", es).blockingAwait();
        int seen = quotes.size();
        gateway.quote(es, new BigDecimal("6801.00"), 4, new BigDecimal("6801.25"), 9);
        gateway.trade(es, new BigDecimal("6801.25"), 1, Side.BUY);
        Await.until("the trade after the quote", () -> trades.size() >= 2);
        assertThat(quotes).as("no quotes after unsubscribing").hasSize(seen);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void ordersTradesPositionsAndAccountsReachUserHubSubscribersWrappedWithAnAction() {
        HubConnection user = connect("user", false);
        List<Map> orders = new CopyOnWriteArrayList<>();
        List<Map> trades = new CopyOnWriteArrayList<>();
        List<Map> positions = new CopyOnWriteArrayList<>();
        List<Map> accounts = new CopyOnWriteArrayList<>();
        user.on("GatewayUserOrder", orders::add, Map.class);
        user.on("GatewayUserTrade", trades::add, Map.class);
        user.on("GatewayUserPosition", positions::add, Map.class);
        user.on("GatewayUserAccount", accounts::add, Map.class);
        openSubscribedToAll(user);

        gateway.quote(es, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 12);
        rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\",\"type\":2,\"side\":0,\"size\":1,\"customTag\":\"t-1\"}");
        Await.until("order, trade, position and account events",
                () -> orders.size() >= 2 && !trades.isEmpty() && !positions.isEmpty() && !accounts.isEmpty());

        Map created = orders.get(0);
        assertThat(((Number) created.get("action")).intValue()).isZero();
        Map order = (Map) created.get("data");
        assertThat(order).containsKeys("id", "accountId", "contractId", "symbolId", "creationTimestamp",
                "updateTimestamp", "status", "type", "side", "size", "limitPrice", "stopPrice", "fillVolume",
                "filledPrice", "customTag");
        assertThat(order.get("customTag")).isEqualTo("t-1");
        assertThat(((Number) order.get("status")).intValue()).as("a market order starts Pending").isEqualTo(6);
        Map filled = (Map) orders.get(orders.size() - 1).get("data");
        assertThat(((Number) filled.get("status")).intValue()).isEqualTo(2);
        assertThat(((Number) filled.get("fillVolume")).longValue()).isEqualTo(1);
        Map trade = (Map) trades.get(0).get("data");
        assertThat(trade).containsKeys("id", "accountId", "contractId", "creationTimestamp", "price", "profitAndLoss",
                "fees", "side", "size", "voided", "orderId");
        Map position = (Map) positions.get(0).get("data");
        assertThat(((Number) position.get("type")).intValue()).isEqualTo(1);
        assertThat(((Number) position.get("size")).longValue()).isEqualTo(1);

        rest.post("/api/Position/closeContract", "{\"accountId\":" + account + ",\"contractId\":\"" + es + "\"}");
        Await.until("the position's close", () -> positions.stream().anyMatch(p ->
                ((Number) p.get("action")).intValue() == 2));
        Map closed = (Map) positions.get(positions.size() - 1).get("data");
        assertThat(((Number) closed.get("size")).longValue()).isZero();
        assertThat(((Number) closed.get("type")).intValue()).isZero();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aUserHubConnectionThatUnsubscribesHearsNothingMoreWhileAnotherStillSubscribedHearsItAll() {
        String[] events = {"GatewayUserOrder", "GatewayUserTrade", "GatewayUserPosition", "GatewayUserAccount"};
        HubConnection leaving = connect("user", true);
        HubConnection staying = connect("user", true);
        List<String> left = new CopyOnWriteArrayList<>();
        List<String> stayed = new CopyOnWriteArrayList<>();
        for (String event : events) {
            leaving.on(event, e -> left.add(event), Map.class);
            staying.on(event, e -> stayed.add(event), Map.class);
        }
        openSubscribedToAll(leaving);
        openSubscribedToAll(staying);
        gateway.quote(es, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 12);
        rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\",\"type\":2,\"side\":0,\"size\":1}");
        Await.until("both hear all four kinds", () -> left.containsAll(List.of(events))
                && stayed.containsAll(List.of(events)));

        leaving.invoke("UnsubscribeAccounts").blockingAwait();
        leaving.invoke("UnsubscribeOrders", account).blockingAwait();
        leaving.invoke("UnsubscribePositions", account).blockingAwait();
        leaving.invoke("UnsubscribeTrades", account).blockingAwait();
        int heardBefore = left.size();
        stayed.clear();
        rest.post("/api/Position/closeContract", "{\"accountId\":" + account + ",\"contractId\":\"" + es + "\"}");
        Await.until("the one still subscribed hears the close", () -> stayed.containsAll(List.of(events)));
        assertThat(left).as("nothing after unsubscribing").hasSize(heardBefore);
        assertThat(leaving.getConnectionState()).isEqualTo(HubConnectionState.CONNECTED);
    }

    @Test
    void subscribingToAnotherUsersAccountOrAnUnknownContractIsRefused() {
        HubConnection user = connect("user", true);
        open(user);
        AtomicReference<Throwable> error = new AtomicReference<>();
        user.invoke("SubscribeOrders", 99_999L).doOnError(error::set).onErrorComplete().blockingAwait();
        assertThat(error.get()).hasMessageContaining("Account 99999 not found");
        HubConnection market = connect("market", true);
        open(market);
        market.invoke("SubscribeContractQuotes", "CON.F.US.XX.Z99").doOnError(error::set).onErrorComplete()
                .blockingAwait();
        assertThat(error.get()).hasMessageContaining("not found");
        assertThat(market.getConnectionState()).as("the connection stays open").isEqualTo(HubConnectionState.CONNECTED);
    }

    @Test
    void aDroppedSocketClosesTheClientsConnectionAndItCanReconnect() {
        HubConnection market = connect("market", true);
        AtomicReference<Exception> closed = new AtomicReference<>();
        market.onClosed(e -> closed.set(e == null ? new Exception("closed") : e));
        open(market);
        Await.until("the gateway to count the connection", () -> gateway.hubConnections("market") == 1);
        gateway.dropHubSockets("market");
        Await.until("the client to notice", () -> closed.get() != null);
        open(market);
        market.invoke("SubscribeContractQuotes", es).blockingAwait();
    }

    @Test
    void loggingInElsewhereEndsTheSessionWithAnErrorAndRevokesTheToken() {
        HubConnection user = connect("user", true);
        AtomicReference<Exception> closed = new AtomicReference<>();
        user.onClosed(e -> closed.set(e == null ? new Exception("no error") : e));
        open(user);
        gateway.logOutElsewhere("demo");
        Await.until("the close", () -> closed.get() != null);
        assertThat(closed.get()).hasMessageContaining("logged in from another location");
        assertThat(rest.post("/api/Account/search", "{}").status()).isEqualTo(401);
    }

    @Test
    void hubFaultsDuplicateDelayAndReorderEvents() {
        HubConnection market = connect("market", true);
        List<String> prices = new CopyOnWriteArrayList<>();
        market.on("GatewayTrade", (id, t) -> prices.add(String.valueOf(((Map<?, ?>) t.get(0)).get("price"))),
                String.class, List.class);
        open(market);
        market.invoke("SubscribeContractTrades", es).blockingAwait();

        gateway.faults().duplicateHubEvents(1);
        gateway.trade(es, new BigDecimal("6800.00"), 1, Side.BUY);
        Await.until("the duplicate", () -> prices.size() == 2);
        assertThat(prices).containsExactly("6800.0", "6800.0");

        gateway.faults().reorderHubEvents(3);
        gateway.trade(es, new BigDecimal("6801.00"), 1, Side.BUY);
        gateway.trade(es, new BigDecimal("6802.00"), 1, Side.BUY);
        gateway.trade(es, new BigDecimal("6803.00"), 1, Side.BUY);
        Await.until("the reordered three", () -> prices.size() == 5);
        assertThat(prices.subList(2, 5)).containsExactly("6803.0", "6802.0", "6801.0");

        gateway.faults().delayHubEvents(Duration.ofMillis(300));
        long sent = System.nanoTime();
        gateway.trade(es, new BigDecimal("6804.00"), 1, Side.BUY);
        Await.until("the delayed event", () -> prices.size() == 6);
        assertThat(System.nanoTime() - sent).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    }

    @Test
    @SuppressWarnings("rawtypes")
    void reorderedEventsAreSentWithinASecondWhenFewerThanAskedForCome() {
        HubConnection user = connect("user", true);
        List<Map> orders = new CopyOnWriteArrayList<>();
        user.on("GatewayUserOrder", orders::add, Map.class);
        open(user);
        user.invoke("SubscribeOrders", account).blockingAwait();
        gateway.quote(es, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 12);

        gateway.faults().reorderHubEvents(10);
        long held = System.nanoTime();
        long id = rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\",\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790}").json().path("orderId").asLong();
        rest.post("/api/Order/cancel", "{\"accountId\":" + account + ",\"orderId\":" + id + "}");
        Await.until("the held events", () -> orders.size() >= 2);
        assertThat(System.nanoTime() - held).as("held until the hold's time was up")
                .isGreaterThanOrEqualTo(Duration.ofMillis(HubBroadcaster.MAX_HOLD_MILLIS).toNanos());
        Map first = (Map) orders.get(0).get("data");
        Map last = orders.get(orders.size() - 1);
        assertThat(((Number) first.get("status")).intValue()).as("the cancel comes first: reversed").isEqualTo(3);
        assertThat(((Number) last.get("action")).intValue()).as("the creation comes last").isZero();
        assertThat(((Number) ((Map) last.get("data")).get("status")).intValue()).isEqualTo(1);
    }
}
