package io.tickflow.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.time.SessionCalendar;

/** Updates allocate nothing once constructed: thread-allocated bytes around 100k updates of every indicator. */
class IndicatorAllocationTest {
    private final Sma sma = new Sma(20);
    private final Ema ema = new Ema(20);
    private final Wma wma = new Wma(20);
    private final Rsi rsi = new Rsi(14);
    private final Atr atr = new Atr(14);
    private final BollingerBands bb = new BollingerBands(20, 2);
    private final Macd macd = new Macd(12, 26, 9);
    private final SessionVwap vwap = new SessionVwap(SessionCalendar.cme());
    private final DonchianChannel dc = new DonchianChannel(20);
    private final Stochastic st = new Stochastic(14, 3);
    private final Adx adx = new Adx(14);
    private double sink;

    private void run(int n, long seed) {
        long x = seed;
        long ts = 1_381_183_200_000_000_000L; // 2013-10-07 22:00 UTC, a session open: one session throughout
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            long close = 6_600 + ((x >>> 40) % 40);
            long high = close + ((x >>> 20) & 3);
            long low = close - ((x >>> 10) & 3);
            sma.update(close);
            ema.update(close);
            wma.update(close);
            rsi.update(close);
            atr.update(high, low, close);
            bb.update(close);
            macd.update(close);
            vwap.update(ts + i * 1_000_000L, close, 1 + (x & 7));
            dc.update(high, low);
            st.update(high, low, close);
            adx.update(high, low, close);
            sink += sma.value() + ema.value() + wma.value() + rsi.value() + atr.value() + bb.upper() + macd.histogram()
                    + vwap.value() + dc.middle() + st.d() + adx.value();
        }
    }

    @Test
    void hundredThousandUpdatesOfEveryIndicatorAllocateNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM does not report thread allocations");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        run(20_000, 7); // warm up the JIT and the calendar's window cache
        long before = threads.getThreadAllocatedBytes(id);
        run(100_000, 11);
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).as("bytes allocated by 100k updates of all 11 indicators").isLessThan(1_024);
        assertThat(adx.isReady() && st.isReady() && macd.isReady() && vwap.isReady()).isTrue();
    }
}
