package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.testing.Await;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.EngineListener;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.TradeView;

/**
 * Seeded fuzzing of the payload decoders, through the same text-to-ring path the hubs use:
 * malformed and truncated JSON, wrong types, NaN and infinite prices, unknown contracts and
 * enum codes, huge and negative sizes, bad and out-of-order timestamps, for every kind of
 * payload. Between the bad inputs go valid ones (prints on NQ numbered 1..N, fills on their
 * own account) with timestamps out of order: every bad input is dropped and counted or
 * decoded into something sane, nothing throws into the caller or the engine thread, and
 * every valid event arrives, in order. {@code -Dtickflow.fuzz.inputs=N}, {@code -Dtickflow.fuzz.seed=S}.
 */
class RingWriterFuzzTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z26", "ES", "0.25", "12.50", "USD");
    private static final Contract NQ = Contract.of("CON.F.US.ENQ.Z26", "NQ", "0.25", "5.00", "USD");
    private static final long FUZZ_ACCOUNT = 7;
    private static final long MARKER_ACCOUNT = 8;
    private static final String[] KINDS = {"quote", "trades", "depth", "order", "fill", "position", "account"};

    private final List<Long> markerPrints = new CopyOnWriteArrayList<>();
    private final List<String> insane = new CopyOnWriteArrayList<>();
    private final AtomicLong engineFaults = new AtomicLong();
    private final AtomicLong rejectedByEngine = new AtomicLong();

    @Test
    void badPayloadsAreDroppedAndCountedAndEveryValidOneArrivesInOrder() {
        long seed = Long.getLong("tickflow.fuzz.seed", 8_080L);
        int inputs = Integer.getInteger("tickflow.fuzz.inputs", 1_500);
        Random random = new Random(seed);
        Engine engine = engine();
        ContractRegistry registry = new ContractRegistry();
        registry.register(ES);
        registry.register(NQ);
        RingWriter writer = new RingWriter(engine.publisher(), registry, System::nanoTime);
        Map<String, Integer> tried = new TreeMap<>();
        int markers = 0;
        long markerFillSize = 0;
        int markerFills = 0;
        List<String> escaped = new ArrayList<>();
        try {
            for (int i = 0; i < inputs; i++) {
                String kind = KINDS[random.nextInt(KINDS.length)];
                Mutation m = mutate(random, template(kind, i));
                tried.merge(kind + " " + m.how, 1, Integer::sum);
                try {
                    feed(writer, kind, m.text);
                } catch (RuntimeException e) {
                    escaped.add(kind + " " + m.how + ": " + m.text + " -> " + e);
                }
                markers++;
                String ts = timestamp(random);
                feed(writer, "trades", "[{\"symbolId\":\"F.US.ENQ\",\"price\":25000.25,\"timestamp\":\"" + ts
                        + "\",\"type\":0,\"volume\":" + markers + "}]");
                if (i % 3 == 0) {
                    long size = 1 + random.nextInt(3);
                    markerFills++;
                    markerFillSize += size;
                    feed(writer, "fill", "{\"id\":" + (9_000_000 + i) + ",\"accountId\":" + MARKER_ACCOUNT
                            + ",\"contractId\":\"CON.F.US.ENQ.Z26\",\"creationTimestamp\":\"" + ts
                            + "\",\"price\":25000.5,\"profitAndLoss\":null,\"fees\":1.40,\"side\":0,\"size\":" + size
                            + ",\"voided\":false,\"orderId\":" + (8_000_000 + i) + "}");
                }
            }
            int expected = markers;
            Await.until("every valid print", () -> markerPrints.size() >= expected);
            long fills = markerFills;
            Await.until("every valid fill", () -> engine.positions().position(MARKER_ACCOUNT, 1).fills() >= fills);
            assertThat(escaped).as("exceptions thrown into the network thread").isEmpty();
            assertThat(markerPrints).as("valid prints, all and in order").hasSize(markers)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, markers).boxed().toList());
            assertThat(engine.positions().position(MARKER_ACCOUNT, 1).fills()).isEqualTo(markerFills);
            assertThat(engine.positions().position(MARKER_ACCOUNT, 1).net()).isEqualTo(markerFillSize);
            assertThat(insane).as("events that reached a strategy with sizes or prices no market has").isEmpty();
            assertThat(engineFaults.get()).as("exceptions on the engine thread").isZero();
            assertThat(writer.dropped()).as("bad payloads counted").isPositive();
        } finally {
            engine.shutdown();
        }
        System.out.printf("decoder fuzz (seed %d): %d bad inputs tried %s; %d dropped and counted by the decoder, "
                        + "%d refused by the engine, the rest decoded as sane events; %d valid prints and %d valid "
                        + "fills interleaved, all arrived in order; 0 exceptions%n", seed, inputs, tried,
                writer.dropped(), rejectedByEngine.get(), markers, markerFills);
    }

    private Engine engine() {
        Strategy recorder = new Strategy() {
            @Override
            public void onTrade(TradeView t) {
                if (t.size() <= 0 || t.size() > RingWriter.MAX_SIZE || t.priceTicks() <= 0) {
                    insane.add("print " + t.size() + "@" + t.priceTicks());
                }
            }

            @Override
            public void onQuote(QuoteView q) {
                if ((q.hasBid() && q.bidTicks() <= 0) || (q.hasAsk() && q.askTicks() <= 0)) {
                    insane.add("quote " + q.bidTicks() + "/" + q.askTicks());
                }
            }
        };
        Strategy markers = new Strategy() {
            @Override
            public void onTrade(TradeView t) {
                markerPrints.add(t.size());
            }
        };
        GatewayPort nowhere = new GatewayPort() {
            @Override
            public void place(long clientOrderId, OrderRequest request) {
            }

            @Override
            public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
            }

            @Override
            public void modify(long c, long a, long g, int k, long s, long l, long st) {
            }
        };
        Engine engine = Engine.builder().contract(ES).contract(NQ).gateway(nowhere)
                .listener(new EngineListener() {
                    @Override
                    public void onStrategyFault(String s, String callback, String event, Throwable error, boolean h) {
                        engineFaults.incrementAndGet();
                    }

                    @Override
                    public void onRejectedEvent(String reason, String event) {
                        rejectedByEngine.incrementAndGet();
                    }
                })
                .strategy(StrategySpec.of("sanity", recorder, ES.id()).withAccount(FUZZ_ACCOUNT))
                .strategy(StrategySpec.of("markers", markers, NQ.id()).withAccount(MARKER_ACCOUNT))
                .build();
        engine.start();
        return engine;
    }

    /**
     * Hands text to the writer the way the hub handlers do: parsed (text that is not JSON is
     * dropped there), unwrapped, dispatched; quotes, prints and depth go on as the SignalR client's Gson tree.
     */
    private static void feed(RingWriter writer, String kind, String text) {
        JsonNode node = writer.parse(kind, text);
        if (node == null) {
            return;
        }
        switch (kind) {
            case "quote" -> writer.quote(ES.id(), com.google.gson.JsonParser.parseString(text));
            case "trades" -> writer.trades(text.contains("F.US.ENQ") ? NQ.id() : ES.id(),
                    com.google.gson.JsonParser.parseString(text));
            case "depth" -> writer.depth(ES.id(), com.google.gson.JsonParser.parseString(text));
            case "order" -> writer.order(RingWriter.unwrap(node));
            case "fill" -> writer.fill(RingWriter.unwrap(node));
            case "position" -> writer.position(RingWriter.unwrap(node));
            default -> writer.account(RingWriter.unwrap(node));
        }
    }

    private static String timestamp(Random random) {
        return "2026-11-" + (10 + random.nextInt(18)) + "T" + (10 + random.nextInt(13)) + ":" + (10 + random.nextInt(50))
                + ":00." + random.nextInt(10_000_000) + "+00:00";
    }

    /** A valid payload of {@code kind} on ES and the fuzz account, as the service sends it. */
    private static String template(String kind, int i) {
        String ts = "\"2026-11-24T15:00:00.1234567+00:00\"";
        return switch (kind) {
            case "quote" -> "{\"symbol\":\"F.US.EP\",\"symbolName\":\"/ES\",\"lastPrice\":6800.25,\"bestBid\":6800.25,"
                    + "\"bestAsk\":6800.50,\"change\":1.5,\"volume\":12000,\"lastUpdated\":" + ts + ",\"timestamp\":"
                    + ts + "}";
            case "trades" -> "[{\"symbolId\":\"F.US.EP\",\"price\":6800.50,\"timestamp\":" + ts
                    + ",\"type\":1,\"volume\":2}]";
            case "depth" -> "[{\"timestamp\":" + ts + ",\"type\":1,\"price\":6801.00,\"volume\":12,\"currentVolume\":3},"
                    + "{\"timestamp\":" + ts + ",\"type\":2,\"price\":6799.00,\"volume\":9,\"currentVolume\":1}]";
            case "order" -> "{\"action\":1,\"data\":{\"id\":" + (100_000 + i) + ",\"accountId\":" + FUZZ_ACCOUNT
                    + ",\"contractId\":\"CON.F.US.EP.Z26\",\"creationTimestamp\":" + ts + ",\"updateTimestamp\":null,"
                    + "\"status\":1,\"type\":1,\"side\":0,\"size\":1,\"limitPrice\":6790.00,\"stopPrice\":null,"
                    + "\"fillVolume\":0,\"filledPrice\":null,\"customTag\":\"" + (5_000 + i) + "\"}}";
            case "fill" -> "{\"action\":0,\"data\":{\"id\":" + (200_000 + i) + ",\"accountId\":" + FUZZ_ACCOUNT
                    + ",\"contractId\":\"CON.F.US.EP.Z26\",\"creationTimestamp\":" + ts + ",\"price\":6800.25,"
                    + "\"profitAndLoss\":12.50,\"fees\":1.40,\"side\":1,\"size\":1,\"voided\":false,\"orderId\":"
                    + (300_000 + i) + "}}";
            case "position" -> "{\"action\":1,\"data\":{\"id\":3,\"accountId\":" + FUZZ_ACCOUNT
                    + ",\"contractId\":\"CON.F.US.EP.Z26\",\"creationTimestamp\":" + ts
                    + ",\"type\":1,\"size\":2,\"averagePrice\":6800.125}}";
            default -> "{\"action\":1,\"data\":{\"id\":" + FUZZ_ACCOUNT + ",\"name\":\"PAPER\",\"balance\":50000.00,"
                    + "\"canTrade\":true,\"isVisible\":true,\"simulated\":true}}";
        };
    }

    private record Mutation(String how, String text) {
    }

    private static final String[] BAD_VALUES = {"\"abc\"", "true", "null", "[]", "{}", "NaN", "Infinity", "-Infinity",
            "1e400", "-1e400", "123456789012345678901234567890", "-5", "0", "9223372036854775807", "6800.13", "99",
            "-1", "\"2026-13-45T99:99:99\"", "\"\"", "1.5"};
    private static final String[] FIELDS = {"bestBid", "bestAsk", "lastPrice", "volume", "timestamp", "price", "type",
            "size", "id", "accountId", "contractId", "status", "side", "fillVolume", "filledPrice", "limitPrice",
            "stopPrice", "customTag", "orderId", "profitAndLoss", "fees", "voided", "averagePrice", "balance",
            "creationTimestamp", "updateTimestamp", "data", "action"};

    /** One way of spoiling {@code valid}; some leave it valid (an optional field removed), which is fine too. */
    private static Mutation mutate(Random random, String valid) {
        switch (random.nextInt(8)) {
            case 0:
                return new Mutation("truncated", valid.substring(0, random.nextInt(valid.length())));
            case 1: {
                StringBuilder s = new StringBuilder();
                String alphabet = "{}[]\":,0123456789.-eEnulltrfasNI \\\u0000\u00e9";
                int n = 1 + random.nextInt(40);
                for (int k = 0; k < n; k++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return new Mutation("garbage", s.toString());
            }
            case 2:
                return new Mutation("unknown contract", valid.replace("CON.F.US.EP.Z26", "CON.F.US.ZZ.Z99"));
            case 3: {
                String field = FIELDS[random.nextInt(FIELDS.length)];
                String removed = valid.replaceAll("\"" + field + "\":(\"[^\"]*\"|[^,}\\]]*|\\{[^}]*})(,)?", "");
                return new Mutation("field removed", removed);
            }
            case 4:
                return new Mutation("not an object", List.of("[]", "42", "\"text\"", "null", "[[[]]]", "{\"data\":7,"
                        + "\"action\":1}").get(random.nextInt(6)));
            default: {
                String field = FIELDS[random.nextInt(FIELDS.length)];
                String value = BAD_VALUES[random.nextInt(BAD_VALUES.length)];
                String replaced = valid.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}\\]]*)",
                        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value));
                return new Mutation("bad value", replaced);
            }
        }
    }
}
