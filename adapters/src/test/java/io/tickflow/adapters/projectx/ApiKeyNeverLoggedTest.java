package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.testing.Await;
import io.tickflow.adapters.testing.Tee;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.strategy.QuoteView;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyContext;

/** Every log line of a session — sign-in failures, renewals, reconnects, a forced sign-out — without the API key. */
class ApiKeyNeverLoggedTest {
    private static final String KEY = "never-log-me-7d1f0c9e";

    /** Places one limit order at the first quote. */
    private static final class OneLimitOrder implements Strategy {
        private final Contract contract;
        private StrategyContext ctx;
        private boolean placed;

        OneLimitOrder(Contract contract) {
            this.contract = contract;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onQuote(QuoteView q) {
            if (!placed) {
                placed = true;
                ctx.orders().limit(contract, Side.BUY, 1, contract.toTicks(new BigDecimal("6790.00")));
            }
        }
    }

    @Test
    void theApiKeyAppearsInNoLogLineExceptionOrToString() {
        PrintStream original = System.err;
        Tee tee = new Tee(original);
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        try (PaperGateway gateway = PaperGateway.builder().user("demo", KEY).build().start()) {
            ContractRegistry registry = new ContractRegistry();
            registry.register(gateway.contracts().get(0).contract());
            ProjectXSettings wrong = ProjectXSettings.sameHost(gateway.url(), "demo", Secret.of(KEY + "-wrong"));
            try (ProjectXAdapter rejected = new ProjectXAdapter(wrong, registry, List.of(10_001L))) {
                assertThatThrownBy(rejected.rest()::login).isInstanceOf(ProjectXException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
            }
            ProjectXSettings settings = ProjectXSettings.sameHost(gateway.url(), "demo", Secret.of(KEY))
                    .withReconnect(Duration.ofMillis(20), Duration.ofMillis(100));
            assertThat(settings.toString()).doesNotContain(KEY);
            // the engine trades through the adapter it starts: the order path logs too
            try (ProjectXAdapter adapter = new ProjectXAdapter(settings, registry, List.of(10_001L))) {
                Contract es = registry.contract(0);
                Engine engine = Engine.builder().gateway(adapter).contract(es)
                        .strategy(StrategySpec.of("one-order", new OneLimitOrder(es), es.id()).withAccount(10_001L))
                        .build();
                try {
                    engine.start();
                    adapter.start(engine.publisher());
                    assertThat(adapter.rest().toString()).doesNotContain(KEY);
                    gateway.faults().loseAnswers("Order/place", 1);
                    Await.until("both hubs connected", () -> gateway.hubConnections(null) == 2);
                    gateway.quote(es.id(), new BigDecimal("6800.00"), 10, new BigDecimal("6800.25"), 10);
                    Await.until("the order whose answer was lost looked for, and at the gateway",
                            () -> tee.text().contains("looking for it by its customTag")
                                    && adapter.rest().openOrders(10_001L).size() == 1);
                    gateway.expireTokens();
                    adapter.rest().accounts(true);
                    gateway.logOutElsewhere("demo");
                    Await.until("the session ended", () -> adapter.loggedOut() != null);
                } finally {
                    engine.shutdown();
                }
            }
        } finally {
            System.setErr(original);
        }
        String logged = tee.text();
        assertThat(logged).as("the capture saw the session").contains("renewing the token").contains("ended the session")
                .contains("looking for it by its customTag");
        assertThat(logged).doesNotContain(KEY);
    }
}
