package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.gateway.rest.ExpiredTokenAnswer;
import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.adapters.testing.MovableClock;

/**
 * The REST client against the paper gateway over loopback (real OkHttp): business failures
 * arrive as typed exceptions with the service's message, and the reference's optional fields
 * (app sign-in, brackets, trail price, search end, data tier) travel as the service expects.
 */
class ProjectXRestTest {
    private static final String KEY = "k-77c1-paper-secret";
    private static final long ACCOUNT = 10_001;
    private static final int LIMIT = 1;
    private static final int BUY = 0;

    private PaperGateway gateway;
    private ProjectXRest rest;
    private String es;

    @BeforeEach
    void start() {
        gateway = PaperGateway.builder().user("demo", KEY).build().start();
        es = gateway.contracts().get(0).contract().id();
        gateway.quote(es, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 10);
        rest = new ProjectXRest(gateway.url(), "demo", Secret.of(KEY));
        rest.login();
    }

    @AfterEach
    void stop() {
        rest.close();
        gateway.close();
    }

    private long restingBuy(String tag) {
        return rest.place(ACCOUNT, es, LIMIT, BUY, 1, new BigDecimal("6790.00"), null, null, tag);
    }

    @Test
    void anUnknownContractIsContractNotFoundWithTheServicesMessage() {
        assertThatThrownBy(() -> rest.contract("CON.F.US.XX.Z99"))
                .isInstanceOfSatisfying(ProjectXException.ContractNotFound.class, e -> {
                    assertThat(e.reason()).isEqualTo(ServiceError.ContractLookup.CONTRACT_NOT_FOUND);
                    assertThat(e.errorCode()).isEqualTo(1);
                })
                .hasMessageContaining("CON.F.US.XX.Z99").hasMessageContaining("not found");
        assertThatThrownBy(() -> rest.place(ACCOUNT, "CON.F.US.XX.Z99", LIMIT, BUY, 1, BigDecimal.ONE, null, null, "t1"))
                .isInstanceOfSatisfying(ProjectXException.ContractNotFound.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceError.Place.CONTRACT_NOT_FOUND));
        assertThatThrownBy(() -> rest.bars("CON.F.US.XX.Z99", Instant.now().minusSeconds(3600), Instant.now(), 2, 1,
                10, false)).isInstanceOfSatisfying(ProjectXException.ContractNotFound.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceError.Bars.CONTRACT_NOT_FOUND));
    }

    @Test
    void anUnknownAccountIsAccountNotFoundOnSearchesAndCommands() {
        assertThatThrownBy(() -> rest.openOrders(99_999))
                .isInstanceOfSatisfying(ProjectXException.AccountNotFound.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceError.AccountSearch.ACCOUNT_NOT_FOUND))
                .hasMessageContaining("99999");
        assertThatThrownBy(() -> rest.trades(99_999, Instant.now().minusSeconds(60)))
                .isInstanceOf(ProjectXException.AccountNotFound.class);
        assertThatThrownBy(() -> rest.place(99_999, es, LIMIT, BUY, 1, BigDecimal.ONE, null, null, "t2"))
                .isInstanceOfSatisfying(ProjectXException.AccountNotFound.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceError.Place.ACCOUNT_NOT_FOUND));
        assertThatThrownBy(() -> rest.cancel(99_999, 1))
                .isInstanceOfSatisfying(ProjectXException.AccountNotFound.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceError.Cancel.ACCOUNT_NOT_FOUND));
    }

    @Test
    void aRefusedPlacementIsOrderRejectedWithThePlaceCode() {
        assertThatThrownBy(() -> rest.place(ACCOUNT, es, LIMIT, BUY, 0, new BigDecimal("6790.00"), null, null, "t3"))
                .isInstanceOfSatisfying(ProjectXException.OrderRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(ServiceError.Place.ORDER_REJECTED);
                    assertThat(e.outcomeUnknown()).isFalse();
                })
                .hasMessageContaining("Invalid order size");
    }

    @Test
    void nativeBracketsTravelAndAreRefusedByPositionBracketAccounts() {
        long entry = rest.place(ACCOUNT, es, LIMIT, BUY, 1, new BigDecimal("6790.00"), null, null, "b1",
                new ApiObjects.Bracket(8, 4), new ApiObjects.Bracket(16, 1));
        assertThat(rest.openOrders(ACCOUNT)).as("the legs wait, suspended and unlisted, for the entry to fill")
                .singleElement().satisfies(o -> assertThat(o.id()).isEqualTo(entry));

        try (PaperGateway positionBrackets = PaperGateway.builder().user("demo", KEY).positionBrackets(true).build()
                .start();
             ProjectXRest client = new ProjectXRest(positionBrackets.url(), "demo", Secret.of(KEY))) {
            client.login();
            String contract = positionBrackets.contracts().get(0).contract().id();
            assertThatThrownBy(() -> client.place(ACCOUNT, contract, LIMIT, BUY, 1, new BigDecimal("6790.00"), null,
                    null, "b1", new ApiObjects.Bracket(8, 4), new ApiObjects.Bracket(16, 1)))
                    .isInstanceOfSatisfying(ProjectXException.OrderRejected.class,
                            e -> assertThat(e.reason()).isEqualTo(ServiceError.Place.ORDER_REJECTED))
                    .hasMessageContaining("Position Brackets");
            assertThat(client.place(ACCOUNT, contract, LIMIT, BUY, 1, new BigDecimal("6790.00"), null, null, "b2"))
                    .as("no bracket fields, no refusal").isPositive();
        }
    }

    @Test
    void aTrailPriceOnModifyReachesTheService() {
        long id = restingBuy("m1");
        assertThatThrownBy(() -> rest.modify(ACCOUNT, id, null, null, null, new BigDecimal("2")))
                .isInstanceOfSatisfying(ProjectXException.Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(ServiceError.Modify.REJECTED))
                .hasMessageContaining("trailing distance");
        rest.modify(ACCOUNT, id, 2L, null, null, null);
        assertThat(rest.openOrders(ACCOUNT).get(0).size()).isEqualTo(2);
    }

    @Test
    void searchesHonourTheirEndTimestamp() {
        Instant before = Instant.now().minusSeconds(60);
        restingBuy("s1");
        assertThat(rest.orders(ACCOUNT, before.minusSeconds(60), before)).isEmpty();
        assertThat(rest.orders(ACCOUNT, before, null)).hasSize(1);
        assertThat(rest.trades(ACCOUNT, before.minusSeconds(60), before)).isEmpty();
    }

    @Test
    void theLiveTierIsSentOnContractReads() {
        assertThat(rest.searchContracts("ES", false)).isNotEmpty();
        assertThat(rest.availableContracts(true)).as("the paper gateway has one tier").isNotEmpty();
        assertThat(rest.bars(es, true, Instant.now().minusSeconds(3600), Instant.now(), 2, 1, 10, false)).isNotNull();
    }

    @Test
    void anAppSignInTheServiceRefusesIsTypedAndDoesNotReplaceTheSession() {
        String token = rest.token();
        ProjectXRest app = new ProjectXRest(gateway.url(), "demo", Secret.of(KEY));
        try {
            assertThatThrownBy(() -> app.loginApp(new ProjectXRest.AppCredentials(Secret.of("pw"), "device-1",
                    "app-1", Secret.of("verify"))))
                    .isInstanceOfSatisfying(ProjectXException.Refused.class,
                            e -> assertThat(e.reason()).isEqualTo(ServiceError.Login.APP_NOT_FOUND))
                    .hasMessageNotContaining("pw").hasMessageNotContaining("verify");
        } finally {
            app.close();
        }
        assertThat(rest.token()).isEqualTo(token);
        assertThat(gateway.logins()).isEqualTo(1);
    }

    @Test
    void aRestCallRefusedAfterAnEvictionEndsTheSessionOnceAndNeverSignsInAgain() {
        java.util.List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        rest.onSessionEnded(ended::add);
        gateway.logOutElsewhere("demo");
        assertThatThrownBy(() -> rest.accounts(true)).isInstanceOf(ProjectXException.SessionEnded.class);
        assertThatThrownBy(() -> rest.openOrders(ACCOUNT)).isInstanceOf(ProjectXException.SessionEnded.class);
        assertThatThrownBy(rest::token).isInstanceOf(ProjectXException.SessionEnded.class);
        assertThatThrownBy(rest::login).as("not even on request").isInstanceOf(ProjectXException.SessionEnded.class);
        assertThat(ended).hasSize(1);
        assertThat(rest.sessionAlive()).isFalse();
        assertThat(gateway.logins()).isEqualTo(1);
    }

    @Test
    void aTokenThatExpiredUnrenewedIsReplacedBySigningInAgainEvenWhenValidateAnswers401() {
        MovableClock clock = new MovableClock();
        try (PaperGateway strict = PaperGateway.builder().user("demo", KEY).wallClock(clock)
                .tokenLifetime(Duration.ofHours(1)).expiredTokenAnswer(ExpiredTokenAnswer.UNAUTHORIZED).build().start();
             ProjectXRest client = new ProjectXRest(strict.url(), "demo", Secret.of(KEY), Duration.ofSeconds(10),
                     Duration.ofMillis(200), clock)) {
            java.util.List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
            client.onSessionEnded(ended::add);
            client.login();

            // the machine sleeps past the token's hour: the renewal due is answered 401, the token being expired
            clock.advance(Duration.ofHours(2));
            assertThat(client.accounts(true)).isNotEmpty();
            assertThat(client.logins()).as("signed in again").isEqualTo(2);

            // a hub closing after another such sleep asks whether the session lives: it does, with a new token
            clock.advance(Duration.ofHours(2));
            assertThat(client.sessionAlive()).isTrue();
            assertThat(client.accounts(true)).isNotEmpty();
            assertThat(client.logins()).isEqualTo(3);
            assertThat(ended).isEmpty();

            // a 401 to a token within its lifetime is still the session ended elsewhere
            strict.logOutElsewhere("demo");
            assertThat(client.sessionAlive()).isFalse();
            assertThatThrownBy(client::token).isInstanceOf(ProjectXException.SessionEnded.class);
            assertThat(ended).hasSize(1);
            assertThat(strict.logins()).isEqualTo(3);
        }
    }

    @Test
    void aCodeTheReferenceDoesNotListStaysUntypedAndSaysSo() {
        assertThatThrownBy(() -> ServiceError.of("Order/place", 42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Order/place").hasMessageContaining("42");
        ProjectXException e = ProjectXException.refusal("Order/place", 42, "strange");
        assertThat(e).isNotInstanceOf(ProjectXException.Refused.class);
        assertThat(e.errorCode()).isEqualTo(42);
        assertThat(e.reason()).isNull();
        assertThat(ProjectXException.refusal("Position/closeContract", 2, "none").reason())
                .isEqualTo(ServiceError.ClosePosition.POSITION_NOT_FOUND);
    }

    @Test
    void aPlacementHeldPastItsSendDeadlineByATokenRenewalIsNeverSent() {
        MovableClock clock = new MovableClock();
        try (PaperGateway slow = PaperGateway.builder().user("demo", KEY).wallClock(clock)
                .tokenLifetime(Duration.ofHours(1)).build().start();
             ProjectXRest client = new ProjectXRest(slow.url(), "demo", Secret.of(KEY), Duration.ofSeconds(10),
                     Duration.ofMillis(200), clock)) {
            String contract = slow.contracts().get(0).contract().id();
            slow.quote(contract, new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 10);
            client.login();
            // renewal is due (the token still valid), and its validate answers later than the send deadline
            clock.advance(Duration.ofMinutes(55));
            slow.faults().delayAnswers("Auth/validate", Duration.ofMillis(1500), 1);
            assertThatThrownBy(() -> client.placeBy(System.nanoTime() + 500_000_000L, ACCOUNT, contract, LIMIT, BUY, 1,
                    new BigDecimal("6790.00"), null, null, "renewed-late-1"))
                    .isInstanceOfSatisfying(ProjectXException.NotSent.class,
                            e -> assertThat(e.outcomeUnknown()).as("certainly not placed").isFalse())
                    .hasMessageContaining("renewing the session token");
            assertThat(client.validations()).as("the token was renewed all the same").isEqualTo(1);
            assertThat(client.orders(ACCOUNT, Instant.now().minusSeconds(600))).isEmpty();
        }
    }

    @Test
    void aPlacementHeldPastItsSendDeadlineIsNeverSentAndSaysSoDefinitely() {
        assertThatThrownBy(() -> rest.placeBy(System.nanoTime() - 1, ACCOUNT, es, LIMIT, BUY, 1,
                new BigDecimal("6790.00"), null, null, "late-1"))
                .isInstanceOfSatisfying(ProjectXException.NotSent.class,
                        e -> assertThat(e.outcomeUnknown()).as("certainly not placed").isFalse())
                .hasMessageContaining("never reached the service");
        assertThat(rest.orders(ACCOUNT, Instant.now().minusSeconds(600))).isEmpty();
        assertThat(rest.placeBy(System.nanoTime() + 5_000_000_000L, ACCOUNT, es, LIMIT, BUY, 1,
                new BigDecimal("6790.00"), null, null, "on-time-1")).isPositive();
        assertThat(rest.orders(ACCOUNT, Instant.now().minusSeconds(600))).extracting(ApiObjects.Order::customTag)
                .containsExactly("on-time-1");
    }
}
