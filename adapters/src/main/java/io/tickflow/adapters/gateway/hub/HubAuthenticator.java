package io.tickflow.adapters.gateway.hub;

/** Checks a hub connection's access token (from {@code ?access_token=} or an {@code Authorization: Bearer} header). */
@FunctionalInterface
public interface HubAuthenticator {
    /** @return the user the token belongs to, or null if the token is missing, unknown or expired (the hub answers 401) */
    String userOf(String token);
}
