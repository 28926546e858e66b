package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Single;
import io.tickflow.adapters.gateway.RestClient.Answer;
import io.tickflow.adapters.testing.Await;
import io.tickflow.engine.model.Side;

/**
 * Native brackets ({@code stopLossBracket} / {@code takeProfitBracket} on {@code Order/place})
 * as the reference describes the live service: three orders on the user hub with one
 * creation time, the legs tagged {@code <tag>-SL} / {@code <tag>-TP}, naming their entry
 * ({@code parentOrderId}) and the take profit its stop loss ({@code linkedOrderId}),
 * suspended and invisible to the searches until the entry fills, then working at absolute
 * prices; one leg filling cancels the other. Real OkHttp and SignalR client over loopback.
 */
class PaperGatewayNativeBracketTest {
    private static final int OPEN = 1;
    private static final int FILLED = 2;
    private static final int CANCELLED = 3;
    private static final int SUSPENDED = 8;

    private PaperGateway gateway;
    private RestClient rest;
    private HubConnection user;
    private String es;
    private long account;
    private final List<JsonObject> orders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        gateway = PaperGateway.builder().user("trader", "trader-key").build().start();
        es = gateway.contracts().get(0).contract().id();
        gateway.quote(es, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 10);
        rest = new RestClient(gateway.url());
        String token = rest.login("trader", "trader-key");
        account = rest.post("/api/Account/search", "{\"onlyActiveAccounts\":true}").json().path("accounts").get(0)
                .path("id").asLong();
        user = HubConnectionBuilder.create(gateway.url() + "/hubs/user").withTransport(TransportEnum.WEBSOCKETS)
                .shouldSkipNegotiate(true).withAccessTokenProvider(Single.defer(() -> Single.just(token))).build();
        user.on("GatewayUserOrder", e -> orders.add(e.getAsJsonObject().getAsJsonObject("data")), JsonElement.class);
        user.start().blockingAwait();
        user.invoke("SubscribeOrders", account).blockingAwait();
    }

    @AfterEach
    void stop() {
        user.stop().blockingAwait();
        rest.close();
        gateway.close();
    }

    private JsonObject await(String what, Predicate<JsonObject> match) {
        return Await.value(what, () -> orders.stream().filter(match).reduce((a, b) -> b).orElse(null));
    }

    private static Predicate<JsonObject> tagged(String tag, int status) {
        return o -> !o.get("customTag").isJsonNull() && o.get("customTag").getAsString().equals(tag)
                && o.get("status").getAsInt() == status;
    }

    private long place(String order) {
        Answer a = rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es + "\"," + order
                + "}");
        assertThat(a.json().path("success").asBoolean()).as(a.text()).isTrue();
        return a.json().path("orderId").asLong();
    }

    private JsonNode search(String endpoint) {
        String body = endpoint.equals("Order/search")
                ? "{\"accountId\":" + account + ",\"startTimestamp\":\"2000-01-01T00:00:00Z\"}"
                : "{\"accountId\":" + account + "}";
        return rest.post("/api/" + endpoint, body).json();
    }

    @Test
    void aFilledEntryStartsItsLegsAtTheirDistanceAndTheStopLossFillingCancelsTheTakeProfit() {
        long entry = place("\"type\":2,\"side\":0,\"size\":2,\"customTag\":\"b1\","
                + "\"stopLossBracket\":{\"ticks\":8,\"type\":4},\"takeProfitBracket\":{\"ticks\":16,\"type\":1}");

        JsonObject slSuspended = await("the stop loss, suspended", tagged("b1-SL", SUSPENDED));
        JsonObject tpSuspended = await("the take profit, suspended", tagged("b1-TP", SUSPENDED));
        JsonObject entryFilled = await("the entry, filled", tagged("b1", FILLED));
        long sl = slSuspended.get("id").getAsLong();
        assertThat(slSuspended.get("parentOrderId").getAsLong()).isEqualTo(entry);
        assertThat(tpSuspended.get("parentOrderId").getAsLong()).isEqualTo(entry);
        assertThat(tpSuspended.get("linkedOrderId").getAsLong()).as("the take profit names the stop loss").isEqualTo(sl);
        assertThat(slSuspended.get("stopPrice").isJsonNull() && tpSuspended.get("limitPrice").isJsonNull())
                .as("suspended legs have no prices yet").isTrue();
        assertThat(List.of(slSuspended, tpSuspended)).allSatisfy(leg -> {
            assertThat(leg.get("creationTimestamp").getAsString())
                    .isEqualTo(entryFilled.get("creationTimestamp").getAsString());
            assertThat(leg.get("side").getAsInt()).as("Ask: the legs sell").isEqualTo(1);
        });

        // the entry filled at 6800.25: the stop 8 ticks below, the target 16 above, both for 2
        JsonObject slOpen = await("the stop loss working", tagged("b1-SL", OPEN));
        JsonObject tpOpen = await("the take profit working", tagged("b1-TP", OPEN));
        assertThat(slOpen.get("type").getAsInt()).as("Stop").isEqualTo(4);
        assertThat(slOpen.get("stopPrice").getAsBigDecimal()).isEqualByComparingTo("6798.25");
        assertThat(tpOpen.get("type").getAsInt()).as("Limit").isEqualTo(1);
        assertThat(tpOpen.get("limitPrice").getAsBigDecimal()).isEqualByComparingTo("6804.25");
        assertThat(slOpen.get("size").getAsLong()).isEqualTo(2);
        assertThat(tpOpen.get("size").getAsLong()).isEqualTo(2);
        assertThat(tpOpen.get("id").getAsLong()).as("a leg keeps its id").isEqualTo(tpSuspended.get("id").getAsLong());
        Await.until("both legs listed as working", () -> search("Order/searchOpen").path("orders").size() == 2);
        JsonNode listed = search("Order/searchOpen").path("orders").get(0);
        assertThat(listed.has("parentOrderId")).as("the stream-only fields stay off the searches").isFalse();

        // the market falls through the stop: it fills and the take profit is cancelled
        gateway.quote(es, new BigDecimal("6798.00"), 10, new BigDecimal("6798.25"), 10);
        gateway.trade(es, new BigDecimal("6798.00"), 1, Side.SELL);
        await("the stop loss filled", tagged("b1-SL", FILLED));
        await("the take profit cancelled", tagged("b1-TP", CANCELLED));
        Await.until("nothing working", () -> search("Order/searchOpen").path("orders").isEmpty());
        Await.until("flat", () -> search("Position/searchOpen").path("positions").isEmpty());
    }

    @Test
    void aStopLossFilledInPartsShrinksTheTakeProfitToWhatIsLeftThenCancelsIt() {
        place("\"type\":2,\"side\":0,\"size\":3,\"customTag\":\"b3\","
                + "\"stopLossBracket\":{\"ticks\":8,\"type\":4},\"takeProfitBracket\":{\"ticks\":16,\"type\":1}");
        await("the take profit working", tagged("b3-TP", OPEN));

        // the stop triggers into a bid showing one contract: one of three fills, two stay open
        gateway.quote(es, new BigDecimal("6798.00"), 1, new BigDecimal("6798.25"), 10);
        gateway.trade(es, new BigDecimal("6798.00"), 1, Side.SELL);
        JsonObject shrunk = await("the take profit cut to the two left", o -> tagged("b3-TP", OPEN).test(o)
                && o.get("size").getAsLong() == 2);
        assertThat(shrunk.get("limitPrice").getAsBigDecimal()).isEqualByComparingTo("6804.25");

        gateway.quote(es, new BigDecimal("6798.00"), 10, new BigDecimal("6798.25"), 10);
        gateway.trade(es, new BigDecimal("6798.00"), 1, Side.SELL);
        await("the stop loss filled", tagged("b3-SL", FILLED));
        await("the take profit cancelled", tagged("b3-TP", CANCELLED));
        Await.until("flat", () -> search("Position/searchOpen").path("positions").isEmpty());
    }

    @Test
    void suspendedLegsAreInvisibleToTheSearchesAndEndWithAnEntryCancelledUnfilled() {
        long entry = place("\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790.00,\"customTag\":\"b2\","
                + "\"stopLossBracket\":{\"ticks\":-8,\"type\":4},\"takeProfitBracket\":{\"ticks\":8,\"type\":1}");
        JsonObject tp = await("the take profit, suspended", tagged("b2-TP", SUSPENDED));

        assertThat(search("Order/searchOpen").path("orders")).singleElement()
                .satisfies(o -> assertThat(o.path("id").asLong()).isEqualTo(entry));
        assertThat(search("Order/search").path("orders")).singleElement()
                .satisfies(o -> assertThat(o.path("id").asLong()).isEqualTo(entry));
        Answer modify = rest.post("/api/Order/modify", "{\"accountId\":" + account + ",\"orderId\":"
                + tp.get("id").getAsLong() + ",\"size\":2}");
        assertThat(modify.json().path("success").asBoolean()).as("a suspended leg cannot be changed").isFalse();

        assertThat(rest.post("/api/Order/cancel", "{\"accountId\":" + account + ",\"orderId\":" + entry + "}").json()
                .path("success").asBoolean()).isTrue();
        await("the stop loss cancelled with its entry", tagged("b2-SL", CANCELLED));
        await("the take profit cancelled with its entry", tagged("b2-TP", CANCELLED));
        assertThat(search("Order/search").path("orders")).as("ended legs are listed").hasSize(3);
    }

    @Test
    void bracketsThatCannotWorkAreRefusedBeforeAnythingIsPlaced() {
        String order = "\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790.00,";
        Answer wrongType = rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\"," + order + "\"stopLossBracket\":{\"ticks\":8,\"type\":1}}");
        assertThat(wrongType.json().path("errorCode").asInt()).isEqualTo(2);
        assertThat(wrongType.json().path("errorMessage").asText()).contains("stopLossBracket.type must be 4");
        Answer noDistance = rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\"," + order + "\"takeProfitBracket\":{\"ticks\":0,\"type\":1}}");
        assertThat(noDistance.json().path("errorCode").asInt()).isEqualTo(2);
        Answer notAnObject = rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\"," + order + "\"takeProfitBracket\":16}");
        assertThat(notAnObject.status()).isEqualTo(400);
        Answer badTicks = rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\"," + order + "\"takeProfitBracket\":{\"ticks\":\"x\",\"type\":1}}");
        assertThat(badTicks.status()).isEqualTo(400);
        assertThat(badTicks.text()).contains("takeProfitBracket.ticks");
        assertThat(search("Order/search").path("orders")).as("nothing was placed").isEmpty();
    }
}
