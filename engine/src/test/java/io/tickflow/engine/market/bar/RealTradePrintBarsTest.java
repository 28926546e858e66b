package io.tickflow.engine.market.bar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.BarSpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.testing.SharedData;
import io.tickflow.engine.time.SessionCalendar;

/** Minute bars from a real day of COMEX gold prints (../shared/data/gcz3-2013-10-08-trades.csv). */
class RealTradePrintBarsTest {
    private static final Contract GC = Contract.of("CON.F.US.GCE.Z13", "GCZ3", "0.10", "10.00", "USD");

    @Test
    void minuteBarsOfARealDayPartitionItsPrintsAndRespectTheSessionBreak() throws IOException {
        Path file = SharedData.require("gcz3-2013-10-08-trades.csv");
        // GC in 2013: 17:00 to 16:15 America/Chicago (22:00 to 21:15 UTC in October)
        SessionCalendar comex = new SessionCalendar(ZoneId.of("America/Chicago"), LocalTime.of(17, 0), LocalTime.of(16, 15));
        BarCollector out = new BarCollector();
        BarAggregator bars = BarAggregators.create(GC, BarSpec.parse("1m"), comex, out);
        long prints = 0;
        long contracts = 0;
        long first = 0;
        long last = 0;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String header = reader.readLine();
            assertThat(header).isEqualTo("ts_event,price,size");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                Instant t = Instant.parse(f[0]);
                long ts = t.getEpochSecond() * 1_000_000_000L + t.getNano();
                long price = GC.toTicks(Double.parseDouble(f[1]));
                long size = Long.parseLong(f[2]);
                bars.onPrice(ts, price, size);
                prints++;
                contracts += size;
                if (first == 0) {
                    first = price;
                }
                last = price;
            }
        }
        bars.onTime(BarCollector.at("2013-10-09T00:00:00Z"));

        assertThat(prints).isEqualTo(52_038);
        assertThat(contracts).isEqualTo(72_433);
        assertThat(out.raw.stream().mapToLong(b -> b[7]).sum()).isEqualTo(prints);
        assertThat(out.raw.stream().mapToLong(b -> b[6]).sum()).isEqualTo(contracts);
        assertThat(out.raw.get(0)[2]).isEqualTo(first);
        assertThat(out.raw.get(out.raw.size() - 1)[5]).isEqualTo(last);
        assertThat(out.raw.stream().mapToLong(b -> b[3]).max().orElseThrow()).isEqualTo(13_308);
        assertThat(out.raw.stream().mapToLong(b -> b[4]).min().orElseThrow()).isEqualTo(13_154);
        long breakStart = BarCollector.at("2013-10-08T21:15:00Z");
        long breakEnd = BarCollector.at("2013-10-08T22:00:00Z");
        for (long[] bar : out.raw) {
            assertThat(bar[1] - bar[0]).isEqualTo(60_000_000_000L);
            assertThat(bar[0] >= breakStart && bar[0] < breakEnd).as("a bar in the session break").isFalse();
        }
    }
}
