package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LogThrottleTest {
    private final AtomicLong now = new AtomicLong(5_000);
    private final LogThrottle throttle = new LogThrottle(3, 1_000, now::get);

    private List<Long> admit(int times) {
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(throttle.admit());
        }
        return answers;
    }

    @Test
    void aBurstPassesThenTheRestOfTheIntervalIsHeldBackAndCounted() {
        assertThat(admit(5)).containsExactly(0L, 0L, 0L, -1L, -1L);

        now.addAndGet(999);
        assertThat(admit(1)).as("still the same interval").containsExactly(-1L);

        now.addAndGet(1);
        assertThat(admit(4)).as("the first of the next interval says how many were held back")
                .containsExactly(3L, 0L, 0L, -1L);
    }

    @Test
    void quietIntervalsHoldNothingBack() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admit()).isZero();
            now.addAndGet(10_000);
        }
    }

    @Test
    void aBurstBelowOneOrANonPositiveIntervalIsRefused() {
        assertThatThrownBy(() -> new LogThrottle(0, 1_000, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogThrottle(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
