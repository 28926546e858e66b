package io.tickflow.adapters.gateway.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.adapters.projectx.wire.WireTime;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.InvalidPriceException;
import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.sim.SimulatedExchange;
import io.tickflow.engine.time.Clock;

/**
 * The paper trading venue behind the local gateway: accounts, contracts, the
 * {@link SimulatedExchange} as matching engine, the orders, trades and positions the service
 * keeps, history bars built from the trade prints, and the events its hubs publish. It speaks
 * the service's terms — contract ids, decimal prices, integer enums, error codes — and turns
 * them into the engine's ticks and back.
 *
 * <p>Venue thread only ({@link VenueThread}): every method must be called on it.
 */
public final class PaperVenue {
    /** Place error codes (ProjectX). */
    static final int PLACE_ACCOUNT_NOT_FOUND = 1;
    static final int PLACE_REJECTED = 2;
    static final int PLACE_INSUFFICIENT_FUNDS = 3;
    static final int PLACE_CONTRACT_NOT_FOUND = 8;
    static final int PLACE_ACCOUNT_REJECTED = 10;
    /** Cancel / Modify error codes. */
    static final int ORDER_ACCOUNT_NOT_FOUND = 1;
    static final int ORDER_NOT_FOUND = 2;
    static final int ORDER_COMMAND_REJECTED = 3;
    /** ClosePosition / PartialClosePosition error codes. */
    static final int CLOSE_ACCOUNT_NOT_FOUND = 1;
    static final int CLOSE_POSITION_NOT_FOUND = 2;
    static final int CLOSE_CONTRACT_NOT_FOUND = 3;
    static final int PARTIAL_CLOSE_INVALID_SIZE = 5;
    /** Search error code AccountNotFound. */
    static final int SEARCH_ACCOUNT_NOT_FOUND = 1;
    /** retrieveBars error codes. */
    static final int BARS_CONTRACT_NOT_FOUND = 1;
    static final int BARS_UNIT_INVALID = 2;
    static final int BARS_UNIT_NUMBER_INVALID = 3;
    static final int BARS_LIMIT_INVALID = 4;

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final List<PaperContract> contracts;
    private final Map<String, Integer> contractIndex = new HashMap<>();
    private final ContractRegistry registry = new ContractRegistry();
    private final Map<Long, PaperAccount> accounts = new LinkedHashMap<>();
    private final Clock clock;
    private final VenueListener listener;
    private final SimulatedExchange exchange;
    private final InboundEvent scratch = new InboundEvent();
    private final Map<Long, OrderRecord> orders = new LinkedHashMap<>();
    private final Map<Long, OrderRecord> byExchangeKey = new HashMap<>();
    private final List<TradeRecord> trades = new ArrayList<>();
    private final Map<String, PositionRecord> positions = new LinkedHashMap<>();
    private final MarketState[] markets;
    private final BarRing[] secondBars;
    private final BarRing[] minuteBars;
    private final int maxBars;
    private final OrderLimits limits;
    private long nextExchangeKey = 1;
    /** Public order ids are the venue's: a suspended bracket leg has one before the exchange knows it. */
    private long nextOrderId = 1;
    private final Map<Long, OrderRecord> byExchangeId = new HashMap<>();
    /** Native brackets by the id of their entry, and of each leg. */
    private final Map<Long, NativeBracket> brackets = new HashMap<>();
    /** Exchange commands that exchange events call for (a bracket's legs), run once the exchange returns. */
    private final java.util.ArrayDeque<Runnable> afterExchange = new java.util.ArrayDeque<>();
    private boolean positionBrackets;
    private long nextPositionId = 1;
    private int rejectNextOrders;
    /** The answer of the exchange to the command being executed. */
    private boolean commandOk;
    private String commandText;

    public PaperVenue(List<PaperContract> contracts, List<PaperAccount> accounts, Clock clock, FillModel fillModel,
                      int maxBars, VenueListener listener) {
        this(contracts, accounts, clock, fillModel, maxBars, OrderLimits.NONE, listener);
    }

    /** @param limits the pre-trade limits every placement but a position close must pass */
    public PaperVenue(List<PaperContract> contracts, List<PaperAccount> accounts, Clock clock, FillModel fillModel,
                      int maxBars, OrderLimits limits, VenueListener listener) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.contracts = List.copyOf(contracts);
        for (PaperContract c : this.contracts) {
            contractIndex.put(c.id().toUpperCase(Locale.ROOT), registry.register(c.contract()));
        }
        for (PaperAccount a : accounts) {
            this.accounts.put(a.id, a);
        }
        this.clock = clock;
        this.listener = listener;
        this.maxBars = maxBars;
        this.exchange = new SimulatedExchange(registry, clock, fillModel, this::onExchangeEvent);
        int n = this.contracts.size();
        this.markets = new MarketState[n];
        this.secondBars = new BarRing[n];
        this.minuteBars = new BarRing[n];
        for (int i = 0; i < n; i++) {
            markets[i] = new MarketState();
            secondBars[i] = new BarRing(SECOND, 6 * 3_600);
            minuteBars[i] = new BarRing(MINUTE, 90 * 1_440);
        }
    }

    /**
     * Whether the accounts have "Position Brackets" on (default off): then, as the service does,
     * every placement with {@code stopLossBracket} or {@code takeProfitBracket} is refused.
     */
    public void positionBrackets(boolean on) {
        this.positionBrackets = on;
    }

    // ---- what the venue lists ----

    public List<PaperContract> contracts() {
        return contracts;
    }

    /** The contract with this id (case-insensitive), or null. Safe from any thread. */
    public PaperContract contract(String id) {
        Integer i = id == null ? null : contractIndex.get(id.toUpperCase(Locale.ROOT));
        return i == null ? null : contracts.get(i);
    }

    /**
     * The user an account belongs to, or null. Safe from any thread: the accounts are fixed
     * when the venue is made.
     */
    public String ownerOf(long accountId) {
        PaperAccount a = accounts.get(accountId);
        return a == null ? null : a.owner;
    }

    public List<ApiObjects.Account> accounts(String user, boolean onlyActive) {
        List<ApiObjects.Account> out = new ArrayList<>();
        for (PaperAccount a : accounts.values()) {
            if (a.owner.equals(user) && (!onlyActive || a.canTrade)) {
                out.add(toApi(a));
            }
        }
        return out;
    }

    /** Contracts whose id, name, symbol or description contains {@code text} (case-insensitive); all for blank text. */
    public List<ApiObjects.Contract> searchContracts(String text) {
        String needle = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        List<ApiObjects.Contract> out = new ArrayList<>();
        for (PaperContract c : contracts) {
            String haystack = (c.id() + " " + c.name() + " " + c.contract().symbol() + " " + c.description())
                    .toUpperCase(Locale.ROOT);
            if (needle.isEmpty() || haystack.contains(needle)) {
                out.add(toApi(c));
            }
        }
        return out;
    }

    /** A listed contract, or an expired month of a listed product (not active, not tradable), as the service resolves. */
    public ApiObjects.Contract contractById(String id) {
        PaperContract c = contract(id);
        if (c != null) {
            return toApi(c);
        }
        for (PaperContract listed : contracts) {
            PaperContract expired = listed.expiredMonth(id);
            if (expired != null) {
                return toApi(expired, false);
            }
        }
        throw new VenueError(1, "Contract " + id + " not found");
    }

    public List<ApiObjects.Contract> availableContracts() {
        return searchContracts("");
    }

    // ---- orders ----

    /**
     * Places an order as {@code Order/place} does.
     *
     * @param trailPrice the trailing distance in price units (TrailingStop only)
     * @return the new order's id
     * @throws VenueError with the Place error code when refused
     */
    public long place(String user, long accountId, String contractId, int typeCode, int sideCode, long size,
                      BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal trailPrice, String customTag) {
        return place(user, accountId, contractId, typeCode, sideCode, size, limitPrice, stopPrice, trailPrice, customTag,
                null, null);
    }

    /** A native bracket leg of {@code Order/place}: its distance from the entry's fill, in ticks, and its type. */
    public record BracketLeg(long ticks, int typeCode) {
    }

    /**
     * {@link #place} with native bracket legs (each null for none), as the live service does
     * it: the entry and its legs appear on the stream at once, the legs {@code 8 Suspended},
     * without prices and invisible to the order searches; when the entry is done (filled, or
     * cancelled after part of it filled) they become {@code 1 Open} at their distance from the
     * entry's average fill price, sized to what filled, or are cancelled if nothing filled. A
     * leg that fills cancels the other; a part of one filled shrinks the other to what is left.
     * Tick distances count away from the entry whatever their sign (the service's sign
     * convention is unverified). The stop loss is a Stop (4), the take profit a Limit (1).
     */
    public long place(String user, long accountId, String contractId, int typeCode, int sideCode, long size,
                      BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal trailPrice, String customTag,
                      BracketLeg stopLoss, BracketLeg takeProfit) {
        try {
            if (stopLoss != null || takeProfit != null) {
                checkBracket(accountId, customTag, stopLoss, takeProfit);
            }
            long id = place(user, accountId, contractId, typeCode, sideCode, size, limitPrice, stopPrice, trailPrice,
                    customTag, false);
            if (stopLoss != null || takeProfit != null) {
                suspendLegs(orders.get(id), stopLoss, takeProfit);
            }
            return id;
        } finally {
            settle();
        }
    }

    private void checkBracket(long accountId, String tag, BracketLeg stopLoss, BracketLeg takeProfit) {
        if (positionBrackets) {
            throw new VenueError(PLACE_REJECTED, "Brackets cannot be used with Position Brackets");
        }
        checkLeg("stopLossBracket", stopLoss, OrderType.STOP);
        checkLeg("takeProfitBracket", takeProfit, OrderType.LIMIT);
        for (String suffix : new String[] {"-SL", "-TP"}) {
            if (tag != null && tagInUse(accountId, tag + suffix)) {
                throw new VenueError(PLACE_REJECTED, "customTag '" + tag + suffix + "' is already used on account "
                        + accountId);
            }
        }
    }

    private static void checkLeg(String field, BracketLeg leg, OrderType type) {
        if (leg == null) {
            return;
        }
        if (leg.ticks == 0 || Math.abs(leg.ticks) > 100_000) {
            throw new VenueError(PLACE_REJECTED, field + ".ticks must be a distance of 1 to 100000 ticks, was "
                    + leg.ticks);
        }
        if (leg.typeCode != type.code()) {
            throw new VenueError(PLACE_REJECTED, field + ".type must be " + type.code() + " (" + type.name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + "), was " + leg.typeCode);
        }
    }

    /** The legs of a bracket whose entry was just placed: suspended until the entry is done. */
    private void suspendLegs(OrderRecord entry, BracketLeg stopLoss, BracketLeg takeProfit) {
        Side exit = entry.side == Side.BUY ? Side.SELL : Side.BUY;
        String tag = entry.customTag;
        OrderRecord sl = stopLoss == null ? null : suspendedLeg(entry, OrderType.STOP, exit, tag == null ? null
                : tag + "-SL", stopLoss.ticks, 0);
        OrderRecord tp = takeProfit == null ? null : suspendedLeg(entry, OrderType.LIMIT, exit, tag == null ? null
                : tag + "-TP", takeProfit.ticks, sl == null ? 0 : sl.id);
        NativeBracket bracket = new NativeBracket(entry, sl, tp);
        brackets.put(entry.id, bracket);
        for (OrderRecord leg : bracket.legs()) {
            brackets.put(leg.id, bracket);
            listener.onOrder(toStream(leg), 0);
        }
        if (entry.status.isTerminal()) {
            // a market entry fills while it is placed
            afterExchange.add(() -> entryDone(bracket));
        }
    }

    private OrderRecord suspendedLeg(OrderRecord entry, OrderType type, Side side, String tag, long ticks, long linked) {
        OrderRecord leg = new OrderRecord(entry.accountId, entry.contract, type, side, entry.size, PriceTicks.NONE,
                PriceTicks.NONE, tag, entry.createdNanos);
        leg.id = nextOrderId++;
        leg.status = OrderStatus.SUSPENDED;
        leg.parentOrderId = entry.id;
        leg.linkedOrderId = linked;
        leg.bracketTicks = Math.abs(ticks);
        orders.put(leg.id, leg);
        return leg;
    }

    /** The entry is done: its legs start working at their distance from its fill, or end with it. */
    private void entryDone(NativeBracket bracket) {
        OrderRecord entry = bracket.entry;
        long filled = entry.fillVolume;
        long fillTicks = Math.round(entry.avgFillMicroTicks / 1_000_000.0);
        long away = entry.side == Side.BUY ? 1 : -1;
        for (OrderRecord leg : bracket.legs()) {
            if (leg.status != OrderStatus.SUSPENDED) {
                continue;
            }
            if (filled == 0) {
                endLeg(leg, OrderStatus.CANCELLED);
                continue;
            }
            leg.size = filled;
            if (leg.type == OrderType.STOP) {
                leg.stopTicks = fillTicks - away * leg.bracketTicks;
            } else {
                leg.limitTicks = fillTicks + away * leg.bracketTicks;
            }
            long key = nextExchangeKey++;
            byExchangeKey.put(key, leg);
            commandOk = false;
            commandText = null;
            leg.status = OrderStatus.OPEN;
            exchange.place(key, new OrderRequest(leg.accountId, indexOf(leg.contract.id()), leg.type, leg.side,
                    leg.size, leg.limitTicks, leg.stopTicks, 0));
            if (!commandOk) {
                byExchangeKey.remove(key);
                endLeg(leg, OrderStatus.REJECTED);
            }
        }
    }

    /**
     * A leg traded: each working leg is cut to what is left of the position the entry opened
     * (the entry's fill less both legs' fills), and cancelled when nothing is.
     */
    private void legTraded(NativeBracket bracket) {
        long open = bracket.entry.fillVolume;
        for (OrderRecord leg : bracket.legs()) {
            open -= leg.fillVolume;
        }
        for (OrderRecord leg : bracket.legs()) {
            if (leg.status.isTerminal() || leg.exchangeId == 0) {
                continue;
            }
            if (open <= 0) {
                exchange.cancel(0, leg.accountId, leg.exchangeId);
            } else if (leg.size - leg.fillVolume > open) {
                exchange.modify(0, leg.accountId, leg.exchangeId, indexOf(leg.contract.id()), leg.fillVolume + open,
                        PriceTicks.NONE, PriceTicks.NONE);
            }
        }
    }

    private void endLeg(OrderRecord leg, OrderStatus status) {
        leg.status = status;
        leg.updatedNanos = clock.nanos();
        listener.onOrder(toStream(leg), 1);
    }

    /** Runs what exchange events asked of the exchange, once the exchange has returned. */
    private void settle() {
        Runnable next;
        while ((next = afterExchange.poll()) != null) {
            next.run();
        }
    }

    private long place(String user, long accountId, String contractId, int typeCode, int sideCode, long size,
                       BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal trailPrice, String customTag,
                       boolean closing) {
        PaperAccount account = account(user, accountId, PLACE_ACCOUNT_NOT_FOUND);
        PaperContract pc = contract(contractId);
        if (pc == null) {
            throw new VenueError(PLACE_CONTRACT_NOT_FOUND, "Contract " + contractId + " not found");
        }
        if (!account.canTrade) {
            throw new VenueError(PLACE_ACCOUNT_REJECTED, "Account " + accountId + " cannot trade");
        }
        OrderType type = orderType(typeCode);
        Side side = side(sideCode);
        if (size < 1) {
            throw new VenueError(PLACE_REJECTED, "Invalid order size " + size);
        }
        if (customTag != null && tagInUse(accountId, customTag)) {
            throw new VenueError(PLACE_REJECTED, "customTag '" + customTag + "' is already used on account " + accountId);
        }
        Contract contract = pc.contract();
        long limit = ticks(contract, limitPrice, type == OrderType.LIMIT || type == OrderType.STOP_LIMIT, "limitPrice", type);
        long stop = ticks(contract, stopPrice, type == OrderType.STOP || type == OrderType.STOP_LIMIT, "stopPrice", type);
        long trail = type == OrderType.TRAILING_STOP ? ticks(contract, trailPrice, true, "trailPrice", type) : 0;
        if (type == OrderType.TRAILING_STOP && trail < 1) {
            throw new VenueError(PLACE_REJECTED, "trailPrice must be a positive distance");
        }
        int index = contractIndex.get(pc.id().toUpperCase(Locale.ROOT));
        long now = clock.nanos();
        OrderRecord record = new OrderRecord(accountId, pc, type, side, size, limit, stop, customTag, now);
        if (rejectNextOrders > 0) {
            rejectNextOrders--;
            return reject(record, PLACE_REJECTED, "Order rejected by the paper gateway (injected fault)");
        }
        if (!closing) {
            String refusal = sizeRefusal(size);
            if (refusal != null) {
                return reject(record, PLACE_REJECTED, refusal);
            }
            refusal = marginRefusal(account, index, side, size, type == OrderType.STOP ? stop
                    : type == OrderType.LIMIT || type == OrderType.STOP_LIMIT ? limit : PriceTicks.NONE);
            if (refusal != null) {
                return reject(record, PLACE_INSUFFICIENT_FUNDS, refusal);
            }
        }
        long key = nextExchangeKey++;
        byExchangeKey.put(key, record);
        commandOk = false;
        commandText = null;
        record.status = type == OrderType.MARKET ? OrderStatus.PENDING : OrderStatus.OPEN;
        exchange.place(key, new OrderRequest(accountId, index, type, side, size, limit, stop, trail));
        if (!commandOk) {
            byExchangeKey.remove(key);
            return reject(record, PLACE_REJECTED, commandText);
        }
        return record.id;
    }

    private long reject(OrderRecord record, int code, String reason) {
        record.id = nextOrderId++;
        record.status = OrderStatus.REJECTED;
        orders.put(record.id, record);
        listener.onOrder(toApi(record), 0);
        throw new VenueError(code, reason);
    }

    private String sizeRefusal(long size) {
        return size > limits.maxOrderSize() ? "Order size " + size + " exceeds the maximum of "
                + limits.maxOrderSize() + " contracts per order" : null;
    }

    /**
     * Why the margin of the position this order would leave, with the margin of the account's
     * positions in other contracts (each at its mark), is more than the balance, or null if it is
     * not (or the order only reduces the position, or there is no price to value it at).
     *
     * @param priceTicks the order's own price, or {@code PriceTicks.NONE} for a market order (valued at the touch)
     */
    private String marginRefusal(PaperAccount account, int index, Side side, long size, long priceTicks) {
        if (limits.marginRate().signum() == 0) {
            return null;
        }
        PaperContract pc = contracts.get(index);
        PositionRecord p = positions.get(positionKey(account.id, pc.id()));
        long net = p == null ? 0 : p.net;
        long after = Math.abs(net + (side == Side.BUY ? size : -size));
        if (after <= Math.abs(net)) {
            return null;
        }
        MarketState m = markets[index];
        long price = priceTicks != PriceTicks.NONE ? priceTicks : side == Side.BUY ? m.ask : m.bid;
        if (price == PriceTicks.NONE) {
            price = m.last;
        }
        if (price == PriceTicks.NONE || price <= 0) {
            return null;
        }
        BigDecimal margin = margin(pc, price, after);
        BigDecimal others = BigDecimal.ZERO;
        for (PositionRecord other : positions.values()) {
            if (other.accountId == account.id && other.net != 0 && other.contract != pc) {
                long mark = mark(markets[contractIndex.get(other.contract.id().toUpperCase(Locale.ROOT))]);
                if (mark != PriceTicks.NONE && mark > 0) {
                    others = others.add(margin(other.contract, mark, Math.abs(other.net)));
                }
            }
        }
        BigDecimal balance = BigDecimal.valueOf(account.balanceCents, 2);
        if (margin.add(others).compareTo(balance) <= 0) {
            return null;
        }
        return "Insufficient funds: a position of " + after + " " + pc.contract().symbol() + " needs a margin of "
                + margin.toPlainString() + (others.signum() == 0 ? ""
                        : " (" + margin.add(others).toPlainString() + " with the account's other positions)")
                + ", the account's balance is " + balance.toPlainString();
    }

    private BigDecimal margin(PaperContract pc, long priceTicks, long contracts) {
        BigDecimal notional = pc.contract().tickValue().multiply(BigDecimal.valueOf(priceTicks))
                .multiply(BigDecimal.valueOf(contracts));
        return notional.multiply(limits.marginRate()).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** A position's price for its margin: the last trade, else the middle of the touch, else none. */
    private static long mark(MarketState m) {
        if (m.last != PriceTicks.NONE) {
            return m.last;
        }
        return m.bid != PriceTicks.NONE && m.ask != PriceTicks.NONE ? (m.bid + m.ask) / 2 : PriceTicks.NONE;
    }

    private boolean tagInUse(long accountId, String tag) {
        for (OrderRecord o : orders.values()) {
            if (o.accountId == accountId && tag.equals(o.customTag)) {
                return true;
            }
        }
        return false;
    }

    private static OrderType orderType(int code) {
        try {
            OrderType type = OrderType.fromCode(code);
            if (type == OrderType.UNKNOWN) {
                throw new IllegalArgumentException("unknown");
            }
            return type;
        } catch (IllegalArgumentException e) {
            throw new VenueError(PLACE_REJECTED, "Invalid order type " + code);
        }
    }

    private static Side side(int code) {
        try {
            return Side.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new VenueError(PLACE_REJECTED, "Invalid order side " + code);
        }
    }

    private static long ticks(Contract contract, BigDecimal price, boolean required, String field, OrderType type) {
        if (price == null && required) {
            throw new VenueError(PLACE_REJECTED, "A " + type + " order needs " + field);
        }
        return ticks(contract, price, field, PLACE_REJECTED);
    }

    /** A decimal price in ticks ({@code PriceTicks.NONE} for null), refused with {@code errorCode} when invalid. */
    private static long ticks(Contract contract, BigDecimal price, String field, int errorCode) {
        if (price == null) {
            return PriceTicks.NONE;
        }
        try {
            return contract.toTicks(price);
        } catch (InvalidPriceException e) {
            throw new VenueError(errorCode, "Invalid " + field + ": " + e.getMessage());
        }
    }

    /** Cancels a working order as {@code Order/cancel} does. */
    public void cancel(String user, long accountId, long orderId) {
        account(user, accountId, ORDER_ACCOUNT_NOT_FOUND);
        OrderRecord record = workingOrder(accountId, orderId);
        if (record.status == OrderStatus.SUSPENDED) {
            endLeg(record, OrderStatus.CANCELLED);
            return;
        }
        try {
            runCommand(() -> exchange.cancel(0, accountId, record.exchangeId));
        } finally {
            settle();
        }
    }

    /** Changes a working order as {@code Order/modify} does; null fields stay as they are. */
    public void modify(String user, long accountId, long orderId, Integer size, BigDecimal limitPrice,
                       BigDecimal stopPrice, BigDecimal trailPrice) {
        account(user, accountId, ORDER_ACCOUNT_NOT_FOUND);
        OrderRecord record = workingOrder(accountId, orderId);
        if (size != null && size < 1) {
            throw new VenueError(ORDER_COMMAND_REJECTED, "Invalid order size " + size);
        }
        if (trailPrice != null) {
            throw new VenueError(ORDER_COMMAND_REJECTED, "The paper gateway cannot change a trailing distance");
        }
        if (record.status == OrderStatus.SUSPENDED) {
            throw new VenueError(ORDER_COMMAND_REJECTED, "Order " + orderId + " is a suspended bracket leg: it works "
                    + "once its entry has filled");
        }
        Contract contract = record.contract.contract();
        long limit = ticks(contract, limitPrice, "limitPrice", ORDER_COMMAND_REJECTED);
        long stop = ticks(contract, stopPrice, "stopPrice", ORDER_COMMAND_REJECTED);
        int index = indexOf(record.contract.id());
        try {
            runCommand(() -> exchange.modify(0, accountId, record.exchangeId, index, size == null ? 0 : size, limit,
                    stop));
        } finally {
            settle();
        }
    }

    private void runCommand(Runnable command) {
        commandOk = false;
        commandText = null;
        command.run();
        if (!commandOk) {
            throw new VenueError(ORDER_COMMAND_REJECTED, commandText == null ? "Rejected" : commandText);
        }
    }

    private OrderRecord workingOrder(long accountId, long orderId) {
        OrderRecord record = orders.get(orderId);
        if (record == null || record.accountId != accountId) {
            throw new VenueError(ORDER_NOT_FOUND, "Order " + orderId + " not found");
        }
        if (record.status.isTerminal()) {
            throw new VenueError(ORDER_NOT_FOUND, "Order " + orderId + " is " + record.status.name().toLowerCase(
                    Locale.ROOT) + ", not working");
        }
        return record;
    }

    public List<ApiObjects.Order> searchOrders(String user, long accountId, long fromNanos, long toNanos) {
        account(user, accountId, SEARCH_ACCOUNT_NOT_FOUND);
        return select(orders.values(), o -> o.accountId == accountId && o.createdNanos >= fromNanos
                && o.createdNanos < toNanos && o.status != OrderStatus.SUSPENDED, PaperVenue::toApi);
    }

    public List<ApiObjects.Order> searchOpenOrders(String user, long accountId) {
        account(user, accountId, SEARCH_ACCOUNT_NOT_FOUND);
        return select(orders.values(), o -> o.accountId == accountId && !o.status.isTerminal()
                && o.status != OrderStatus.SUSPENDED, PaperVenue::toApi);
    }

    // ---- positions and trades ----

    public List<ApiObjects.Position> searchOpenPositions(String user, long accountId) {
        account(user, accountId, SEARCH_ACCOUNT_NOT_FOUND);
        return select(positions.values(), p -> p.accountId == accountId && p.net != 0, PaperVenue::toApi);
    }

    /** Closes the whole position in a contract with a market order, as {@code Position/closeContract} does. */
    public void closeContract(String user, long accountId, String contractId) {
        closePosition(user, accountId, contractId, null);
    }

    /** Closes {@code size} contracts of a position with a market order, as {@code Position/partialCloseContract} does. */
    public void partialCloseContract(String user, long accountId, String contractId, long size) {
        closePosition(user, accountId, contractId, size);
    }

    private void closePosition(String user, long accountId, String contractId, Long size) {
        account(user, accountId, CLOSE_ACCOUNT_NOT_FOUND);
        PaperContract pc = contract(contractId);
        if (pc == null) {
            throw new VenueError(CLOSE_CONTRACT_NOT_FOUND, "Contract " + contractId + " not found");
        }
        PositionRecord p = positions.get(positionKey(accountId, pc.id()));
        if (p == null || p.net == 0) {
            throw new VenueError(CLOSE_POSITION_NOT_FOUND, "No open position in " + pc.id());
        }
        long close = Math.abs(p.net);
        if (size != null) {
            if (size < 1 || size >= close) {
                throw new VenueError(PARTIAL_CLOSE_INVALID_SIZE, "Invalid close size " + size + " for a position of "
                        + close);
            }
            close = size;
        }
        try {
            place(user, accountId, pc.id(), OrderType.MARKET.code(), (p.net > 0 ? Side.SELL : Side.BUY).code(), close,
                    null, null, null, null, true);
        } catch (VenueError e) {
            throw new VenueError(size == null ? 5 : 6, e.getMessage());
        } finally {
            settle();
        }
    }

    public List<ApiObjects.Trade> searchTrades(String user, long accountId, long fromNanos, long toNanos) {
        account(user, accountId, SEARCH_ACCOUNT_NOT_FOUND);
        return select(trades, t -> t.accountId == accountId && t.tsNanos >= fromNanos && t.tsNanos < toNanos,
                PaperVenue::toApi);
    }

    /** The records {@code keep} accepts, in order, as the service's objects. */
    private static <R, T> List<T> select(java.util.Collection<R> records, java.util.function.Predicate<R> keep,
                                         java.util.function.Function<R, T> toApi) {
        List<T> out = new ArrayList<>();
        for (R r : records) {
            if (keep.test(r)) {
                out.add(toApi.apply(r));
            }
        }
        return out;
    }

    // ---- history ----

    /**
     * Bars as {@code History/retrieveBars} returns them: newest first, at most {@code limit},
     * starting in [{@code fromNanos}, {@code toNanos}); the bar still forming only if asked.
     *
     * @param unit 1 second, 2 minute, 3 hour, 4 day, 5 week, 6 month
     */
    public List<ApiObjects.Bar> retrieveBars(String contractId, int unit, int unitNumber, long fromNanos, long toNanos,
                                             int limit, boolean includePartialBar) {
        PaperContract pc = contract(contractId);
        if (pc == null) {
            throw new VenueError(BARS_CONTRACT_NOT_FOUND, "Contract " + contractId + " not found");
        }
        if (unit < 1 || unit > 6) {
            throw new VenueError(BARS_UNIT_INVALID, "Invalid unit " + unit);
        }
        if (unitNumber < 1) {
            throw new VenueError(BARS_UNIT_NUMBER_INVALID, "Invalid unitNumber " + unitNumber);
        }
        if (limit < 1 || limit > maxBars) {
            throw new VenueError(BARS_LIMIT_INVALID, "Invalid limit " + limit + ": between 1 and " + maxBars);
        }
        int index = contractIndex.get(pc.id().toUpperCase(Locale.ROOT));
        BarRing source = unit == 1 ? secondBars[index] : minuteBars[index];
        LongUnaryOperator bucketOf = bucketer(unit, unitNumber);
        long now = clock.nanos();
        long currentBucket = bucketOf.applyAsLong(Math.floorDiv(now, source.bucketNanos()) * source.bucketNanos());
        Contract contract = pc.contract();
        List<ApiObjects.Bar> out = new ArrayList<>();
        source.aggregate(fromNanos, toNanos, bucketOf, (start, o, h, l, c, v) -> {
            if (start == currentBucket && !includePartialBar) {
                return true;
            }
            out.add(new ApiObjects.Bar(WireTime.format(start), contract.toPrice(o), contract.toPrice(h),
                    contract.toPrice(l), contract.toPrice(c), v));
            return out.size() < limit;
        });
        return out;
    }

    private static LongUnaryOperator bucketer(int unit, int n) {
        switch (unit) {
            case 1:
                return t -> Math.floorDiv(t, n * SECOND) * n * SECOND;
            case 2:
                return t -> Math.floorDiv(t, n * MINUTE) * n * MINUTE;
            case 3:
                return t -> Math.floorDiv(t, n * 60 * MINUTE) * n * 60 * MINUTE;
            case 4:
                return t -> Math.floorDiv(t, n * 1_440 * MINUTE) * n * 1_440 * MINUTE;
            case 5: {
                long week = 7 * 1_440 * MINUTE;
                long monday = 4 * 1_440 * MINUTE; // 1970-01-05, the first Monday after the epoch
                return t -> Math.floorDiv(t - monday, n * week) * n * week + monday;
            }
            default:
                return t -> {
                    ZonedDateTime at = Instant.ofEpochSecond(Math.floorDiv(t, SECOND)).atZone(ZoneOffset.UTC);
                    int months = at.getYear() * 12 + at.getMonthValue() - 1;
                    int bucket = Math.floorDiv(months, n) * n;
                    ZonedDateTime start = ZonedDateTime.of(bucket / 12, bucket % 12 + 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
                    return start.toEpochSecond() * SECOND;
                };
        }
    }

    // ---- market data ----

    /** A new top of book for the contract at this index. */
    public void onQuote(int index, long bidTicks, long bidSize, long askTicks, long askSize) {
        long now = clock.nanos();
        MarketState m = markets[index];
        m.bid = bidTicks;
        m.ask = askTicks;
        m.updated = now;
        exchange.onQuote(index, bidTicks, bidSize, askTicks, askSize);
        settle();
        PaperContract pc = contracts.get(index);
        listener.onQuote(pc.id(), quote(pc, m));
        Contract c = pc.contract();
        String ts = WireTime.format(now);
        // the venue knows the top of book only: its depth is that book, sent whole (Reset, best bid, best ask)
        listener.onDepth(pc.id(), List.of(
                new ApiObjects.DepthEntry(ts, 6, BigDecimal.ZERO, 0, 0),
                new ApiObjects.DepthEntry(ts, 4, c.toPrice(bidTicks), bidSize, bidSize),
                new ApiObjects.DepthEntry(ts, 3, c.toPrice(askTicks), askSize, askSize)));
    }

    /** A trade print for the contract at this index. */
    public void onTrade(int index, long priceTicks, long size, Side aggressor) {
        long now = clock.nanos();
        MarketState m = markets[index];
        if (m.open == PriceTicks.NONE) {
            m.open = priceTicks;
            m.high = priceTicks;
            m.low = priceTicks;
        }
        m.last = priceTicks;
        m.high = Math.max(m.high, priceTicks);
        m.low = Math.min(m.low, priceTicks);
        m.volume += size;
        m.updated = now;
        secondBars[index].onTrade(now, priceTicks, size);
        minuteBars[index].onTrade(now, priceTicks, size);
        exchange.onTrade(index, priceTicks, size);
        settle();
        PaperContract pc = contracts.get(index);
        listener.onMarketTrade(pc.id(), new ApiObjects.MarketTrade(pc.symbolId(), pc.contract().toPrice(priceTicks),
                WireTime.format(now), aggressor == Side.SELL ? 1 : 0, size));
        listener.onQuote(pc.id(), quote(pc, m));
    }

    /** The index of a contract id, or -1. */
    public int indexOf(String contractId) {
        Integer i = contractId == null ? null : contractIndex.get(contractId.toUpperCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /** The last quote of a contract as the market hub sends it, or null before any market data. */
    public ApiObjects.Quote lastQuote(String contractId) {
        int i = indexOf(contractId);
        return i < 0 || markets[i].updated == 0 ? null : quote(contracts.get(i), markets[i]);
    }

    private ApiObjects.Quote quote(PaperContract pc, MarketState m) {
        Contract c = pc.contract();
        BigDecimal last = price(c, m.last);
        BigDecimal open = price(c, m.open);
        BigDecimal change = last == null || open == null ? BigDecimal.ZERO : last.subtract(open);
        BigDecimal changePercent = open == null || open.signum() == 0 ? BigDecimal.ZERO
                : change.multiply(BigDecimal.valueOf(100)).divide(open, 4, java.math.RoundingMode.HALF_EVEN);
        String ts = WireTime.format(m.updated);
        return new ApiObjects.Quote(pc.symbolId(), "/" + c.symbol(), last, price(c, m.bid), price(c, m.ask), change,
                changePercent, open, price(c, m.high), price(c, m.low), m.volume, ts, ts);
    }

    private static BigDecimal price(Contract c, long ticks) {
        return ticks == PriceTicks.NONE ? null : c.toPrice(ticks);
    }

    // ---- faults ----

    /** The next {@code count} placements are rejected (fault injection). */
    public void rejectNextOrders(int count) {
        rejectNextOrders = count;
    }

    // ---- what the exchange answers ----

    private void onExchangeEvent(EventTranslator<InboundEvent> translator) {
        InboundEvent e = scratch;
        translator.translateTo(e, 0);
        switch (e.type) {
            case COMMAND_ACK:
            case COMMAND_REJECT:
                commandOk = e.type == io.tickflow.engine.ring.EventType.COMMAND_ACK;
                commandText = e.text.toString();
                if (e.command == CommandKind.PLACE && commandOk) {
                    OrderRecord record = byExchangeKey.remove(e.clientOrderId);
                    record.exchangeId = e.gatewayOrderId;
                    byExchangeId.put(record.exchangeId, record);
                    boolean leg = record.id != 0; // a suspended leg starting to work keeps its id
                    if (!leg) {
                        record.id = nextOrderId++;
                        orders.put(record.id, record);
                    }
                    record.updatedNanos = leg ? clock.nanos() : 0;
                    listener.onOrder(toStream(record), leg ? 1 : 0);
                }
                break;
            case ORDER_UPDATE:
                onOrderUpdate(e);
                break;
            case FILL:
                onFill(e);
                break;
            case POSITION_UPDATE:
                onPosition(e);
                break;
            default:
                break;
        }
    }

    private void onOrderUpdate(InboundEvent e) {
        OrderRecord o = byExchangeId.get(e.gatewayOrderId);
        if (o == null) {
            return;
        }
        OrderStatus status = e.orderStatus == OrderStatus.OPEN && o.type == OrderType.MARKET ? OrderStatus.PENDING
                : e.orderStatus;
        boolean changed = status != o.status || e.size != o.size || e.filledSize != o.fillVolume
                || e.limitTicks != o.limitTicks || e.stopTicks != o.stopTicks;
        o.status = status;
        o.size = e.size;
        o.fillVolume = e.filledSize;
        o.limitTicks = e.limitTicks;
        o.stopTicks = e.stopTicks;
        o.avgFillMicroTicks = e.avgPriceMicroTicks;
        o.updatedNanos = clock.nanos();
        if (changed) {
            listener.onOrder(toStream(o), 1);
        }
        NativeBracket bracket = changed ? brackets.get(o.id) : null;
        if (bracket != null && bracket.entry == o && status.isTerminal()) {
            afterExchange.add(() -> entryDone(bracket));
        } else if (bracket != null && bracket.entry != o && o.fillVolume > 0) {
            afterExchange.add(() -> legTraded(bracket));
        }
    }

    private void onFill(InboundEvent e) {
        OrderRecord o = byExchangeId.get(e.gatewayOrderId);
        PaperContract pc = contracts.get(e.contract);
        long fees = pc.feeCents() * e.size;
        Long pnl = e.pnlCents == Long.MIN_VALUE ? null : e.pnlCents;
        TradeRecord t = new TradeRecord(e.tradeId, e.accountId, pc, clock.nanos(), e.priceTicks, pnl, fees, e.side,
                e.size, o == null ? e.gatewayOrderId : o.id);
        trades.add(t);
        PaperAccount account = accounts.get(e.accountId);
        account.balanceCents += (pnl == null ? 0 : pnl) - fees;
        listener.onTrade(toApi(t), 0);
        listener.onAccount(toApi(account), 1);
    }

    private void onPosition(InboundEvent e) {
        PaperContract pc = contracts.get(e.contract);
        String key = positionKey(e.accountId, pc.id());
        PositionRecord p = positions.get(key);
        int action;
        if (p == null || p.net == 0) {
            if (e.netPosition == 0) {
                return;
            }
            p = new PositionRecord(nextPositionId++, e.accountId, pc, clock.nanos());
            positions.put(key, p);
            action = 0;
        } else {
            action = e.netPosition == 0 ? 2 : 1;
        }
        p.net = e.netPosition;
        p.avgMicroTicks = e.avgPriceMicroTicks;
        listener.onPosition(toApi(p), action);
        if (p.net == 0) {
            positions.remove(key);
        }
    }

    private static String positionKey(long accountId, String contractId) {
        return accountId + "/" + contractId;
    }

    private PaperAccount account(String user, long accountId, int notFoundCode) {
        PaperAccount a = accounts.get(accountId);
        if (a == null || !a.owner.equals(user)) {
            throw new VenueError(notFoundCode, "Account " + accountId + " not found");
        }
        return a;
    }

    // ---- to the wire ----

    private static ApiObjects.Account toApi(PaperAccount a) {
        return new ApiObjects.Account(a.id, a.name, BigDecimal.valueOf(a.balanceCents, 2), a.canTrade, a.visible, true);
    }

    private static ApiObjects.Contract toApi(PaperContract c) {
        return toApi(c, true);
    }

    private static ApiObjects.Contract toApi(PaperContract c, boolean active) {
        return new ApiObjects.Contract(c.id(), c.name(), c.description(), c.contract().tickSize(),
                c.contract().tickValue(), active, c.symbolId());
    }

    /** An order as the searches return it. */
    private static ApiObjects.Order toApi(OrderRecord o) {
        return toApi(o, false);
    }

    /** An order as the user hub sends it: a bracket leg also names its entry and its other leg. */
    private static ApiObjects.Order toStream(OrderRecord o) {
        return toApi(o, true);
    }

    private static ApiObjects.Order toApi(OrderRecord o, boolean stream) {
        Contract c = o.contract.contract();
        BigDecimal filled = o.fillVolume == 0 ? null : microTicksToPrice(c, o.avgFillMicroTicks);
        boolean leg = stream && o.parentOrderId != 0;
        return new ApiObjects.Order(o.id, o.accountId, c.id(), o.contract.symbolId(), WireTime.format(o.createdNanos),
                o.updatedNanos == 0 ? null : WireTime.format(o.updatedNanos), o.status.code(), o.type.code(),
                o.side.code(), o.size, price(c, o.limitTicks), price(c, o.stopTicks), o.fillVolume, filled,
                o.customTag, leg ? o.parentOrderId : null, leg && o.linkedOrderId != 0 ? o.linkedOrderId : null,
                null, null);
    }

    private static ApiObjects.Position toApi(PositionRecord p) {
        Contract c = p.contract.contract();
        return new ApiObjects.Position(p.id, p.accountId, c.id(), p.contract.name(), WireTime.format(p.createdNanos),
                p.net > 0 ? 1 : p.net < 0 ? 2 : 0, Math.abs(p.net),
                p.net == 0 ? BigDecimal.ZERO : microTicksToPrice(c, p.avgMicroTicks));
    }

    private static ApiObjects.Trade toApi(TradeRecord t) {
        Contract c = t.contract.contract();
        return new ApiObjects.Trade(t.id, t.accountId, c.id(), WireTime.format(t.tsNanos), c.toPrice(t.priceTicks),
                t.pnlCents == null ? null : BigDecimal.valueOf(t.pnlCents, 2), BigDecimal.valueOf(t.feeCents, 2),
                t.side.code(), t.size, false, t.orderId);
    }

    /** An average price in millionths of a tick as a decimal price, exact to the tick's sixth decimal. */
    private static BigDecimal microTicksToPrice(Contract c, long microTicks) {
        return c.tickSize().multiply(BigDecimal.valueOf(microTicks, 6)).stripTrailingZeros();
    }

    // ---- records ----

    private static final class MarketState {
        long bid = PriceTicks.NONE;
        long ask = PriceTicks.NONE;
        long last = PriceTicks.NONE;
        long open = PriceTicks.NONE;
        long high = PriceTicks.NONE;
        long low = PriceTicks.NONE;
        long volume;
        long updated;
    }

    private static final class OrderRecord {
        long id;
        long exchangeId;
        final long accountId;
        final PaperContract contract;
        final OrderType type;
        final Side side;
        long size;
        long limitTicks;
        long stopTicks;
        final String customTag;
        final long createdNanos;
        long updatedNanos;
        OrderStatus status = OrderStatus.NONE;
        long fillVolume;
        long avgFillMicroTicks;
        /** A native bracket leg's entry (0 for an order that is no leg), the take profit's stop loss, its distance. */
        long parentOrderId;
        long linkedOrderId;
        long bracketTicks;

        OrderRecord(long accountId, PaperContract contract, OrderType type, Side side, long size, long limitTicks,
                    long stopTicks, String customTag, long createdNanos) {
            this.accountId = accountId;
            this.contract = contract;
            this.type = type;
            this.side = side;
            this.size = size;
            this.limitTicks = limitTicks;
            this.stopTicks = stopTicks;
            this.customTag = customTag;
            this.createdNanos = createdNanos;
        }
    }

    /** A native bracket: the entry and its stop-loss and take-profit legs (either may be null). */
    private record NativeBracket(OrderRecord entry, OrderRecord stopLoss, OrderRecord takeProfit) {
        List<OrderRecord> legs() {
            List<OrderRecord> legs = new ArrayList<>(2);
            if (stopLoss != null) {
                legs.add(stopLoss);
            }
            if (takeProfit != null) {
                legs.add(takeProfit);
            }
            return legs;
        }

    }

    private record TradeRecord(long id, long accountId, PaperContract contract, long tsNanos, long priceTicks,
                               Long pnlCents, long feeCents, Side side, long size, long orderId) {
    }

    private static final class PositionRecord {
        final long id;
        final long accountId;
        final PaperContract contract;
        final long createdNanos;
        long net;
        long avgMicroTicks;

        PositionRecord(long id, long accountId, PaperContract contract, long createdNanos) {
            this.id = id;
            this.accountId = accountId;
            this.contract = contract;
            this.createdNanos = createdNanos;
        }
    }
}
