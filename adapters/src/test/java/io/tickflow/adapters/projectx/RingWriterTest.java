package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.tickflow.adapters.projectx.wire.Json;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.strategy.PositionView;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.TradeView;

/** Payloads as the service sends them, good and bad, through the writer into a running engine. */
class RingWriterTest {
    private static final Contract ES = Contract.of("CON.F.US.EP.Z26", "ES", "0.25", "12.50", "USD");

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private Engine engine;
    private RingWriter writer;

    @BeforeEach
    void start() {
        Strategy recorder = new Strategy() {
            @Override
            public void onQuote(QuoteView q) {
                seen.add("quote " + q.bidTicks() + "/" + q.askTicks() + " last " + q.lastTicks());
            }

            @Override
            public void onTrade(TradeView t) {
                seen.add("trade " + t.size() + "@" + t.priceTicks() + " " + t.aggressor());
            }

            @Override
            public void onPosition(PositionView p) {
                seen.add("position " + p.netPosition());
            }
        };
        engine = Engine.builder().contract(ES).strategy(StrategySpec.of("r", recorder, ES.id())).build();
        engine.start();
        ContractRegistry registry = new ContractRegistry();
        registry.register(ES);
        writer = new RingWriter(engine.publisher(), registry, System::nanoTime);
    }

    @AfterEach
    void stop() {
        engine.shutdown();
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return Json.read(text);
    }

    /** A payload as the SignalR client hands it over. */
    private static JsonElement gson(String text) {
        return JsonParser.parseString(text);
    }

    @Test
    void goodPayloadsArriveAndBadOnesAreDroppedAndCountedWithoutThrowing() throws JsonProcessingException {
        writer.quote("CON.F.US.EP.Z26", gson("{\"bestBid\":6800.25,\"bestAsk\":6800.500000000,\"lastPrice\":6800.25}"));
        writer.quote("CON.F.US.EP.Z26", gson("{\"bestBid\":\"6800.25\"}"));
        writer.quote("CON.F.US.XX.Z26", gson("{\"bestBid\":6800.25}"));
        writer.quote("CON.F.US.EP.Z26", gson("{\"bestBid\":6800.10}"));
        writer.trades("CON.F.US.EP.Z26", gson("[{\"price\":6800.5,\"volume\":3,\"type\":0},{\"price\":6800.25}]"));
        writer.trades("CON.F.US.EP.Z26", gson("{\"price\":6800.25,\"volume\":1,\"type\":1}"));
        writer.position(RingWriter.unwrap(json("{\"action\":1,\"data\":{\"accountId\":1,\"contractId\":"
                + "\"CON.F.US.EP.Z26\",\"type\":2,\"size\":3,\"averagePrice\":6800.25,"
                + "\"creationTimestamp\":\"2026-11-24T15:00:00.1234567+00:00\"}}")));
        writer.order(json("{\"id\":5,\"accountId\":1,\"contractId\":\"CON.F.US.EP.Z26\",\"status\":99,\"type\":1,"
                + "\"side\":0,\"size\":1}"));
        writer.fill(json("{\"id\":7,\"accountId\":1}"));
        writer.quote("CON.F.US.EP.Z26", gson("{\"bestBid\":6800.75,\"bestAsk\":6801.00}"));

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!seen.contains("quote 27203/27204 last 27201") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(seen).containsExactly("quote 27201/27202 last 27201", "trade 3@27202 BUY", "trade 1@27201 SELL",
                "position -3", "quote 27203/27204 last 27201");
        assertThat(writer.dropped()).as("a string price, an unknown contract, an off-tick price, a print without "
                + "volume, an unknown status, a trade without fields").isEqualTo(6);
    }

    @Test
    void ourCustomTagIsTheClientOrderIdAndAnyOtherTagIsNotOurs() {
        assertThat(RingWriter.clientOrderId("1764000000000000001")).isEqualTo(1_764_000_000_000_000_001L);
        assertThat(RingWriter.clientOrderId("my-bot-7")).isZero();
        assertThat(RingWriter.clientOrderId(null)).isZero();
        assertThat(RingWriter.clientOrderId("99999999999999999999")).isZero();
    }
}
