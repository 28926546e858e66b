package io.tickflow.adapters.gateway.rest;

/**
 * How {@code Auth/validate} answers a token past its lifetime. The reference leaves it open
 * (whether validate works after expiry is unverified), so the paper gateway can answer either
 * way and a client can be tried against both.
 */
public enum ExpiredTokenAnswer {
    /** HTTP 200, {@code success:false}, errorCode 3 ExpiredToken (the default). */
    EXPIRED_TOKEN_CODE,
    /** HTTP 401, as every other endpoint answers an expired token. */
    UNAUTHORIZED
}
