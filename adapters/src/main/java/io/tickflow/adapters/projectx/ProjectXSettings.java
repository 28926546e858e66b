package io.tickflow.adapters.projectx;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the adapter talks to a ProjectX service. Base URLs are configuration, never
 * constants: each firm has its own hosts.
 *
 * @param restBase        the REST base, e.g. the firm's {@code https://api.<firm>.projectx.com}
 * @param marketHub       the market hub URL ({@code …/hubs/market})
 * @param userHub         the user hub URL ({@code …/hubs/user})
 * @param userName        the ProjectX user name
 * @param apiKey          the API key (never logged)
 * @param callTimeout     the longest a REST call may take before its outcome counts as unknown, and a
 *                        hub subscription before its connection counts as failed
 * @param reconnectBase   the first reconnect delay; doubled per failure, jittered
 * @param reconnectCap    the longest reconnect delay
 * @param marketDepth     whether to subscribe to market depth as well as quotes and trades
 */
public record ProjectXSettings(URI restBase, URI marketHub, URI userHub, String userName, Secret apiKey,
                               Duration callTimeout, Duration reconnectBase, Duration reconnectCap,
                               boolean marketDepth) {
    public ProjectXSettings {
        Objects.requireNonNull(restBase, "restBase");
        Objects.requireNonNull(marketHub, "marketHub");
        Objects.requireNonNull(userHub, "userHub");
        Objects.requireNonNull(apiKey, "apiKey");
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("a ProjectX user name is required");
        }
    }

    /** A service whose hubs live under the REST base ({@code <base>/hubs/market}, {@code <base>/hubs/user}), as the paper gateway's do. */
    public static ProjectXSettings sameHost(URI base, String userName, Secret apiKey) {
        String b = base.toString().replaceAll("/+$", "");
        return new ProjectXSettings(URI.create(b), URI.create(b + "/hubs/market"), URI.create(b + "/hubs/user"),
                userName, apiKey, Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofSeconds(30), true);
    }

    public ProjectXSettings withReconnect(Duration base, Duration cap) {
        return new ProjectXSettings(restBase, marketHub, userHub, userName, apiKey, callTimeout, base, cap,
                marketDepth);
    }

    /**
     * The command timeout an engine trading through this adapter needs: longer than a
     * placement's send window plus its call, so an order the service does not have once it has
     * passed can never appear there.
     */
    public Duration commandTimeout() {
        return callTimeout.multipliedBy(2).plusSeconds(1);
    }

    public ProjectXSettings withCallTimeout(Duration timeout) {
        return new ProjectXSettings(restBase, marketHub, userHub, userName, apiKey, timeout, reconnectBase,
                reconnectCap, marketDepth);
    }
}
