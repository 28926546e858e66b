package io.tickflow.adapters.gateway.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.signalr.HttpHubConnectionBuilder;
import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.HubException;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Single;

import io.tickflow.adapters.testing.Await;

/** The hub as the Microsoft SignalR Java client sees it, with and without negotiation. */
class HubSignalRClientTest {
    private HubServer server;
    private final List<HubConnection> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new HubServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (HubConnection client : clients) {
            client.stop().blockingAwait(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        server.close();
    }

    private HubConnection client(boolean skipNegotiate, String token) {
        HttpHubConnectionBuilder builder = HubConnectionBuilder.create(server.url("http"))
                .withAccessTokenProvider(Single.just(token));
        if (skipNegotiate) {
            builder.shouldSkipNegotiate(true).withTransport(TransportEnum.WEBSOCKETS);
        }
        HubConnection client = builder.build();
        clients.add(client);
        return client;
    }

    private HubConnection connected(boolean skipNegotiate) {
        HubConnection client = client(skipNegotiate, HubServer.ALICE_TOKEN);
        assertThat(client.start().blockingAwait(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        return client;
    }

    @ParameterizedTest(name = "skipNegotiate={0}")
    @ValueSource(booleans = {true, false})
    void aClientInvokesAMethodAndGetsItsResult(boolean skipNegotiate) {
        HubConnection client = connected(skipNegotiate);

        assertThat(client.invoke(String.class, "Echo", "x").blockingGet()).isEqualTo("x");
        assertThat(client.invoke(String.class, "echo", "any case").blockingGet()).isEqualTo("any case");
    }

    @ParameterizedTest(name = "skipNegotiate={0}")
    @ValueSource(booleans = {true, false})
    void voidMethodsCompleteWhetherInvokedOrSent(boolean skipNegotiate) {
        HubConnection client = connected(skipNegotiate);

        client.send("Void", "sent");
        assertThat(client.invoke("Void", "invoked").blockingAwait(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .isTrue();

        assertThat(server.methods.calls).containsExactly("Void[\"sent\"]", "Void[\"invoked\"]");
    }

    @ParameterizedTest(name = "skipNegotiate={0}")
    @ValueSource(booleans = {true, false})
    void methodErrorsReachTheClientAsHubExceptionsAndTheConnectionStaysOpen(boolean skipNegotiate) {
        HubConnection client = connected(skipNegotiate);

        assertThatThrownBy(() -> client.invoke(String.class, "Fail", "no").blockingGet())
                .isInstanceOf(HubException.class).hasMessage("Refused: no");
        assertThatThrownBy(() -> client.invoke(String.class, "Boom", "x").blockingGet())
                .isInstanceOf(HubException.class)
                .hasMessage("An unexpected error occurred invoking 'Boom' on the server.");
        assertThatThrownBy(() -> client.invoke(String.class, "Nope").blockingGet())
                .isInstanceOf(HubException.class).hasMessage("Method does not exist.");
        assertThat(client.invoke(String.class, "Echo", "still open").blockingGet()).isEqualTo("still open");
        assertThat(client.getConnectionState()).isEqualTo(HubConnectionState.CONNECTED);
    }

    @ParameterizedTest(name = "skipNegotiate={0}")
    @ValueSource(booleans = {true, false})
    void serverPushedEventsReachTheClientHandler(boolean skipNegotiate) throws Exception {
        HubConnection client = connected(skipNegotiate);
        CompletableFuture<String> event = new CompletableFuture<>();
        client.on("Event", event::complete, String.class);

        client.invoke("Push", "hello").blockingAwait();

        assertThat(event.get(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("hello");
    }

    @ParameterizedTest(name = "skipNegotiate={0}")
    @ValueSource(booleans = {true, false})
    void aServerCloseWithAnErrorReachesOnClosed(boolean skipNegotiate) throws Exception {
        HubConnection client = connected(skipNegotiate);
        CompletableFuture<Exception> closed = new CompletableFuture<>();
        client.onClosed(closed::complete);
        Await.until("the session is open", () -> server.hub.sessions().size() == 1);

        server.hub.sessions().iterator().next().close("Session revoked", false);

        assertThat(closed.get(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).hasMessage("Session revoked");
        Await.until("the hub saw the disconnect", () -> server.methods.disconnected.size() == 1);
    }

    @ParameterizedTest(name = "skipNegotiate={0}")
    @ValueSource(booleans = {true, false})
    void theHubSeesOneConnectAndOneDisconnectPerClient(boolean skipNegotiate) {
        HubConnection client = connected(skipNegotiate);
        Await.until("the hub saw the connect", () -> server.methods.connected.size() == 1);
        HubSession session = server.methods.connected.get(0);
        assertThat(session.userName()).isEqualTo("alice");
        if (!skipNegotiate) {
            assertThat(session.id()).isEqualTo(client.getConnectionId());
        }

        client.stop().blockingAwait(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        Await.until("the hub saw the disconnect", () -> server.methods.disconnected.size() == 1);
        assertThat(server.methods.disconnected).containsExactly(session);
        assertThat(server.hub.sessions()).isEmpty();
    }

    @ParameterizedTest(name = "skipNegotiate={0}")
    @ValueSource(booleans = {true, false})
    void aBadTokenIsRefused(boolean skipNegotiate) {
        HubConnection client = client(skipNegotiate, "stolen");

        assertThatThrownBy(() -> client.start().blockingAwait(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(RuntimeException.class);
        assertThat(client.getConnectionState()).isEqualTo(HubConnectionState.DISCONNECTED);
        assertThat(server.methods.connected).isEmpty();
    }
}
