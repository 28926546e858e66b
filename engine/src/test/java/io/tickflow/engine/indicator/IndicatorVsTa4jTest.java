package io.tickflow.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.testing.SharedData;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Each streaming indicator against ta4j 0.17's on a week of real ES minute bars
 * ({@code ../shared/data/esz3-2013-10-07_11-1m-trades.csv}), prices in ticks. Where ta4j seeds a
 * Wilder or exponential average with the first value instead of a simple mean of the first
 * {@code period} (EMA, MACD and its signal, RSI, ATR, ADX), the values are compared only after {@link #SETTLE}
 * bars, when the seeding difference has decayed below the tolerance.
 */
class IndicatorVsTa4jTest {
    private static final Contract ESZ3 = Contract.of("CON.F.US.EP.Z13", "ESZ3", "0.25", "12.50", "USD");
    private static final int SETTLE = 400;
    private static long[] open;
    private static long[] high;
    private static long[] low;
    private static long[] close;
    private static long[] volume;
    private static long[] tsOpen;
    private static BarSeries series;

    @BeforeAll
    static void load() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("esz3-2013-10-07_11-1m-trades.csv"));
        int n = lines.size() - 1;
        open = new long[n];
        high = new long[n];
        low = new long[n];
        close = new long[n];
        volume = new long[n];
        tsOpen = new long[n];
        series = new BaseBarSeriesBuilder().withName("ESZ3").withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            open[i] = ESZ3.toTicks(new BigDecimal(f[1]));
            high[i] = ESZ3.toTicks(new BigDecimal(f[2]));
            low[i] = ESZ3.toTicks(new BigDecimal(f[3]));
            close[i] = ESZ3.toTicks(new BigDecimal(f[4]));
            volume[i] = Long.parseLong(f[5]);
            Instant t = Instant.parse(f[0]);
            tsOpen[i] = t.getEpochSecond() * 1_000_000_000L;
            series.addBar(Duration.ofMinutes(1), t.plusSeconds(60).atZone(ZoneOffset.UTC),
                    open[i], high[i], low[i], close[i], volume[i]);
        }
    }

    private interface Step {
        void update(int i);
    }

    /** Feeds every bar, comparing from bar {@code from} on within a relative 1e-6 (of max(|expected|, 1)). */
    private static void compare(String name, int from, Step step, DoubleSupplier ours, IntFunction<Num> theirs) {
        int compared = 0;
        for (int i = 0; i < close.length; i++) {
            step.update(i);
            if (i < from) {
                continue;
            }
            double expected = theirs.apply(i).doubleValue();
            if (Double.isNaN(expected)) {
                continue;
            }
            double actual = ours.getAsDouble();
            assertThat(Math.abs(actual - expected))
                    .as("%s at bar %d: ours %s, ta4j %s", name, i, actual, expected)
                    .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(expected)));
            compared++;
        }
        assertThat(compared).as(name + " compared bars").isGreaterThan(close.length - from - 50);
    }

    private static ClosePriceIndicator closes() {
        return new ClosePriceIndicator(series);
    }

    @Test
    void smaMatchesTa4jFromTheFirstFullWindow() {
        Sma sma = new Sma(20);
        Indicator<Num> ref = new SMAIndicator(closes(), 20);
        compare("SMA(20)", 19, i -> sma.update(close[i]), sma::value, ref::getValue);
    }

    @Test
    void wmaMatchesTa4jFromTheFirstFullWindow() {
        Wma wma = new Wma(20);
        Indicator<Num> ref = new WMAIndicator(closes(), 20);
        compare("WMA(20)", 19, i -> wma.update(close[i]), wma::value, ref::getValue);
    }

    @Test
    void emaMatchesTa4jOnceTheSeedingHasDecayed() {
        Ema ema = new Ema(20);
        Indicator<Num> ref = new EMAIndicator(closes(), 20);
        compare("EMA(20)", SETTLE, i -> ema.update(close[i]), ema::value, ref::getValue);
    }

    @Test
    void bollingerBandsMatchTa4j() {
        BollingerBands bb = new BollingerBands(20, 2);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(closes(), 20));
        Indicator<Num> upper = new BollingerBandsUpperIndicator(middle, new StandardDeviationIndicator(closes(), 20),
                DoubleNum.valueOf(2));
        compare("Bollinger upper(20, 2)", 19, i -> bb.update(close[i]), bb::upper, upper::getValue);
    }

    @Test
    void macdLineMatchesTa4jOnceTheSeedingHasDecayed() {
        Macd macd = new Macd(12, 26, 9);
        Indicator<Num> ref = new MACDIndicator(closes(), 12, 26);
        compare("MACD(12, 26)", SETTLE, i -> macd.update(close[i]), macd::value, ref::getValue);
    }

    @Test
    void rsiMatchesTa4jOnceTheSeedingHasDecayed() {
        Rsi rsi = new Rsi(14);
        Indicator<Num> ref = new RSIIndicator(closes(), 14);
        compare("RSI(14)", SETTLE, i -> rsi.update(close[i]), rsi::value, ref::getValue);
    }

    @Test
    void atrMatchesTa4jOnceTheSeedingHasDecayed() {
        Atr atr = new Atr(14);
        ATRIndicator ref = new ATRIndicator(series, 14);
        compare("ATR(14)", SETTLE, i -> atr.update(high[i], low[i], close[i]), atr::value, ref::getValue);
    }

    @Test
    void adxMatchesTa4jOnceTheSeedingHasDecayed() {
        Adx adx = new Adx(14);
        Indicator<Num> ref = new ADXIndicator(series, 14);
        compare("ADX(14)", SETTLE, i -> adx.update(high[i], low[i], close[i]), adx::value, ref::getValue);
    }

    @Test
    void donchianChannelMatchesTa4j() {
        DonchianChannel dc = new DonchianChannel(20);
        Indicator<Num> upper = new DonchianChannelUpperIndicator(series, 20);
        Indicator<Num> lower = new DonchianChannelLowerIndicator(series, 20);
        compare("Donchian upper(20)", 19, i -> dc.update(high[i], low[i]), dc::upper, upper::getValue);
        DonchianChannel again = new DonchianChannel(20);
        compare("Donchian lower(20)", 19, i -> again.update(high[i], low[i]), again::lower, lower::getValue);
    }

    @Test
    void stochasticKMatchesTa4j() {
        Stochastic st = new Stochastic(14, 3);
        Indicator<Num> ref = new StochasticOscillatorKIndicator(series, 14);
        compare("Stochastic %K(14)", 13, i -> st.update(high[i], low[i], close[i]), st::value, ref::getValue);
    }

    @Test
    void macdSignalLineMatchesTa4jsEmaOfTheMacdLineOnceTheSeedingHasDecayed() {
        Macd macd = new Macd(12, 26, 9);
        Indicator<Num> ref = new EMAIndicator(new MACDIndicator(closes(), 12, 26), 9);
        compare("MACD signal(12, 26, 9)", SETTLE, i -> macd.update(close[i]), macd::signal, ref::getValue);
    }

    @Test
    void macdHistogramMatchesTa4jsMacdLessItsSignalOnceTheSeedingHasDecayed() {
        Macd macd = new Macd(12, 26, 9);
        MACDIndicator line = new MACDIndicator(closes(), 12, 26);
        Indicator<Num> signal = new EMAIndicator(line, 9);
        compare("MACD histogram(12, 26, 9)", SETTLE, i -> macd.update(close[i]), macd::histogram,
                i -> line.getValue(i).minus(signal.getValue(i)));
    }

    @Test
    void stochasticDMatchesTa4jFromTheFirstFullWindowOfK() {
        Stochastic st = new Stochastic(14, 3);
        // ta4j's %D is a 3-bar SMA of its %K; its %K over the first 13 bars uses the shorter window so far,
        // so the first %D made only of full-window %K values is at bar 13 + 2
        Indicator<Num> ref = new StochasticOscillatorDIndicator(new StochasticOscillatorKIndicator(series, 14));
        compare("Stochastic %D(14, 3)", 15, i -> st.update(high[i], low[i], close[i]), st::d, ref::getValue);
    }

    /**
     * ta4j has no session-anchored VWAP: its {@link VWAPIndicator} sums the last {@code barCount}
     * bars of a series. Over a series holding only one session's bars, with {@code barCount} the
     * session's length, the window at every bar reaches back exactly to the session's first bar,
     * which is the session-anchored value. Both weigh the typical price {@code (high + low +
     * close) / 3} by the bar's volume (ta4j 0.17's {@code TypicalPriceIndicator}; our
     * {@link SessionVwap#update(io.tickflow.engine.strategy.BarView)}), so no convention differs.
     */
    @Test
    void sessionVwapMatchesTa4jsVwapOverEachCmeSessionsBarsSoFar() {
        SessionCalendar calendar = SessionCalendar.cme();
        double[] expected = new double[close.length];
        int sessions = 0;
        for (int start = 0; start < close.length; sessions++) {
            long sessionOpen = calendar.sessionOpen(tsOpen[start]);
            int end = start;
            while (end < close.length && calendar.sessionOpen(tsOpen[end]) == sessionOpen) {
                end++;
            }
            BarSeries session = new BaseBarSeriesBuilder().withName("ESZ3 session " + sessions)
                    .withNumTypeOf(DoubleNum.class).build();
            for (int i = start; i < end; i++) {
                session.addBar(series.getBar(i));
            }
            VWAPIndicator vwap = new VWAPIndicator(session, end - start);
            for (int i = start; i < end; i++) {
                expected[i] = vwap.getValue(i - start).doubleValue();
            }
            start = end;
        }
        assertThat(sessions).as("CME sessions in the file").isEqualTo(5);

        SessionVwap ours = new SessionVwap(SessionCalendar.cme());
        compare("session VWAP", 0, i -> ours.update(tsOpen[i], (high[i] + low[i] + close[i]) / 3.0, volume[i]),
                ours::value, i -> DoubleNum.valueOf(expected[i]));
    }
}
