package io.tickflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.EquityPoint;
import io.tickflow.engine.backtest.PerformanceStats;
import io.tickflow.engine.model.Money;

/**
 * {@code report.html}: one self-contained page (no scripts, no external files) with a
 * backtest's statistics and its equity curve as an inline SVG, for opening in any browser.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    static void write(BacktestResult result, String title, Path file) {
        PerformanceStats s = result.stats();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                        + "table{border-collapse:collapse}td,th{padding:.25em 1em;border-bottom:1px solid #ddd;"
                        + "text-align:right}th{text-align:left}</style></head><body>\n<h1>")
                .append(escape(title)).append("</h1>\n<table>\n");
        row(html, "Net PnL", Money.dollars(s.netCents()));
        row(html, "Gross PnL", Money.dollars(s.grossCents()));
        row(html, "Commissions", Money.dollars(s.commissionCents()));
        row(html, "Round trips", Integer.toString(s.trades()));
        row(html, "Win rate", percent(s.winRate()));
        row(html, "Profit factor", String.format(Locale.ROOT, "%.2f", s.profitFactor()));
        row(html, "Average win", Money.dollars(s.avgWinCents()));
        row(html, "Average loss", Money.dollars(s.avgLossCents()));
        row(html, "Max drawdown", Money.dollars(s.maxDrawdownCents()) + " (" + percent(s.maxDrawdownFraction()) + ")");
        row(html, "Sharpe (daily)", String.format(Locale.ROOT, "%.2f", s.sharpe()));
        row(html, "Fills", Integer.toString(result.fills().size()));
        row(html, "Risk breaches", Integer.toString(result.breaches().size()));
        html.append("</table>\n<h2>Equity</h2>\n").append(svg(result.equity())).append("\n</body></html>\n");
        try {
            Files.writeString(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", fraction * 100) : "n/a";
    }

    /** The equity curve scaled into an 800 × 240 box. */
    private static String svg(List<EquityPoint> curve) {
        if (curve.size() < 2) {
            return "<p>No equity curve: fewer than two points.</p>";
        }
        long t0 = curve.get(0).tsEvent();
        long t1 = curve.get(curve.size() - 1).tsEvent();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (EquityPoint p : curve) {
            min = Math.min(min, p.equityCents());
            max = Math.max(max, p.equityCents());
        }
        double width = 800;
        double height = 240;
        double dt = Math.max(1, t1 - t0);
        double dv = Math.max(1, max - min);
        StringBuilder points = new StringBuilder();
        for (EquityPoint p : curve) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", (p.tsEvent() - t0) / dt * width,
                    height - (p.equityCents() - min) / dv * height));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"260\" viewBox=\"0 -10 800 260\">"
                + "<polyline fill=\"none\" stroke=\"#2a6\" stroke-width=\"1.5\" points=\"" + points.toString().trim()
                + "\"/><text x=\"4\" y=\"8\" font-size=\"12\">" + escape(Money.dollars(max)) + "</text>"
                + "<text x=\"4\" y=\"246\" font-size=\"12\">" + escape(Money.dollars(min)) + "</text></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
