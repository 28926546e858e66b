package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tickflow.adapters.gateway.RestClient.Answer;
import io.tickflow.adapters.testing.MovableClock;

/**
 * Token lifetimes on an injected wall clock ({@code Builder.wallClock}): a token expires when
 * the clock passes its lifetime, {@code Auth/validate} renews it with a {@code newToken} that
 * lives a full lifetime from then, and an expired token is refused: no sleeping, the clock is
 * moved by hand.
 */
class PaperGatewayTokenClockTest {
    private final MovableClock clock = new MovableClock();
    private PaperGateway gateway;
    private RestClient rest;

    @BeforeEach
    void start() {
        gateway = PaperGateway.builder().user("demo", "k").wallClock(clock).tokenLifetime(Duration.ofHours(1))
                .build().start();
        rest = new RestClient(gateway.url());
    }

    @AfterEach
    void stop() {
        rest.close();
        gateway.close();
    }

    private int status(String token) {
        return rest.post("/api/Account/search", "{}", token).status();
    }

    private static JsonNode claims(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void aTokenLivesItsLifetimeOnTheWallClockAndValidateRenewsIt() throws Exception {
        String first = rest.login("demo", "k");
        JsonNode c = claims(first);
        assertThat(c.path("sub").asText()).isEqualTo("demo");
        assertThat(c.path("exp").asLong() - c.path("iat").asLong()).isEqualTo(3_600);
        assertThat(c.path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());

        clock.advance(Duration.ofMinutes(59));
        assertThat(status(first)).as("one minute left").isEqualTo(200);
        Answer renewed = rest.post("/api/Auth/validate", "", first);
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().path("success").asBoolean()).isTrue();
        assertThat(renewed.json().path("errorCode").asInt()).isZero();
        String fresh = renewed.json().path("newToken").asText();
        assertThat(fresh).isNotEqualTo(first);
        assertThat(claims(fresh).path("exp").asLong()).isEqualTo(clock.instant().plus(Duration.ofHours(1))
                .getEpochSecond());

        clock.advance(Duration.ofMinutes(1));
        assertThat(status(first)).as("the first token's hour is up").isEqualTo(401);
        assertThat(status(fresh)).as("the renewed token lives an hour from its renewal").isEqualTo(200);
        Answer late = rest.post("/api/Auth/validate", "", first);
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().path("success").asBoolean()).isFalse();
        assertThat(late.json().path("errorCode").asInt()).as("ExpiredToken").isEqualTo(3);
        assertThat(late.json().path("newToken").isNull()).isTrue();

        clock.advance(Duration.ofMinutes(59));
        assertThat(status(fresh)).isEqualTo(401);
        assertThat(rest.post("/api/Auth/validate", "", "never-issued").status()).as("an unknown token").isEqualTo(401);
    }

    @Test
    void aShorterLifetimeSetWhileRunningAppliesToTokensIssuedFromThen() {
        String before = rest.login("demo", "k");
        gateway.tokenLifetime(Duration.ofMinutes(5));
        String after = rest.login("demo", "k");
        clock.advance(Duration.ofMinutes(5));
        assertThat(status(after)).isEqualTo(401);
        assertThat(status(before)).isEqualTo(200);
    }

    @Test
    void a429WindowEndsOnTheWallClock() {
        String token = rest.login("demo", "k");
        gateway.faults().tooManyRequestsFor(Duration.ofSeconds(30));
        assertThat(status(token)).isEqualTo(429);
        clock.advance(Duration.ofSeconds(29));
        assertThat(status(token)).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(status(token)).isEqualTo(200);
    }
}
