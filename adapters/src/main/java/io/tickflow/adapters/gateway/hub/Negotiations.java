package io.tickflow.adapters.gateway.hub;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connections negotiated and not yet ended, by connection token: a token opens one socket;
 * once that socket ends, or if none is opened in time, the token is forgotten.
 */
final class Negotiations {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A negotiate response's connection, claimed by the first socket that presents its token. */
    static final class Negotiated {
        private final String connectionId;
        private final String connectionToken;
        private final String userName;
        private final AtomicBoolean claimed = new AtomicBoolean();

        private Negotiated(String connectionId, String connectionToken, String userName) {
            this.connectionId = connectionId;
            this.connectionToken = connectionToken;
            this.userName = userName;
        }

        String connectionId() {
            return connectionId;
        }

        String connectionToken() {
            return connectionToken;
        }

        String userName() {
            return userName;
        }

        /** @return true for the first socket only */
        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }

    private final Map<String, Negotiated> byToken = new ConcurrentHashMap<>();

    /** A random URL-safe id of 128 bits, as ASP.NET Core makes connection ids and tokens. */
    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Negotiated negotiate(String userName) {
        Negotiated negotiated = new Negotiated(newId(), newId(), userName);
        byToken.put(negotiated.connectionToken(), negotiated);
        return negotiated;
    }

    /** @return the connection negotiated with {@code connectionToken}, or null if unknown or ended */
    Negotiated find(String connectionToken) {
        return byToken.get(connectionToken);
    }

    /** Forgets the token if no socket has claimed it. */
    void expire(String connectionToken) {
        byToken.computeIfPresent(connectionToken, (token, negotiated) -> negotiated.claimed.get() ? negotiated : null);
    }

    /** Forgets the token: its connection ended. */
    void release(String connectionToken) {
        byToken.remove(connectionToken);
    }
}
