package io.tickflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tickflow.engine.backtest.BacktestResult;
import io.tickflow.engine.backtest.EquityPoint;
import io.tickflow.engine.backtest.FillRecord;
import io.tickflow.engine.backtest.PerformanceStats;
import io.tickflow.engine.backtest.PriceMark;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Money;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.risk.RiskBreach;

/**
 * {@code report.html}: one self-contained page (no scripts, no external files or fonts) with a
 * backtest's statistics, a price chart per contract with its fills (buy/sell, entry/exit), the
 * equity and drawdown curves as inline SVG, and the rule breaches. Series are downsampled to at
 * most {@value #MAX_POINTS} points a chart (the lowest and highest of each time bucket). The same
 * result always gives the same bytes.
 */
final class HtmlReport {
    static final int MAX_POINTS = 2000;
    private static final int W = 1000;
    private static final int LEFT = 90;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 26;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AXIS =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String BUY = "#1a9850";
    private static final String SELL = "#d73027";

    private HtmlReport() {
    }

    static void write(BacktestResult result, String title, Path file) {
        try {
            Files.writeString(file, render(result, title));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String render(BacktestResult result, String title) {
        PerformanceStats s = result.stats();
        long[] span = span(result);
        StringBuilder html = new StringBuilder(65_536);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
                        + "margin:0;background:#f4f6f8;color:#222}main{max-width:1200px;margin:0 auto;padding:24px}"
                        + "h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.1em;margin:0 0 8px;color:#333}"
                        + ".sub{color:#666;margin:0 0 16px}.card{background:#fff;border-radius:8px;padding:16px;"
                        + "margin:0 0 16px;box-shadow:0 1px 3px rgba(0,0,0,.12)}svg{width:100%;height:auto;display:block}"
                        + "table{border-collapse:collapse;width:100%}td,th{padding:6px 10px;border-bottom:1px solid #eee;"
                        + "text-align:right}th{text-align:left;font-weight:600}.stats{display:grid;"
                        + "grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}.stat{background:#f8fafc;"
                        + "border-radius:6px;padding:8px 10px}.stat .k{font-size:.8em;color:#666}.stat .v{font-size:1.2em;"
                        + "font-weight:600}.pos{color:" + BUY + "}.neg{color:" + SELL + "}.none{color:#666}"
                        + "td.l,th.l{text-align:left}</style></head><body><main>\n<h1>")
                .append(escape(title)).append("</h1>\n<p class=\"sub\">")
                .append(escape(span[1] > span[0] ? TIME.format(ts(span[0])) + " – " + TIME.format(ts(span[1])) + " UTC"
                        : "no market data"))
                .append(" · ").append(result.events()).append(" events</p>\n");
        html.append("<section class=\"card\"><h2>Statistics</h2>"
                + "<div class=\"stats\">\n");
        stat(html, "Net PnL", Money.dollars(s.netCents()), Long.signum(s.netCents()));
        stat(html, "Gross PnL", Money.dollars(s.grossCents()), Long.signum(s.grossCents()));
        stat(html, "Commissions", Money.dollars(s.commissionCents()), 0);
        stat(html, "Round trips", Integer.toString(s.trades()), 0);
        stat(html, "Win rate", percent(s.winRate()), 0);
        stat(html, "Profit factor", ratio(s.profitFactor()), 0);
        stat(html, "Average win", Money.dollars(s.avgWinCents()), 0);
        stat(html, "Average loss", Money.dollars(s.avgLossCents()), 0);
        stat(html, "Max drawdown", Money.dollars(s.maxDrawdownCents()) + " (" + percent(s.maxDrawdownFraction()) + ")",
                s.maxDrawdownCents() > 0 ? -1 : 0);
        stat(html, "Sharpe (daily)", ratio(s.sharpe()), 0);
        stat(html, "Starting balance", Money.dollars(result.startingBalanceCents()), 0);
        stat(html, "Fills", Integer.toString(result.fills().size()), 0);
        stat(html, "Risk breaches", Integer.toString(result.breaches().size()), result.breaches().isEmpty() ? 0 : -1);
        html.append("</div></section>\n");
        for (int c = 0; c < result.contracts().size(); c++) {
            html.append(priceChart(result, c, span));
        }
        html.append(equityCharts(result.equity(), span));
        html.append(breaches(result.breaches()));
        html.append("</main></body></html>\n");
        return html.toString();
    }

    private static Instant ts(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    /** The first and last time of any mark, fill or equity point. */
    private static long[] span(BacktestResult r) {
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        for (PriceMark m : r.prices()) {
            t0 = Math.min(t0, m.tsEvent());
            t1 = Math.max(t1, m.tsEvent());
        }
        for (EquityPoint p : r.equity()) {
            t0 = Math.min(t0, p.tsEvent());
            t1 = Math.max(t1, p.tsEvent());
        }
        for (FillRecord f : r.fills()) {
            t0 = Math.min(t0, f.tsEvent());
            t1 = Math.max(t1, f.tsEvent());
        }
        return t0 > t1 ? new long[] {0, 0} : new long[] {t0, t1};
    }

    private static double x(long ts, long[] span) {
        return LEFT + (double) (ts - span[0]) / Math.max(1, span[1] - span[0]) * (W - LEFT - RIGHT);
    }

    private static double y(double v, double min, double max, int height) {
        return TOP + (max - v) / (max == min ? 1 : max - min) * (height - TOP - BOTTOM);
    }

    /** Indexes to keep: all when few, else the lowest and highest of each of MAX_POINTS / 2 time buckets. */
    static int[] downsample(long[] ts, double[] v, long[] span) {
        int n = ts.length;
        if (n <= MAX_POINTS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int buckets = MAX_POINTS / 2;
        int[] lo = new int[buckets];
        int[] hi = new int[buckets];
        java.util.Arrays.fill(lo, -1);
        double width = Math.max(1, span[1] - span[0]);
        for (int i = 0; i < n; i++) {
            int b = (int) Math.min(buckets - 1, Math.max(0, (ts[i] - span[0]) / width * buckets));
            if (lo[b] < 0) {
                lo[b] = i;
                hi[b] = i;
            } else {
                if (v[i] < v[lo[b]]) {
                    lo[b] = i;
                }
                if (v[i] > v[hi[b]]) {
                    hi[b] = i;
                }
            }
        }
        int[] keep = new int[MAX_POINTS];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            if (lo[b] >= 0) {
                keep[k++] = Math.min(lo[b], hi[b]);
                if (hi[b] != lo[b]) {
                    keep[k++] = Math.max(lo[b], hi[b]);
                }
            }
        }
        return java.util.Arrays.copyOf(keep, k);
    }

    private static String points(long[] ts, double[] v, long[] span, double min, double max, int height) {
        StringBuilder p = new StringBuilder();
        for (int i : downsample(ts, v, span)) {
            p.append(fmt(x(ts[i], span))).append(',').append(fmt(y(v[i], min, max, height))).append(' ');
        }
        return p.toString().trim();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** Grid lines and labels: about five on each axis. */
    private static void axes(StringBuilder svg, long[] span, double min, double max, int height,
                             java.util.function.DoubleFunction<String> label) {
        double step = niceStep((max - min) / 4);
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
            double yy = y(v, min, max, height);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"")
                    .append(fmt(yy)).append("\" y2=\"").append(fmt(yy)).append("\" stroke=\"#e5e7eb\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(yy + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#666\">")
                    .append(escape(label.apply(v))).append("</text>");
        }
        for (int i = 0; i <= 4; i++) {
            long t = span[0] + (span[1] - span[0]) / 4 * i;
            double xx = x(t, span);
            svg.append("<text x=\"").append(fmt(xx)).append("\" y=\"").append(height - 8)
                    .append("\" text-anchor=\"").append(i == 0 ? "start" : i == 4 ? "end" : "middle")
                    .append("\" font-size=\"11\" fill=\"#666\">").append(escape(AXIS.format(ts(t)))).append("</text>");
        }
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(W - LEFT - RIGHT).append("\" height=\"").append(height - TOP - BOTTOM)
                .append("\" fill=\"none\" stroke=\"#ccc\"/>");
    }

    private static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    private static String priceChart(BacktestResult r, int contract, long[] span) {
        Contract c = r.contracts().contract(contract);
        List<PriceMark> marks = new ArrayList<>();
        for (PriceMark m : r.prices()) {
            if (m.contract() == contract) {
                marks.add(m);
            }
        }
        List<FillRecord> fills = new ArrayList<>();
        for (FillRecord f : r.fills()) {
            if (f.contract() == contract) {
                fills.add(f);
            }
        }
        if (marks.isEmpty() && fills.isEmpty()) {
            return "";
        }
        int height = 360;
        long[] ts = new long[marks.size()];
        double[] v = new double[marks.size()];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < ts.length; i++) {
            ts[i] = marks.get(i).tsEvent();
            v[i] = c.toDouble(marks.get(i).priceTicks());
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        for (FillRecord f : fills) {
            min = Math.min(min, c.toDouble(f.priceTicks()));
            max = Math.max(max, c.toDouble(f.priceTicks()));
        }
        double pad = Math.max((max - min) * 0.04, c.tickSize().doubleValue());
        min -= pad;
        max += pad;
        int scale = Math.max(0, c.tickSize().stripTrailingZeros().scale());
        StringBuilder svg = new StringBuilder();
        svg.append("<section class=\"card\"><h2>").append(escape(c.symbol() + " (" + c.id() + ")"))
                .append(" price and fills</h2>\n<svg viewBox=\"0 0 ").append(W).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"price chart\">");
        final double lo = min;
        axes(svg, span, min, max, height, d -> String.format(Locale.ROOT, "%,." + scale + "f", d));
        if (ts.length > 0) {
            svg.append("<polyline class=\"price\" fill=\"none\" stroke=\"#3b5b92\" stroke-width=\"1.2\" points=\"")
                    .append(points(ts, v, span, lo, max, height)).append("\"/>");
        }
        Map<Long, Long> net = new HashMap<>();
        for (FillRecord f : fills) {
            long before = net.getOrDefault(f.accountId(), 0L);
            long after = before + f.side().sign() * f.size();
            net.put(f.accountId(), after);
            boolean entry = before == 0 || Long.signum(before) == f.side().sign();
            boolean buy = f.side() == Side.BUY;
            double xx = x(f.tsEvent(), span);
            double yy = y(c.toDouble(f.priceTicks()), min, max, height);
            String color = buy ? BUY : SELL;
            double d = buy ? 7 : -7;
            svg.append("<path class=\"fill ").append(buy ? "buy" : "sell").append(entry ? " entry" : " exit")
                    .append("\" d=\"M").append(fmt(xx)).append(',').append(fmt(yy)).append(" l-5,").append(fmt(d))
                    .append(" h10 z\" fill=\"").append(entry ? color : "#fff").append("\" stroke=\"").append(color)
                    .append("\" stroke-width=\"1.5\"><title>")
                    .append(escape(TIME.format(ts(f.tsEvent())) + " " + f.side() + " " + f.size() + " @ "
                            + c.toPrice(f.priceTicks()).toPlainString() + " (account " + f.accountId() + ", "
                            + (entry ? "entry" : "exit") + ")"))
                    .append("</title></path>");
        }
        svg.append(legend());
        svg.append("</svg></section>\n");
        return svg.toString();
    }

    private static String legend() {
        String[][] items = {{"buy entry", BUY, BUY, "7"}, {"buy exit", BUY, "#fff", "7"},
            {"sell entry", SELL, SELL, "-7"}, {"sell exit", SELL, "#fff", "-7"}};
        StringBuilder l = new StringBuilder("<g class=\"legend\" font-size=\"11\" fill=\"#444\">");
        double xx = W - RIGHT - 330;
        for (String[] it : items) {
            l.append("<path d=\"M").append(fmt(xx)).append(",").append(it[3].startsWith("-") ? 31 : 24)
                    .append(" l-5,").append(it[3]).append(" h10 z\" fill=\"").append(it[2]).append("\" stroke=\"")
                    .append(it[1]).append("\" stroke-width=\"1.5\"/><text x=\"").append(fmt(xx + 9))
                    .append("\" y=\"32\">").append(it[0]).append("</text>");
            xx += 82;
        }
        return l.append("</g>").toString();
    }

    private static String equityCharts(List<EquityPoint> curve, long[] span) {
        if (curve.size() < 2) {
            return "<section class=\"card\"><h2>Equity</h2><p>No equity curve: fewer than two points.</p></section>\n";
        }
        long[] ts = new long[curve.size()];
        double[] eq = new double[ts.length];
        double[] dd = new double[ts.length];
        long peak = 0;
        double min = 0;
        double max = 0;
        double ddMin = 0;
        for (int i = 0; i < ts.length; i++) {
            EquityPoint p = curve.get(i);
            ts[i] = p.tsEvent();
            peak = Math.max(peak, p.equityCents());
            eq[i] = p.equityCents();
            dd[i] = p.equityCents() - peak;
            min = Math.min(min, eq[i]);
            max = Math.max(max, eq[i]);
            ddMin = Math.min(ddMin, dd[i]);
        }
        if (max == min) {
            max = min + 100;
        }
        if (ddMin == 0) {
            ddMin = -100;
        }
        int height = 300;
        StringBuilder svg = new StringBuilder("<section class=\"card\"><h2>Equity (net PnL since the start)</h2>\n");
        svg.append("<svg viewBox=\"0 0 ").append(W).append(' ').append(height).append("\" role=\"img\" aria-label=\"equity\">");
        axes(svg, span, min, max, height, d -> Money.dollars(Math.round(d)));
        double zero = y(0, min, max, height);
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(fmt(zero))
                .append("\" y2=\"").append(fmt(zero)).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>");
        svg.append("<polyline class=\"equity\" fill=\"none\" stroke=\"").append(BUY)
                .append("\" stroke-width=\"1.6\" points=\"").append(points(ts, eq, span, min, max, height))
                .append("\"/></svg></section>\n");
        int ddHeight = 200;
        svg.append("<section class=\"card\"><h2>Drawdown (below the previous peak)</h2>\n<svg viewBox=\"0 0 ")
                .append(W).append(' ').append(ddHeight).append("\" role=\"img\" aria-label=\"drawdown\">");
        axes(svg, span, ddMin, 0, ddHeight, d -> Money.dollars(Math.round(d)));
        String pts = points(ts, dd, span, ddMin, 0, ddHeight);
        double top = y(0, ddMin, 0, ddHeight);
        svg.append("<path class=\"drawdown\" fill=\"rgba(215,48,39,.25)\" stroke=\"").append(SELL)
                .append("\" stroke-width=\"1.2\" d=\"M").append(fmt(x(ts[0], span))).append(',').append(fmt(top))
                .append(" L").append(pts.replace(" ", " L")).append(" L").append(fmt(x(ts[ts.length - 1], span)))
                .append(',').append(fmt(top)).append(" Z\"/></svg></section>\n");
        return svg.toString();
    }

    private static String breaches(List<RiskBreach> breaches) {
        StringBuilder h = new StringBuilder("<section class=\"card\"><h2>Rule breaches</h2>\n");
        if (breaches.isEmpty()) {
            return h.append("<p class=\"none\">No rule breaches.</p></section>\n").toString();
        }
        h.append("<table class=\"breaches\"><tr><th class=\"l\">Time (UTC)</th><th class=\"l\">Rule</th><th>Account</th>"
                + "<th>Limit</th><th>By</th><th class=\"l\">Detail</th></tr>\n");
        for (RiskBreach b : breaches) {
            h.append("<tr class=\"breach\"><td class=\"l\">").append(escape(TIME.format(ts(b.tsEvent()))))
                    .append("</td><td class=\"l\">").append(escape(b.rule())).append("</td><td>").append(b.accountId())
                    .append("</td><td>").append(escape(Money.dollars(b.limitCents()))).append("</td><td class=\"neg\">")
                    .append(escape(Money.dollars(b.excessCents()))).append("</td><td class=\"l\">")
                    .append(escape(b.detail())).append("</td></tr>\n");
        }
        return h.append("</table></section>\n").toString();
    }

    private static void stat(StringBuilder html, String name, String value, int sign) {
        html.append("<div class=\"stat\"><div class=\"k\">").append(escape(name)).append("</div><div class=\"v")
                .append(sign > 0 ? " pos" : sign < 0 ? " neg" : "").append("\">").append(escape(value))
                .append("</div></div>\n");
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", fraction * 100) : "n/a";
    }

    private static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "n/a";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
