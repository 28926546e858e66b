package io.tickflow.adapters.gateway.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.tickflow.adapters.gateway.GatewayFaults;
import io.tickflow.adapters.gateway.auth.TokenService;
import io.tickflow.adapters.gateway.venue.PaperVenue;
import io.tickflow.adapters.gateway.venue.VenueBusy;
import io.tickflow.adapters.gateway.venue.VenueError;
import io.tickflow.adapters.gateway.venue.VenueThread;
import io.tickflow.adapters.projectx.wire.Json;

/**
 * The gateway's REST API under {@code /api/}: every endpoint of the reference, POST with a
 * JSON body (ping: GET, plain {@code pong}), paths case-insensitive, a bearer token required
 * but for login and ping. Answers as the service does: business failures are HTTP 200 with
 * {@code success:false} and the endpoint's error code; a missing, unknown or expired token is
 * 401; over the rate limit 429; a body that cannot be bound (not JSON, a field of the wrong
 * type, a required field missing) is 400 with the field named — and the usual envelope too,
 * so a client that only reads the envelope still sees why. Nothing ever answers 500 except
 * an injected fault.
 */
public final class RestApi extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    /**
     * The code that says a command was not carried out, by command: used when the venue
     * withdrew it unrun. Reads have none (they are answered 503, which a client retries).
     */
    private static final Map<String, Integer> NOT_CARRIED_OUT = Map.of("Order/place", 2, "Order/cancel", 3,
            "Order/modify", 3, "Position/closeContract", 5, "Position/partialCloseContract", 6);
    private static final java.util.Set<String> ENVELOPE = java.util.Set.of("success", "errorCode", "errorMessage");

    /** One endpoint: the user (null for login), the body, and the envelope to fill. */
    @FunctionalInterface
    private interface Endpoint {
        void handle(String user, RequestBody body, Map<String, Object> envelope);
    }

    /**
     * One endpoint's route. {@code malformedCode} is the code of a body that cannot be bound: the
     * endpoint enum's UnknownError where it has one, else its only failure code, else 0 (the
     * enums of Account/search and Contract/search have no failure code: {@code success:false}
     * and the 400 say it); {@code fieldCodes} name a closer code for some fields
     * ({@code History/retrieveBars}' unit, unitNumber and limit).
     */
    private record Route(String name, boolean authenticated, int malformedCode, Map<String, Integer> fieldCodes,
                         String payload, Endpoint endpoint) {
        int codeFor(String field) {
            return fieldCodes.getOrDefault(field, malformedCode);
        }
    }

    private final Map<String, Route> routes = new HashMap<>();
    private final PaperVenue venue;
    private final VenueThread venueThread;
    private final TokenService tokens;
    private final GatewayFaults faults;
    private final RateLimiter limiter;
    private final Map<String, String> apiKeys;
    private final LongSupplier wallNanos;
    private final ExpiredTokenAnswer expired;
    private final Duration venueTimeout;
    private final java.util.concurrent.atomic.AtomicLong logins = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param apiKeys   user name → API key accepted by {@code Auth/loginKey}
     * @param wallNanos the wall clock in epoch nanoseconds (the default end of a search range)
     * @param expired   how {@code Auth/validate} answers a token past its lifetime
     * @param venueTimeout the longest a request waits for the venue thread before it is answered
     *                     (not carried out if the venue had not started it, else UnknownError)
     */
    public RestApi(PaperVenue venue, VenueThread venueThread, TokenService tokens, GatewayFaults faults,
                   Map<String, String> apiKeys, boolean rateLimits, LongSupplier wallNanos, ExpiredTokenAnswer expired,
                   Duration venueTimeout) {
        this.expired = expired;
        this.venueTimeout = venueTimeout;
        this.venue = venue;
        this.venueThread = venueThread;
        this.tokens = tokens;
        this.faults = faults;
        this.apiKeys = Map.copyOf(apiKeys);
        this.wallNanos = wallNanos;
        this.limiter = new RateLimiter(rateLimits, () -> wallNanos.getAsLong() / 1_000_000);
        route("Auth/loginKey", false, 8, "token", this::loginKey);
        route("Auth/loginApp", false, 8, "token", (u, b, env) -> fail(env, 4, "The paper gateway signs in with an API key "
                + "(Auth/loginKey) only"));
        route("Auth/validate", true, 4, "newToken", (u, b, env) -> env.put("newToken", tokens.issue(u)));
        route("Auth/logout", true, 2, null, (u, b, env) -> { });
        route("Account/search", true, 0, "accounts", (u, b, env) -> {
            boolean active = b.optionalBoolean("onlyActiveAccounts", false);
            env.put("accounts", onVenue(() -> venue.accounts(u, active)));
        });
        route("Contract/search", true, 0, "contracts", (u, b, env) -> {
            String text = b.optionalString("searchText");
            b.optionalBoolean("live", false);
            env.put("contracts", onVenue(() -> venue.searchContracts(text)));
        });
        route("Contract/searchById", true, 1, "contract", (u, b, env) -> {
            String id = b.requiredString("contractId");
            env.put("contract", onVenue(() -> venue.contractById(id)));
        });
        route("Contract/available", true, 0, "contracts", (u, b, env) -> {
            b.optionalBoolean("live", false);
            env.put("contracts", onVenue(venue::availableContracts));
        });
        route("History/retrieveBars", true, 1, Map.of("unit", 2, "unitNumber", 3, "limit", 4), "bars",
                this::retrieveBars);
        route("Order/place", true, 7, "orderId", this::place);
        route("Order/cancel", true, 5, null, (u, b, env) -> {
            long account = b.requiredInt("accountId");
            long order = b.requiredLong("orderId");
            run(() -> venue.cancel(u, account, order));
        });
        route("Order/modify", true, 5, null, (u, b, env) -> {
            long account = b.requiredInt("accountId");
            long order = b.requiredLong("orderId");
            Integer size = b.optionalInt("size");
            var limit = b.optionalDecimal("limitPrice");
            var stop = b.optionalDecimal("stopPrice");
            var trail = b.optionalDecimal("trailPrice");
            run(() -> venue.modify(u, account, order, size, limit, stop, trail));
        });
        route("Order/search", true, 1, "orders", (u, b, env) -> env.put("orders",
                searchByTime(b, true, (account, from, to) -> venue.searchOrders(u, account, from, to))));
        route("Order/searchOpen", true, 1, "orders", (u, b, env) -> {
            long account = b.requiredInt("accountId");
            env.put("orders", onVenue(() -> venue.searchOpenOrders(u, account)));
        });
        route("Position/searchOpen", true, 1, "positions", (u, b, env) -> {
            long account = b.requiredInt("accountId");
            env.put("positions", onVenue(() -> venue.searchOpenPositions(u, account)));
        });
        route("Position/closeContract", true, 7, null, (u, b, env) -> {
            long account = b.requiredInt("accountId");
            String contract = b.requiredString("contractId");
            run(() -> venue.closeContract(u, account, contract));
        });
        route("Position/partialCloseContract", true, 8, null, (u, b, env) -> {
            long account = b.requiredInt("accountId");
            String contract = b.requiredString("contractId");
            int size = b.requiredInt("size");
            run(() -> venue.partialCloseContract(u, account, contract, size));
        });
        route("Trade/search", true, 1, "trades", (u, b, env) -> env.put("trades",
                searchByTime(b, false, (account, from, to) -> venue.searchTrades(u, account, from, to))));
    }

    private void route(String name, boolean authenticated, int malformedCode, String payload, Endpoint endpoint) {
        route(name, authenticated, malformedCode, Map.of(), payload, endpoint);
    }

    private void route(String name, boolean authenticated, int malformedCode, Map<String, Integer> fieldCodes,
                       String payload, Endpoint endpoint) {
        routes.put("/api/" + name.toLowerCase(Locale.ROOT),
                new Route(name, authenticated, malformedCode, fieldCodes, payload, endpoint));
    }

    /** Successful sign-ins so far. */
    public long logins() {
        return logins.get();
    }

    // ---- endpoints with more to say ----

    private void loginKey(String ignored, RequestBody b, Map<String, Object> env) {
        String user = b.requiredString("userName");
        String key = b.requiredString("apiKey");
        String expected = apiKeys.get(user);
        if (expected == null) {
            fail(env, 1, "User " + user + " not found");
        } else if (!constantTimeEquals(expected, key)) {
            fail(env, 3, "Invalid credentials");
        } else {
            logins.incrementAndGet();
            env.put("token", tokens.issue(user));
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }

    private void retrieveBars(String u, RequestBody b, Map<String, Object> env) {
        String contract = b.requiredString("contractId");
        b.optionalBoolean("live", false);
        long from = b.requiredTimestamp("startTime");
        long to = b.requiredTimestamp("endTime");
        int unit = b.requiredInt("unit");
        int unitNumber = b.requiredInt("unitNumber");
        int limit = b.requiredInt("limit");
        boolean partial = b.optionalBoolean("includePartialBar", false);
        env.put("bars", onVenue(() -> venue.retrieveBars(contract, unit, unitNumber, from, to, limit, partial)));
    }

    private void place(String u, RequestBody b, Map<String, Object> env) {
        long account = b.requiredInt("accountId");
        String contract = b.requiredString("contractId");
        int type = b.requiredInt("type");
        int side = b.requiredInt("side");
        int size = b.requiredInt("size");
        var limit = b.optionalDecimal("limitPrice");
        var stop = b.optionalDecimal("stopPrice");
        var trail = b.optionalDecimal("trailPrice");
        String tag = b.optionalString("customTag");
        PaperVenue.BracketLeg stopLoss = bracketLeg(b, "stopLossBracket");
        PaperVenue.BracketLeg takeProfit = bracketLeg(b, "takeProfitBracket");
        env.put("orderId", onVenue(() -> venue.place(u, account, contract, type, side, size, limit, stop, trail, tag,
                stopLoss, takeProfit)));
    }

    private static PaperVenue.BracketLeg bracketLeg(RequestBody b, String field) {
        RequestBody leg = b.optionalObject(field);
        return leg == null ? null : new PaperVenue.BracketLeg(leg.requiredInt("ticks"), leg.requiredInt("type"));
    }

    private <T> T onVenue(java.util.concurrent.Callable<T> call) {
        return venueThread.call(call, venueTimeout);
    }

    /**
     * A search of one account over [startTimestamp, endTimestamp), the end open when absent;
     * the start is required by {@code Order/search} and optional (from the beginning) for
     * {@code Trade/search}, as the service's request models say.
     */
    @FunctionalInterface
    private interface TimeSearch {
        Object search(long accountId, long fromNanos, long toNanos);
    }

    private Object searchByTime(RequestBody b, boolean startRequired, TimeSearch search) {
        long account = b.requiredInt("accountId");
        long from = startRequired ? b.requiredTimestamp("startTimestamp") : b.optionalTimestamp("startTimestamp", 0);
        long to = b.optionalTimestamp("endTimestamp", Long.MAX_VALUE);
        return onVenue(() -> search.search(account, from, to));
    }

    private void run(Runnable command) {
        onVenue(() -> {
            command.run();
            return null;
        });
    }

    private static void fail(Map<String, Object> env, int code, String message) {
        env.put("success", false);
        env.put("errorCode", code);
        env.put("errorMessage", message);
    }

    // ---- HTTP ----

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String lower = path.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("/api/")) {
            return false;
        }
        if (lower.equals("/api/status/ping")) {
            if (!"GET".equals(request.getMethod())) {
                return send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, null);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.setStatus(200);
            Content.Sink.write(response, true, "pong", callback);
            return true;
        }
        Route route = routes.get(lower);
        if (route == null) {
            return send(response, callback, HttpStatus.NOT_FOUND_404, null);
        }
        if (!"POST".equals(request.getMethod())) {
            return send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, null);
        }
        if (faults.takeServerError(route.name)) {
            return send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, null);
        }
        if (faults.tooManyRequestsNow()) {
            return send(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, null);
        }
        String token = bearer(request);
        String user = null;
        if (route.authenticated) {
            TokenService.Check check = tokens.check(token);
            if (check == TokenService.Check.EXPIRED && route.name.equals("Auth/validate")
                    && expired == ExpiredTokenAnswer.EXPIRED_TOKEN_CODE) {
                return send(response, callback, 200, failure(route, 3, "The token has expired"));
            }
            if (check != TokenService.Check.VALID) {
                return send(response, callback, HttpStatus.UNAUTHORIZED_401, null);
            }
            user = tokens.userOf(token);
            if (!limiter.allow(user, route.name.equals("History/retrieveBars"))) {
                return send(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, null);
            }
        }
        String text = Content.Source.asString(request, StandardCharsets.UTF_8);
        Map<String, Object> env = envelope();
        try {
            JsonNode root = text == null || text.isBlank() ? null : Json.read(text);
            route.endpoint.handle(user, new RequestBody(root), env);
            if (route.payload != null) {
                env.putIfAbsent(route.payload, null); // a refusal too carries its payload field, null
            }
            if (route.name.equals("Auth/logout")) {
                tokens.revoke(token);
            }
            long delay = faults.takeAnswerDelayMillis(route.name);
            if (delay > 0) {
                // an injected fault: hold this one answer past the client's call timeout
                Thread.sleep(delay);
            }
            if (faults.takeLostAnswer(route.name)) {
                return send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, null);
            }
            int code = faults.takeAnswerCode(route.name);
            if (code != 0) {
                // an injected fault: carried out, but answered as a service unsure of the outcome
                return send(response, callback, 200, failure(route, code, "An injected error code " + code
                        + " (the call was carried out)"));
            }
            return send(response, callback, 200, env);
        } catch (JsonProcessingException e) {
            return badRequest(response, callback, route, "$", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (BadRequest e) {
            return badRequest(response, callback, route, e.field, e.getMessage());
        } catch (VenueError e) {
            Map<String, Object> failed = failure(route, e.code(), e.getMessage());
            return send(response, callback, 200, failed);
        } catch (VenueBusy e) {
            return venueBusy(response, callback, route, e);
        } catch (RuntimeException e) {
            LOG.error("{} failed", route.name, e);
            Map<String, Object> failed = failure(route, route.malformedCode,
                    "The paper gateway could not handle the request: " + e.getMessage());
            return send(response, callback, 200, failed);
        }
    }

    /**
     * The venue did not finish in time, answered as what happened: a command withdrawn unrun is
     * refused with the code that says it was not carried out; one the venue had started gets the
     * endpoint's UnknownError (it may yet take effect, as with the service); a read gets 503.
     */
    private boolean venueBusy(Response response, Callback callback, Route route, VenueBusy e) {
        LOG.warn("{}: {}", route.name, e.getMessage());
        Integer notCarriedOut = NOT_CARRIED_OUT.get(route.name);
        if (notCarriedOut == null) {
            return send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, null);
        }
        return send(response, callback, 200, failure(route, e.started() ? route.malformedCode : notCarriedOut,
                e.getMessage()));
    }

    /** A business failure: the payload field null, then the envelope with the code and message. */
    private static Map<String, Object> failure(Route route, int code, String message) {
        Map<String, Object> env = new LinkedHashMap<>();
        if (route.payload != null) {
            env.put(route.payload, null);
        }
        fail(env, code, message);
        return env;
    }

    private static Map<String, Object> envelope() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("success", true);
        env.put("errorCode", 0);
        env.put("errorMessage", null);
        return env;
    }

    private static String bearer(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    private boolean badRequest(Response response, Callback callback, Route route, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://tools.ietf.org/html/rfc9110#section-15.5.1");
        body.put("title", "One or more validation errors occurred.");
        body.put("status", 400);
        body.put("errors", Map.of(field, List.of(message)));
        body.putAll(failure(route, route.codeFor(field), field + ": " + message));
        return send(response, callback, 400, body);
    }

    private static boolean send(Response response, Callback callback, int status, Map<String, Object> body) {
        response.setStatus(status);
        if (body == null) {
            callback.succeeded();
            return true;
        }
        // the payload first, then the envelope, as the service writes it
        Map<String, Object> ordered = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (!ENVELOPE.contains(k)) {
                ordered.put(k, v);
            }
        });
        body.forEach(ordered::putIfAbsent);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, Json.write(ordered), callback);
        return true;
    }
}
