package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.RestClient.Answer;
import io.tickflow.adapters.gateway.venue.OrderLimits;

/**
 * The venue's pre-trade limits over REST: the largest order size (OrderRejected, code 2) and the
 * margin check against the balance (InsufficientFunds, code 3), their defaults, and changing them
 * through the builder.
 */
class PaperGatewayOrderLimitsTest {
    private PaperGateway gateway;
    private RestClient rest;
    private long account;

    @AfterEach
    void stop() {
        rest.close();
        gateway.close();
    }

    /** Starts a gateway with these limits (null: the defaults), an ES and an MES market, signed in. */
    private void start(OrderLimits limits, long balanceCents) {
        PaperGateway.Builder b = PaperGateway.builder().user("demo", "k").accountsPerUser(1, balanceCents);
        if (limits != null) {
            b.orderLimits(limits);
        }
        gateway = b.build().start();
        rest = new RestClient(gateway.url());
        rest.login("demo", "k");
        account = rest.firstAccountId();
        gateway.quote(id("ES"), new BigDecimal("6800.00"), 500, new BigDecimal("6800.25"), 500);
        gateway.quote(id("MES"), new BigDecimal("6800.00"), 500, new BigDecimal("6800.25"), 500);
    }

    private String id(String symbol) {
        return gateway.contracts().stream().filter(c -> c.contract().symbol().equals(symbol)).findFirst()
                .orElseThrow().id();
    }

    private Answer place(String symbol, int type, int side, long size, String limitPrice) {
        return rest.post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + id(symbol)
                + "\",\"type\":" + type + ",\"side\":" + side + ",\"size\":" + size
                + (limitPrice == null ? "" : ",\"limitPrice\":" + limitPrice) + "}");
    }

    private static void assertRefused(Answer a, int code, String message) {
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode body = a.json();
        assertThat(body.path("success").asBoolean()).as(a.text()).isFalse();
        assertThat(body.path("errorCode").asInt()).as(a.text()).isEqualTo(code);
        assertThat(body.path("errorMessage").asText()).contains(message);
        assertThat(body.path("orderId").isNull()).isTrue();
    }

    private static void assertPlaced(Answer a) {
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("success").asBoolean()).as(a.text()).isTrue();
    }

    private JsonNode orders() {
        return rest.post("/api/Order/search", "{\"accountId\":" + account + ",\"startTimestamp\":\"2020-01-01T00:00:00Z\"}")
                .json().path("orders");
    }

    @Test
    void byDefaultAnOrderOfMoreThan200ContractsIsRejectedAsOrderRejected() {
        start(null, 10_000_000_00L);
        assertRefused(place("MES", 1, 0, 201, "6700"), 2, "exceeds the maximum of 200 contracts");
        JsonNode rejected = orders().get(0);
        assertThat(rejected.path("status").asInt()).as("Rejected, as the stream shows it").isEqualTo(5);
        assertThat(rejected.path("size").asLong()).isEqualTo(201);
        assertThat(rejected.path("fillVolume").asLong()).isZero();
        assertPlaced(place("MES", 1, 0, 200, "6700"));
    }

    @Test
    void byDefaultTheMarginOfTheResultingPositionMustFitTheBalance() {
        start(null, 50_000_00L);
        // ES at 6800.25: 27,201 ticks × $12.50 = $340,012.50 a contract; 0.5 % of it = $1,700.06
        assertRefused(place("ES", 2, 0, 30, null), 3, "Insufficient funds");
        assertRefused(place("ES", 1, 1, 30, "6900"), 3, "needs a margin of 51750.00");
        assertPlaced(place("ES", 2, 0, 29, null));
        assertRefused(place("ES", 2, 0, 1, null), 3, "a position of 30 ES");
        assertPlaced(place("ES", 2, 1, 10, null));
        Answer flat = rest.post("/api/Position/closeContract", "{\"accountId\":" + account + ",\"contractId\":\""
                + id("ES") + "\"}");
        assertPlaced(flat);
        assertThat(rest.post("/api/Position/searchOpen", "{\"accountId\":" + account + "}").json().path("positions"))
                .isEmpty();
    }

    @Test
    void theMarginOfTheAccountsPositionsInOtherContractsCountsToo() {
        start(null, 50_000_00L);
        // 20 ES held, marked at the middle of 6800.00/6800.25 (27,200 ticks): $34,000.00 of margin
        assertPlaced(place("ES", 2, 0, 20, null));
        // MES at the 6800.25 ask: 27,201 ticks × $1.25 × 100 × 0.5 % = $17,000.63, alone well within the
        // balance, which the ES buy's fees took to $49,972.00
        assertRefused(place("MES", 2, 0, 100, null), 3,
                "needs a margin of 17000.63 (51000.63 with the account's other positions), the account's balance "
                        + "is 49972.00");
        assertPlaced(place("MES", 2, 0, 90, null));
    }

    @Test
    void aReducingOrderPassesTheMarginCheckEvenAfterTheBalanceFell() {
        start(new OrderLimits(200, new BigDecimal("0.005")), 4_000_00L);
        assertPlaced(place("ES", 2, 0, 2, null));
        assertRefused(place("ES", 2, 0, 1, null), 3, "Insufficient funds");
        assertPlaced(place("ES", 2, 1, 3, null));
        JsonNode position = rest.post("/api/Position/searchOpen", "{\"accountId\":" + account + "}").json()
                .path("positions").get(0);
        assertThat(position.path("type").asInt()).as("flipped to short 1: its margin fits").isEqualTo(2);
        assertThat(position.path("size").asLong()).isEqualTo(1);
    }

    @Test
    void theBuilderSetsOtherLimitsOrNone() {
        start(new OrderLimits(5, BigDecimal.ZERO), 1_00L);
        assertRefused(place("ES", 1, 0, 6, "6700"), 2, "maximum of 5 contracts");
        assertPlaced(place("ES", 1, 0, 5, "6700"));
        rest.close();
        gateway.close();

        start(OrderLimits.NONE, 1_00L);
        assertPlaced(place("ES", 1, 0, 100_000, "6700"));
    }
}
