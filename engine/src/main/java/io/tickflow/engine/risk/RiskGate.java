package io.tickflow.engine.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.time.SessionCalendar;

/**
 * The pre-trade risk gate and the loss watch, per account. Every order passes the kill
 * switch, the account's breach state, then its rules in order: trading window (session hours,
 * holidays, the minutes before the close), max order size, max position (per contract, per
 * account), max working orders, price band, order rate. The first objection
 * rejects the order with that rule's reason. Loss rules (daily loss limit, trailing drawdown)
 * are checked on every equity update. A daily loss limit breach halts the account for the rest
 * of its session: {@link #liftDailyBreach} ends it once the next session is open, as a prop
 * firm's daily limit resets with the trading day. A trailing drawdown breach (the account's
 * floor) halts it until the engine restarts.
 *
 * <p>Engine thread only; a passing check allocates nothing.
 */
public final class RiskGate {
    private final RiskLimits defaults;
    private final Long2ObjectHashMap<RiskLimits> byAccount = new Long2ObjectHashMap<>();
    private final SessionCalendar calendar;
    private final Long2ObjectHashMap<RiskRule[]> rules = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<LossMonitor> monitors = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<RiskBreach> breaches = new Long2ObjectHashMap<>();
    private final Long2LongHashMap windowFlattenedSession = new Long2LongHashMap(Long.MIN_VALUE);
    private volatile boolean killSwitch;

    /**
     * @param defaults  limits for accounts not listed
     * @param byAccount limits per account id
     */
    public RiskGate(RiskLimits defaults, Map<Long, RiskLimits> byAccount, SessionCalendar calendar) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(byAccount, "byAccount").forEach(this.byAccount::put);
        this.calendar = calendar;
    }

    public static RiskGate none(SessionCalendar calendar) {
        return new RiskGate(RiskLimits.none(), Map.of(), calendar);
    }

    /** The account's limits (the defaults if it has none of its own). Allocation-free. */
    public RiskLimits limits(long accountId) {
        RiskLimits own = byAccount.get(accountId);
        return own != null ? own : defaults;
    }

    /** Stops every new order, on every account, until turned off. Safe from any thread. */
    public void killSwitch(boolean on) {
        killSwitch = on;
    }

    public boolean killSwitch() {
        return killSwitch;
    }

    /** @return null if the order may go, else the reason it may not, prefixed with the rule's name */
    public String check(OrderRequest request, RiskView view) {
        return check(request, view, false);
    }

    /**
     * The check of a bracket's protective leg: every rule but the price band and the kill switch.
     * Both stop new risk; a stop-loss or take-profit only closes what it protects (its distance
     * from the market is the strategy's choice: a 30-tick target is no typo under a 20-tick
     * band), and refusing it would flatten the position it was meant to protect.
     */
    public String checkProtective(OrderRequest request, RiskView view) {
        return check(request, view, true);
    }

    private String check(OrderRequest request, RiskView view, boolean protective) {
        if (killSwitch && !protective && !MaxPositionRule.onlyReduces(request, view)) {
            return "killSwitch: the kill switch is on; only orders that reduce a position pass";
        }
        RiskBreach breach = breaches.get(request.accountId());
        if (breach != null) {
            return breach.rule() + ": account " + request.accountId() + " is halted: " + breach.detail();
        }
        for (RiskRule rule : rulesFor(request.accountId())) {
            if (protective && rule instanceof PriceBandRule) {
                continue;
            }
            String reason = rule.check(request, view);
            if (reason != null) {
                return rule.name() + ": " + reason;
            }
        }
        return null;
    }

    /** True if the account's limits include a loss rule (so its equity must be watched). */
    public boolean watchesLosses(long accountId) {
        RiskLimits l = limits(accountId);
        return l.dailyLossLimitCents() > 0 || l.trailingDrawdownCents() > 0;
    }

    /**
     * A new equity figure for the account.
     *
     * @return a new breach (once per account), or null
     */
    public RiskBreach onEquity(long accountId, long equityCents, long now) {
        if (!watchesLosses(accountId)) {
            return null;
        }
        LossMonitor monitor = monitors.get(accountId);
        if (monitor == null) {
            monitor = new LossMonitor(accountId, limits(accountId), calendar);
            monitors.put(accountId, monitor);
        }
        // watched while halted too, so the next session starts from the equity the close-out left
        RiskBreach breach = monitor.onEquity(equityCents, now);
        if (breach == null || breaches.containsKey(accountId)) {
            return null;
        }
        breaches.put(accountId, breach);
        return breach;
    }

    /**
     * How much more the account may lose, in cents, before its daily loss limit or trailing
     * drawdown trips, from the last equity figure the gate saw (realized − commissions +
     * unrealized, as {@link #onEquity} is given it): the smaller of the two rooms; 0 while a
     * breach halts the account; -1 if the account has no loss rule. Engine thread only;
     * read-only and allocation-free.
     */
    public long lossRoomCents(long accountId, long now) {
        if (!watchesLosses(accountId)) {
            return -1;
        }
        if (breaches.containsKey(accountId)) {
            return 0;
        }
        LossMonitor monitor = monitors.get(accountId);
        if (monitor == null) {
            // no equity figure yet: the engine starts flat at 0, both rooms whole
            RiskLimits l = limits(accountId);
            return Math.min(l.dailyLossLimitCents() > 0 ? l.dailyLossLimitCents() : Long.MAX_VALUE,
                    l.trailingDrawdownCents() > 0 ? l.trailingDrawdownCents() : Long.MAX_VALUE);
        }
        return monitor.roomCents(now);
    }

    /**
     * Ends the account's daily loss limit breach if a later session than the breach's is open
     * at {@code now}.
     *
     * @return the breach lifted, or null (none, another rule's, or still its session)
     */
    public RiskBreach liftDailyBreach(long accountId, long now) {
        RiskBreach breach = breaches.get(accountId);
        if (breach == null || !breach.rule().equals(RiskBreach.DAILY_LOSS_LIMIT) || !calendar.inSession(now)
                || calendar.sessionOpen(now) == calendar.sessionOpen(breach.tsEvent())) {
            return null;
        }
        breaches.remove(accountId);
        return breach;
    }

    /**
     * Whether the account must hold no position at {@code now}, while the market is open to close
     * it: in session, and halted by a loss-rule breach or within the minutes before the close
     * its trading window keeps flat.
     */
    public boolean mustBeFlat(long accountId, long now) {
        // on every event in event time: the common case (no breach, no window) asks no calendar
        boolean breached = breaches.containsKey(accountId);
        RiskLimits l = breached ? null : limits(accountId);
        if (!breached && !l.hasTradingWindow() || !calendar.inSession(now)) {
            return false;
        }
        return breached || now >= calendar.sessionClose(now) - l.flattenBeforeClose().toNanos();
    }

    /** The breach that halted the account, or null. */
    public RiskBreach breach(long accountId) {
        return breaches.get(accountId);
    }

    private RiskRule[] rulesFor(long accountId) {
        RiskRule[] chain = rules.get(accountId);
        if (chain == null) {
            chain = build(limits(accountId));
            rules.put(accountId, chain);
        }
        return chain;
    }

    /**
     * True once per session, when the account's trading window has just closed: the engine
     * then cancels its orders and flattens it.
     */
    public boolean tradingWindowFlattenDue(long accountId, long now) {
        RiskLimits l = limits(accountId);
        if (!l.hasTradingWindow() || !calendar.inSession(now)
                || now < calendar.sessionClose(now) - l.flattenBeforeClose().toNanos()) {
            return false;
        }
        long session = calendar.sessionOpen(now);
        if (windowFlattenedSession.get(accountId) == session) {
            return false;
        }
        windowFlattenedSession.put(accountId, session);
        return true;
    }

    private RiskRule[] build(RiskLimits l) {
        List<RiskRule> chain = new ArrayList<>();
        if (l.hasTradingWindow() || !l.holidays().isEmpty()) {
            chain.add(new TradingWindowRule(calendar, l.flattenBeforeClose(), l.holidays()));
        }
        if (l.maxOrderSize() > 0) {
            chain.add(new MaxOrderSizeRule(l.maxOrderSize()));
        }
        if (l.maxPositionPerContract() > 0 || l.maxPositionPerAccount() > 0) {
            chain.add(new MaxPositionRule(l.maxPositionPerContract(), l.maxPositionPerAccount()));
        }
        if (l.maxWorkingOrders() > 0) {
            chain.add(new MaxWorkingOrdersRule(l.maxWorkingOrders()));
        }
        if (l.priceBandTicks() > 0) {
            chain.add(new PriceBandRule(l.priceBandTicks()));
        }
        // last, so that only orders every other rule lets through count against the rate
        if (l.maxOrdersPerSecond() > 0) {
            chain.add(new OrderRateRule(l.maxOrdersPerSecond()));
        }
        return chain.toArray(new RiskRule[0]);
    }
}
