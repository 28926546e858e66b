package io.tickflow.benchmarks;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import com.google.gson.JsonElement;
import com.microsoft.signalr.GsonHubProtocol;
import com.microsoft.signalr.HubMessage;
import com.microsoft.signalr.InvocationBinder;
import com.microsoft.signalr.InvocationMessage;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.projectx.ProjectXAdapter;
import io.tickflow.adapters.projectx.ProjectXSettings;
import io.tickflow.adapters.projectx.QuoteDecoder;
import io.tickflow.adapters.projectx.Secret;
import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.adapters.projectx.wire.Json;
import io.tickflow.adapters.projectx.wire.WireTime;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.InboundPublisher;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;

/**
 * Quotes from the paper gateway, in-process, over loopback through the live adapter — the
 * gateway's hub serializing each quote, a WebSocket, OkHttp, the Microsoft SignalR Java
 * client parsing the frame into a Gson tree, {@link ProjectXAdapter} decoding it into the
 * ring — to a strategy on the engine thread.
 *
 * <ol>
 *   <li><b>loopback latency</b>: one quote at a time (the next is sent once the strategy has
 *       seen the last), from just before {@code PaperGateway.quote} to the strategy's
 *       {@code onQuote}, on one {@code System.nanoTime} clock.
 *   <li><b>loopback throughput</b>: quotes sent back to back for a few seconds; quotes/s
 *       the strategy received. {@code PaperGateway.quote} waits for the gateway's venue
 *       thread, so this is also bounded by how fast the gateway produces.
 *   <li><b>receive path split</b>: the same hub frame (as the gateway writes it) through the
 *       steps the adapter's thread runs after the socket read, in process, one at a time,
 *       each timed: the SignalR client's own {@link GsonHubProtocol#parseMessages} (bytes →
 *       String → Gson tree), then {@link QuoteDecoder} into the translator, then the ring
 *       publish and handoff to the strategy's {@code onQuote} (the point where it can issue an
 *       intent), on the engine's default (blocking) wait strategy.
 * </ol>
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.tickflow.benchmarks.EndToEndLoopback
 * [--quotes N] [--seconds S] [--json FILE]}. Prints a summary; with {@code --json} also
 * writes the figures for {@code benchmarks/run}.
 */
public final class EndToEndLoopback {
    private static final String KEY = "loopback-benchmark-key";
    private static final long ACCOUNT = 10_001;

    /** Notes the time and count of every quote it sees; the harness waits on the count. */
    static final class Stamper implements Strategy {
        final AtomicLong seen = new AtomicLong();
        volatile long lastSeenNanos;

        @Override
        public void onQuote(QuoteView quote) {
            lastSeenNanos = System.nanoTime();
            seen.lazySet(seen.get() + 1);
        }
    }

    private EndToEndLoopback() {
    }

    public static void main(String[] args) throws Exception {
        int quotes = 20_000;
        double seconds = 5;
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quotes" -> quotes = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --quotes N, --seconds S, --json FILE)");
            }
        }
        Map<String, Object> results = run(quotes, seconds);
        results.forEach((k, v) -> System.out.println(k + " = " + v));
        if (json != null) {
            Files.writeString(json, toJson(results));
        }
    }

    /** Runs all three parts; the figures by name (latencies in ns, rates per second). */
    public static Map<String, Object> run(int quotes, double seconds) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        loopback(quotes, seconds, out);
        receivePath(quotes, out);
        return out;
    }

    private static void loopback(int quotes, double seconds, Map<String, Object> out) throws Exception {
        Stamper strategy = new Stamper();
        List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PaperGateway gateway = PaperGateway.builder().user("bench", KEY).rateLimits(false).build().start()) {
            Contract es = gateway.contracts().get(0).contract();
            ContractRegistry registry = new ContractRegistry();
            registry.register(es);
            ProjectXAdapter adapter = new ProjectXAdapter(ProjectXSettings.sameHost(gateway.url(), "bench", Secret.of(KEY)),
                    registry, List.of(ACCOUNT));
            Engine engine = Engine.builder()
                    .config(EngineConfig.defaults())
                    .gateway(adapter)
                    .contract(es)
                    .listener(new EngineListener() {
                        @Override
                        public void onConnectionState(ConnectionLink link, ConnectionState state, CharSequence detail,
                                                      long ts) {
                            states.add(link + " " + state);
                        }
                    })
                    .strategy(StrategySpec.of("stamper", strategy, es.id()).withAccount(ACCOUNT))
                    .build();
            engine.start();
            try {
                adapter.start(engine.publisher());
                awaitTrue("both hubs connected", () -> states.contains("MARKET_HUB CONNECTED")
                        && states.contains("USER_HUB SYNCHRONIZED"));
                BigDecimal low = es.toPrice(27_200);
                BigDecimal high = es.toPrice(27_201);
                BigDecimal tick = es.tickSize();
                // the first quotes also wait for the subscription to take effect
                long before = strategy.seen.get();
                awaitTrue("the first quote", () -> {
                    gateway.quote(es.id(), low, 10, low.add(tick), 10);
                    return strategy.seen.get() > before;
                });
                Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                int warmUp = Math.max(quotes / 5, 100);
                for (int i = 0; i < warmUp + quotes; i++) {
                    BigDecimal bid = (i & 1) == 0 ? high : low;
                    long target = strategy.seen.get() + 1;
                    long sent = System.nanoTime();
                    gateway.quote(es.id(), bid, 10, bid.add(tick), 10);
                    long deadline = sent + TimeUnit.SECONDS.toNanos(10);
                    while (strategy.seen.get() < target) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("quote " + i + " did not reach the strategy in 10 s");
                        }
                        Thread.onSpinWait();
                    }
                    if (i >= warmUp) {
                        latency.recordValue(Math.max(0, strategy.lastSeenNanos - sent));
                    }
                }
                percentiles("loopback.latency", latency, out);

                long startSeen = strategy.seen.get();
                long start = System.nanoTime();
                long end = start + (long) (seconds * 1e9);
                long sentCount = 0;
                while (System.nanoTime() < end) {
                    BigDecimal bid = (sentCount & 1) == 0 ? high : low;
                    gateway.quote(es.id(), bid, 10, bid.add(tick), 10);
                    sentCount++;
                }
                long target = startSeen + sentCount;
                awaitTrue("every quote sent to arrive", () -> strategy.seen.get() >= target);
                double elapsed = (strategy.lastSeenNanos - start) / 1e9;
                out.put("loopback.sent", sentCount);
                out.put("loopback.quotesPerSecond", Math.round(sentCount / elapsed));
                out.put("loopback.droppedPayloads", adapter.droppedPayloads());
            } finally {
                engine.shutdown();
                adapter.close();
            }
        }
    }

    /** The adapter thread's steps after the socket read, in process, each timed. */
    private static void receivePath(int quotes, Map<String, Object> out) {
        Contract es = QuoteDecodeBenchmark.ES;
        Stamper strategy = new Stamper();
        Engine engine = Engine.builder()
                .config(EngineConfig.defaults())
                .contract(es)
                .strategy(StrategySpec.of("stamper", strategy, es.id()))
                .build();
        engine.start();
        try {
            ContractRegistry registry = new ContractRegistry();
            registry.register(es);
            QuoteDecoder decoder = new QuoteDecoder(registry);
            QuoteTranslator translator = new QuoteTranslator();
            InboundPublisher ring = engine.publisher();
            GsonHubProtocol protocol = new GsonHubProtocol();
            List<Type> types = List.of(String.class, JsonElement.class);
            InvocationBinder binder = new InvocationBinder() {
                @Override
                public Type getReturnType(String invocationId) {
                    return null;
                }

                @Override
                public List<Type> getParameterTypes(String methodName) {
                    return types;
                }
            };
            byte[][] frames = {frame(es, 27_200), frame(es, 27_201)};
            Histogram parse = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            Histogram decode = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            // publish, wake the engine thread (the engine's default blocking wait), deliver
            Histogram handoff = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            Histogram total = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            int warmUp = Math.max(quotes, 1_000);
            for (int i = 0; i < warmUp + quotes; i++) {
                long target = strategy.seen.get() + 1;
                long t0 = System.nanoTime();
                List<HubMessage> messages = protocol.parseMessages(ByteBuffer.wrap(frames[i & 1]), binder);
                long t1 = System.nanoTime();
                Object[] arguments = ((InvocationMessage) messages.get(0)).getArguments();
                if (decoder.decode(0, (JsonElement) arguments[1], t1, translator) != QuoteDecoder.DECODED) {
                    throw new IllegalStateException("the frame did not decode: " + decoder.error());
                }
                long t2 = System.nanoTime();
                ring.publish(translator);
                while (strategy.seen.get() < target) {
                    Thread.onSpinWait();
                }
                long t3 = strategy.lastSeenNanos;
                if (i >= warmUp) {
                    parse.recordValue(t1 - t0);
                    decode.recordValue(t2 - t1);
                    handoff.recordValue(Math.max(0, t3 - t2));
                    total.recordValue(Math.max(0, t3 - t0));
                }
            }
            percentiles("receive.signalrParse", parse, out);
            percentiles("receive.decode", decode, out);
            percentiles("receive.ringToStrategy", handoff, out);
            percentiles("receive.total", total, out);
            out.put("receive.signalrParseShareOfMedian",
                    Math.round(100.0 * parse.getValueAtPercentile(50) / total.getValueAtPercentile(50)));
        } finally {
            engine.shutdown();
        }
    }

    /** A GatewayQuote invocation frame as the paper gateway's hub writes it. */
    static byte[] frame(Contract es, long bidTicks) {
        String ts = WireTime.format(1_764_000_000_000_000_000L);
        ApiObjects.Quote q = new ApiObjects.Quote("F.US.EP", "/ES", es.toPrice(bidTicks), es.toPrice(bidTicks),
                es.toPrice(bidTicks + 1), new BigDecimal("-12.75"), new BigDecimal("-0.1871"), es.toPrice(27_250),
                es.toPrice(27_300), es.toPrice(27_100), 1_234_567, ts, ts);
        String text = "{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":[\"" + es.id() + "\"," + Json.write(q)
                + "]}\u001e";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void percentiles(String name, Histogram h, Map<String, Object> out) {
        out.put(name + ".p50", h.getValueAtPercentile(50));
        out.put(name + ".p99", h.getValueAtPercentile(99));
        out.put(name + ".p99.9", h.getValueAtPercentile(99.9));
        out.put(name + ".max", h.getMaxValue());
        out.put(name + ".count", h.getTotalCount());
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static String toJson(Map<String, Object> results) {
        StringBuilder b = new StringBuilder("{");
        results.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof Number ? v.toString() : "\"" + v + "\""));
        return b.append("}\n").toString();
    }
}
