package io.tickflow.adapters.gateway.rest;

/** A request body the gateway cannot bind (not JSON, a field of the wrong type): HTTP 400 naming the field. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String field;

    BadRequest(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }
}
