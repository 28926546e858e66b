package io.tickflow.engine.risk;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.time.SessionCalendar;

/**
 * The trading window: outside a session, on a holiday, or within {@code flattenBeforeClose}
 * of the session close, an order may only reduce a position (the auto-flatten itself is
 * carried out by the engine, see {@link RiskGate#tradingWindowFlattenDue}).
 */
final class TradingWindowRule implements RiskRule {
    private final SessionCalendar calendar;
    private final long beforeCloseNanos;
    private final Set<LocalDate> holidays;

    TradingWindowRule(SessionCalendar calendar, Duration beforeClose, Set<LocalDate> holidays) {
        this.calendar = calendar;
        this.beforeCloseNanos = beforeClose.toNanos();
        this.holidays = holidays;
    }

    @Override
    public String name() {
        return "tradingWindow";
    }

    @Override
    public String check(OrderRequest r, RiskView view) {
        long net = view.net(r.accountId(), r.contract());
        boolean reduces = r.side() == Side.BUY ? net < 0 && r.size() <= -net : net > 0 && r.size() <= net;
        if (reduces) {
            return null;
        }
        long now = view.nowNanos();
        if (!calendar.inSession(now)) {
            return "outside the trading session";
        }
        if (!holidays.isEmpty() && holidays.contains(calendar.tradeDate(now))) {
            return "trade date " + calendar.tradeDate(now) + " is a holiday";
        }
        if (now >= calendar.sessionClose(now) - beforeCloseNanos) {
            return "within " + beforeCloseNanos / 60_000_000_000L + " minutes of the session close";
        }
        return null;
    }
}
