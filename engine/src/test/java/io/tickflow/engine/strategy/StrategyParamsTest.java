package io.tickflow.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;

class StrategyParamsTest {
    private final StrategyParams params = new StrategyParams("sma", Map.of("fast", "5", "ratio", "2.5", "on", "TRUE",
            "word", "abc", "huge", "99999999999", "bars", "5m", "badBars", "7x", "nan", "NaN"));

    @Test
    void typedGettersReadValuesAndDefaults() {
        assertThat(params.intValue("fast")).isEqualTo(5);
        assertThat(params.intValue("slow", 30)).isEqualTo(30);
        assertThat(params.longValue("huge")).isEqualTo(99_999_999_999L);
        assertThat(params.doubleValue("ratio")).isEqualTo(2.5);
        assertThat(params.booleanValue("on")).isTrue();
        assertThat(params.barSpec("bars", "1m")).isEqualTo(BarSpec.parse("5m"));
        assertThat(params.barSpec("missing", "1m")).isEqualTo(BarSpec.parse("1m"));
        assertThat(params.intValue("fast", 1, 1)).isEqualTo(5);
    }

    @Test
    void everyRefusalNamesTheParameterAndWhatWasExpected() {
        assertInvalid(() -> params.intValue("word"), "word", "expected an integer, found 'abc'");
        assertInvalid(() -> params.intValue("huge"), "huge", "expected an integer between -2147483648 and 2147483647, "
                + "found '99999999999'");
        assertInvalid(() -> params.doubleValue("nan"), "nan", "expected a finite number, found 'NaN'");
        assertInvalid(() -> params.booleanValue("word"), "word", "expected true or false, found 'abc'");
        assertInvalid(() -> params.string("absent"), "absent", "is required");
        assertInvalid(() -> params.intValue("fast", 1, 10), "fast", "expected at least 10, found 5");
        assertInvalid(() -> params.longValue("fast", 1, 6), "fast", "expected at least 6, found 5");
        assertThatThrownBy(() -> params.barSpec("badBars", "1m")).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("badBars"));
        assertThat(params.invalid("x", "no good")).hasMessage("strategy 'sma': parameter 'x': no good");
    }

    @Test
    void itRemembersWhichNamesWereAskedFor() {
        params.intValue("fast");
        params.string("other", "d");
        params.has("on");
        assertThat(params.namesRead()).containsExactly("fast", "other", "on");
    }

    private static void assertInvalid(Runnable read, String parameter, String problem) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }
}
