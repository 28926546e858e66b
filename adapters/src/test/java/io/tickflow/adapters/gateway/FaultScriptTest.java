package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FaultScriptTest {
    @Test
    void specsParseWithTheirDelays() {
        assertThat(FaultScript.parse("drop-hub:user@30s").after()).isEqualTo(Duration.ofSeconds(30));
        assertThat(FaultScript.parse("http-5xx:Order/place:2").after()).isZero();
        assertThat(FaultScript.parse("http-429:500ms@2m").after()).isEqualTo(Duration.ofMinutes(2));
        for (String spec : new String[] {"reject-orders:3", "delay-hub:200ms", "duplicate-hub:5", "reorder-hub:4",
                "expire-tokens@1h", "token-lifetime:10m", "logout-elsewhere:demo", "drop-hub:all"}) {
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
}
