package io.tickflow.engine.market.bar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tickflow.engine.strategy.BarView;

/** Records completed bars as text: "[open time, close time) o h l c v n". */
final class BarCollector implements BarSink {
    final List<String> bars = new ArrayList<>();
    final List<long[]> raw = new ArrayList<>();

    @Override
    public void onBar(BarView b) {
        bars.add("[" + text(b.tsOpen()) + ", " + text(b.tsClose()) + ") " + b.open() + " " + b.high() + " " + b.low()
                + " " + b.close() + " v" + b.volume() + " n" + b.count());
        raw.add(new long[] {b.tsOpen(), b.tsClose(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.count()});
    }

    static String text(long nanos) {
        return nanos < 1_000_000_000_000L ? Long.toString(nanos) : Instant.ofEpochSecond(0, nanos).toString();
    }

    static long at(String isoInstant) {
        Instant i = Instant.parse(isoInstant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
