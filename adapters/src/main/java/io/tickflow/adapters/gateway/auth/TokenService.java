package io.tickflow.adapters.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens as the service issues them: signed JWTs (HS256, with {@code sub}, {@code iat},
 * {@code exp}, {@code jti}) that a client may decode to see when to renew, checked here
 * against the tokens this gateway issued. Thread-safe.
 */
public final class TokenService {
    /** What a presented token is. */
    public enum Check { VALID, EXPIRED, UNKNOWN }

    private record Issued(String user, long expiresAtMillis) {
    }

    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final LongSupplier millis;
    private volatile Duration lifetime;

    public TokenService(Duration lifetime, LongSupplier wallMillis) {
        this.lifetime = lifetime;
        this.millis = wallMillis;
        new SecureRandom().nextBytes(key);
    }

    /** A new token for {@code user}, valid for the configured lifetime. */
    public String issue(String user) {
        long now = millis.getAsLong();
        long expires = now + lifetime.toMillis();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"sub\":\"" + user.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"iat\":" + now / 1000
                + ",\"exp\":" + expires / 1000 + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String body = header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        String token = body + "." + b64.encodeToString(sign(body));
        tokens.put(token, new Issued(user, expires));
        return token;
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public Check check(String token) {
        Issued issued = token == null ? null : tokens.get(token);
        if (issued == null) {
            return Check.UNKNOWN;
        }
        return millis.getAsLong() < issued.expiresAtMillis ? Check.VALID : Check.EXPIRED;
    }

    /** The user of a valid token, or null. */
    public String userOf(String token) {
        return check(token) == Check.VALID ? tokens.get(token).user : null;
    }

    /** The user a token was issued to, valid or expired, or null if this gateway never issued it. */
    public String issuedTo(String token) {
        Issued issued = token == null ? null : tokens.get(token);
        return issued == null ? null : issued.user;
    }

    public void revoke(String token) {
        tokens.remove(token);
    }

    /** Revokes every token of {@code user} (a logout elsewhere). */
    public void revokeUser(String user) {
        tokens.values().removeIf(i -> i.user.equals(user));
    }

    /** Every token expires now (fault injection: as if the clock had run past their lifetime). */
    public void expireAll() {
        long now = millis.getAsLong();
        tokens.replaceAll((t, i) -> new Issued(i.user, Math.min(i.expiresAtMillis, now)));
    }

    /** Tokens issued from now on live this long. */
    public void lifetime(Duration newLifetime) {
        this.lifetime = newLifetime;
    }
}
