package io.tickflow.benchmarks;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.microsoft.signalr.GsonHubProtocol;
import com.microsoft.signalr.HubMessage;
import com.microsoft.signalr.InvocationBinder;
import com.microsoft.signalr.InvocationMessage;

import io.tickflow.adapters.projectx.QuoteDecoder;
import io.tickflow.adapters.projectx.wire.Json;
import io.tickflow.adapters.projectx.wire.WireInstant;
import io.tickflow.adapters.projectx.wire.WireTime;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.QuoteFields;
import io.tickflow.engine.ring.QuoteTranslator;

/**
 * A GatewayQuote payload exactly as the market hub sends it (every documented field) decoded
 * into a ring slot ({@link QuoteTranslator} → {@link InboundEvent}): bid, ask, last in ticks,
 * volume, event time. One operation = one quote in a slot.
 *
 * <ul>
 *   <li>{@code tickflowText}: the project's {@link QuoteDecoder} over the payload text.
 *   <li>{@code tickflowGsonTree}: the same decoder over the Gson tree the SignalR client has
 *       already built — what the adapter does per quote now.
 *   <li>{@code jacksonDatabind}, {@code gsonDatabind}: each library binds the text to a POJO
 *       (doubles and strings), converted with the allocation-free {@link Contract#toTicks(double)}
 *       and {@link WireInstant}, so the baselines differ only in the JSON work.
 *   <li>{@code legacyTreeToJackson}: what the adapter did before: the client's Gson tree
 *       written back to text, parsed again by Jackson into a tree, prices via BigDecimal,
 *       time via java.time.
 *   <li>{@code signalrClientParse}: the SignalR client's own {@link GsonHubProtocol} reading
 *       the whole hub frame (bytes → String → messages → Gson tree), with no decoding; and
 *       {@code signalrClientParseThenDecode}: the whole live path, that parse plus ours.
 * </ul>
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is bytes per quote.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class QuoteDecodeBenchmark {
    static final Contract ES = Contract.of("CON.F.US.EP.Z25", "ESZ5", "0.25", "12.50", "USD");

    /** A quote as the live market hub sends it: all thirteen documented fields. */
    public static final String PAYLOAD = "{\"symbol\":\"F.US.EP\",\"symbolName\":\"/ES\",\"lastPrice\":6800.25,"
            + "\"bestBid\":6800.25,\"bestAsk\":6800.5,\"change\":-12.75,\"changePercent\":-0.18711,"
            + "\"open\":6813,\"high\":6820.5,\"low\":6795.25,\"volume\":1234567,"
            + "\"lastUpdated\":\"2025-07-18T21:00:01.268009+00:00\",\"timestamp\":\"2025-07-18T21:00:01.268009+00:00\"}";

    /** The hub frame that carries it: a SignalR invocation with two arguments, ending in the record separator. */
    static final String FRAME = "{\"type\":1,\"target\":\"GatewayQuote\",\"arguments\":[\"CON.F.US.EP.Z25\","
            + PAYLOAD + "]}\u001e";

    /** The POJO the databind baselines bind to: what a client would write for the payload. */
    public static final class QuotePojo {
        public String symbol;
        public String symbolName;
        public Double lastPrice;
        public Double bestBid;
        public Double bestAsk;
        public Double change;
        public Double changePercent;
        public Double open;
        public Double high;
        public Double low;
        public Long volume;
        public String lastUpdated;
        public String timestamp;
    }

    private final QuoteTranslator quote = new QuoteTranslator();
    private final InboundEvent slot = new InboundEvent();
    private QuoteDecoder decoder;
    private JsonElement tree;
    private ObjectMapper jackson;
    private Gson gson;
    private GsonHubProtocol protocol;
    private InvocationBinder binder;
    private byte[] frame;
    private long received = 1_764_000_000_000_000_000L;

    @Setup(Level.Trial)
    public void setUp() {
        ContractRegistry registry = new ContractRegistry();
        registry.register(ES);
        decoder = new QuoteDecoder(registry);
        tree = JsonParser.parseString(PAYLOAD);
        jackson = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        gson = new Gson();
        protocol = new GsonHubProtocol();
        List<Type> types = List.of(String.class, JsonElement.class);
        binder = new InvocationBinder() {
            @Override
            public Type getReturnType(String invocationId) {
                return null;
            }

            @Override
            public List<Type> getParameterTypes(String methodName) {
                return types;
            }
        };
        frame = FRAME.getBytes(StandardCharsets.UTF_8);
        verifyAllAgree();
    }

    /** Every path must put the same quote in the slot, or the comparison means nothing. */
    private void verifyAllAgree() {
        try {
            compareAll();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a baseline could not read the payload", e);
        }
    }

    private void compareAll() throws java.io.IOException {
        long[] expected = null;
        for (int path = 0; path < 6; path++) {
            switch (path) {
                case 0 -> tickflowText();
                case 1 -> tickflowGsonTree();
                case 2 -> jacksonDatabind();
                case 3 -> gsonDatabind();
                case 4 -> legacyTreeToJackson();
                default -> signalrClientParseThenDecode();
            }
            long[] got = {slot.quoteFields, slot.bidTicks, slot.askTicks, slot.lastTicks, slot.volume, slot.tsEvent};
            if (expected == null) {
                expected = got;
                if (got[1] != 27_201 || got[2] != 27_202 || got[3] != 27_201 || got[4] != 1_234_567) {
                    throw new IllegalStateException("the decoder put a wrong quote in the slot: " + java.util.Arrays.toString(got));
                }
            } else if (!java.util.Arrays.equals(expected, got)) {
                throw new IllegalStateException("decode path " + path + " disagrees: " + java.util.Arrays.toString(got)
                        + " vs " + java.util.Arrays.toString(expected));
            }
        }
    }

    @Benchmark
    public long tickflowText() {
        if (decoder.decode(0, PAYLOAD, ++received, quote) != QuoteDecoder.DECODED) {
            throw new IllegalStateException(decoder.error());
        }
        quote.translateTo(slot, 0);
        return slot.bidTicks;
    }

    @Benchmark
    public long tickflowGsonTree() {
        if (decoder.decode(0, tree, ++received, quote) != QuoteDecoder.DECODED) {
            throw new IllegalStateException(decoder.error());
        }
        quote.translateTo(slot, 0);
        return slot.bidTicks;
    }

    @Benchmark
    public long jacksonDatabind() throws java.io.IOException {
        return fromPojo(jackson.readValue(PAYLOAD, QuotePojo.class));
    }

    @Benchmark
    public long gsonDatabind() {
        return fromPojo(gson.fromJson(PAYLOAD, QuotePojo.class));
    }

    private long fromPojo(QuotePojo q) {
        int fields = 0;
        long bid = PriceTicks.NONE;
        long ask = PriceTicks.NONE;
        long last = PriceTicks.NONE;
        if (q.bestBid != null) {
            bid = ES.toTicks(q.bestBid);
            fields |= QuoteFields.BID;
        }
        if (q.bestAsk != null) {
            ask = ES.toTicks(q.bestAsk);
            fields |= QuoteFields.ASK;
        }
        if (q.lastPrice != null) {
            last = ES.toTicks(q.lastPrice);
            fields |= QuoteFields.LAST;
        }
        long volume = 0;
        if (q.volume != null) {
            volume = q.volume;
            fields |= QuoteFields.VOLUME;
        }
        long ts = q.timestamp == null ? received : WireInstant.parse(q.timestamp, 0, q.timestamp.length());
        quote.set(0, ts == WireInstant.INVALID ? received : ts, ++received, fields, bid, 0, ask, 0, last, 0, volume);
        quote.translateTo(slot, 0);
        return slot.bidTicks;
    }

    @Benchmark
    public long legacyTreeToJackson() throws java.io.IOException {
        JsonNode q = Json.read(tree.toString());
        int fields = 0;
        long bid = PriceTicks.NONE;
        long ask = PriceTicks.NONE;
        long last = PriceTicks.NONE;
        if (q.path("bestBid").isNumber()) {
            bid = ES.toTicks(q.path("bestBid").decimalValue());
            fields |= QuoteFields.BID;
        }
        if (q.path("bestAsk").isNumber()) {
            ask = ES.toTicks(q.path("bestAsk").decimalValue());
            fields |= QuoteFields.ASK;
        }
        if (q.path("lastPrice").isNumber()) {
            last = ES.toTicks(q.path("lastPrice").decimalValue());
            fields |= QuoteFields.LAST;
        }
        long volume = q.path("volume").asLong();
        fields |= q.path("volume").isNumber() ? QuoteFields.VOLUME : 0;
        long ts = WireTime.parse(q.path("timestamp").asText());
        quote.set(0, ts, ++received, fields, bid, 0, ask, 0, last, 0, volume);
        quote.translateTo(slot, 0);
        return slot.bidTicks;
    }

    @Benchmark
    public Object signalrClientParse() {
        return protocol.parseMessages(ByteBuffer.wrap(frame), binder);
    }

    @Benchmark
    public long signalrClientParseThenDecode() {
        List<HubMessage> messages = protocol.parseMessages(ByteBuffer.wrap(frame), binder);
        Object[] arguments = ((InvocationMessage) messages.get(0)).getArguments();
        if (decoder.decode(0, (JsonElement) arguments[1], ++received, quote) != QuoteDecoder.DECODED) {
            throw new IllegalStateException(decoder.error());
        }
        quote.translateTo(slot, 0);
        return slot.bidTicks;
    }
}
