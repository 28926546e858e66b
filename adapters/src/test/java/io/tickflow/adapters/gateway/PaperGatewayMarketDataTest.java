package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.data.CsvMarketData;
import io.tickflow.adapters.gateway.venue.PaperContract;
import io.tickflow.adapters.testing.Await;

/** Market data the gateway plays by itself: generated per contract, or replayed from a file. */
class PaperGatewayMarketDataTest {
    private static String bars(String contractId) {
        return "{\"contractId\":\"" + contractId + "\",\"live\":false,\"startTime\":\"2020-01-01T00:00:00Z\","
                + "\"endTime\":\"2100-01-01T00:00:00Z\",\"unit\":1,\"unitNumber\":1,\"limit\":1000,"
                + "\"includePartialBar\":true}";
    }

    @Test
    void generatedMarketsTradeEveryContractAndBuildHistory() {
        try (PaperGateway gateway = PaperGateway.builder().user("demo", "k").generatedMarketData(7, 1_000).build()
                .start()) {
            RestClient rest = new RestClient(gateway.url());
            rest.login("demo", "k");
            for (PaperContract c : gateway.contracts()) {
                JsonNode history = Await.value("prints in " + c.id(), () -> {
                    JsonNode b = rest.post("/api/History/retrieveBars", bars(c.id())).json().path("bars");
                    return b.size() > 0 ? b : null;
                });
                assertThat(history.get(0).path("v").asLong()).isPositive();
                assertThat(history.get(0).path("h").decimalValue()).isGreaterThanOrEqualTo(
                        history.get(0).path("l").decimalValue());
            }
            rest.close();
        }
    }

    @Test
    void aFileReplaysIntoTheVenueAndItsPrintsBecomeBars(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("es.csv");
        Files.writeString(file, """
                ts_event,kind,price,size,aggressor,bid_price,bid_size,ask_price,ask_size
                2024-03-01T14:30:00.000000000Z,Q,,,,5100.00,10,5100.25,12
                2024-03-01T14:30:00.100000000Z,T,5100.25,3,B,,,,
                2024-03-01T14:30:00.200000000Z,T,5100.00,2,A,,,,
                """);
        List<PaperContract> contracts = PaperContract.defaults(LocalDate.of(2024, 2, 20));
        int es = 0;
        try (PaperGateway gateway = PaperGateway.builder().user("demo", "k").contracts(contracts)
                .replayedMarketData(List.of(CsvMarketData.detect(file, contracts.get(es).contract(), es)), 100)
                .build().start()) {
            RestClient rest = new RestClient(gateway.url());
            rest.login("demo", "k");
            JsonNode history = Await.value("the replayed prints", () -> {
                JsonNode b = rest.post("/api/History/retrieveBars", bars(contracts.get(es).id())).json().path("bars");
                long volume = 0;
                for (JsonNode bar : b) {
                    volume += bar.path("v").asLong();
                }
                return volume == 5 ? b : null;
            });
            assertThat(history).isNotEmpty();
            rest.close();
        }
    }
}
