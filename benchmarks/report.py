#!/usr/bin/env python3
"""Turns the JMH JSON results and the loopback harness's JSON in one directory into ONE
Markdown table of results, ratios and targets (issue 7). Usage: report.py RESULTS_DIR"""
import json
import os
import sys


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


class Jmh:
    """Results of one JMH JSON file, looked up by method, mode and params."""

    def __init__(self, rows):
        self.rows = rows or []

    def find(self, method, jmh_mode, params):
        for r in self.rows:
            if not r["benchmark"].endswith("." + method) or r["mode"] != jmh_mode:
                continue
            if all(r.get("params", {}).get(k) == v for k, v in params.items()):
                return r
        return None

    def per_second(self, method, **params):
        """Throughput as operations per second, whatever unit JMH reported."""
        r = self.find(method, "thrpt", params)
        if r is None:
            return None
        score = r["primaryMetric"]["score"]
        unit = r["primaryMetric"]["scoreUnit"]
        factor = {"ops/s": 1, "ops/ms": 1e3, "ops/us": 1e6, "ops/ns": 1e9}[unit]
        return score * factor

    def alloc(self, method, **params):
        r = self.find(method, "thrpt", params)
        if r is None:
            return None
        m = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        return None if m is None else m["score"]

    def percentiles_ns(self, method, **params):
        r = self.find(method, "sample", params)
        if r is None:
            return None
        unit = r["primaryMetric"]["scoreUnit"]
        factor = {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}[unit]
        p = r["primaryMetric"]["scorePercentiles"]
        return {k: p[k] * factor for k in ("50.0", "99.0", "99.9")}


def rate(v, unit="/s"):
    if v is None:
        return "n/a"
    for div, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if v >= div:
            return "%.2f%s%s" % (v / div, suffix, unit)
    return "%.0f %s" % (v, unit)


def ns(v):
    if v is None:
        return "n/a"
    if v >= 1e6:
        return "%.2f ms" % (v / 1e6)
    if v >= 1e3:
        return "%.2f µs" % (v / 1e3)
    return "%.0f ns" % v


def bytes_op(v):
    return "n/a" if v is None else ("%.3f B/op" % v if v < 10 else "%.0f B/op" % v)


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def times(r):
    return "n/a" if r is None else "%.2f×" % r


def verdict(ok):
    return "n/a" if ok is None else ("**met**" if ok else "**missed**")


def main(directory):
    ring = Jmh(load(directory, "ring.json"))
    tick = Jmh(load(directory, "tick.json"))
    engine = Jmh(load(directory, "engine-ring.json"))
    decode = Jmh(load(directory, "decode.json"))
    backtest = Jmh(load(directory, "backtest.json"))
    e2e = load(directory, "e2e.json") or {}
    rows = []

    def row(what, result, target, ok):
        rows.append("| %s | %s | %s | %s |" % (what, result, target, verdict(ok)))

    # 1. tick path
    q_rate = tick.per_second("quote", mode="QUOTE")
    q_p = tick.percentiles_ns("quote", mode="QUOTE")
    q_alloc = tick.alloc("quote", mode="QUOTE")
    row("Tick path, quote → strategy (no order), one thread: throughput", rate(q_rate, "quotes/s"), "≥ 10 M quotes/s",
        None if q_rate is None else q_rate >= 10e6)
    if q_p:
        row("Tick path, no order: latency p50 / p99 / p99.9",
            "%s / %s / %s" % (ns(q_p["50.0"]), ns(q_p["99.0"]), ns(q_p["99.9"])), "p99 < 1 µs", q_p["99.0"] < 1000)
    row("Tick path, no order: allocation", bytes_op(q_alloc), "0 B/op", None if q_alloc is None else q_alloc < 0.1)
    for mode, label in (("ORDER_1_IN_100", "1 quote in 100 replaces an order"),
                        ("ORDER", "every quote cancels + places (risk gate → router → sim exchange)")):
        r = tick.per_second("quote", mode=mode)
        p = tick.percentiles_ns("quote", mode=mode)
        a = tick.alloc("quote", mode=mode)
        if r is not None:
            row("Tick path, %s" % label, "%s; p50 / p99 / p99.9 %s; %s" % (
                rate(r, "quotes/s"), " / ".join(ns(p[k]) for k in ("50.0", "99.0", "99.9")) if p else "n/a",
                bytes_op(a)), "p99 < 1 µs", None if not p else p["99.0"] < 1000)
    e = engine.per_second("publishQuote", waitStrategy="YIELDING")
    if e is not None:
        row("Quotes published through the ring to the engine thread (bars kept)", rate(e, "quotes/s"),
            "≥ 10 M quotes/s", e >= 10e6)

    # 2. ring handoff
    abq = ring.per_second("throughput", handoff="ABQ")
    for kind, label in (("RING_YIELDING", "yielding wait"), ("RING_BLOCKING", "blocking wait (engine default)")):
        r = ring.per_second("throughput", handoff=kind)
        x = ratio(r, abq)
        row("Ring handoff (%s) vs ArrayBlockingQueue, 2 threads: throughput" % label,
            "%s vs %s = %s" % (rate(r, "ev/s"), rate(abq, "ev/s"), times(x)), "≥ 5×", None if x is None else x >= 5)
    for kind in ("RING_YIELDING", "RING_BLOCKING", "ABQ"):
        p = ring.percentiles_ns("roundTrip", handoff=kind)
        if p:
            row("Handoff round trip (send one, see it taken), %s: p50 / p99 / p99.9" % kind,
                "%s / %s / %s" % (ns(p["50.0"]), ns(p["99.0"]), ns(p["99.9"])), "—", None)

    # 3. decode
    own = decode.per_second("tickflowText")
    own_alloc = decode.alloc("tickflowText")
    jackson = decode.per_second("jacksonDatabind")
    gson = decode.per_second("gsonDatabind")
    row("Quote decode, own decoder (text → slot)", "%s, %s" % (rate(own, "quotes/s"), bytes_op(own_alloc)),
        "≤ 16 B/op", None if own_alloc is None else own_alloc <= 16)
    x = ratio(own, jackson)
    row("Quote decode, own vs Jackson databind → POJO", "%s vs %s (%s) = %s" % (
        rate(own, "/s"), rate(jackson, "/s"), bytes_op(decode.alloc("jacksonDatabind")), times(x)), "≥ 3×",
        None if x is None else x >= 3)
    x = ratio(own, gson)
    row("Quote decode, own vs Gson → POJO", "%s vs %s (%s) = %s" % (
        rate(own, "/s"), rate(gson, "/s"), bytes_op(decode.alloc("gsonDatabind")), times(x)), "≥ 3×",
        None if x is None else x >= 3)
    tree = decode.per_second("tickflowGsonTree")
    legacy = decode.per_second("legacyTreeToJackson")
    x = ratio(tree, legacy)
    row("Adapter's step now (decode the client's Gson tree) vs before (tree → text → Jackson tree → BigDecimal)",
        "%s, %s vs %s, %s = %s" % (rate(tree, "/s"), bytes_op(decode.alloc("tickflowGsonTree")), rate(legacy, "/s"),
                                   bytes_op(decode.alloc("legacyTreeToJackson")), times(x)), "—", None)
    sr = decode.per_second("signalrClientParse")
    live = decode.per_second("signalrClientParseThenDecode")
    if sr and tree:
        parse_ns, decode_ns = 1e9 / sr, 1e9 / tree
        row("Live path per quote: the SignalR client's own frame parse (bytes → String → Gson tree) vs our decode of its tree",
            "%s (%s) vs %s: the client's parse is %.0f %% of the two; both together measured %s" % (
                ns(parse_ns), bytes_op(decode.alloc("signalrClientParse")), ns(decode_ns),
                100.0 * parse_ns / (parse_ns + decode_ns), ns(1e9 / live) if live else "n/a"), "—", None)

    # 4. backtest
    tb = backtest.per_second("tickflowBacktest")
    te = backtest.per_second("tickflowBarEvents")
    t4d = backtest.per_second("ta4jDoubleNum")
    t4b = backtest.per_second("ta4jDecimalNum")
    tt = backtest.per_second("tickflowTicks")
    x = ratio(tb, t4d)
    row("Backtest, SMA 10/30 crossover on 10k 1m bars: tickflow backtest runner (bar walk + fills) vs ta4j (DoubleNum)",
        "%s vs %s = %s" % (rate(tb, "bars/s"), rate(t4d, "bars/s"), times(x)), "≥ 10×", None if x is None else x >= 10)
    x = ratio(tb, t4b)
    row("… vs ta4j with its default DecimalNum", "%s vs %s = %s" % (rate(tb, "bars/s"), rate(t4b, "bars/s"), times(x)),
        "≥ 10×", None if x is None else x >= 10)
    x = ratio(te, t4d)
    row("… tickflow fed bar events (signals only) vs ta4j (DoubleNum)",
        "%s vs %s = %s" % (rate(te, "bars/s"), rate(t4d, "bars/s"), times(x)), "≥ 10×", None if x is None else x >= 10)
    tw = backtest.per_second("tickflowBarWalkInline")
    x = ratio(tw, t4d)
    row("… tickflow bar walk + fills on the replay thread (engine inline, no ring hop) vs ta4j (DoubleNum)",
        "%s vs %s = %s" % (rate(tw, "bars/s"), rate(t4d, "bars/s"), times(x)), "≥ 10×", None if x is None else x >= 10)
    row("Tick-level backtest (1 M generated quotes and prints, strategy on 1m bars)", rate(tt, "ticks/s"), "—", None)

    # 5. end to end
    if e2e:
        row("Loopback: paper gateway → hub → SignalR client → adapter → ring → strategy, one at a time: p50 / p99 / p99.9",
            "%s / %s / %s" % (ns(e2e.get("loopback.latency.p50")), ns(e2e.get("loopback.latency.p99")),
                              ns(e2e.get("loopback.latency.p99.9"))), "—", None)
        row("Loopback throughput (bounded by PaperGateway.quote, which waits for the venue thread)",
            rate(e2e.get("loopback.quotesPerSecond"), "quotes/s"), "—", None)
        row("Receive path after the socket read, p50 / p99: SignalR client parse; our decode; ring → strategy",
            "%s / %s; %s / %s; %s / %s (client parse = %s %% of the median)" % (
                ns(e2e.get("receive.signalrParse.p50")), ns(e2e.get("receive.signalrParse.p99")),
                ns(e2e.get("receive.decode.p50")), ns(e2e.get("receive.decode.p99")),
                ns(e2e.get("receive.ringToStrategy.p50")), ns(e2e.get("receive.ringToStrategy.p99")),
                e2e.get("receive.signalrParseShareOfMedian")), "—", None)

    print("| benchmark | result | target | verdict |")
    print("|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/results")
