package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.signalr.HttpHubConnectionBuilder;
import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Single;
import io.tickflow.adapters.gateway.RestClient.Answer;
import io.tickflow.adapters.testing.Await;
import io.tickflow.engine.model.Side;

/**
 * One trader's session from sign-in to flat, as a client written against the real service
 * drives it: OkHttp for REST and the real Microsoft SignalR Java client for both hubs (the
 * market hub skipping negotiation with the token as {@code access_token}, the user hub
 * negotiating with it as a bearer header), over loopback. Every object is checked field by
 * field against the reference: exactly its field names, and the values the trades imply.
 */
class PaperGatewayEndToEndTest {
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00";
    private static final String[] QUOTE = {"symbol", "symbolName", "lastPrice", "bestBid", "bestAsk", "change",
            "changePercent", "open", "high", "low", "volume", "lastUpdated", "timestamp"};
    private static final String[] ORDER = {"id", "accountId", "contractId", "symbolId", "creationTimestamp",
            "updateTimestamp", "status", "type", "side", "size", "limitPrice", "stopPrice", "fillVolume", "filledPrice",
            "customTag"};
    private static final String[] TRADE = {"id", "accountId", "contractId", "creationTimestamp", "price",
            "profitAndLoss", "fees", "side", "size", "voided", "orderId"};
    private static final String[] POSITION = {"id", "accountId", "contractId", "contractDisplayName",
            "creationTimestamp", "type", "size", "averagePrice"};
    private static final String[] ACCOUNT = {"id", "name", "balance", "canTrade", "isVisible", "simulated"};

    private PaperGateway gateway;
    private RestClient rest;
    private final List<HubConnection> hubs = new ArrayList<>();

    @BeforeEach
    void start() {
        gateway = PaperGateway.builder().user("trader", "trader-key").build().start();
        rest = new RestClient(gateway.url());
    }

    @AfterEach
    void stop() {
        hubs.stream().filter(h -> h.getConnectionState() == HubConnectionState.CONNECTED)
                .forEach(h -> h.stop().blockingAwait());
        rest.close();
        gateway.close();
    }

    // ---- what the hubs delivered ----

    /** One user-hub event: its {@code action} and {@code data}, as received. */
    private record UserEvent(int action, JsonObject data) {
    }

    private final List<JsonObject> quotes = new CopyOnWriteArrayList<>();
    private final List<String> quoteContracts = new CopyOnWriteArrayList<>();
    private final List<UserEvent> orders = new CopyOnWriteArrayList<>();
    private final List<UserEvent> trades = new CopyOnWriteArrayList<>();
    private final List<UserEvent> positions = new CopyOnWriteArrayList<>();
    private final List<UserEvent> accounts = new CopyOnWriteArrayList<>();

    private static void record(List<UserEvent> into, JsonElement event) {
        JsonObject wrapped = event.getAsJsonObject();
        assertThat(wrapped.keySet()).as("a user event is wrapped").containsExactlyInAnyOrder("action", "data");
        into.add(new UserEvent(wrapped.get("action").getAsInt(), wrapped.getAsJsonObject("data")));
    }

    private static UserEvent awaitEvent(String what, List<UserEvent> events, Predicate<UserEvent> match) {
        return Await.value(what, () -> events.stream().filter(match).findFirst().orElse(null));
    }

    private static boolean isOrder(UserEvent e, long id, int action, int status) {
        return e.data.get("id").getAsLong() == id && e.action == action && e.data.get("status").getAsInt() == status;
    }

    // ---- checks ----

    private static void assertFields(JsonObject o, String... names) {
        assertThat(o.keySet()).as(o.toString()).containsExactlyInAnyOrder(names);
    }

    private static void assertFields(JsonNode o, String... names) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertThat(keys).as(o.toString()).containsExactlyInAnyOrder(names);
    }

    private static void assertDecimal(JsonElement e, String expected) {
        assertThat(e.getAsBigDecimal()).as(String.valueOf(e)).isEqualByComparingTo(expected);
        assertThat(e.toString()).as("a decimal written plain, as the service writes it").matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private static void assertDecimal(JsonNode n, String expected) {
        assertThat(n.isNumber()).as(n.toString()).isTrue();
        assertThat(n.decimalValue()).as(n.toString()).isEqualByComparingTo(expected);
    }

    private static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode body = a.json();
        assertThat(body.path("success").asBoolean()).as(a.text()).isTrue();
        assertThat(body.path("errorCode").asInt()).isZero();
        assertThat(body.has("errorMessage") && body.get("errorMessage").isNull()).isTrue();
        return body;
    }

    private HubConnection hub(String url, boolean skipNegotiation, String bearer) {
        HttpHubConnectionBuilder b = HubConnectionBuilder.create(url).withTransport(TransportEnum.WEBSOCKETS)
                .shouldSkipNegotiate(skipNegotiation);
        if (bearer != null) {
            b.withAccessTokenProvider(Single.defer(() -> Single.just(bearer)));
        }
        HubConnection h = b.build();
        hubs.add(h);
        return h;
    }

    @Test
    void signInSubscribeQuotePlaceModifyCancelFillAndFindItAllOverRest() {
        // sign in
        String token = rest.login("trader", "trader-key");
        assertThat(token.split("\\.")).hasSize(3);
        JsonNode accountList = ok(rest.post("/api/Account/search", "{\"onlyActiveAccounts\":true}")).path("accounts");
        assertThat(accountList).hasSize(1);
        JsonNode acc = accountList.get(0);
        assertFields(acc, ACCOUNT);
        long account = acc.path("id").asLong();
        assertDecimal(acc.path("balance"), "50000");
        assertThat(acc.path("canTrade").asBoolean() && acc.path("isVisible").asBoolean()
                && acc.path("simulated").asBoolean()).isTrue();
        JsonNode es = ok(rest.post("/api/Contract/search", "{\"searchText\":\"ES\",\"live\":false}")).path("contracts")
                .get(0);
        String esId = es.path("id").asText();
        assertThat(esId).matches("CON\\.F\\.US\\.EP\\.[FGHJKMNQUVXZ]\\d\\d");
        assertFields(es, "id", "name", "description", "tickSize", "tickValue", "activeContract", "symbolId");

        // market hub: skip negotiation, token as access_token
        gateway.quote(esId, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 12);
        HubConnection market = hub(gateway.url() + "/hubs/market?access_token=" + token, true, null);
        market.on("GatewayQuote", (id, q) -> {
            quoteContracts.add(id);
            quotes.add(q.getAsJsonObject());
        }, String.class, JsonElement.class);
        market.start().blockingAwait();
        market.invoke("SubscribeContractQuotes", esId).blockingAwait();
        Await.until("the last quote on subscribing", () -> !quotes.isEmpty());
        gateway.trade(esId, new BigDecimal("6800.25"), 3, Side.BUY);
        Await.until("the quote after the print", () -> quotes.stream().anyMatch(q -> !q.get("lastPrice").isJsonNull()));
        assertThat(quoteContracts).as("the contract id is the first argument").containsOnly(esId);
        JsonObject first = quotes.get(0);
        assertFields(first, QUOTE);
        assertThat(first.get("symbol").getAsString()).isEqualTo("F.US.EP");
        assertThat(first.get("symbolName").getAsString()).isEqualTo("/ES");
        assertDecimal(first.get("bestBid"), "6800.00");
        assertDecimal(first.get("bestAsk"), "6800.25");
        assertThat(first.get("lastPrice").isJsonNull()).as("no print yet").isTrue();
        JsonObject printed = quotes.get(quotes.size() - 1);
        assertFields(printed, QUOTE);
        assertDecimal(printed.get("lastPrice"), "6800.25");
        assertDecimal(printed.get("open"), "6800.25");
        assertDecimal(printed.get("high"), "6800.25");
        assertDecimal(printed.get("low"), "6800.25");
        assertDecimal(printed.get("change"), "0");
        assertDecimal(printed.get("changePercent"), "0");
        assertThat(printed.get("volume").getAsLong()).isEqualTo(3);
        assertThat(printed.get("timestamp").getAsString()).matches(TIMESTAMP);
        assertThat(printed.get("lastUpdated").getAsString()).matches(TIMESTAMP);

        // user hub: negotiated, token as a bearer header
        HubConnection user = hub(gateway.url() + "/hubs/user", false, token);
        user.on("GatewayUserOrder", e -> record(orders, e), JsonElement.class);
        user.on("GatewayUserTrade", e -> record(trades, e), JsonElement.class);
        user.on("GatewayUserPosition", e -> record(positions, e), JsonElement.class);
        user.on("GatewayUserAccount", e -> record(accounts, e), JsonElement.class);
        user.start().blockingAwait();
        user.invoke("SubscribeAccounts").blockingAwait();
        user.invoke("SubscribeOrders", account).blockingAwait();
        user.invoke("SubscribePositions", account).blockingAwait();
        user.invoke("SubscribeTrades", account).blockingAwait();

        // a working limit order: placed, modified, cancelled
        long limitId = ok(rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + esId
                + "\",\"type\":1,\"side\":0,\"size\":2,\"limitPrice\":6795.50,\"customTag\":\"e2e-limit\"}"))
                .path("orderId").asLong();
        JsonObject opened = awaitEvent("the limit order opened", orders, e -> isOrder(e, limitId, 0, 1)).data;
        assertFields(opened, ORDER);
        assertThat(opened.get("accountId").getAsLong()).isEqualTo(account);
        assertThat(opened.get("contractId").getAsString()).isEqualTo(esId);
        assertThat(opened.get("symbolId").getAsString()).isEqualTo("F.US.EP");
        assertThat(opened.get("type").getAsInt()).as("Limit").isEqualTo(1);
        assertThat(opened.get("side").getAsInt()).as("Bid").isZero();
        assertThat(opened.get("size").getAsLong()).isEqualTo(2);
        assertDecimal(opened.get("limitPrice"), "6795.50");
        assertThat(opened.get("stopPrice").isJsonNull()).isTrue();
        assertThat(opened.get("fillVolume").getAsLong()).isZero();
        assertThat(opened.get("filledPrice").isJsonNull()).isTrue();
        assertThat(opened.get("customTag").getAsString()).isEqualTo("e2e-limit");
        assertThat(opened.get("creationTimestamp").getAsString()).matches(TIMESTAMP);
        JsonNode open = ok(rest.post("/api/Order/searchOpen", "{\"accountId\":" + account + "}")).path("orders");
        assertThat(open).hasSize(1);
        assertFields(open.get(0), ORDER);
        assertThat(open.get(0).path("id").asLong()).isEqualTo(limitId);
        assertThat(open.get(0).path("status").asInt()).as("Open").isEqualTo(1);

        ok(rest.post("/api/Order/modify", "{\"accountId\":" + account + ",\"orderId\":" + limitId
                + ",\"size\":3,\"limitPrice\":6796.00}"));
        JsonObject modified = awaitEvent("the modification", orders,
                e -> isOrder(e, limitId, 1, 1) && e.data.get("size").getAsLong() == 3).data;
        assertFields(modified, ORDER);
        assertDecimal(modified.get("limitPrice"), "6796.00");
        assertThat(modified.get("updateTimestamp").getAsString()).matches(TIMESTAMP);
        assertThat(modified.get("creationTimestamp").getAsString()).isEqualTo(opened.get("creationTimestamp")
                .getAsString());

        ok(rest.post("/api/Order/cancel", "{\"accountId\":" + account + ",\"orderId\":" + limitId + "}"));
        JsonObject cancelled = awaitEvent("the cancel", orders, e -> isOrder(e, limitId, 1, 3)).data;
        assertFields(cancelled, ORDER);
        assertThat(cancelled.get("size").getAsLong()).isEqualTo(3);
        assertThat(cancelled.get("fillVolume").getAsLong()).isZero();
        assertThat(ok(rest.post("/api/Order/searchOpen", "{\"accountId\":" + account + "}")).path("orders")).isEmpty();

        // a market order that fills
        long marketId = ok(rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + esId
                + "\",\"type\":2,\"side\":0,\"size\":2,\"customTag\":\"e2e-market\"}")).path("orderId").asLong();
        JsonObject pending = awaitEvent("the market order pending", orders, e -> isOrder(e, marketId, 0, 6)).data;
        assertFields(pending, ORDER);
        assertThat(pending.get("type").getAsInt()).as("Market").isEqualTo(2);
        assertThat(pending.get("limitPrice").isJsonNull()).isTrue();
        JsonObject filled = awaitEvent("the market order filled", orders, e -> isOrder(e, marketId, 1, 2)).data;
        assertFields(filled, ORDER);
        assertThat(filled.get("fillVolume").getAsLong()).isEqualTo(2);
        assertDecimal(filled.get("filledPrice"), "6800.25");
        assertThat(filled.get("customTag").getAsString()).isEqualTo("e2e-market");

        UserEvent tradeEvent = awaitEvent("the fill", trades, e -> e.data.get("orderId").getAsLong() == marketId);
        assertThat(tradeEvent.action).isZero();
        JsonObject fill = tradeEvent.data;
        assertFields(fill, TRADE);
        assertThat(fill.get("accountId").getAsLong()).isEqualTo(account);
        assertThat(fill.get("contractId").getAsString()).isEqualTo(esId);
        assertDecimal(fill.get("price"), "6800.25");
        assertThat(fill.get("profitAndLoss").isJsonNull()).as("an opening fill has no PnL").isTrue();
        assertDecimal(fill.get("fees"), "2.80");
        assertThat(fill.get("side").getAsInt()).isZero();
        assertThat(fill.get("size").getAsLong()).isEqualTo(2);
        assertThat(fill.get("voided").getAsBoolean()).isFalse();
        assertThat(fill.get("creationTimestamp").getAsString()).matches(TIMESTAMP);

        UserEvent positionEvent = awaitEvent("the position", positions, e -> true);
        assertThat(positionEvent.action).as("a new position").isZero();
        JsonObject position = positionEvent.data;
        assertFields(position, POSITION);
        assertThat(position.get("accountId").getAsLong()).isEqualTo(account);
        assertThat(position.get("contractId").getAsString()).isEqualTo(esId);
        assertThat(position.get("contractDisplayName").getAsString()).isEqualTo(es.path("name").asText());
        assertThat(position.get("type").getAsInt()).as("Long").isEqualTo(1);
        assertThat(position.get("size").getAsLong()).isEqualTo(2);
        assertDecimal(position.get("averagePrice"), "6800.25");
        assertThat(position.get("creationTimestamp").getAsString()).matches(TIMESTAMP);

        UserEvent accountEvent = awaitEvent("the balance after fees", accounts,
                e -> e.data.get("balance").getAsBigDecimal().compareTo(new BigDecimal("49997.20")) == 0);
        assertFields(accountEvent.data, ACCOUNT);
        assertThat(accountEvent.data.get("id").getAsLong()).isEqualTo(account);

        // the same, over REST
        JsonNode restPositions = ok(rest.post("/api/Position/searchOpen", "{\"accountId\":" + account + "}"))
                .path("positions");
        assertThat(restPositions).hasSize(1);
        JsonNode p = restPositions.get(0);
        assertFields(p, POSITION);
        assertThat(p.path("id").asLong()).isEqualTo(position.get("id").getAsLong());
        assertThat(p.path("type").asInt()).isEqualTo(1);
        assertThat(p.path("size").asLong()).isEqualTo(2);
        assertDecimal(p.path("averagePrice"), "6800.25");
        assertThat(p.path("creationTimestamp").asText()).isEqualTo(position.get("creationTimestamp").getAsString());

        JsonNode allOrders = ok(rest.post("/api/Order/search", "{\"accountId\":" + account
                + ",\"startTimestamp\":\"2020-01-01T00:00:00Z\"}")).path("orders");
        assertThat(allOrders).hasSize(2);
        Map<Long, JsonNode> byId = Map.of(allOrders.get(0).path("id").asLong(), allOrders.get(0),
                allOrders.get(1).path("id").asLong(), allOrders.get(1));
        assertThat(byId).containsOnlyKeys(limitId, marketId);
        JsonNode l = byId.get(limitId);
        assertFields(l, ORDER);
        assertThat(l.path("status").asInt()).as("Cancelled").isEqualTo(3);
        assertThat(l.path("size").asLong()).isEqualTo(3);
        assertDecimal(l.path("limitPrice"), "6796.00");
        assertThat(l.path("customTag").asText()).isEqualTo("e2e-limit");
        assertThat(l.path("updateTimestamp").asText()).matches(TIMESTAMP);
        JsonNode m = byId.get(marketId);
        assertFields(m, ORDER);
        assertThat(m.path("status").asInt()).as("Filled").isEqualTo(2);
        assertThat(m.path("type").asInt()).isEqualTo(2);
        assertThat(m.path("fillVolume").asLong()).isEqualTo(2);
        assertDecimal(m.path("filledPrice"), "6800.25");
        assertThat(m.path("limitPrice").isNull() && m.path("stopPrice").isNull()).isTrue();
        assertThat(ok(rest.post("/api/Order/searchOpen", "{\"accountId\":" + account + "}")).path("orders"))
                .as("nothing is working").isEmpty();

        JsonNode restTrades = ok(rest.post("/api/Trade/search", "{\"accountId\":" + account + "}")).path("trades");
        assertThat(restTrades).hasSize(1);
        JsonNode t = restTrades.get(0);
        assertFields(t, TRADE);
        assertThat(t.path("id").asLong()).isEqualTo(fill.get("id").getAsLong());
        assertThat(t.path("orderId").asLong()).isEqualTo(marketId);
        assertDecimal(t.path("price"), "6800.25");
        assertThat(t.path("profitAndLoss").isNull()).isTrue();
        assertDecimal(t.path("fees"), "2.80");
        assertThat(t.path("size").asLong()).isEqualTo(2);
        assertThat(t.path("creationTimestamp").asText()).isEqualTo(fill.get("creationTimestamp").getAsString());

        // flat again: the close is a position event with size 0, type 0, and a fill with its PnL
        gateway.quote(esId, new BigDecimal("6801.00"), 10, new BigDecimal("6801.25"), 12);
        ok(rest.post("/api/Position/closeContract", "{\"accountId\":" + account + ",\"contractId\":\"" + esId + "\"}"));
        JsonObject closed = awaitEvent("the close", positions, e -> e.action == 2).data;
        assertFields(closed, POSITION);
        assertThat(closed.get("size").getAsLong()).isZero();
        assertThat(closed.get("type").getAsInt()).isZero();
        assertThat(closed.get("id").getAsLong()).isEqualTo(position.get("id").getAsLong());
        JsonObject closingFill = awaitEvent("the closing fill", trades,
                e -> e.data.get("orderId").getAsLong() != marketId).data;
        assertFields(closingFill, TRADE);
        assertThat(closingFill.get("side").getAsInt()).as("Ask").isEqualTo(1);
        assertDecimal(closingFill.get("price"), "6801.00");
        assertDecimal(closingFill.get("profitAndLoss"), "75.00");
        assertThat(ok(rest.post("/api/Position/searchOpen", "{\"accountId\":" + account + "}")).path("positions"))
                .isEmpty();
        assertThat(ok(rest.post("/api/Trade/search", "{\"accountId\":" + account + "}")).path("trades")).hasSize(2);
        assertDecimal(ok(rest.post("/api/Account/search", "{}")).path("accounts").get(0).path("balance"),
                "50069.40");
    }
}
