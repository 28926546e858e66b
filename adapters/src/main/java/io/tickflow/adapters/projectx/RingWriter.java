package io.tickflow.adapters.projectx;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.tickflow.adapters.projectx.wire.Json;
import io.tickflow.adapters.projectx.wire.WireTime;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.InvalidPriceException;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.AccountUpdateTranslator;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.ConnectionStateTranslator;
import io.tickflow.engine.ring.DepthTranslator;
import io.tickflow.engine.ring.FillTranslator;
import io.tickflow.engine.ring.InboundPublisher;
import io.tickflow.engine.ring.OrderUpdateTranslator;
import io.tickflow.engine.ring.PositionUpdateTranslator;
import io.tickflow.engine.ring.QuoteTranslator;
import io.tickflow.engine.ring.TradeTranslator;

/**
 * Turns the service's payloads (hub events and REST objects, as JSON trees) into ring
 * events: contract ids to the engine's indexes, decimals to ticks, enum codes to the
 * engine's enums, our customTag back to the client order id. A payload that cannot be
 * understood — unknown contract, missing or malformed field, a price off the tick — is
 * logged and counted, never thrown into the network thread, and nothing valid is lost.
 * Thread-safe: each kind of event has its own translator, used under its own lock.
 */
final class RingWriter {
    private static final Logger LOG = LoggerFactory.getLogger(RingWriter.class);

    private final InboundPublisher ring;
    private final ContractRegistry contracts;
    private final LongSupplier clock;
    private final QuoteTranslator quote = new QuoteTranslator();
    /** Used under the lock of {@link #quote}. */
    private final QuoteDecoder quoteDecoder;
    private final TradeTranslator trade = new TradeTranslator();
    private final DepthTranslator depth = new DepthTranslator();
    private final OrderUpdateTranslator order = new OrderUpdateTranslator();
    private final FillTranslator fill = new FillTranslator();
    private final PositionUpdateTranslator position = new PositionUpdateTranslator();
    private final AccountUpdateTranslator account = new AccountUpdateTranslator();
    private final CommandResultTranslator answer = new CommandResultTranslator();
    private final ConnectionStateTranslator connection = new ConnectionStateTranslator();
    private final AtomicLong dropped = new AtomicLong();
    /** A feed gone bad would otherwise log every payload: 20 lines per 10 s, then a count. */
    private final LogThrottle dropLog;
    /** Guarded by {@code trade} and {@code depth}, as their translators are. */
    private final TreeFields tradeFields;
    private final TreeFields depthFields;
    private volatile MarketDataRecorder recorder;

    /** A payload field that is missing or of the wrong kind. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The largest size (of a print, a book level, an order, a fill or a position) taken as real. */
    static final long MAX_SIZE = 1_000_000;

    RingWriter(InboundPublisher ring, ContractRegistry contracts, LongSupplier epochNanos) {
        this.ring = ring;
        this.contracts = contracts;
        this.clock = epochNanos;
        this.quoteDecoder = new QuoteDecoder(contracts);
        this.tradeFields = new TreeFields(contracts);
        this.depthFields = new TreeFields(contracts);
        this.dropLog = new LogThrottle(20, 10_000_000_000L, epochNanos);
    }

    /** From now on, market data is also written to {@code to}. */
    void record(MarketDataRecorder to) {
        this.recorder = to;
    }

    /** Payloads dropped because they could not be understood. */
    long dropped() {
        return dropped.get();
    }

    private void drop(String what, Object payload, String why) {
        dropped.incrementAndGet();
        long heldBack = dropLog.admit();
        if (heldBack < 0) {
            return;
        }
        String text = String.valueOf(payload);
        LOG.warn("dropped a {} the engine cannot use ({}): {}{}", what, why,
                text.length() > 500 ? text.substring(0, 500) + "… (" + text.length() + " chars)" : text,
                heldBack == 0 ? "" : " (" + heldBack + " more dropped payloads not logged)");
    }

    /**
     * A payload's JSON text as a tree, or null when it is not JSON (truncated, NaN, garbage):
     * then it is dropped and counted like any payload the engine cannot use.
     */
    JsonNode parse(String what, String json) {
        try {
            JsonNode node = Json.read(json);
            if (node == null || node.isMissingNode()) {
                drop(what, json, "empty");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            drop(what, json, "not JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    // ---- market hub ----

    /**
     * GatewayQuote, as the SignalR client hands it over: decoded straight from its Gson tree
     * (see {@link QuoteDecoder}), never re-serialized and parsed again.
     */
    void quote(String contractId, JsonElement q) {
        try {
            int c = index(contractId);
            long ts;
            long bid;
            long ask;
            synchronized (quote) {
                int result = quoteDecoder.decode(c, q, clock.getAsLong(), quote);
                if (result == QuoteDecoder.MALFORMED) {
                    drop("quote", q, quoteDecoder.error());
                    return;
                }
                if (result == QuoteDecoder.EMPTY) {
                    return;
                }
                ring.publish(quote);
                ts = quoteDecoder.tsEvent();
                bid = quoteDecoder.bidTicks();
                ask = quoteDecoder.askTicks();
            }
            MarketDataRecorder r = recorder;
            if (r != null) {
                r.quote(c, ts, bid, ask);
            }
        } catch (Malformed | IllegalArgumentException | ArithmeticException e) {
            drop("quote", q, e.getMessage());
        }
    }

    /**
     * GatewayTrade: an array of prints (or one object, as the docs show it), read straight from
     * the client's Gson tree (see {@link TreeFields}).
     */
    void trades(String contractId, JsonElement payload) {
        int n = TreeFields.count(payload);
        for (int i = 0; i < n; i++) {
            JsonElement t = TreeFields.at(payload, i);
            try {
                int c = index(contractId);
                long price;
                long size;
                Side aggressor;
                long ts;
                synchronized (trade) {
                    JsonObject o = TreeFields.object(t);
                    price = tradeFields.ticks(c, o, "price");
                    size = tradeFields.size(o, "volume", 1, MAX_SIZE);
                    long type = tradeFields.code(o, "type");
                    aggressor = type < 0 ? null : type == 1 ? Side.SELL : Side.BUY;
                    long now = clock.getAsLong();
                    ts = TreeFields.time(o, "timestamp", now);
                    ring.publish(trade.set(c, ts, now, price, size, aggressor));
                }
                MarketDataRecorder r = recorder;
                if (r != null) {
                    r.trade(c, ts, price, size, aggressor);
                }
            } catch (Malformed | IllegalArgumentException | ArithmeticException e) {
                drop("trade print", t, e.getMessage());
            }
        }
    }

    /**
     * GatewayDepth: level updates (DomType Ask/Bid/BestAsk/BestBid/NewBestAsk/NewBestBid; volume 0
     * removes the level) and Reset; the other DomTypes carry no book state. Read straight from
     * the client's Gson tree.
     */
    void depth(String contractId, JsonElement payload) {
        int n = TreeFields.count(payload);
        for (int i = 0; i < n; i++) {
            JsonElement e = TreeFields.at(payload, i);
            boolean last = i == n - 1;
            try {
                int c = index(contractId);
                long now = clock.getAsLong();
                synchronized (depth) {
                    JsonObject d = TreeFields.object(e);
                    long type = depthFields.size(d, "type", 0, Integer.MAX_VALUE);
                    long ts = TreeFields.time(d, "timestamp", now);
                    if (type == 6) {
                        ring.publish(depth.clear(c, ts, now, last));
                        continue;
                    }
                    Side side = type == 1 || type == 3 || type == 10 ? Side.SELL
                            : type == 2 || type == 4 || type == 9 ? Side.BUY : null;
                    if (side == null) {
                        continue;
                    }
                    long price = depthFields.ticks(c, d, "price");
                    long volume = depthFields.size(d, "volume", 0, MAX_SIZE);
                    ring.publish(volume > 0 ? depth.update(c, ts, now, side, price, volume, last)
                            : depth.delete(c, ts, now, side, price, last));
                }
            } catch (Malformed | IllegalArgumentException | ArithmeticException ex) {
                drop("depth update", e, ex.getMessage());
            }
        }
    }

    // ---- user hub and REST snapshots ----

    /** A user-hub payload: {@code {action, data}} as the live service wraps it, or the bare object. */
    static JsonNode unwrap(JsonNode payload) {
        return payload.has("data") && payload.has("action") ? payload.get("data") : payload;
    }

    void order(JsonNode o) {
        try {
            int c = index(text(o, "contractId"));
            Contract contract = contracts.contract(c);
            long filled = o.hasNonNull("fillVolume") ? size(o, "fillVolume", 0, MAX_SIZE) : 0;
            long avg = 0;
            if (filled > 0 && o.path("filledPrice").isNumber()) {
                avg = microTicks(contract, o.path("filledPrice").decimalValue());
            }
            OrderStatus status = OrderStatus.fromCode((int) requiredLong(o, "status"));
            OrderType type = OrderType.fromCode((int) requiredLong(o, "type"));
            Side side = Side.fromCode((int) requiredLong(o, "side"));
            long ts = o.hasNonNull("updateTimestamp") ? time(o, "updateTimestamp") : time(o, "creationTimestamp");
            synchronized (order) {
                ring.publish(order.set(c, ts, clock.getAsLong(), requiredLong(o, "accountId"), requiredLong(o, "id"),
                        clientOrderId(o.path("customTag").asText(null)), status, type, side, size(o, "size", 1, MAX_SIZE),
                        filled, optionalTicks(contract, o, "limitPrice"), optionalTicks(contract, o, "stopPrice"), avg));
            }
        } catch (Malformed | IllegalArgumentException | ArithmeticException e) {
            drop("order update", o, e.getMessage());
        }
    }

    void fill(JsonNode t) {
        try {
            int c = index(text(t, "contractId"));
            long pnl = t.path("profitAndLoss").isNumber() ? cents(t.path("profitAndLoss").decimalValue()) : Long.MIN_VALUE;
            long fees = t.path("fees").isNumber() ? cents(t.path("fees").decimalValue()) : 0;
            synchronized (fill) {
                ring.publish(fill.set(c, time(t, "creationTimestamp"), clock.getAsLong(), requiredLong(t, "accountId"),
                        requiredLong(t, "id"), requiredLong(t, "orderId"), Side.fromCode((int) requiredLong(t, "side")),
                        size(t, "size", 1, MAX_SIZE), ticks(contracts.contract(c), t, "price"), fees, pnl,
                        t.path("voided").asBoolean(false)));
            }
        } catch (Malformed | IllegalArgumentException | ArithmeticException e) {
            drop("trade", t, e.getMessage());
        }
    }

    void position(JsonNode p) {
        try {
            int c = index(text(p, "contractId"));
            long size = size(p, "size", 0, MAX_SIZE);
            int type = (int) requiredLong(p, "type");
            if (type < 0 || type > 2) {
                throw new Malformed("'type' " + type + " is not a PositionType (0 Undefined, 1 Long, 2 Short)");
            }
            long net = type == 1 ? size : type == 2 ? -size : 0;
            long avg = net == 0 || !p.path("averagePrice").isNumber() ? 0
                    : microTicks(contracts.contract(c), p.path("averagePrice").decimalValue());
            synchronized (position) {
                ring.publish(position.set(c, time(p, "creationTimestamp"), clock.getAsLong(),
                        requiredLong(p, "accountId"), net, avg));
            }
        } catch (Malformed | IllegalArgumentException | ArithmeticException e) {
            drop("position", p, e.getMessage());
        }
    }

    void account(JsonNode a) {
        try {
            long now = clock.getAsLong();
            synchronized (account) {
                ring.publish(account.set(now, now, requiredLong(a, "id"), cents(a.path("balance").decimalValue()),
                        a.path("canTrade").asBoolean(false)));
            }
        } catch (Malformed | IllegalArgumentException | ArithmeticException e) {
            drop("account", a, e.getMessage());
        }
    }

    // ---- answers and connection states ----

    void ack(CommandKind kind, long accountId, long clientOrderId, long gatewayOrderId) {
        long now = clock.getAsLong();
        synchronized (answer) {
            ring.publish(answer.ack(kind, now, now, accountId, clientOrderId, gatewayOrderId));
        }
    }

    void reject(CommandKind kind, long accountId, long clientOrderId, long gatewayOrderId, int code, String text) {
        long now = clock.getAsLong();
        synchronized (answer) {
            ring.publish(answer.reject(kind, now, now, accountId, clientOrderId, gatewayOrderId, code, text));
        }
    }

    void connection(ConnectionLink link, ConnectionState state, String detail) {
        synchronized (connection) {
            ring.publish(connection.set(clock.getAsLong(), link, state, detail));
        }
    }

    // ---- fields ----

    /** Our customTag is the client order id in decimal; anything else is not ours (0). */
    static long clientOrderId(String customTag) {
        if (customTag == null || customTag.isEmpty() || customTag.length() > 19) {
            return 0;
        }
        for (int i = 0; i < customTag.length(); i++) {
            char ch = customTag.charAt(i);
            if (ch < '0' || ch > '9') {
                return 0;
            }
        }
        try {
            return Long.parseLong(customTag);
        } catch (NumberFormatException e) {
            // nineteen digits beyond Long.MAX_VALUE: someone else's tag, not a broken event
            return 0;
        }
    }

    private int index(String contractId) {
        int c = contractId == null ? -1 : contracts.indexOf(contractId);
        if (c < 0) {
            throw new Malformed("contract " + contractId + " is not one the engine trades");
        }
        return c;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new Malformed("'" + field + "' is missing or not a string");
        }
        return v.textValue();
    }

    private static void requireObject(JsonNode n) {
        if (!n.isObject()) {
            throw new Malformed("expected an object, found " + n.getNodeType());
        }
    }

    /** An integer field within {@code [min, max]}: a size no market has is an error, not a value. */
    private static long size(JsonNode n, String field, long min, long max) {
        long v = requiredLong(n, field);
        if (v < min || v > max) {
            throw new Malformed("'" + field + "' " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    private static long requiredLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Malformed("'" + field + "' is missing or not an integer");
        }
        return v.longValue();
    }

    private static long ticks(Contract contract, JsonNode n, String field) {
        long t = optionalTicks(contract, n, field);
        if (t == PriceTicks.NONE) {
            throw new Malformed("'" + field + "' is missing");
        }
        return t;
    }

    private static long optionalTicks(Contract contract, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return PriceTicks.NONE;
        }
        if (!v.isNumber()) {
            throw new Malformed("'" + field + "' is not a number");
        }
        try {
            return contract.toTicks(v.decimalValue());
        } catch (InvalidPriceException e) {
            throw new Malformed("'" + field + "': " + e.getMessage());
        }
    }

    private static long microTicks(Contract contract, BigDecimal price) {
        return price.divide(contract.tickSize(), 6, java.math.RoundingMode.HALF_EVEN)
                .movePointRight(6).longValueExact();
    }

    private static long cents(BigDecimal money) {
        return money.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    private long time(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            return clock.getAsLong();
        }
        try {
            return WireTime.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            return clock.getAsLong();
        }
    }
}
