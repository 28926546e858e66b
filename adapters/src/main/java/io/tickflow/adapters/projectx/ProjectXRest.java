package io.tickflow.adapters.projectx;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.adapters.projectx.wire.Json;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The ProjectX REST API over OkHttp: every endpoint of the reference with typed answers.
 * It signs in with the API key, renews the token through {@code Auth/validate} before it
 * expires and once on a 401, keeps to the documented rate limits on its own side, and
 * retries reads (never commands) on 429, 5xx and lost connections with capped, jittered
 * backoff. A business failure ({@code success:false}) is a typed {@link ProjectXException}
 * (see {@link ProjectXException#refusal}) with the service's code and message. Once the
 * service ends the session (a 401 that validate cannot cure) every call, renewal and sign-in
 * is refused: a new sign-in would end the user's other sessions. The API key appears in no
 * log, message or toString.
 * Thread-safe.
 */
public final class ProjectXRest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectXRest.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int READ_ATTEMPTS = 5;

    private final URI base;
    private final String userName;
    private final Secret apiKey;
    private final OkHttpClient http;
    private final RequestLimiter general = RequestLimiter.general();
    private final RequestLimiter history = RequestLimiter.history();
    private final Duration backoffBase;
    private final Clock wall;
    private volatile String token;
    private volatile long renewAtMillis;
    /** When the current token expires, by its {@code exp} claim. */
    private volatile long expiresAtMillis;
    private volatile String sessionEnded;
    private volatile Consumer<String> onSessionEnded;
    private volatile AppCredentials app;
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong validations = new AtomicLong();
    /** The deadline of the placement being sent on this thread ({@link #placeBy}), or 0 for none. */
    private final ThreadLocal<Long> sendByNanos = ThreadLocal.withInitial(() -> 0L);

    public ProjectXRest(URI base, String userName, Secret apiKey, Duration callTimeout, Duration backoffBase) {
        this(base, userName, apiKey, callTimeout, backoffBase, Clock.systemUTC());
    }

    /** @param wall the clock a token's {@code exp} claim is read against (a test's, to skip a day) */
    public ProjectXRest(URI base, String userName, Secret apiKey, Duration callTimeout, Duration backoffBase,
                        Clock wall) {
        this.wall = wall;
        this.base = base;
        this.userName = userName;
        this.apiKey = apiKey;
        this.backoffBase = backoffBase;
        this.http = new OkHttpClient.Builder().callTimeout(callTimeout).retryOnConnectionFailure(false).build();
    }

    public ProjectXRest(URI base, String userName, Secret apiKey) {
        this(base, userName, apiKey, Duration.ofSeconds(10), Duration.ofMillis(200));
    }

    // ---- session ----

    /**
     * Signs in with the API key; the token is kept and renewed from then on. Refused once the
     * service has ended the session: on the live service a new sign-in ends the user's other
     * sessions, so only a person (a restart) may sign in again.
     */
    public synchronized void login() {
        AppCredentials app = this.app;
        String endpoint = app == null ? "Auth/loginKey" : "Auth/loginApp";
        checkSession(endpoint);
        ObjectNode body = Json.MAPPER.createObjectNode().put("userName", userName);
        if (app == null) {
            body.put("apiKey", apiKey.reveal());
        } else {
            body.put("password", app.password().reveal()).put("deviceId", app.deviceId()).put("appId", app.appId())
                    .put("verifyKey", app.verifyKey().reveal());
        }
        JsonNode answer = send(endpoint, body, false, false);
        adopt(answer.path("token").asText());
        logins.incrementAndGet();
        LOG.info("signed in to {} as {}", base, userName);
    }

    /** What {@code Auth/loginApp} signs in with (an authorized application's credentials). */
    public record AppCredentials(Secret password, String deviceId, String appId, Secret verifyKey) {
        @Override
        public String toString() {
            return "AppCredentials{device " + deviceId + ", app " + appId + "}";
        }
    }

    /**
     * Signs in through {@code Auth/loginApp} instead of the API key, now and on every later
     * sign-in of this client.
     */
    public void loginApp(AppCredentials credentials) {
        synchronized (this) {
            this.app = credentials;
        }
        login();
    }

    /** The current token, renewed first if it is due: what the hubs' access-token factory hands out. */
    public String token() {
        checkSession("token");
        if (token == null) {
            login();
        } else if (wall.millis() >= renewAtMillis) {
            renew();
        }
        return token;
    }

    /**
     * Renews the token through {@code Auth/validate}, presenting the current token as Bearer.
     * Only when the service answers that the token cannot be renewed ({@code success:false}:
     * expired, invalid or unknown session), or answers 401 to a token already past its expiry
     * (renewal came too late: the machine slept), does it sign in again. A 401 to a token still
     * within its lifetime means the service no longer knows this session (it was ended, e.g. by
     * a sign-in elsewhere): the session is over and nothing signs in again. A lost answer keeps
     * the current token for a later try.
     */
    public synchronized void renew() {
        checkSession("Auth/validate");
        if (token == null) {
            login();
            return;
        }
        Outcome outcome = once("Auth/validate", obj(), true, 0);
        if (outcome.answer != null) {
            adopt(outcome.answer.path("newToken").asText());
            validations.incrementAndGet();
            LOG.info("session token renewed through Auth/validate");
            return;
        }
        if (outcome.status == 401 && tokenExpired()) {
            login();
            return;
        }
        if (outcome.status == 401) {
            sessionEnded("Auth/validate answered 401: the service ended this session");
            throw new ProjectXException.SessionEnded("Auth/validate", sessionEnded);
        }
        if (outcome.status == 200) {
            LOG.warn("renewing the token failed: the service would not renew it ({}); signing in again",
                    outcome.failure.getMessage());
            login();
            return;
        }
        throw outcome.failure;
    }

    /** Successful sign-ins of this client so far. */
    public long logins() {
        return logins.get();
    }

    /** Tokens renewed through {@code Auth/validate} so far. */
    public long validations() {
        return validations.get();
    }

    private void adopt(String newToken) {
        token = newToken;
        long now = wall.millis();
        long expires = expiryMillis(newToken, now);
        expiresAtMillis = expires;
        long lifetime = Math.max(0, expires - now);
        renewAtMillis = now + lifetime - Math.max(lifetime / 5, Math.min(lifetime / 2, 60_000));
    }

    /**
     * The current token is past its expiry: a 401 to it says only that, not that the session
     * was ended. Logged, as the token should have been renewed before.
     */
    private boolean tokenExpired() {
        boolean expired = wall.millis() >= expiresAtMillis;
        if (expired) {
            LOG.warn("the session token expired before it was renewed (was the machine asleep?); signing in again");
        }
        return expired;
    }

    /** The {@code exp} claim of a JWT, or 23 hours from {@code now} if the token says nothing. */
    static long expiryMillis(String jwt, long now) {
        String[] parts = jwt.split("\\.");
        if (parts.length == 3) {
            try {
                JsonNode claims = Json.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                if (claims.path("exp").canConvertToLong()) {
                    return claims.path("exp").asLong() * 1000;
                }
            } catch (IllegalArgumentException | JsonProcessingException e) {
                LOG.debug("the session token is not a readable JWT; assuming a 23 h lifetime");
            }
        }
        return now + TimeUnit.HOURS.toMillis(23);
    }

    /**
     * Whether the service still honours this session: a validate with the current token (a
     * 401 to a token within its lifetime means the session was ended, e.g. by a sign-in
     * elsewhere). Renews the token if so; a token found expired — a 401 past its lifetime, or a
     * validate refusing it (ExpiredToken, however early the service expired it) — is dropped,
     * to be replaced by a sign-in when next needed: the hub reconnect asking must not present it again.
     */
    public boolean sessionAlive() {
        if (sessionEnded != null || token == null) {
            return sessionEnded == null;
        }
        Outcome outcome = once("Auth/validate", obj(), true, 0);
        if (outcome.status == 401 && tokenExpired()) {
            token = null;
            return true;
        }
        if (outcome.status == 401) {
            sessionEnded("Auth/validate answered 401: the service ended this session");
            return false;
        }
        if (outcome.answer != null) {
            adopt(outcome.answer.path("newToken").asText());
            validations.incrementAndGet();
        } else if (outcome.status == 200) {
            LOG.warn("the service would not renew the session token ({}); signing in again when next needed",
                    outcome.failure.getMessage());
            token = null;
        }
        return true;
    }

    /**
     * From now on every call fails at once and nothing signs in again: the service ended this
     * session (a sign-in elsewhere). The first reason is kept and reported once to the listener.
     */
    public void sessionEnded(String reason) {
        Consumer<String> listener;
        synchronized (this) {
            if (sessionEnded != null) {
                return;
            }
            sessionEnded = reason;
            listener = onSessionEnded;
        }
        LOG.error("the service ended the session of {} ({}); every further call is refused", userName, reason);
        if (listener != null) {
            listener.accept(reason);
        }
    }

    /** Who hears, once, that the service ended the session (from a hub or from a REST call). */
    public void onSessionEnded(Consumer<String> listener) {
        this.onSessionEnded = listener;
    }

    /** Why the service ended the session, or null while it lives. */
    public String sessionEndedReason() {
        return sessionEnded;
    }

    private void checkSession(String endpoint) {
        String ended = sessionEnded;
        if (ended != null) {
            throw new ProjectXException.SessionEnded(endpoint, ended);
        }
    }

    public void logout() {
        send("Auth/logout", Json.MAPPER.createObjectNode(), true, false);
        token = null;
    }

    /** {@code GET Status/ping}: true if the service answers pong. */
    public boolean ping() {
        Request request = new Request.Builder().url(base.resolve("/api/Status/ping").toString()).get().build();
        try (Response response = http.newCall(request).execute()) {
            return response.isSuccessful() && response.body() != null && response.body().string().contains("pong");
        } catch (IOException e) {
            return false;
        }
    }

    // ---- reads (retried) ----

    public List<ApiObjects.Account> accounts(boolean onlyActive) {
        return list(read("Account/search", obj().put("onlyActiveAccounts", onlyActive)), "accounts",
                ApiObjects.Account.class);
    }

    public List<ApiObjects.Contract> searchContracts(String text) {
        return searchContracts(text, false);
    }

    /** @param live the live data tier (a subscription); the wrong tier answers an empty list */
    public List<ApiObjects.Contract> searchContracts(String text, boolean live) {
        return list(read("Contract/search", obj().put("searchText", text).put("live", live)), "contracts",
                ApiObjects.Contract.class);
    }

    public ApiObjects.Contract contract(String contractId) {
        return one(read("Contract/searchById", obj().put("contractId", contractId)), "contract",
                ApiObjects.Contract.class);
    }

    public List<ApiObjects.Contract> availableContracts() {
        return availableContracts(false);
    }

    public List<ApiObjects.Contract> availableContracts(boolean live) {
        return list(read("Contract/available", obj().put("live", live)), "contracts", ApiObjects.Contract.class);
    }

    /**
     * Bars as the service returns them (newest first).
     *
     * @param unit 1 second, 2 minute, 3 hour, 4 day, 5 week, 6 month
     */
    public List<ApiObjects.Bar> bars(String contractId, Instant from, Instant to, int unit, int unitNumber, int limit,
                                     boolean includePartialBar) {
        return bars(contractId, false, from, to, unit, unitNumber, limit, includePartialBar);
    }

    /** Bars from the live data tier or not; as {@link #bars(String, Instant, Instant, int, int, int, boolean)}. */
    public List<ApiObjects.Bar> bars(String contractId, boolean live, Instant from, Instant to, int unit,
                                     int unitNumber, int limit, boolean includePartialBar) {
        ObjectNode body = obj().put("contractId", contractId).put("live", live).put("startTime", from.toString())
                .put("endTime", to.toString()).put("unit", unit).put("unitNumber", unitNumber).put("limit", limit)
                .put("includePartialBar", includePartialBar);
        return list(send("History/retrieveBars", body, true, true), "bars", ApiObjects.Bar.class);
    }

    public List<ApiObjects.Order> orders(long accountId, Instant from) {
        return orders(accountId, from, null);
    }

    /** Orders created in [from, to); {@code to} null for open-ended. */
    public List<ApiObjects.Order> orders(long accountId, Instant from, Instant to) {
        return list(read("Order/search", range(accountId, from, to)), "orders", ApiObjects.Order.class);
    }

    private static ObjectNode range(long accountId, Instant from, Instant to) {
        ObjectNode body = obj().put("accountId", accountId).put("startTimestamp", from.toString());
        if (to != null) {
            body.put("endTimestamp", to.toString());
        }
        return body;
    }

    public List<ApiObjects.Order> openOrders(long accountId) {
        return list(read("Order/searchOpen", obj().put("accountId", accountId)), "orders", ApiObjects.Order.class);
    }

    public List<ApiObjects.Position> openPositions(long accountId) {
        return list(read("Position/searchOpen", obj().put("accountId", accountId)), "positions",
                ApiObjects.Position.class);
    }

    public List<ApiObjects.Trade> trades(long accountId, Instant from) {
        return trades(accountId, from, null);
    }

    /** Own fills in [from, to); {@code to} null for open-ended. */
    public List<ApiObjects.Trade> trades(long accountId, Instant from, Instant to) {
        return list(read("Trade/search", range(accountId, from, to)), "trades", ApiObjects.Trade.class);
    }

    // ---- commands (never retried) ----

    /**
     * Places an order; prices are decimals, null when the type takes none.
     *
     * @return the service's order id
     * @throws ProjectXException on refusal, or with {@link ProjectXException#outcomeUnknown()} when the
     *                           answer was lost or uncertain (OrderPending, UnknownError): the order
     *                           may exist, find it by its customTag
     */
    public long place(long accountId, String contractId, int type, int side, long size, BigDecimal limitPrice,
                      BigDecimal stopPrice, BigDecimal trailPrice, String customTag) {
        return place(accountId, contractId, type, side, size, limitPrice, stopPrice, trailPrice, customTag, null, null);
    }

    /**
     * Places an order with native bracket legs (each null for none; left out of the body when
     * null, since the service refuses brackets on accounts with "Position Brackets" whenever the
     * field is present). The engine emulates its brackets itself and never sends these.
     */
    public long place(long accountId, String contractId, int type, int side, long size, BigDecimal limitPrice,
                      BigDecimal stopPrice, BigDecimal trailPrice, String customTag, ApiObjects.Bracket stopLoss,
                      ApiObjects.Bracket takeProfit) {
        ObjectNode body = obj().put("accountId", accountId).put("contractId", contractId).put("type", type)
                .put("side", side).put("size", size);
        body.put("limitPrice", limitPrice);
        body.put("stopPrice", stopPrice);
        body.put("trailPrice", trailPrice);
        body.put("customTag", customTag);
        if (stopLoss != null) {
            body.putObject("stopLossBracket").put("ticks", stopLoss.ticks()).put("type", stopLoss.type());
        }
        if (takeProfit != null) {
            body.putObject("takeProfitBracket").put("ticks", takeProfit.ticks()).put("type", takeProfit.type());
        }
        return send("Order/place", body, true, false, sendByNanos.get()).path("orderId").asLong();
    }

    /**
     * Places an order unless it cannot be sent by {@code sendByNanos} ({@link System#nanoTime}):
     * when the rate limit or a token renewal (a validate, maybe a sign-in, each up to a call
     * timeout) holds it past then, it is not sent at all and
     * {@link ProjectXException.NotSent} says so. The engine gives up on an unanswered placement
     * after its command timeout; a placement sent after that would be an order nobody tracks.
     */
    public long placeBy(long sendByNanos, long accountId, String contractId, int type, int side, long size,
                        BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal trailPrice, String customTag) {
        this.sendByNanos.set(sendByNanos);
        try {
            return place(accountId, contractId, type, side, size, limitPrice, stopPrice, trailPrice, customTag, null,
                    null);
        } finally {
            this.sendByNanos.remove();
        }
    }

    public void cancel(long accountId, long orderId) {
        command("Order/cancel", obj().put("accountId", accountId).put("orderId", orderId));
    }

    /** Changes an order; null fields are left as they are. */
    public void modify(long accountId, long orderId, Long size, BigDecimal limitPrice, BigDecimal stopPrice) {
        modify(accountId, orderId, size, limitPrice, stopPrice, null);
    }

    /** Changes an order, a trailing stop's {@code trailPrice} too; null fields are left as they are. */
    public void modify(long accountId, long orderId, Long size, BigDecimal limitPrice, BigDecimal stopPrice,
                       BigDecimal trailPrice) {
        ObjectNode body = obj().put("accountId", accountId).put("orderId", orderId);
        body.put("size", size);
        body.put("limitPrice", limitPrice);
        body.put("stopPrice", stopPrice);
        if (trailPrice != null) {
            body.put("trailPrice", trailPrice);
        }
        command("Order/modify", body);
    }

    public void closeContract(long accountId, String contractId) {
        command("Position/closeContract", obj().put("accountId", accountId).put("contractId", contractId));
    }

    public void partialCloseContract(long accountId, String contractId, long size) {
        command("Position/partialCloseContract", obj().put("accountId", accountId).put("contractId", contractId)
                .put("size", size));
    }

    // ---- the call ----

    private static ObjectNode obj() {
        return Json.MAPPER.createObjectNode();
    }

    private JsonNode read(String endpoint, ObjectNode body) {
        return send(endpoint, body, true, true);
    }

    private JsonNode command(String endpoint, ObjectNode body) {
        return send(endpoint, body, true, false);
    }

    private static <T> List<T> list(JsonNode answer, String field, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (JsonNode n : answer.path(field)) {
            out.add(convert(n, type, field));
        }
        return out;
    }

    private static <T> T one(JsonNode answer, String field, Class<T> type) {
        return convert(answer.path(field), type, field);
    }

    private static <T> T convert(JsonNode n, Class<T> type, String field) {
        try {
            return Json.MAPPER.treeToValue(n, type);
        } catch (JsonProcessingException e) {
            throw new ProjectXException(field, 200, 0, "an answer the client cannot read: " + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * One endpoint call: the rate limit, the token (renewed once on a 401), the envelope; a
     * read is retried on 429, 5xx and lost connections, a command never.
     */
    private JsonNode send(String endpoint, ObjectNode body, boolean authenticated, boolean retry) {
        return send(endpoint, body, authenticated, retry, 0);
    }

    private JsonNode send(String endpoint, ObjectNode body, boolean authenticated, boolean retry, long sendBy) {
        int attempts = retry ? READ_ATTEMPTS : 1;
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            if (authenticated) {
                checkSession(endpoint);
            }
            Outcome outcome = once(endpoint, body, authenticated, sendBy);
            if (outcome.status == 401 && authenticated && !renewed && !endpoint.equals("Auth/validate")) {
                renewed = true;
                renew();
                attempt--;
                continue;
            }
            if (outcome.answer != null) {
                return outcome.answer;
            }
            boolean transientFailure = outcome.status == 0 || outcome.status == 429 || outcome.status >= 500;
            if (!transientFailure || attempt >= attempts) {
                throw outcome.failure;
            }
            long delay = backoff(attempt, outcome.retryAfterMillis);
            LOG.warn("{} failed ({}); retrying in {} ms (attempt {} of {})", endpoint, outcome.failure.getMessage(),
                    delay, attempt + 1, attempts);
            sleep(delay);
        }
    }

    private record Outcome(JsonNode answer, int status, ProjectXException failure, long retryAfterMillis) {
    }

    private Outcome once(String endpoint, ObjectNode body, boolean authenticated, long sendBy) {
        try {
            (endpoint.equals("History/retrieveBars") ? history : general).acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectXException(endpoint, 0, 0, "interrupted while waiting for the rate limit", e);
        }
        checkSendBy(endpoint, sendBy, "the rate limit");
        Request.Builder request = new Request.Builder().url(base.resolve("/api/" + endpoint).toString())
                .post(RequestBody.create(body.toString(), JSON));
        if (authenticated) {
            // validate presents the token it renews; every other call a token renewed first if due
            String bearer = endpoint.equals("Auth/validate") ? token : token();
            request.header("Authorization", "Bearer " + bearer);
            // a renewal due may have taken a validate and a sign-in, each up to a call timeout
            checkSendBy(endpoint, sendBy, "renewing the session token");
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            int status = response.code();
            if (status != 200) {
                long retryAfter = retryAfterMillis(response.header("Retry-After"));
                return new Outcome(null, status, new ProjectXException(endpoint, status, 0, "HTTP " + status
                        + describe(text), null), retryAfter);
            }
            JsonNode answer = Json.read(text);
            if (!answer.path("success").asBoolean(false)) {
                int code = answer.path("errorCode").asInt();
                String message = answer.path("errorMessage").asText("error code " + code);
                return new Outcome(null, 200, ProjectXException.refusal(endpoint, code, message), 0);
            }
            return new Outcome(answer, 200, null, 0);
        } catch (JsonProcessingException e) {
            return new Outcome(null, 200, new ProjectXException(endpoint, 200, 0, "an answer that is not JSON", e), 0);
        } catch (IOException e) {
            return new Outcome(null, 0, new ProjectXException(endpoint, 0, 0, "no answer: " + e.getMessage(), e), 0);
        }
    }

    /** Refuses to send a call whose send deadline ({@link System#nanoTime}, 0 for none) has passed. */
    private static void checkSendBy(String endpoint, long sendBy, String heldBy) {
        long late = System.nanoTime() - sendBy;
        if (sendBy != 0 && late > 0) {
            throw new ProjectXException.NotSent(endpoint, "not sent: held by " + heldBy
                    + " past its send deadline (" + late / 1_000_000 + " ms late); it never reached the service");
        }
    }

    private static String describe(String text) {
        if (text.isBlank()) {
            return "";
        }
        try {
            JsonNode n = Json.read(text);
            String message = n.path("errorMessage").asText(n.path("title").asText(""));
            return message.isEmpty() ? "" : ": " + message;
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static long retryAfterMillis(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.min(60_000, Long.parseLong(header.trim()) * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Exponential backoff from the base, capped at 5 s, with ±50 % jitter; at least what Retry-After asks. */
    private long backoff(int attempt, long retryAfterMillis) {
        long exp = Math.min(5_000, backoffBase.toMillis() << Math.min(attempt - 1, 10));
        long jittered = (long) (exp * (0.5 + ThreadLocalRandom.current().nextDouble()));
        return Math.max(jittered, retryAfterMillis);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectXException("retry", 0, 0, "interrupted while backing off", e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "ProjectXRest{" + base + ", user " + userName + "}";
    }
}
