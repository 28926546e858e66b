package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.RestClient.Answer;
import io.tickflow.adapters.testing.Await;
import io.tickflow.engine.model.Side;

/** The REST API over loopback with OkHttp: every endpoint, the envelope, the error codes, bad input and REST faults. */
class PaperGatewayRestTest {
    private PaperGateway gateway;
    private RestClient rest;
    private String es;
    private long account;

    @BeforeEach
    void start() {
        gateway = PaperGateway.builder().user("demo", "secret-key").user("other", "other-key").build().start();
        rest = new RestClient(gateway.url());
        es = gateway.contracts().stream().filter(c -> c.contract().symbol().equals("ES")).findFirst().orElseThrow().id();
        rest.login("demo", "secret-key");
        account = rest.firstAccountId();
        gateway.quote(es, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 12);
    }

    @AfterEach
    void stop() {
        rest.close();
        gateway.close();
    }

    private Answer post(String path, String body) {
        return rest.post(path, body);
    }

    private static void assertFailure(Answer a, int code) {
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("success").asBoolean()).as(a.text()).isFalse();
        assertThat(a.json().path("errorCode").asInt()).as(a.text()).isEqualTo(code);
        assertThat(a.json().path("errorMessage").asText()).isNotBlank();
    }

    private static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("success").asBoolean()).as(a.text()).isTrue();
        assertThat(a.json().path("errorCode").asInt()).isZero();
        assertThat(a.json().has("errorMessage")).isTrue();
        return a.json();
    }

    private long place(String body) {
        return ok(post("/api/Order/place", body)).path("orderId").asLong();
    }

    @Test
    void pingAnswersPongWithoutAToken() {
        Answer a = rest.get("/api/Status/ping");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).isEqualTo("pong");
    }

    @Test
    void loginChecksTheUserAndKeyAndIssuesAJwt() {
        assertFailure(rest.post("/api/Auth/loginKey", "{\"userName\":\"nobody\",\"apiKey\":\"x\"}", null), 1);
        Answer refused = rest.post("/api/Auth/loginKey", "{\"userName\":\"demo\",\"apiKey\":\"wrong\"}", null);
        assertFailure(refused, 3);
        assertThat(refused.text()).as("a refusal carries its payload field, null").startsWith("{\"token\":null,");
        String token = rest.token;
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(rest.post("/api/Auth/loginKey", "{\"userName\":\"demo\",\"apiKey\":\"secret-key\"}", null).text())
                .startsWith("{\"token\":");
    }

    @Test
    void everyCallButLoginAndPingNeedsAValidBearerToken() {
        assertThat(rest.post("/api/Account/search", "{}", null).status()).isEqualTo(401);
        assertThat(rest.post("/api/Account/search", "{}", "not-a-token").status()).isEqualTo(401);
        assertThat(post("/api/account/SEARCH", "{}").status()).as("paths are case-insensitive").isEqualTo(200);
    }

    @Test
    void accountsAndContractsHaveTheServiceFields() {
        JsonNode acc = ok(post("/api/Account/search", "{\"onlyActiveAccounts\":true}")).path("accounts").get(0);
        assertThat(acc.path("id").asLong()).isEqualTo(account);
        assertThat(acc.path("balance").decimalValue()).isEqualByComparingTo("50000");
        assertThat(acc.path("canTrade").asBoolean()).isTrue();
        assertThat(acc.has("isVisible") && acc.has("simulated") && acc.has("name")).isTrue();

        JsonNode found = ok(post("/api/Contract/search", "{\"searchText\":\"ES\",\"live\":false}")).path("contracts");
        List<String> ids = new ArrayList<>();
        found.forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).contains(es).anyMatch(id -> id.startsWith("CON.F.US.MES."));
        JsonNode contract = ok(post("/api/Contract/searchById", "{\"contractId\":\"" + es + "\"}")).path("contract");
        assertThat(contract.path("tickSize").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(contract.path("tickValue").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(contract.path("symbolId").asText()).isEqualTo("F.US.EP");
        assertThat(contract.path("activeContract").asBoolean()).isTrue();
        assertFailure(post("/api/Contract/searchById", "{\"contractId\":\"CON.F.US.XX.Z99\"}"), 1);
        // expired months resolve too (not active, not tradable); months the product never lists do not
        int yy = Integer.parseInt(es.substring(es.length() - 2));
        String expired = es.substring(0, es.length() - 2) + String.format("%02d", (yy + 99) % 100);
        JsonNode old = ok(post("/api/Contract/searchById", "{\"contractId\":\"" + expired + "\"}")).path("contract");
        assertThat(old.path("id").asText()).isEqualTo(expired);
        assertThat(old.path("activeContract").asBoolean()).isFalse();
        assertThat(old.path("tickValue").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(old.path("symbolId").asText()).isEqualTo("F.US.EP");
        assertFailure(post("/api/Contract/searchById", "{\"contractId\":\"CON.F.US.EP.F" + String.format("%02d",
                (yy + 99) % 100) + "\"}"), 1);
        assertFailure(post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + expired
                + "\",\"type\":2,\"side\":0,\"size\":1}"), 8); // Place's ContractNotFound
        Answer available = post("/api/Contract/available", "{\"live\":false}");
        assertThat(ok(available).path("contracts")).hasSize(6);
        assertThat(available.text()).as("decimals written plain (CL's tick value is 10, not 1E+1)")
                .doesNotContainPattern("[0-9][eE][+-]?[0-9]").contains("\"tickValue\":10");
    }

    @Test
    void aLimitOrderIsPlacedFoundModifiedAndCancelled() {
        long id = place("{\"accountId\":" + account + ",\"contractId\":\"" + es + "\",\"type\":1,\"side\":0,\"size\":2,"
                + "\"limitPrice\":6795.50,\"customTag\":\"my-1\"}");
        JsonNode open = ok(post("/api/Order/searchOpen", "{\"accountId\":" + account + "}")).path("orders");
        assertThat(open).hasSize(1);
        JsonNode o = open.get(0);
        assertThat(o.path("id").asLong()).isEqualTo(id);
        assertThat(o.path("status").asInt()).isEqualTo(1);
        assertThat(o.path("type").asInt()).isEqualTo(1);
        assertThat(o.path("side").asInt()).isEqualTo(0);
        assertThat(o.path("size").asLong()).isEqualTo(2);
        assertThat(o.path("limitPrice").decimalValue()).isEqualByComparingTo("6795.50");
        assertThat(o.path("customTag").asText()).isEqualTo("my-1");
        assertThat(o.path("contractId").asText()).isEqualTo(es);
        assertThat(o.path("creationTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00");

        ok(post("/api/Order/modify", "{\"accountId\":" + account + ",\"orderId\":" + id + ",\"size\":3,\"limitPrice\":6796}"));
        o = ok(post("/api/Order/searchOpen", "{\"accountId\":" + account + "}")).path("orders").get(0);
        assertThat(o.path("size").asLong()).isEqualTo(3);
        assertThat(o.path("limitPrice").decimalValue()).isEqualByComparingTo("6796");

        ok(post("/api/Order/cancel", "{\"accountId\":" + account + ",\"orderId\":" + id + "}"));
        assertThat(ok(post("/api/Order/searchOpen", "{\"accountId\":" + account + "}")).path("orders")).isEmpty();
        JsonNode all = ok(post("/api/Order/search", "{\"accountId\":" + account
                + ",\"startTimestamp\":\"2020-01-01T00:00:00Z\"}")).path("orders");
        assertThat(all.get(0).path("status").asInt()).isEqualTo(3);
        assertFailure(post("/api/Order/cancel", "{\"accountId\":" + account + ",\"orderId\":" + id + "}"), 2);
    }

    @Test
    void aMarketOrderFillsAndShowsAsPositionAndTradeThenTheContractIsClosed() {
        long id = place("{\"accountId\":" + account + ",\"contractId\":\"" + es + "\",\"type\":2,\"side\":0,\"size\":2}");
        JsonNode position = ok(post("/api/Position/searchOpen", "{\"accountId\":" + account + "}")).path("positions")
                .get(0);
        assertThat(position.path("contractId").asText()).isEqualTo(es);
        assertThat(position.path("type").asInt()).isEqualTo(1);
        assertThat(position.path("size").asLong()).isEqualTo(2);
        assertThat(position.path("averagePrice").decimalValue()).isEqualByComparingTo("6800.25");

        JsonNode trades = ok(post("/api/Trade/search", "{\"accountId\":" + account
                + ",\"startTimestamp\":\"2020-01-01T00:00:00Z\"}")).path("trades");
        assertThat(trades).hasSize(1);
        JsonNode t = trades.get(0);
        assertThat(t.path("orderId").asLong()).isEqualTo(id);
        assertThat(t.path("price").decimalValue()).isEqualByComparingTo("6800.25");
        assertThat(t.path("size").asLong()).isEqualTo(2);
        assertThat(t.path("side").asInt()).isEqualTo(0);
        assertThat(t.path("fees").decimalValue()).isEqualByComparingTo("2.80");
        assertThat(t.path("profitAndLoss").isNull()).as("an opening fill has no PnL").isTrue();
        assertThat(t.path("voided").asBoolean()).isFalse();

        gateway.quote(es, new BigDecimal("6801.00"), 10, new BigDecimal("6801.25"), 12);
        ok(post("/api/Position/partialCloseContract", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\",\"size\":1}"));
        ok(post("/api/Position/closeContract", "{\"accountId\":" + account + ",\"contractId\":\"" + es + "\"}"));
        assertThat(ok(post("/api/Position/searchOpen", "{\"accountId\":" + account + "}")).path("positions")).isEmpty();
        trades = ok(post("/api/Trade/search", "{\"accountId\":" + account
                + ",\"startTimestamp\":\"2020-01-01T00:00:00Z\"}")).path("trades");
        assertThat(trades).hasSize(3);
        assertThat(trades.get(1).path("profitAndLoss").decimalValue()).isEqualByComparingTo("37.50");
        JsonNode acc = ok(post("/api/Account/search", "{}")).path("accounts").get(0);
        assertThat(acc.path("balance").decimalValue()).as("2 × $37.50 less 4 sides of $1.40")
                .isEqualByComparingTo("50069.40");
        assertFailure(post("/api/Position/closeContract", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\"}"), 2);
    }

    @Test
    void historyBarsAreBuiltFromThePrintsNewestFirst() {
        gateway.trade(es, new BigDecimal("6800.25"), 3, Side.BUY);
        gateway.trade(es, new BigDecimal("6801.00"), 2, Side.BUY);
        gateway.trade(es, new BigDecimal("6799.75"), 1, Side.SELL);
        JsonNode bars = ok(post("/api/History/retrieveBars", "{\"contractId\":\"" + es + "\",\"live\":false,"
                + "\"startTime\":\"2020-01-01T00:00:00Z\",\"endTime\":\"2100-01-01T00:00:00Z\",\"unit\":4,"
                + "\"unitNumber\":1,\"limit\":10,\"includePartialBar\":true}")).path("bars");
        assertThat(bars).hasSize(1);
        JsonNode bar = bars.get(0);
        assertThat(bar.path("o").decimalValue()).isEqualByComparingTo("6800.25");
        assertThat(bar.path("h").decimalValue()).isEqualByComparingTo("6801.00");
        assertThat(bar.path("l").decimalValue()).isEqualByComparingTo("6799.75");
        assertThat(bar.path("c").decimalValue()).isEqualByComparingTo("6799.75");
        assertThat(bar.path("v").asLong()).isEqualTo(6);
        assertThat(ok(post("/api/History/retrieveBars", "{\"contractId\":\"" + es + "\",\"live\":false,"
                + "\"startTime\":\"2020-01-01T00:00:00Z\",\"endTime\":\"2100-01-01T00:00:00Z\",\"unit\":4,"
                + "\"unitNumber\":1,\"limit\":10,\"includePartialBar\":false}")).path("bars"))
                .as("the forming bar is left out unless asked for").isEmpty();
        String bad = "{\"contractId\":\"" + es + "\",\"startTime\":\"2020-01-01T00:00:00Z\","
                + "\"endTime\":\"2100-01-01T00:00:00Z\",";
        assertFailure(post("/api/History/retrieveBars", bad + "\"unit\":9,\"unitNumber\":1,\"limit\":10}"), 2);
        assertFailure(post("/api/History/retrieveBars", bad + "\"unit\":2,\"unitNumber\":0,\"limit\":10}"), 3);
        assertFailure(post("/api/History/retrieveBars", bad + "\"unit\":2,\"unitNumber\":1,\"limit\":20001}"), 4);
    }

    @Test
    void businessErrorsComeBackAsTheEnvelopeWithTheEndpointsCodes() {
        String order = ",\"contractId\":\"" + es + "\",\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790";
        assertFailure(post("/api/Order/place", "{\"accountId\":99" + order + "}"), 1);
        long foreign = 10_002;
        assertFailure(post("/api/Order/place", "{\"accountId\":" + foreign + order + "}"), 1);
        assertFailure(post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"CON.F.US.XX.Z99\","
                + "\"type\":2,\"side\":0,\"size\":1}"), 8);
        assertFailure(post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\",\"type\":2,\"side\":0,\"size\":0}"), 2);
        assertFailure(post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\",\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790.10}"), 2);
        assertFailure(post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\",\"type\":1,\"side\":0,\"size\":1}"), 2);
        assertFailure(post("/api/Order/place", "{\"accountId\":" + account + ",\"contractId\":\"" + es
                + "\",\"type\":42,\"side\":0,\"size\":1}"), 2);
        place("{\"accountId\":" + account + order + ",\"customTag\":\"once\"}");
        assertFailure(post("/api/Order/place", "{\"accountId\":" + account + order + ",\"customTag\":\"once\"}"), 2);
        assertFailure(post("/api/Order/searchOpen", "{\"accountId\":99}"), 1);
        assertFailure(post("/api/Order/place", "{\"accountId\":" + account + order
                + ",\"stopLossBracket\":{\"ticks\":8,\"type\":42}}"), 2);
        assertThat(post("/api/Order/place", "{\"accountId\":99" + order + "}").text())
                .as("the payload field comes first, null on failure").startsWith("{\"orderId\":null,");
    }

    @Test
    void unbindableBodiesAre400sThatNameTheFieldAndTheServerKeepsServing() {
        Answer notJson = post("/api/Order/place", "{\"accountId\": 1, ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("success").asBoolean()).isFalse();
        assertThat(notJson.json().path("errorCode").asInt()).isEqualTo(7);

        Answer wrongType = post("/api/Order/place", "{\"accountId\":\"abc\",\"contractId\":\"" + es
                + "\",\"type\":2,\"side\":0,\"size\":1}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("errors").has("accountId")).isTrue();
        assertThat(wrongType.json().path("errorMessage").asText()).contains("accountId");

        Answer missing = post("/api/Order/cancel", "{\"accountId\":" + account + "}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").has("orderId")).isTrue();

        assertThat(post("/api/Order/search", "{\"accountId\":" + account + ",\"startTimestamp\":\"yesterday\"}")
                .status()).isEqualTo(400);
        assertThat(post("/api/Order/place", "[1,2,3]").status()).isEqualTo(400);
        assertThat(post("/api/No/such", "{}").status()).isEqualTo(404);
        assertThat(ok(post("/api/Account/search", "{}")).path("accounts")).hasSize(1);
    }

    @Test
    void int32FieldsRefuseValuesOutsideInt32AndNonIntegersWithThe400Envelope() {
        String head = "{\"accountId\":" + account + ",\"contractId\":\"" + es + "\",";
        for (String bad : new String[] {"\"type\":2,\"side\":0,\"size\":2147483648",
                "\"type\":2,\"side\":0,\"size\":-2147483649", "\"type\":2,\"side\":0,\"size\":1.5",
                "\"type\":2,\"side\":0,\"size\":2.0", "\"type\":2,\"side\":0,\"size\":\"1\"",
                "\"type\":2,\"side\":0,\"size\":true", "\"type\":4294967298,\"side\":0,\"size\":1",
                "\"type\":2,\"side\":0.5,\"size\":1"}) {
            Answer a = post("/api/Order/place", head + bad + "}");
            assertThat(a.status()).as(bad).isEqualTo(400);
            JsonNode body = a.json();
            assertThat(body.path("success").asBoolean()).as(bad).isFalse();
            assertThat(body.path("errorCode").asInt()).as("Place UnknownError: " + bad).isEqualTo(7);
            assertThat(body.path("errorMessage").asText()).as(bad).isNotBlank();
            assertThat(body.has("orderId") && body.path("orderId").isNull()).as(bad).isTrue();
        }
        Answer wideAccount = post("/api/Order/searchOpen", "{\"accountId\":9999999999}");
        assertThat(wideAccount.status()).isEqualTo(400);
        assertThat(wideAccount.json().path("errors").has("accountId")).isTrue();
        assertThat(wideAccount.json().path("errorCode").asInt()).as("SearchOrder's only failure code").isEqualTo(1);
        Answer wideModify = post("/api/Order/modify", "{\"accountId\":" + account + ",\"orderId\":1,"
                + "\"size\":2147483648}");
        assertThat(wideModify.status()).isEqualTo(400);
        assertThat(wideModify.json().path("errorCode").asInt()).as("Modify UnknownError").isEqualTo(5);
        assertThat(post("/api/Order/cancel", "{\"accountId\":" + account + ",\"orderId\":9999999999}").json()
                .path("errorCode").asInt()).as("orderId is int64: bound, then not found").isEqualTo(2);
        assertThat(post("/api/Position/partialCloseContract", head + "\"size\":1e3}").status()).isEqualTo(400);
        assertThat(ok(post("/api/Order/searchOpen", "{\"accountId\":" + account + "}")).path("orders"))
                .as("nothing was placed by the refused bodies").isEmpty();
    }

    @Test
    void unbindableBodiesUseTheEndpointsDocumentedCodes() {
        String bars = "{\"contractId\":\"" + es + "\",\"live\":false,\"startTime\":\"2020-01-01T00:00:00Z\","
                + "\"endTime\":\"2100-01-01T00:00:00Z\",";
        assertThat(post("/api/History/retrieveBars", bars + "\"unit\":\"Minute\",\"unitNumber\":1,\"limit\":10}")
                .json().path("errorCode").asInt()).as("UnitInvalid").isEqualTo(2);
        assertThat(post("/api/History/retrieveBars", bars + "\"unit\":2,\"unitNumber\":1.5,\"limit\":10}")
                .json().path("errorCode").asInt()).as("UnitNumberInvalid").isEqualTo(3);
        assertThat(post("/api/History/retrieveBars", bars + "\"unit\":2,\"unitNumber\":1,\"limit\":99999999999}")
                .json().path("errorCode").asInt()).as("LimitInvalid").isEqualTo(4);
        Answer accounts = post("/api/Account/search", "{\"onlyActiveAccounts\":\"yes\"}");
        assertThat(accounts.status()).isEqualTo(400);
        assertThat(accounts.json().path("success").asBoolean()).isFalse();
        assertThat(accounts.json().path("errorCode").asInt()).as("SearchAccount has no failure code").isZero();
        assertThat(post("/api/Contract/searchById", "{\"contractId\":5}").json().path("errorCode").asInt())
                .as("ContractNotFound").isEqualTo(1);
        assertThat(post("/api/Auth/loginKey", "{\"userName\":\"demo\"}").json().path("errorCode").asInt())
                .as("Login UnknownError").isEqualTo(8);
        assertThat(post("/api/Position/closeContract", "{\"accountId\":" + account + "}").json()
                .path("errorCode").asInt()).as("ClosePosition UnknownError").isEqualTo(7);
        assertThat(post("/api/Position/partialCloseContract", "{\"accountId\":" + account + ",\"contractId\":\""
                + es + "\"}").json().path("errorCode").asInt()).as("PartialClosePosition UnknownError").isEqualTo(8);
    }

    @Test
    void tradeSearchNeedsOnlyTheAccountButOrderSearchNeedsItsStart() {
        long id = place("{\"accountId\":" + account + ",\"contractId\":\"" + es + "\",\"type\":2,\"side\":1,"
                + "\"size\":1}");
        JsonNode trades = ok(post("/api/Trade/search", "{\"accountId\":" + account + "}")).path("trades");
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).path("orderId").asLong()).isEqualTo(id);
        assertThat(ok(post("/api/Trade/search", "{\"accountId\":" + account
                + ",\"endTimestamp\":\"2020-01-01T00:00:00Z\"}")).path("trades")).as("an end alone bounds it").isEmpty();
        Answer noStart = post("/api/Order/search", "{\"accountId\":" + account + "}");
        assertThat(noStart.status()).isEqualTo(400);
        assertThat(noStart.json().path("errors").has("startTimestamp")).isTrue();
        assertThat(post("/api/Trade/search", "{}").json().path("errors").has("accountId")).isTrue();
    }

    @Test
    void aSecondUserSignsInAndIsServedWithItsOwnAccountsWhileTheFirstStaysSignedIn() {
        RestClient other = new RestClient(gateway.url());
        try {
            other.login("other", "other-key");
            JsonNode theirs = ok(other.post("/api/Account/search", "{\"onlyActiveAccounts\":true}")).path("accounts");
            assertThat(theirs).hasSize(1);
            long otherAccount = theirs.get(0).path("id").asLong();
            assertThat(otherAccount).isNotEqualTo(account);
            assertThat(theirs.get(0).path("name").asText()).isEqualTo("PAPER-OTHER-1");
            long id = ok(other.post("/api/Order/place", "{\"accountId\":" + otherAccount + ",\"contractId\":\"" + es
                    + "\",\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790}")).path("orderId").asLong();
            assertThat(ok(other.post("/api/Order/searchOpen", "{\"accountId\":" + otherAccount + "}")).path("orders")
                    .get(0).path("id").asLong()).isEqualTo(id);

            assertThat(ok(post("/api/Account/search", "{}")).path("accounts").get(0).path("id").asLong())
                    .as("the first user's token still works").isEqualTo(account);
            assertFailure(post("/api/Order/searchOpen", "{\"accountId\":" + otherAccount + "}"), 1);
            assertFailure(post("/api/Order/cancel", "{\"accountId\":" + otherAccount + ",\"orderId\":" + id + "}"), 1);
            assertThat(ok(post("/api/Order/searchOpen", "{\"accountId\":" + account + "}")).path("orders")).isEmpty();
            assertThat(gateway.logins()).isEqualTo(2);
        } finally {
            other.close();
        }
    }

    @Test
    void tokensExpireAndValidateRenewsThem() {
        String old = rest.token;
        JsonNode renewed = ok(post("/api/Auth/validate", ""));
        String fresh = renewed.path("newToken").asText();
        assertThat(fresh).isNotEqualTo(old);

        gateway.expireTokens();
        assertThat(post("/api/Account/search", "{}").status()).isEqualTo(401);
        assertFailure(post("/api/Auth/validate", ""), 3);

        rest.login("demo", "secret-key");
        ok(post("/api/Auth/logout", ""));
        assertThat(post("/api/Account/search", "{}").status()).as("a logged-out token is gone").isEqualTo(401);
    }

    @Test
    void restFaultsAnswer429And5xxAndRejectOrders() {
        String market = "{\"accountId\":" + account + ",\"contractId\":\"" + es + "\",\"type\":2,\"side\":0,\"size\":1}";
        gateway.faults().serverErrors("Order/place", 1);
        assertThat(post("/api/Order/place", market).status()).isEqualTo(500);
        place(market);

        gateway.rejectNextOrders(1);
        assertFailure(post("/api/Order/place", market), 2);
        JsonNode all = ok(post("/api/Order/search", "{\"accountId\":" + account
                + ",\"startTimestamp\":\"2020-01-01T00:00:00Z\"}")).path("orders");
        assertThat(all).anyMatch(o -> o.path("status").asInt() == 5 && o.path("fillVolume").asLong() == 0);

        gateway.faults().tooManyRequestsFor(Duration.ofMinutes(1));
        assertThat(post("/api/Account/search", "{}").status()).isEqualTo(429);
        gateway.faults().tooManyRequestsFor(Duration.ZERO);
        assertThat(post("/api/Account/search", "{}").status()).isEqualTo(200);
    }

    @Test
    void aPlacementTheStalledVenueNeverTookUpIsRefusedAsNotPlacedAndNeverPlacedLater() {
        try (PaperGateway slow = PaperGateway.builder().user("demo", "secret-key").venueTimeout(Duration.ofMillis(300))
                .build().start()) {
            RestClient client = new RestClient(slow.url());
            try {
                client.login("demo", "secret-key");
                long id = client.firstAccountId();
                String contract = slow.contracts().get(0).id();
                slow.quote(contract, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 10);
                FaultScript.parse("stall-venue:2s").action().accept(slow);
                Answer refused = client.post("/api/Order/place", "{\"accountId\":" + id + ",\"contractId\":\""
                        + contract + "\",\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790.00,"
                        + "\"customTag\":\"stalled-1\"}");
                assertFailure(refused, 2);
                assertThat(refused.json().path("errorMessage").asText()).contains("not carried out");
                assertThat(client.post("/api/Order/searchOpen", "{\"accountId\":" + id + "}").status())
                        .as("a read the stalled venue cannot answer is a 503").isEqualTo(503);
                JsonNode orders = Await.value("the venue answering again", () -> {
                    Answer a = client.post("/api/Order/search", "{\"accountId\":" + id
                            + ",\"startTimestamp\":\"2020-01-01T00:00:00Z\"}");
                    return a.status() == 200 ? a.json().path("orders") : null;
                });
                assertThat(orders).as("the withdrawn placement never ran").isEmpty();
            } finally {
                client.close();
            }
        }
    }

    @Test
    void theDocumentedRateLimitIsEnforcedPerUser() {
        int answered = 0;
        int status = 200;
        while (status == 200 && answered < 300) {
            status = post("/api/Account/search", "{}").status();
            answered++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(answered).as("the 201st call within a minute (the first was made at setup) is refused")
                .isEqualTo(200);
        RestClient other = new RestClient(gateway.url());
        other.login("other", "other-key");
        assertThat(other.post("/api/Account/search", "{}").status()).as("another user is not limited").isEqualTo(200);
        other.close();
    }
}
