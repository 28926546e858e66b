package io.tickflow.adapters.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Single;

/**
 * Who may talk to the paper gateway: it listens on loopback only unless told otherwise, and
 * every REST endpoint but sign-in and ping, both hubs' negotiation and both hubs' WebSocket
 * upgrade refuse a missing, unknown, forged or expired token — through the real OkHttp and
 * SignalR clients.
 */
class GatewayAccessTest {
    private static final List<String> AUTHENTICATED = List.of("Auth/validate", "Auth/logout", "Account/search",
            "Contract/search", "Contract/searchById", "Contract/available", "History/retrieveBars", "Order/place",
            "Order/cancel", "Order/modify", "Order/search", "Order/searchOpen", "Position/searchOpen",
            "Position/closeContract", "Position/partialCloseContract", "Trade/search");

    private PaperGateway gateway;
    private RestClient rest;

    @BeforeEach
    void start() {
        gateway = PaperGateway.builder().user("demo", "access-key-3c9e").build().start();
        rest = new RestClient(gateway.url());
    }

    @AfterEach
    void stop() {
        rest.close();
        gateway.close();
    }

    @Test
    void byDefaultItListensOnLoopbackOnly() throws IOException {
        assertThat(gateway.url().getHost()).isEqualTo("127.0.0.1");
        int port = gateway.url().getPort();
        List<InetAddress> external = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
                    external.add(a);
                }
            }
        }
        for (InetAddress a : external) {
            try (Socket s = new Socket()) {
                assertThatThrownBy(() -> s.connect(new InetSocketAddress(a, port), 2_000))
                        .as("a connection to %s:%d from outside loopback", a.getHostAddress(), port)
                        .isInstanceOf(IOException.class);
            }
        }
        System.out.printf("gateway access: loopback only, refused on %d non-loopback address(es) %s%n",
                external.size(), external);
    }

    @Test
    void everyAuthenticatedEndpointRefusesAMissingForgedOrExpiredToken() {
        String good = rest.login("demo", "access-key-3c9e");
        String forged = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        int checked = 0;
        for (String endpoint : AUTHENTICATED) {
            for (String bad : new String[] {null, "", "not-a-token", forged}) {
                assertThat(rest.post("/api/" + endpoint, "{}", bad).status())
                        .as("%s with token '%s'", endpoint, bad).isEqualTo(401);
                checked++;
            }
            assertThat(rest.post("/api/" + endpoint.toLowerCase(), "{}", null).status())
                    .as("%s, lower case, without a token", endpoint).isEqualTo(401);
            checked++;
        }
        gateway.expireTokens();
        for (String endpoint : AUTHENTICATED) {
            int status = rest.post("/api/" + endpoint, "{}", good).status();
            if (endpoint.equals("Auth/validate")) {
                assertThat(rest.post("/api/" + endpoint, "{}", good).json().path("errorCode").asInt())
                        .as("validate answers ExpiredToken").isEqualTo(3);
                assertThat(rest.post("/api/" + endpoint, "{}", good).json().path("success").asBoolean()).isFalse();
            } else {
                assertThat(status).as("%s with an expired token", endpoint).isEqualTo(401);
            }
            checked++;
        }
        assertThat(rest.get("/api/Status/ping").status()).as("ping needs no token").isEqualTo(200);
        System.out.printf("gateway access: %d REST calls without a valid token, all refused%n", checked);
    }

    @Test
    void bothHubsRefuseNegotiationAndUpgradeWithoutAValidToken() {
        String good = rest.login("demo", "access-key-3c9e");
        int refused = 0;
        for (String hub : List.of("/hubs/market", "/hubs/user")) {
            for (String bad : new String[] {null, "not-a-token", good + "x"}) {
                assertThat(rest.post(hub + "/negotiate?negotiateVersion=1", "", bad).status())
                        .as("negotiate %s with '%s'", hub, bad).isEqualTo(401);
                assertThat(rest.post(hub + "/negotiate?negotiateVersion=1&access_token=" + (bad == null ? "" : bad),
                        "", null).status()).as("negotiate %s with access_token '%s'", hub, bad).isEqualTo(401);
                for (boolean skip : new boolean[] {true, false}) {
                    HubConnection c = HubConnectionBuilder.create(gateway.url() + hub)
                            .withTransport(TransportEnum.WEBSOCKETS).shouldSkipNegotiate(skip)
                            .withAccessTokenProvider(Single.defer(() -> Single.just(bad == null ? "" : bad))).build();
                    assertThatThrownBy(() -> c.start().blockingAwait())
                            .as("%s with token '%s' (skip negotiation %s)", hub, bad, skip)
                            .isInstanceOf(RuntimeException.class);
                    refused++;
                }
                refused += 2;
            }
        }
        gateway.expireTokens();
        for (String hub : List.of("/hubs/market", "/hubs/user")) {
            HubConnection c = HubConnectionBuilder.create(gateway.url() + hub).withTransport(TransportEnum.WEBSOCKETS)
                    .shouldSkipNegotiate(true).withAccessTokenProvider(Single.defer(() -> Single.just(good))).build();
            assertThatThrownBy(() -> c.start().blockingAwait()).as("%s with an expired token", hub)
                    .isInstanceOf(RuntimeException.class);
            refused++;
        }
        assertThat(gateway.hubConnections(null)).as("connections let in").isZero();
        System.out.printf("gateway access: %d hub negotiations and connections without a valid token, all refused%n",
                refused);
    }
}
