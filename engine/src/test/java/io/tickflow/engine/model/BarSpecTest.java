package io.tickflow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BarSpecTest {
    @Test
    void parsesEveryBarType() {
        assertThat(BarSpec.parse("30s")).isEqualTo(BarSpec.time(30));
        assertThat(BarSpec.parse("5m")).isEqualTo(BarSpec.time(300));
        assertThat(BarSpec.parse("1H")).isEqualTo(BarSpec.time(3600));
        assertThat(BarSpec.parse("1d").isSessionBar()).isTrue();
        assertThat(BarSpec.parse("500t")).isEqualTo(BarSpec.ticks(500));
        assertThat(BarSpec.parse("1000v")).isEqualTo(BarSpec.volume(1000));
        assertThat(BarSpec.parse("8r")).isEqualTo(BarSpec.range(8));
        assertThat(BarSpec.parse("4renko")).isEqualTo(BarSpec.renko(4));
        assertThat(BarSpec.parse("ha:1m")).isEqualTo(BarSpec.heikinAshi(BarSpec.time(60)));
        assertThat(BarSpec.parse("1m@bid").source()).isEqualTo(PriceSource.BID);
        assertThat(BarSpec.parse("ha:5m@ask").base().source()).isEqualTo(PriceSource.ASK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30s", "5m", "1h", "1d", "500t", "1000v", "8r", "4renko", "ha:1m", "1m@bid", "ha:2h@ask", "90s"})
    void printsWhatItParses(String text) {
        assertThat(BarSpec.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "5x", "0m", "-1m", "2d", "5m@mid", "ha:ha:1m", "99999999999999999999m", "1.5m"})
    void rejectsBadSpecsWithAClearMessage(String text) {
        assertThatThrownBy(() -> BarSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad bar spec '" + text + "'")
                .hasMessageContaining("expected e.g.");
    }
}
