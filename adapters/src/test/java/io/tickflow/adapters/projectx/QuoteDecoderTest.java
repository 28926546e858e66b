package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.function.ToIntFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.tickflow.adapters.projectx.wire.WireTime;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.ring.QuoteFields;
import io.tickflow.engine.ring.QuoteTranslator;

/**
 * GatewayQuote payloads, good and bad, through both of the decoder's inputs — the payload
 * text and the SignalR client's Gson tree of it — which must agree on every one.
 */
class QuoteDecoderTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z26", "ESZ6", "0.25", "12.50", "USD");
    private static final Contract CL = Contract.of("CON.F.US.CLE.Z26", "CLZ6", "0.01", "10.00", "USD")
            .withNegativePricesAllowed(true);
    private static final long RECEIVED = 1_764_000_000_123_456_789L;

    /** A quote exactly as the market hub sends it: every documented field. */
    static final String HUB_QUOTE = "{\"symbol\":\"F.US.EP\",\"symbolName\":\"/ES\",\"lastPrice\":6800.25,"
            + "\"bestBid\":6800.25,\"bestAsk\":6800.5,\"change\":-12.75,\"changePercent\":-0.18711,"
            + "\"open\":6813,\"high\":6820.5,\"low\":6795.25,\"volume\":1234567,"
            + "\"lastUpdated\":\"2025-07-18T21:00:01.268009+00:00\",\"timestamp\":\"2025-07-18T21:00:01.268009+00:00\"}";

    enum Input {
        TEXT, GSON_TREE
    }

    private final QuoteDecoder decoder;
    private final QuoteTranslator out = new QuoteTranslator();
    private final InboundEvent slot = new InboundEvent();

    QuoteDecoderTest() {
        ContractRegistry registry = new ContractRegistry();
        registry.register(ES);
        registry.register(CL);
        decoder = new QuoteDecoder(registry);
    }

    private int decode(Input input, int contract, String json) {
        int result = input == Input.TEXT ? decoder.decode(contract, json, RECEIVED, out)
                : decoder.decode(contract, JsonParser.parseString(json), RECEIVED, out);
        if (result == QuoteDecoder.DECODED) {
            out.translateTo(slot, 0);
        }
        return result;
    }

    private int es(Input input, String json) {
        return decode(input, 0, json);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void aFullHubQuoteFillsTheSlotWithTicksVolumeAndEventTime(Input input) {
        assertThat(es(input, HUB_QUOTE)).isEqualTo(QuoteDecoder.DECODED);
        assertThat(slot.contract).isZero();
        assertThat(slot.quoteFields).isEqualTo(QuoteFields.BID | QuoteFields.ASK | QuoteFields.LAST | QuoteFields.VOLUME);
        assertThat(slot.bidTicks).isEqualTo(27_201);
        assertThat(slot.askTicks).isEqualTo(27_202);
        assertThat(slot.lastTicks).isEqualTo(27_201);
        assertThat(slot.volume).isEqualTo(1_234_567);
        assertThat(slot.tsEvent).isEqualTo(WireTime.parse("2025-07-18T21:00:01.268009+00:00"));
        assertThat(slot.tsReceived).isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void missingFieldsAreAbsentAndOnlyThePresentOnesAreFlagged(Input input) {
        assertThat(es(input, "{\"bestAsk\":6801.00}")).isEqualTo(QuoteDecoder.DECODED);
        assertThat(slot.quoteFields).isEqualTo(QuoteFields.ASK);
        assertThat(slot.askTicks).isEqualTo(27_204);
        assertThat(slot.bidTicks).isEqualTo(PriceTicks.NONE);
        assertThat(slot.tsEvent).as("no timestamp: the receive time").isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void nullFieldsAreAbsent(Input input) {
        assertThat(es(input, "{\"bestBid\":null,\"bestAsk\":6800.5,\"lastPrice\":null,\"volume\":null,"
                + "\"timestamp\":null}")).isEqualTo(QuoteDecoder.DECODED);
        assertThat(slot.quoteFields).isEqualTo(QuoteFields.ASK);
        assertThat(slot.tsEvent).isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void aQuoteWithNothingTheEngineUsesIsEmptyNotMalformed(Input input) {
        assertThat(es(input, "{}")).isEqualTo(QuoteDecoder.EMPTY);
        assertThat(es(input, "{\"symbol\":\"F.US.EP\",\"change\":1.5,\"bestBid\":null}")).isEqualTo(QuoteDecoder.EMPTY);
        assertThat(decoder.error()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void decimalsAreExactWhateverTheirTrailingZerosOrExponent(Input input) {
        assertThat(decode(input, 1, "{\"bestBid\":2208.100000000,\"bestAsk\":2.2082E3,\"lastPrice\":-37.63}"))
                .isEqualTo(QuoteDecoder.DECODED);
        assertThat(slot.bidTicks).isEqualTo(220_810);
        assertThat(slot.askTicks).isEqualTo(220_820);
        assertThat(slot.lastTicks).as("crude may trade below zero").isEqualTo(-3_763);
        assertThat(es(input, "{\"bestBid\":6800,\"bestAsk\":0.25,\"lastPrice\":0,\"volume\":12.000}"))
                .isEqualTo(QuoteDecoder.DECODED);
        assertThat(slot.bidTicks).isEqualTo(27_200);
        assertThat(slot.askTicks).isEqualTo(1);
        assertThat(slot.lastTicks).isZero();
        assertThat(slot.volume).isEqualTo(12);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void badPricesAndVolumesMakeTheQuoteMalformedWithAReasonAndNoException(Input input) {
        expectMalformed(input, "{\"bestBid\":\"6800.25\"}", "'bestBid' is a string");
        expectMalformed(input, "{\"bestBid\":6800.10}", "'bestBid' is off the tick grid of 0.25");
        expectMalformed(input, "{\"bestAsk\":-6800.25}", "'bestAsk' is off the tick grid");
        expectMalformed(input, "{\"lastPrice\":1e30}", "'lastPrice'");
        expectMalformed(input, "{\"lastPrice\":68000000000000000000.25}", "'lastPrice'");
        expectMalformed(input, "{\"bestBid\":true}", "'bestBid' is not a number");
        expectMalformed(input, "{\"bestBid\":{\"v\":1}}", "'bestBid' is not a number");
        expectMalformed(input, "{\"bestBid\":[6800.25]}", "'bestBid' is not a number");
        expectMalformed(input, "{\"volume\":1.5}", "'volume' is not a whole number");
        expectMalformed(input, "{\"volume\":-3}", "'volume' is not a whole number");
        // a good field next to a bad one does not get through: the quote is dropped whole
        expectMalformed(input, "{\"bestAsk\":6800.5,\"bestBid\":6800.1}", "'bestBid'");
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void notANumberIsRejectedWhetherBareOrQuoted(Input input) {
        expectMalformed(input, "{\"bestBid\":NaN}", "'bestBid'");
        expectMalformed(input, "{\"bestBid\":\"NaN\"}", "'bestBid'");
        expectMalformed(input, "{\"bestAsk\":Infinity}", "'bestAsk'");
    }

    private void expectMalformed(Input input, String json, String reason) {
        assertThat(es(input, json)).as(json).isEqualTo(QuoteDecoder.MALFORMED);
        assertThat(decoder.error()).as(json).contains(reason);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void timestampsInEveryFormTheWireUsesAndAnUnreadableOneFallsBackToTheReceiveTime(Input input) {
        String[] forms = {"2025-07-18T21:00:01.2680090+00:00", "2025-07-18T21:00:01Z", "2025-07-18T16:00:01.5-05:00",
                "2024-02-29T23:59:59.999999999+00:00", "2025-07-18T21:00:01"};
        for (String t : forms) {
            assertThat(es(input, "{\"bestBid\":6800.25,\"timestamp\":\"" + t + "\"}")).isEqualTo(QuoteDecoder.DECODED);
            assertThat(slot.tsEvent).as(t).isEqualTo(WireTime.parse(t));
        }
        for (String bad : new String[] {"yesterday", "2025-13-18T21:00:01Z", "2025-02-29T21:00:01Z",
                "2025-07-18T21:00:01.1234567890Z", "2025-07-18 21:00:01Z", ""}) {
            assertThat(es(input, "{\"bestBid\":6800.25,\"timestamp\":\"" + bad + "\"}")).isEqualTo(QuoteDecoder.DECODED);
            assertThat(slot.tsEvent).as(bad).isEqualTo(RECEIVED);
        }
        assertThat(es(input, "{\"bestBid\":6800.25,\"timestamp\":17}")).isEqualTo(QuoteDecoder.DECODED);
        assertThat(slot.tsEvent).isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void fieldsTheEngineDoesNotUseAreSkippedWhateverTheyHold(Input input) {
        assertThat(es(input, " {\n\"symbol\" : \"a \\\"quoted\\\" }{ name\", \"nested\": {\"bestBid\": [1, {\"x\": \"]\"}]},"
                + " \"flags\": [true, false, null], \"bestBid\" :\t6800.25 , \"n\": -1.5e-3 }\n"))
                .isEqualTo(QuoteDecoder.DECODED);
        assertThat(slot.quoteFields).isEqualTo(QuoteFields.BID);
        assertThat(slot.bidTicks).isEqualTo(27_201);
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void aPayloadLongerThanTheCopyBufferIsReadInPlace(Input input) {
        String padding = "x".repeat(10_000);
        assertThat(es(input, "{\"symbolName\":\"" + padding + "\",\"bestBid\":6800.25,\"bestAsk\":6800.5}"))
                .isEqualTo(QuoteDecoder.DECODED);
        assertThat(slot.bidTicks).isEqualTo(27_201);
        assertThat(slot.askTicks).isEqualTo(27_202);
        assertThat(decoder.decode(0, new StringBuilder(HUB_QUOTE), RECEIVED, out)).isEqualTo(QuoteDecoder.DECODED);
        assertThat(decoder.bidTicks()).isEqualTo(27_201);
    }

    @org.junit.jupiter.api.Test
    void brokenTextIsMalformedNotAnException() {
        for (String broken : new String[] {"", "[]", "{\"bestBid\":6800.25", "{\"bestBid\" 6800.25}", "{bestBid:1}",
                "{\"bestBid\":6800.25}x", "{\"bestBid\":6800.25,}", "{\"symbol\":\"unterminated}", "{\"bestBid\":}",
                "{\"a\":{\"b\":1}", "{\"bestBid\":01}", "{\"bestBid\":6800.}", "{\"bestBid\":.25}", "null"}) {
            assertThat(decoder.decode(0, broken, RECEIVED, out)).as(broken).isEqualTo(QuoteDecoder.MALFORMED);
            assertThat(decoder.error()).as(broken).isNotBlank();
        }
    }

    @org.junit.jupiter.api.Test
    void aTreeThatIsNotAnObjectOrHoldsNumbersBuiltInCodeIsHandled() {
        assertThat(decoder.decode(0, JsonParser.parseString("[1]"), RECEIVED, out)).isEqualTo(QuoteDecoder.MALFORMED);
        assertThat(decoder.decode(0, (com.google.gson.JsonElement) null, RECEIVED, out)).isEqualTo(QuoteDecoder.MALFORMED);
        JsonObject q = new JsonObject();
        q.add("bestBid", new JsonPrimitive(6800.25));
        q.add("bestAsk", new JsonPrimitive(Double.NaN));
        assertThat(decoder.decode(0, q, RECEIVED, out)).isEqualTo(QuoteDecoder.MALFORMED);
        assertThat(decoder.error()).contains("'bestAsk'");
        q.add("bestAsk", new JsonPrimitive(6800.5));
        q.add("volume", new JsonPrimitive(10_000_000L));
        assertThat(decoder.decode(0, q, RECEIVED, out)).isEqualTo(QuoteDecoder.DECODED);
        assertThat(decoder.askTicks()).isEqualTo(27_202);
        assertThat(decoder.volume()).isEqualTo(10_000_000L);
    }

    @org.junit.jupiter.api.Test
    void randomPricesDecodeAsContractToTicksOnBigDecimalsDoes() {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long ticks = random.nextInt(2_000_000) - (i % 3 == 0 ? 1_000_000 : 0);
            java.math.BigDecimal price = CL.toPrice(ticks);
            if (random.nextBoolean()) {
                price = price.setScale(2 + random.nextInt(8));
            }
            String text = random.nextInt(10) == 0 ? price.toEngineeringString() : price.toPlainString();
            if (random.nextInt(7) == 0) {
                text = text + "1";
            }
            long expected;
            try {
                expected = CL.toTicks(new java.math.BigDecimal(text));
            } catch (RuntimeException e) {
                expected = Long.MIN_VALUE;
            }
            int result = decoder.decode(1, "{\"bestBid\":" + text + "}", RECEIVED, out);
            if (expected == Long.MIN_VALUE) {
                assertThat(result).as("seed %d: %s", seed, text).isEqualTo(QuoteDecoder.MALFORMED);
            } else {
                assertThat(result).as("seed %d: %s", seed, text).isEqualTo(QuoteDecoder.DECODED);
                assertThat(decoder.bidTicks()).as("seed %d: %s", seed, text).isEqualTo(expected);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void randomTimestampsDecodeAsWireTimeParsesThem() {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 5_000; i++) {
            long nanos = (long) (random.nextDouble() * 4_000_000_000L) * 1_000_000_000L + random.nextInt(1_000_000_000);
            String t = WireTime.format(nanos);
            if (random.nextBoolean()) {
                t = t.substring(0, 19 + random.nextInt(9)) + (random.nextBoolean() ? "Z" : "+00:00");
                t = t.replace(".Z", "Z").replace(".+", "+");
            }
            decoder.decode(0, "{\"bestBid\":1,\"timestamp\":\"" + t + "\"}", RECEIVED, out);
            assertThat(decoder.tsEvent()).as("seed %d: %s", seed, t).isEqualTo(WireTime.parse(t));
        }
    }

    @org.junit.jupiter.api.Test
    void decodingAllocatesNothingOnEitherInput() {
        com.google.gson.JsonElement tree = JsonParser.parseString(HUB_QUOTE);
        ToIntFunction<Integer> text = n -> {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += decoder.decode(0, HUB_QUOTE, RECEIVED + i, out);
            }
            return sum;
        };
        ToIntFunction<Integer> gson = n -> {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += decoder.decode(0, tree, RECEIVED + i, out);
            }
            return sum;
        };
        for (ToIntFunction<Integer> path : java.util.List.of(text, gson)) {
            path.applyAsInt(50_000);
            long before = allocated();
            int decoded = path.applyAsInt(100_000);
            long bytes = allocated() - before;
            assertThat(decoded).isEqualTo(100_000);
            // one object per decode would be 1.6 MB; what remains is the JIT's and the profiler's own
            assertThat(bytes).as("bytes allocated by 100,000 decodes").isLessThan(16 * 1024);
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
