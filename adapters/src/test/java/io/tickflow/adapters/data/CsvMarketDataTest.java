package io.tickflow.adapters.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickflow.engine.backtest.MarketReplay;
import io.tickflow.engine.backtest.ReplayTarget;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;

class CsvMarketDataTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.H24", "ESH4", "0.25", "12.50", "USD");

    @TempDir
    Path dir;

    /** Records what a replay sends, as text. */
    private static final class Recording implements ReplayTarget {
        final List<String> events = new ArrayList<>();
        long quotes;
        long trades;
        long volume;

        @Override
        public void quote(int contract, long ts, long bid, long bidSize, long ask, long askSize) {
            quotes++;
            if (events.size() < 6) {
                events.add("Q " + ts + " " + bidSize + "@" + bid + "/" + askSize + "@" + ask);
            }
        }

        @Override
        public void trade(int contract, long ts, long price, long size, Side aggressor) {
            trades++;
            volume += size;
            if (events.size() < 6) {
                events.add("T " + ts + " " + size + "@" + price + " " + aggressor);
            }
        }
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void level1RowsBecomeQuotesAndPrintsInFileOrder() throws IOException {
        Path f = file("l1.csv", "ts_event,kind,price,size,aggressor,bid_price,bid_size,ask_price,ask_size",
                "2023-12-25T23:00:00.000000001Z,Q,,,,4800.00,5,4800.25,7",
                "2023-12-25T23:00:00.000000002Z,T,4800.25,3,B,,,,",
                "2023-12-25T23:00:00.000000002Z,T,4800.00,1,N,,,,");
        Recording r = new Recording();
        CsvMarketData.level1(f, ES, 0).replay(r);

        assertThat(r.events).containsExactly(
                "Q 1703545200000000001 5@19200/7@19201",
                "T 1703545200000000002 3@19201 BUY",
                "T 1703545200000000002 1@19200 null");
    }

    @Test
    void tradePrintsGetAOneTickMarketAroundThem() throws IOException {
        Path f = file("gc.csv", "ts_event,price,size", "2013-10-08T00:00:00.374Z,1323.25,2");
        Recording r = new Recording();
        CsvMarketData.tradePrints(f, ES, 0, true).replay(r);

        assertThat(r.events).containsExactly("Q 1381190400374000000 1@5293/1@5294", "T 1381190400374000000 2@5293 null");
    }

    @Test
    void everyKindOfBadRowIsReportedWithFileAndLine() throws IOException {
        Path header = file("h.csv", "time,price", "x,1");
        assertThatThrownBy(() -> CsvMarketData.tradePrints(header, ES, 0, false))
                .hasMessageContaining("h.csv:1: expected the header 'ts_event,price'");
        Path fields = file("f.csv", "ts_event,price,size", "2013-10-08T00:00:00Z,1");
        assertThatThrownBy(() -> CsvMarketData.tradePrints(fields, ES, 0, true))
                .hasMessageContaining("f.csv:2: expected 3 fields, found 2");
        Path offTick = file("o.csv", "ts_event,price", "2013-10-08T00:00:00Z,1.10");
        assertThatThrownBy(() -> CsvMarketData.tradePrints(offTick, ES, 0, false))
                .hasMessageContaining("o.csv:2:").hasMessageContaining("not a multiple of the tick size 0.25");
        Path time = file("t.csv", "ts_event,price", "yesterday,1.00");
        assertThatThrownBy(() -> CsvMarketData.tradePrints(time, ES, 0, false))
                .hasMessageContaining("t.csv:2: expected an ISO-8601 time");
        Path size = file("s.csv", "ts_event,price,size", "2013-10-08T00:00:00Z,1.00,-3");
        assertThatThrownBy(() -> CsvMarketData.tradePrints(size, ES, 0, true))
                .hasMessageContaining("s.csv:2: expected a whole number >= 0");
        Path kind = file("k.csv", "ts_event,kind,price,size,aggressor,bid_price,bid_size,ask_price,ask_size",
                "2023-12-25T23:00:00Z,X,,,,,,,");
        assertThatThrownBy(() -> CsvMarketData.level1(kind, ES, 0)).hasMessageContaining("k.csv:2: expected kind Q or T");
        Path bar = file("b.csv", "ts_event,open,high,low,close,volume", "2013-10-06T22:00:00Z,10.00,9.00,8.00,10.00,5");
        assertThatThrownBy(() -> CsvMarketData.bars(bar, ES, 0, 60))
                .hasMessageContaining("b.csv:2: inconsistent bar");
    }

    @Test
    void theRealLevel1FileReplaysEveryRow() {
        Path file = Path.of("").toAbsolutePath();
        while (file != null && !Files.isDirectory(file.resolve("shared/data"))) {
            file = file.getParent();
        }
        Path l1 = file == null ? null : file.resolve("shared/data/esh4-2023-12-25-l1.csv");
        assumeTrue(l1 != null && Files.isReadable(l1),
                "real market data esh4-2023-12-25-l1.csv is absent (expected in ../shared/data); skipping");
        MarketReplay replay = CsvMarketData.level1(l1, ES, 0);
        Recording r = new Recording();
        replay.replay(r);

        // the data's README: 2,973 trades, 9,892 contracts
        assertThat(r.trades).isEqualTo(2_973);
        assertThat(r.volume).isEqualTo(9_892);
        assertThat(r.quotes + r.trades).isEqualTo(28_412);
    }
}
