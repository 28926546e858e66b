package io.tickflow.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.time.SessionCalendar;

/** Each indicator on small hand-computed inputs: warm-up length, NaN before ready, the values after. */
class IndicatorWarmUpTest {
    private static final double EPS = 1e-9;

    @Test
    void smaIsReadyAfterPeriodValuesAndSlides() {
        Sma sma = new Sma(3);
        sma.update(1);
        sma.update(2);
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.value()).isNaN();
        sma.update(3);
        assertThat(sma.isReady()).isTrue();
        assertThat(sma.value()).isCloseTo(2, within(EPS));
        sma.update(10);
        assertThat(sma.value()).isCloseTo(5, within(EPS));
        assertThat(sma.count()).isEqualTo(4);
    }

    @Test
    void emaIsSeededWithTheSimpleMeanThenSmoothsWithTwoOverPeriodPlusOne() {
        Ema ema = new Ema(3);
        ema.update(1);
        ema.update(2);
        assertThat(ema.value()).isNaN();
        ema.update(3);
        assertThat(ema.value()).isCloseTo(2, within(EPS));
        ema.update(6); // alpha 0.5: 2 + 0.5 * 4
        assertThat(ema.value()).isCloseTo(4, within(EPS));
    }

    @Test
    void wmaWeighsTheNewestValueMost() {
        Wma wma = new Wma(3);
        wma.update(1);
        wma.update(2);
        assertThat(wma.value()).isNaN();
        wma.update(3);
        assertThat(wma.value()).isCloseTo((1 + 4 + 9) / 6.0, within(EPS));
        wma.update(4);
        assertThat(wma.value()).isCloseTo((2 + 6 + 12) / 6.0, within(EPS));
    }

    @Test
    void rsiNeedsPeriodChangesAndUsesWilderSmoothing() {
        Rsi rsi = new Rsi(2);
        rsi.update(10);
        rsi.update(12); // +2
        assertThat(rsi.isReady()).isFalse();
        rsi.update(11); // -1: avgGain 1, avgLoss 0.5
        assertThat(rsi.isReady()).isTrue();
        assertThat(rsi.value()).isCloseTo(100 - 100 / 3.0, within(EPS));
        rsi.update(14); // +3: avgGain (1 + 3) / 2 = 2, avgLoss 0.25
        assertThat(rsi.value()).isCloseTo(100 - 100 / 9.0, within(EPS));
    }

    @Test
    void atrAveragesTrueRangesIncludingGapsFromThePreviousClose() {
        Atr atr = new Atr(2);
        atr.update(10, 8, 9); // TR 2
        assertThat(atr.value()).isNaN();
        atr.update(14, 12, 13); // TR max(14, 9) - min(12, 9) = 5
        assertThat(atr.value()).isCloseTo(3.5, within(EPS));
        atr.update(13, 12, 12); // TR 1: (3.5 + 1) / 2
        assertThat(atr.value()).isCloseTo(2.25, within(EPS));
        assertThat(atr.trueRange()).isCloseTo(1, within(EPS));
    }

    @Test
    void bollingerBandsArePopulationDeviationsAroundTheMean() {
        BollingerBands bb = new BollingerBands(4, 2);
        bb.update(1);
        bb.update(2);
        bb.update(3);
        assertThat(bb.upper()).isNaN();
        bb.update(4); // mean 2.5, population variance 1.25
        assertThat(bb.middle()).isCloseTo(2.5, within(EPS));
        assertThat(bb.deviation()).isCloseTo(Math.sqrt(1.25), within(EPS));
        assertThat(bb.upper()).isCloseTo(2.5 + 2 * Math.sqrt(1.25), within(EPS));
        assertThat(bb.lower()).isCloseTo(2.5 - 2 * Math.sqrt(1.25), within(EPS));
    }

    @Test
    void macdLineStartsWithTheSlowEmaAndTheSignalAfterItsOwnPeriod() {
        Macd macd = new Macd(2, 3, 2);
        macd.update(1);
        macd.update(2);
        assertThat(macd.value()).isNaN();
        macd.update(3); // fast: seed 1.5, then 1.5 + 2/3 * 1.5 = 2.5; slow: 2 → macd 0.5
        assertThat(macd.value()).isCloseTo(0.5, within(EPS));
        assertThat(macd.isReady()).isFalse();
        macd.update(6); // fast 2.5 + 2/3 * 3.5; slow 2 + 0.5 * 4 = 4
        double fast = 2.5 + 2.0 / 3 * 3.5;
        assertThat(macd.value()).isCloseTo(fast - 4, within(EPS));
        assertThat(macd.isReady()).isTrue();
        assertThat(macd.signal()).isCloseTo((0.5 + fast - 4) / 2, within(EPS));
        assertThat(macd.histogram()).isCloseTo(macd.value() - macd.signal(), within(EPS));
    }

    @Test
    void donchianChannelTracksTheWindowExtremesAsTheyExpire() {
        DonchianChannel dc = new DonchianChannel(3);
        dc.update(10, 5);
        dc.update(9, 6);
        assertThat(dc.upper()).isNaN();
        dc.update(8, 7);
        assertThat(dc.upper()).isEqualTo(10);
        assertThat(dc.lower()).isEqualTo(5);
        dc.update(7, 7); // the first bar leaves the window
        assertThat(dc.upper()).isEqualTo(9);
        assertThat(dc.lower()).isEqualTo(6);
        dc.update(12, 1);
        assertThat(dc.upper()).isEqualTo(12);
        assertThat(dc.lower()).isEqualTo(1);
        assertThat(dc.middle()).isEqualTo(6.5);
    }

    @Test
    void stochasticKIsTheCloseWithinTheRangeAndDItsAverage() {
        Stochastic st = new Stochastic(2, 2);
        st.update(10, 0, 5);
        assertThat(st.value()).isNaN();
        st.update(20, 10, 15); // HH 20, LL 0 → 75
        assertThat(st.value()).isCloseTo(75, within(EPS));
        assertThat(st.isReady()).isFalse();
        st.update(20, 10, 10); // HH 20, LL 10 → 0
        assertThat(st.value()).isCloseTo(0, within(EPS));
        assertThat(st.isReady()).isTrue();
        assertThat(st.d()).isCloseTo(37.5, within(EPS));
    }

    @Test
    void adxIsReadyAfterTwicePeriodBarsAndIsHundredInAPureTrend() {
        Adx adx = new Adx(2);
        // a steady up-trend: every bar higher high and higher low, so -DM is always 0
        adx.update(10, 8, 9);
        adx.update(12, 10, 11);
        assertThat(adx.plusDi()).isNaN();
        adx.update(14, 12, 13);
        assertThat(adx.plusDi()).isCloseTo(100 * 2 / 3.0, within(EPS)); // +DM 2, TR 3
        assertThat(adx.minusDi()).isCloseTo(0, within(EPS));
        assertThat(adx.isReady()).isFalse();
        adx.update(16, 14, 15);
        assertThat(adx.isReady()).isTrue();
        assertThat(adx.value()).isCloseTo(100, within(EPS));
    }

    @Test
    void sessionVwapWeighsTypicalPricesByVolumeAndResetsAtTheCmeSessionOpen() {
        SessionVwap vwap = new SessionVwap(SessionCalendar.cme());
        assertThat(vwap.value()).isNaN();
        long monday2059 = nanos("2013-10-07T20:59:00Z"); // session of trade date 2013-10-07
        vwap.update(monday2059, 100, 1);
        vwap.update(monday2059 + 60_000_000_000L, 110, 3);
        assertThat(vwap.value()).isCloseTo((100 + 330) / 4.0, within(EPS));
        vwap.update(nanos("2013-10-07T22:00:00Z"), 200, 2); // 17:00 CT: the next session
        assertThat(vwap.value()).isCloseTo(200, within(EPS));
        assertThat(vwap.count()).isEqualTo(1);
        assertThat(vwap.sessionOpen()).isEqualTo(nanos("2013-10-07T22:00:00Z"));
    }

    private static long nanos(String iso) {
        return Instant.parse(iso).getEpochSecond() * 1_000_000_000L;
    }
}
