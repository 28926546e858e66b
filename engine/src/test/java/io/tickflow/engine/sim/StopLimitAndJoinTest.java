package io.tickflow.engine.sim;

import static io.tickflow.engine.model.Side.BUY;
import static io.tickflow.engine.model.Side.SELL;
import static io.tickflow.engine.testing.TestContracts.ES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.time.ManualClock;

/**
 * Stop-limit orders and orders joining the bid or ask, against the simulated exchange alone:
 * every answer and event it sends back, in order, as a gateway would send them.
 */
class StopLimitAndJoinTest {
    private static final long ACCOUNT = 7;

    private final List<String> sent = new ArrayList<>();
    private final ManualClock clock = new ManualClock(1_000);

    private SimulatedExchange exchange(FillModel model) {
        ContractRegistry contracts = new ContractRegistry();
        contracts.register(ES);
        return new SimulatedExchange(contracts, clock, model, translator -> {
            InboundEvent e = new InboundEvent();
            translator.translateTo(e, 0);
            sent.add(describe(e));
        });
    }

    private static String describe(InboundEvent e) {
        return switch (e.type) {
            case COMMAND_ACK -> "ack " + e.command + " " + e.clientOrderId + " -> " + e.gatewayOrderId;
            case COMMAND_REJECT -> "reject " + e.command + " " + e.clientOrderId + " error " + e.errorCode + ": " + e.text;
            case ORDER_UPDATE -> "order " + e.gatewayOrderId + " " + e.orderStatus + " " + e.orderType + " " + e.side
                    + " " + e.filledSize + "/" + e.size + " limit " + price(e.limitTicks) + " stop " + price(e.stopTicks);
            case FILL -> "fill " + e.gatewayOrderId + " " + e.side + " " + e.size + "@" + e.priceTicks;
            case POSITION_UPDATE -> "position " + e.netPosition;
            default -> e.type.toString();
        };
    }

    private static String price(long ticks) {
        return ticks == PriceTicks.NONE ? "-" : Long.toString(ticks);
    }

    private static OrderRequest stopLimit(Side side, long size, long stop, long limit) {
        return new OrderRequest(ACCOUNT, 0, OrderType.STOP_LIMIT, side, size, limit, stop, 0);
    }

    private static OrderRequest join(OrderType type, long size) {
        return new OrderRequest(ACCOUNT, 0, type, type == OrderType.JOIN_BID ? BUY : SELL, size, PriceTicks.NONE,
                PriceTicks.NONE, 0);
    }

    /** What the exchange sent since the last call. */
    private List<String> drain() {
        List<String> out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    @Test
    void aStopLimitIgnoresTheMarketUntilAPrintReachesItsStopThenRestsAtItsLimitAndFillsThere() {
        SimulatedExchange x = exchange(new FillModel(2, false, false));
        x.onQuote(0, 100, 10, 101, 10);
        x.place(41, stopLimit(BUY, 2, 105, 106));
        assertThat(drain()).containsExactly("ack PLACE 41 -> 1", "order 1 OPEN STOP_LIMIT BUY 0/2 limit 106 stop 105");

        // the quote runs through the limit and a print stays below the stop: not triggered, nothing fills
        x.onQuote(0, 104, 10, 105, 10);
        x.onTrade(0, 104, 1);
        assertThat(drain()).isEmpty();

        // a print at the stop triggers it with the ask (107) above the limit: it rests as a buy limit at 106
        x.onQuote(0, 106, 10, 107, 10);
        x.onTrade(0, 105, 1);
        // at its price the conservative model does not fill it, whether a print or the ask
        x.onTrade(0, 106, 1);
        x.onQuote(0, 105, 10, 106, 10);
        assertThat(drain()).isEmpty();
        assertThat(x.restingOrders(0)).isEqualTo(1);

        // a print through the limit fills it at the limit, without the slippage of a stop
        x.onTrade(0, 105, 1);
        assertThat(drain()).containsExactly("fill 1 BUY 2@106", "order 1 FILLED STOP_LIMIT BUY 2/2 limit 106 stop 105", "position 2");
        assertThat(x.restingOrders(0)).isZero();
        assertThat(x.net(ACCOUNT, 0)).isEqualTo(2);
    }

    @Test
    void aTriggeredStopLimitWhoseLimitTheMarketIsWithinFillsAtOnceAtTheOppositeBestWithoutSlippage() {
        SimulatedExchange x = exchange(new FillModel(2, false, false));
        x.onQuote(0, 104, 10, 105, 10);
        x.place(41, stopLimit(BUY, 1, 105, 107));
        drain();

        x.onTrade(0, 105, 1);
        assertThat(drain()).containsExactly("fill 1 BUY 1@105", "order 1 FILLED STOP_LIMIT BUY 1/1 limit 107 stop 105", "position 1");
    }

    @Test
    void aSellStopLimitTheMarketGapsThroughWaitsAtItsLimitUntilTheMarketComesBack() {
        SimulatedExchange x = exchange(FillModel.conservative());
        x.onQuote(0, 100, 10, 101, 10);
        x.place(8, new OrderRequest(ACCOUNT, 0, OrderType.MARKET, BUY, 1, PriceTicks.NONE, PriceTicks.NONE, 0));
        x.place(9, stopLimit(SELL, 1, 98, 97));
        drain();

        // gaps from 100 to 95: triggered at 95, but the bid is below the limit, so it rests at 97
        x.onQuote(0, 95, 10, 96, 10);
        x.onTrade(0, 95, 1);
        x.onTrade(0, 96, 1);
        x.onTrade(0, 97, 1);
        assertThat(drain()).isEmpty();
        assertThat(x.restingOrders(0)).isEqualTo(1);

        // the bid comes back above the limit: filled at the limit (the conservative model does not improve it)
        x.onQuote(0, 98, 10, 99, 10);
        assertThat(drain()).containsExactly("fill 2 SELL 1@97", "order 2 FILLED STOP_LIMIT SELL 1/1 limit 97 stop 98", "position 0");
    }

    @Test
    void underTheBarModelATriggeredStopLimitFillsAtItsLimitAtTouchOrAtTheMarketWhenTheMarketJumpsThroughIt() {
        SimulatedExchange x = exchange(FillModel.bars(1));
        x.onQuote(0, 100, 1, 100, 1);
        x.place(5, stopLimit(SELL, 1, 98, 97));
        x.place(6, stopLimit(SELL, 1, 98, 97));
        drain();

        x.onQuote(0, 96, 1, 96, 1);
        x.onTrade(0, 96, 0);
        assertThat(drain()).as("triggered below the limit: both rest").isEmpty();
        // the walk back up reaches the limit: at touch the older one fills at its price
        x.cancel(0, ACCOUNT, 2);
        x.onQuote(0, 97, 1, 97, 1);
        assertThat(drain()).containsExactly("ack CANCEL 0 -> 2", "order 2 CANCELLED STOP_LIMIT SELL 0/1 limit 97 stop 98",
                "fill 1 SELL 1@97", "order 1 FILLED STOP_LIMIT SELL 1/1 limit 97 stop 98", "position -1");

        x.place(7, stopLimit(SELL, 1, 96, 94));
        x.onQuote(0, 93, 1, 93, 1);
        x.onTrade(0, 93, 0);
        assertThat(drain()).containsExactly("ack PLACE 7 -> 3", "order 3 OPEN STOP_LIMIT SELL 0/1 limit 94 stop 96");
        // a jump from 93 to 99 goes through the limit: the bar model gives the better price, without slippage
        x.onQuote(0, 99, 1, 99, 1);
        assertThat(drain()).containsExactly("fill 3 SELL 1@99", "order 3 FILLED STOP_LIMIT SELL 1/1 limit 94 stop 96",
                "position -2");
    }

    @Test
    void joinBidAndJoinAskRestAtTheTouchOfTheirPlacementAndFillThereWhenTradedThrough() {
        SimulatedExchange x = exchange(FillModel.conservative());
        x.onQuote(0, 100, 10, 102, 10);
        x.place(1, join(OrderType.JOIN_BID, 2));
        x.place(2, join(OrderType.JOIN_ASK, 3));
        assertThat(drain()).containsExactly(
                "ack PLACE 1 -> 1", "order 1 OPEN JOIN_BID BUY 0/2 limit 100 stop -",
                "ack PLACE 2 -> 2", "order 2 OPEN JOIN_ASK SELL 0/3 limit 102 stop -");

        // the touch moves on; the joined orders keep the price they joined at
        x.onQuote(0, 101, 10, 103, 10);
        x.onTrade(0, 101, 1);
        x.onTrade(0, 100, 1);
        assertThat(drain()).isEmpty();

        x.onTrade(0, 99, 1);
        x.onTrade(0, 103, 1);
        assertThat(drain()).containsExactly(
                "fill 1 BUY 2@100", "order 1 FILLED JOIN_BID BUY 2/2 limit 100 stop -", "position 2",
                "fill 2 SELL 3@102", "order 2 FILLED JOIN_ASK SELL 3/3 limit 102 stop -", "position -1");
    }

    @Test
    void aJoinWithNothingToJoinIsRejectedWithTheReasonAndNeverWorks() {
        SimulatedExchange x = exchange(FillModel.conservative());
        x.place(1, join(OrderType.JOIN_BID, 1));
        x.onQuote(0, PriceTicks.NONE, 0, 102, 10);
        x.place(2, join(OrderType.JOIN_ASK, 1));
        x.place(3, join(OrderType.JOIN_BID, 1));
        assertThat(drain()).containsExactly(
                "reject PLACE 1 error 2: no bid to join",
                "ack PLACE 2 -> 1", "order 1 OPEN JOIN_ASK SELL 0/1 limit 102 stop -",
                "reject PLACE 3 error 2: no bid to join");
        assertThat(x.restingOrders(0)).isEqualTo(1);
    }

    @Test
    void aJoinedBidWaitsBehindTheQueueItJoinedUnderTheDepthAwareModel() {
        SimulatedExchange x = exchange(FillModel.depthAware(0));
        x.onQuote(0, 100, 4, 101, 10);
        x.place(1, join(OrderType.JOIN_BID, 2));
        drain();

        x.onTrade(0, 100, 3);
        assertThat(drain()).as("3 of the 4 ahead traded").isEmpty();
        x.onTrade(0, 100, 2);
        assertThat(drain()).containsExactly("fill 1 BUY 1@100", "order 1 OPEN JOIN_BID BUY 1/2 limit 100 stop -", "position 1");
    }
}
