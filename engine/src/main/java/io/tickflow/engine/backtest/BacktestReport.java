package io.tickflow.engine.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Money;

/**
 * Writes a {@link BacktestResult} as files a trader can open: {@code fills.csv} (one row per
 * fill), {@code trades.csv} (round trips), {@code equity.csv} (the equity curve) and
 * {@code stats.json} and {@code summary.json} (final positions, working orders, PnL, rule
 * breaches). Times are ISO-8601 UTC, prices decimals, money dollars with cents. The
 * output depends only on the result, so the same backtest writes the same bytes.
 */
public final class BacktestReport {
    private BacktestReport() {
    }

    /**
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static void write(BacktestResult result, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + dir, e);
        }
        writeFile(dir.resolve("fills.csv"), w -> {
            w.write("ts,account,contract,side,size,price,commission,order_id,client_order_id\n");
            for (FillRecord f : result.fills()) {
                Contract c = result.contracts().contract(f.contract());
                w.write(time(f.tsEvent()) + "," + f.accountId() + "," + c.id() + "," + f.side() + "," + f.size() + ","
                        + c.toPrice(f.priceTicks()).toPlainString() + "," + dollars(f.commissionCents()) + ","
                        + f.gatewayOrderId() + "," + f.clientOrderId() + "\n");
            }
        });
        writeFile(dir.resolve("trades.csv"), w -> {
            w.write("entry_ts,exit_ts,account,contract,side,max_size,pnl,commission,net\n");
            for (RoundTrip t : result.trades()) {
                w.write(time(t.entryTs()) + "," + time(t.exitTs()) + "," + t.accountId() + ","
                        + result.contracts().contract(t.contract()).id() + "," + (t.side().sign() > 0 ? "LONG" : "SHORT")
                        + "," + t.maxSize() + "," + dollars(t.pnlCents()) + "," + dollars(t.commissionCents()) + ","
                        + dollars(t.netCents()) + "\n");
            }
        });
        writeFile(dir.resolve("equity.csv"), w -> {
            w.write("ts,equity\n");
            for (EquityPoint p : result.equity()) {
                w.write(time(p.tsEvent()) + "," + dollars(p.equityCents()) + "\n");
            }
        });
        writeFile(dir.resolve("stats.json"), w -> w.write(statsJson(result)));
        writeFile(dir.resolve("summary.json"), w -> w.write(summaryJson(result)));
    }

    static String summaryJson(BacktestResult result) {
        StringBuilder json = new StringBuilder("{\n  \"positions\": [");
        long realized = 0;
        long unrealized = 0;
        for (int i = 0; i < result.positions().size(); i++) {
            FinalPosition p = result.positions().get(i);
            realized += p.realizedCents();
            unrealized += p.unrealizedCents();
            json.append(i == 0 ? "\n" : ",\n").append("    {\"account\": ").append(p.accountId())
                    .append(", \"contract\": \"").append(result.contracts().contract(p.contract()).id())
                    .append("\", \"net\": ").append(p.net()).append(", \"realized\": ").append(dollars(p.realizedCents()))
                    .append(", \"commissions\": ").append(dollars(p.commissionCents())).append(", \"unrealized\": ")
                    .append(dollars(p.unrealizedCents())).append('}');
        }
        json.append(result.positions().isEmpty() ? "],\n" : "\n  ],\n");
        field(json, "working_orders", Integer.toString(result.workingOrders()));
        field(json, "fills", Integer.toString(result.fills().size()));
        field(json, "round_trips", Integer.toString(result.trades().size()));
        field(json, "realized_pnl", dollars(realized));
        field(json, "unrealized_pnl", dollars(unrealized));
        field(json, "commissions", dollars(result.stats().commissionCents()));
        field(json, "net_pnl", dollars(result.stats().netCents()));
        breaches(json, result);
        return json.toString();
    }

    static String statsJson(BacktestResult result) {
        PerformanceStats s = result.stats();
        StringBuilder json = new StringBuilder("{\n");
        field(json, "net_pnl", dollars(s.netCents()));
        field(json, "gross_pnl", dollars(s.grossCents()));
        field(json, "commissions", dollars(s.commissionCents()));
        field(json, "trades", Integer.toString(s.trades()));
        field(json, "fills", Integer.toString(result.fills().size()));
        field(json, "win_rate", ratio(s.winRate()));
        field(json, "profit_factor", ratio(s.profitFactor()));
        field(json, "avg_win", dollars(s.avgWinCents()));
        field(json, "avg_loss", dollars(s.avgLossCents()));
        field(json, "max_drawdown", dollars(s.maxDrawdownCents()));
        field(json, "max_drawdown_fraction", ratio(s.maxDrawdownFraction()));
        field(json, "sharpe_daily", ratio(s.sharpe()));
        field(json, "starting_balance", dollars(result.startingBalanceCents()));
        field(json, "events", Long.toString(result.events()));
        breaches(json, result);
        return json.toString();
    }

    private static void breaches(StringBuilder json, BacktestResult result) {
        json.append("  \"rule_breaches\": [");
        for (int i = 0; i < result.breaches().size(); i++) {
            var b = result.breaches().get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"account\": ").append(b.accountId())
                    .append(", \"rule\": \"").append(b.rule()).append("\", \"ts\": \"").append(time(b.tsEvent()))
                    .append("\", \"limit\": ").append(dollars(b.limitCents())).append(", \"excess\": ")
                    .append(dollars(b.excessCents())).append(", \"detail\": \"")
                    .append(b.detail().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}");
        }
        json.append(result.breaches().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    private static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "null";
    }

    private static String dollars(long cents) {
        return Money.decimal(cents);
    }

    private static String time(long nanos) {
        return Instant.ofEpochSecond(0, nanos).toString();
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeFile(Path file, Body body) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
