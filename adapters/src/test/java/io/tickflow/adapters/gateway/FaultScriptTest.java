package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.tickflow.adapters.testing.Await;

import org.junit.jupiter.api.Test;

class FaultScriptTest {
    @Test
    void specsParseWithTheirDelays() {
        assertThat(FaultScript.parse("drop-hub:user@30s").after()).isEqualTo(Duration.ofSeconds(30));
        assertThat(FaultScript.parse("http-5xx:Order/place:2").after()).isZero();
        assertThat(FaultScript.parse("http-429:500ms@2m").after()).isEqualTo(Duration.ofMinutes(2));
        for (String spec : new String[] {"reject-orders:3", "delay-hub:200ms", "duplicate-hub:5", "reorder-hub:4",
                "expire-tokens@1h", "token-lifetime:10m", "logout-elsewhere:demo", "drop-hub:all",
                "answer-code:Order/place:7:1", "stall-venue:2s",
                "refuse-subscribe:1", "ignore-subscribe:2", "drop-on-subscribe:3"}) {
            assertThat(FaultScript.parse(spec).spec()).isEqualTo(spec);
        }
    }

    @Test
    void badSpecsSayWhatWasExpected() {
        assertThatThrownBy(() -> FaultScript.parse("explode")).hasMessageContaining("unknown fault 'explode'")
                .hasMessageContaining("reject-orders:N");
        assertThatThrownBy(() -> FaultScript.parse("reject-orders:many")).hasMessageContaining("expected a count");
        assertThatThrownBy(() -> FaultScript.parse("http-429:soon")).hasMessageContaining("expected a duration");
        assertThatThrownBy(() -> FaultScript.parse("drop-hub:both")).hasMessageContaining("market, user or all");
        assertThatThrownBy(() -> FaultScript.parse("http-5xx")).hasMessageContaining("missing its argument");
    }

    @Test
    void aScriptAppliesAFaultWithoutADelayAtOnceAndOneWithADelayThatLongAfter() {
        try (PaperGateway gateway = PaperGateway.builder().user("demo", "k").rateLimits(false).build().start();
             FaultScript script = new FaultScript()) {
            RestClient rest = new RestClient(gateway.url());
            try {
                rest.login("demo", "k");
                long scheduled = System.nanoTime();
                script.schedule(gateway, List.of(FaultScript.parse("http-5xx:Account/search:1"),
                        FaultScript.parse("expire-tokens@300ms")));
                assertThat(rest.post("/api/Account/search", "{}").status()).as("applied at once").isEqualTo(500);
                Await.until("the delayed expiry", () -> rest.post("/api/Account/search", "{}").status() == 401);
                assertThat(System.nanoTime() - scheduled).as("not before its delay")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
            } finally {
                rest.close();
            }
        }
    }
}
