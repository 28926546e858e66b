package io.tickflow.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.time.SessionCalendar;

/** {@link RiskGate#lossRoomCents}: what the gate's own loss rules would still allow. */
class LossRoomTest {
    private static final long ACCOUNT = 7;
    private static final long WEDNESDAY = nanos("2026-12-02T15:00:00Z");
    private static final long THURSDAY = nanos("2026-12-03T15:00:00Z");

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static RiskGate gate(RiskLimits.TrailingMode mode) {
        return new RiskGate(RiskLimits.none(), Map.of(ACCOUNT, RiskLimits.none().withDailyLossLimit(100_000)
                .withTrailingDrawdown(200_000, mode)), SessionCalendar.cme());
    }

    @Test
    void beforeAnyEquityTheRoomIsTheSmallerLimit() {
        assertThat(gate(RiskLimits.TrailingMode.INTRADAY).lossRoomCents(ACCOUNT, WEDNESDAY)).isEqualTo(100_000);
    }

    @Test
    void anAccountWithoutLossRulesHasNoRoomFigure() {
        assertThat(gate(RiskLimits.TrailingMode.INTRADAY).lossRoomCents(8, WEDNESDAY)).isEqualTo(-1);
    }

    @Test
    void theTrailingDrawdownBindsOnceAGainHasRaisedItsFloor() {
        RiskGate gate = gate(RiskLimits.TrailingMode.INTRADAY);
        gate.onEquity(ACCOUNT, 150_000, WEDNESDAY);
        // daily: $1,000 + $1,500 won; trailing: the high-water mark is here, $2,000 to the floor
        assertThat(gate.lossRoomCents(ACCOUNT, WEDNESDAY)).isEqualTo(200_000);
        gate.onEquity(ACCOUNT, 50_000, WEDNESDAY + 1);
        // daily: $1,000 + $500; trailing: $2,000 - ($1,500 - $500)
        assertThat(gate.lossRoomCents(ACCOUNT, WEDNESDAY + 1)).isEqualTo(100_000);
    }

    @Test
    void theDailyLimitCountsFromTheSessionStartNotFromTheRunStart() {
        RiskGate gate = gate(RiskLimits.TrailingMode.INTRADAY);
        gate.onEquity(ACCOUNT, -60_000, WEDNESDAY);
        assertThat(gate.lossRoomCents(ACCOUNT, WEDNESDAY)).isEqualTo(40_000);
        // the next session starts from -$600: the daily room is whole again, the trailing one is not
        assertThat(gate.lossRoomCents(ACCOUNT, THURSDAY)).isEqualTo(100_000);
        gate.onEquity(ACCOUNT, -150_000, THURSDAY);
        // daily: $1,000 - $900 lost today; trailing: $2,000 - $1,500 below the mark at 0
        assertThat(gate.lossRoomCents(ACCOUNT, THURSDAY)).isEqualTo(10_000);
    }

    @Test
    void aBreachLeavesNoRoom() {
        RiskGate gate = gate(RiskLimits.TrailingMode.INTRADAY);
        assertThat(gate.onEquity(ACCOUNT, -100_000, WEDNESDAY)).isNotNull();
        assertThat(gate.lossRoomCents(ACCOUNT, WEDNESDAY)).isZero();
    }
}
