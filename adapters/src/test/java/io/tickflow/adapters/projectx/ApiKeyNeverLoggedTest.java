package io.tickflow.adapters.projectx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.adapters.gateway.PaperGateway;
import io.tickflow.adapters.testing.Tee;
import io.tickflow.engine.core.Engine;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.strategy.Strategy;

/** Every log line of a session — sign-in failures, renewals, reconnects, a forced sign-out — without the API key. */
class ApiKeyNeverLoggedTest {
    private static final String KEY = "never-log-me-7d1f0c9e";


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
            Engine engine = Engine.builder().gateway(new ProjectXAdapter(settings, registry, List.of(10_001L)))
                    .contract(registry.contract(0)).strategy(StrategySpec.of("idle", new Strategy() { },
                            registry.contract(0).id()).withAccount(10_001L)).build();
            try (ProjectXAdapter adapter = new ProjectXAdapter(settings, registry, List.of(10_001L))) {
                engine.start();
                adapter.start(engine.publisher());
                assertThat(adapter.rest().toString()).doesNotContain(KEY);
                gateway.expireTokens();
                adapter.rest().accounts(true);
                gateway.logOutElsewhere("demo");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (adapter.loggedOut() == null && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(adapter.loggedOut()).isNotNull();
            } finally {
                engine.shutdown();
            }
        } finally {
            System.setErr(original);
        }
        String logged = tee.text();
        assertThat(logged).as("the capture saw the session").contains("renewing the token").contains("ended the session");
        assertThat(logged).doesNotContain(KEY);
    }
}
