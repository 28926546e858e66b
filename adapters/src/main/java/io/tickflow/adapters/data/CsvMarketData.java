package io.tickflow.adapters.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tickflow.engine.backtest.BarReplay;
import io.tickflow.engine.backtest.MarketReplay;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;

/**
 * Readers for the market-data CSV formats the project uses (those of {@code ../shared/data}),
 * each giving a {@link MarketReplay} for the backtest runner. Every file is read and checked
 * completely before the replay starts, so a malformed row fails the run up front with the
 * file and line, never halfway through a backtest.
 */
public final class CsvMarketData {
    private CsvMarketData() {
    }

    /**
     * Any of the formats below, told apart by the file's header line (bars are taken as
     * one-minute bars).
     *
     * @throws IllegalArgumentException naming the file when the header is none of them
     */
    public static MarketReplay detect(Path file, Contract contract, int contractIndex) {
        String header;
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file)) {
            header = in.readLine();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        }
        String h = header == null ? "" : header.trim();
        return switch (h) {
            case "ts_event,open,high,low,close,volume" -> bars(file, contract, contractIndex, 60);
            case "ts_event,price,size" -> tradePrints(file, contract, contractIndex, true);
            case "ts_event,price" -> tradePrints(file, contract, contractIndex, false);
            case "ts_event,kind,price,size,aggressor,bid_price,bid_size,ask_price,ask_size" ->
                    level1(file, contract, contractIndex);
            default -> throw new IllegalArgumentException(file + ":1: not a market-data CSV this reader knows; the "
                    + "header must be one of: ts_event,open,high,low,close,volume | ts_event,price,size | "
                    + "ts_event,price | ts_event,kind,price,size,aggressor,bid_price,bid_size,ask_price,ask_size");
        };
    }

    /**
     * OHLCV bars: {@code ts_event,open,high,low,close,volume}, {@code ts_event} the bar's open,
     * each bar {@code barSeconds} long; replayed through the bar fill model's walk.
     */
    public static BarReplay bars(Path file, Contract contract, int contractIndex, long barSeconds) {
        List<BarReplay.InputBar> bars = new ArrayList<>();
        long length = Math.multiplyExact(barSeconds, 1_000_000_000L);
        CsvRows.read(file, contract, "ts_event,open,high,low,close,volume", row -> {
            try {
                bars.add(new BarReplay.InputBar(row.time(0), length, row.ticks(1), row.ticks(2), row.ticks(3),
                        row.ticks(4), row.count(5)));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(file.toString()) ? e : row.bad(e.getMessage());
            }
        });
        return new BarReplay(bars, contractIndex);
    }

    /**
     * Trade prints: {@code ts_event,price,size} or {@code ts_event,price} (size 1). With no
     * quotes in the file, each print sets a one-tick market around it (bid = the price, ask =
     * one tick above) before it is printed. Prints of size 0 keep their price but add no volume.
     */
    public static MarketReplay tradePrints(Path file, Contract contract, int contractIndex, boolean withSize) {
        List<long[]> rows = new ArrayList<>();
        CsvRows.read(file, contract, withSize ? "ts_event,price,size" : "ts_event,price",
                row -> rows.add(new long[] {row.time(0), row.ticks(1), withSize ? row.count(2) : 1}));
        return target -> {
            for (long[] r : rows) {
                target.quote(contractIndex, r[0], r[1], 1, r[1] + 1, 1);
                target.trade(contractIndex, r[0], r[1], r[2], null);
            }
        };
    }

    /**
     * Top of book and prints:
     * {@code ts_event,kind,price,size,aggressor,bid_price,bid_size,ask_price,ask_size}, kind
     * {@code Q} (a new best bid and ask) or {@code T} (a print; aggressor B, A or N).
     */
    public static MarketReplay level1(Path file, Contract contract, int contractIndex) {
        List<long[]> rows = new ArrayList<>();
        CsvRows.read(file, contract, "ts_event,kind,price,size,aggressor,bid_price,bid_size,ask_price,ask_size", row -> {
            long ts = row.time(0);
            switch (row.text(1)) {
                case "Q" -> rows.add(new long[] {0, ts, row.ticks(5), row.count(6), row.ticks(7), row.count(8)});
                case "T" -> rows.add(new long[] {1, ts, row.ticks(2), row.count(3), aggressor(row), 0});
                default -> throw row.bad("expected kind Q or T, found '" + row.text(1) + "'");
            }
        });
        return target -> {
            for (long[] r : rows) {
                if (r[0] == 0) {
                    target.quote(contractIndex, r[1], r[2], r[3], r[4], r[5]);
                } else {
                    target.trade(contractIndex, r[1], r[2], r[3], r[4] < 0 ? null : Side.fromCode((int) r[4]));
                }
            }
        };
    }

    private static long aggressor(CsvRows row) {
        switch (row.text(4)) {
            case "B":
                return Side.BUY.code();
            case "A":
                return Side.SELL.code();
            case "N":
                return -1;
            default:
                throw row.bad("expected aggressor B, A or N, found '" + row.text(4) + "'");
        }
    }
}
