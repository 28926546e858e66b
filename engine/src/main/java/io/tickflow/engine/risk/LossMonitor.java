package io.tickflow.engine.risk;

import io.tickflow.engine.model.Money;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Watches one account's equity (realized − commissions + unrealized, in cents, relative to
 * where the engine started) against the daily loss limit and the trailing max drawdown.
 *
 * <p>Daily loss: measured from the equity at the start of the current session (0 for the
 * session the engine starts in, then the last equity of the session before). Trailing drawdown: the floor is the equity high-water mark minus the
 * limit; in INTRADAY mode the mark follows every equity update, unrealized included; in
 * END_OF_DAY mode it moves only when a session ends, to the equity the session ended with.
 * Engine thread only; allocation-free until a breach.
 */
final class LossMonitor {
    private final long accountId;
    private final RiskLimits limits;
    private final SessionCalendar calendar;
    private long sessionOpen = Long.MIN_VALUE;
    private long sessionStartEquity;
    private long highWater;
    private long lastEquity;
    private boolean seen;

    LossMonitor(long accountId, RiskLimits limits, SessionCalendar calendar) {
        this.accountId = accountId;
        this.limits = limits;
        this.calendar = calendar;
    }

    /**
     * How far the equity may fall from its last figure before a loss rule trips, at
     * {@code now} (a session that has opened since that figure starts from it, as
     * {@link #onEquity} would have it): the smaller room of the rules set, never below 0;
     * {@code Long.MAX_VALUE} if neither is set. Read-only; allocation-free.
     */
    long roomCents(long now) {
        long startEquity = sessionStartEquity;
        long mark = highWater;
        if (seen && calendar.sessionOpen(now) != sessionOpen) {
            startEquity = lastEquity;
            if (limits.trailingMode() == RiskLimits.TrailingMode.END_OF_DAY) {
                mark = Math.max(mark, lastEquity);
            }
        }
        long room = Long.MAX_VALUE;
        if (limits.dailyLossLimitCents() > 0) {
            room = Math.min(room, limits.dailyLossLimitCents() - (startEquity - lastEquity));
        }
        if (limits.trailingDrawdownCents() > 0) {
            room = Math.min(room, limits.trailingDrawdownCents() - (mark - lastEquity));
        }
        return Math.max(0, room);
    }

    /** @return the breach this equity causes, or null */
    RiskBreach onEquity(long equityCents, long now) {
        long open = calendar.sessionOpen(now);
        if (!seen) {
            // the engine starts flat at equity 0: that is the first session's start and high-water mark
            seen = true;
            sessionOpen = open;
        } else if (open != sessionOpen) {
            // a new session: the last equity of the old one is the new day's start and the EOD mark
            sessionOpen = open;
            sessionStartEquity = lastEquity;
            if (limits.trailingMode() == RiskLimits.TrailingMode.END_OF_DAY) {
                highWater = Math.max(highWater, lastEquity);
            }
        }
        lastEquity = equityCents;
        if (limits.trailingMode() == RiskLimits.TrailingMode.INTRADAY) {
            highWater = Math.max(highWater, equityCents);
        }
        long dailyLimit = limits.dailyLossLimitCents();
        long loss = sessionStartEquity - equityCents;
        if (dailyLimit > 0 && loss >= dailyLimit) {
            return new RiskBreach(accountId, RiskBreach.DAILY_LOSS_LIMIT, dailyLimit, loss - dailyLimit, now,
                    "loss since the session start " + Money.dollars(loss) + " reached the daily loss limit " + Money.dollars(dailyLimit));
        }
        long drawdownLimit = limits.trailingDrawdownCents();
        long drawdown = highWater - equityCents;
        if (drawdownLimit > 0 && drawdown >= drawdownLimit) {
            return new RiskBreach(accountId, RiskBreach.TRAILING_DRAWDOWN, drawdownLimit, drawdown - drawdownLimit, now,
                    "equity " + Money.dollars(equityCents) + " fell to the floor " + Money.dollars(highWater - drawdownLimit)
                            + " (high-water mark " + Money.dollars(highWater) + ", " + limits.trailingMode() + ")");
        }
        return null;
    }
}
