package io.tickflow.engine.ring;

import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;

/**
 * One pre-allocated, reused slot of the inbound ring. The {@link #type} tag says which fields
 * are meaningful; producers fill a slot only through a translator of its kind (see
 * {@link InboundPublisher}), the engine thread reads it during {@code onEvent} and never
 * keeps a reference past it.
 *
 * <p>Fields are public and mutable on purpose: a slot is a struct that exists only to carry
 * primitives from a producer thread to the engine thread without allocation (the Disruptor's
 * publication protocol provides the memory ordering). Prices are ticks, money cents, time
 * epoch nanoseconds; enums are constants, so a slot never refers to per-event objects except
 * the reused {@link #text} buffer.
 */
public final class InboundEvent {
    public EventType type;
    /** Dense index of the contract in the engine's {@code ContractRegistry}, or -1. */
    public int contract = -1;
    /** When the event happened at the source (exchange or gateway), epoch nanos. */
    public long tsEvent;
    /** When this process received it, epoch nanos. */
    public long tsReceived;

    // QUOTE
    /** Which quote fields this update carries: {@link QuoteFields} flags. */
    public int quoteFields;
    public long bidTicks = PriceTicks.NONE;
    public long bidSize;
    public long askTicks = PriceTicks.NONE;
    public long askSize;
    public long lastTicks = PriceTicks.NONE;
    public long lastSize;
    /** QUOTE: session volume; BAR: the bar's volume. */
    public long volume;

    // TRADE, DEPTH, FILL, ORDER_UPDATE
    /** TRADE and FILL: the price; DEPTH: the level's price. */
    public long priceTicks = PriceTicks.NONE;
    /** TRADE, FILL: contracts traded; DEPTH: total size at the level; ORDER_UPDATE: order size. */
    public long size;
    /** TRADE: aggressor (null if unknown); DEPTH: book side; FILL, ORDER_UPDATE: order side. */
    public Side side;

    // DEPTH
    public DepthAction depthAction;
    /** True on the last level change of one feed update: the book is consistent after it. */
    public boolean batchEnd;

    // BAR
    public long openTicks;
    public long highTicks;
    public long lowTicks;
    public long closeTicks;
    /** Length of the bar, nanoseconds; its open is {@code tsEvent}. */
    public long barNanos;

    // ORDER_UPDATE, POSITION_UPDATE, FILL, ACCOUNT_UPDATE, COMMAND_*
    public long accountId;
    /** The gateway's order id, or 0 if not known yet. */
    public long gatewayOrderId;
    /** The engine's client order id (sent to the gateway as customTag), or 0 if none. */
    public long clientOrderId;
    public OrderStatus orderStatus;
    public OrderType orderType;
    public long filledSize;
    public long limitTicks = PriceTicks.NONE;
    public long stopTicks = PriceTicks.NONE;
    /** ORDER_UPDATE: average fill price; POSITION_UPDATE: average entry price; in millionths of a tick. */
    public long avgPriceMicroTicks;
    /** POSITION_UPDATE: signed net position (positive long, negative short, 0 flat). */
    public long netPosition;

    // FILL
    /** The gateway's trade id: the key that makes applying a fill idempotent. */
    public long tradeId;
    public long feesCents;
    /** Realized PnL of this fill in cents, or {@link Long#MIN_VALUE} for an opening fill. */
    public long pnlCents;
    public boolean voided;

    // ACCOUNT_UPDATE
    public long balanceCents;
    public boolean canTrade;

    // COMMAND_ACK, COMMAND_REJECT
    public CommandKind command;
    /** The gateway's error code (0 on ack); -1 when the command had no answer in time. */
    public int errorCode;

    // CONNECTION_STATE
    public ConnectionLink link;
    public ConnectionState connectionState;

    // CONTROL
    public ControlAction controlAction;

    /** COMMAND_REJECT: the reason; CONNECTION_STATE: detail; CONTROL: target strategy name. Reused, never replaced. */
    public final StringBuilder text = new StringBuilder(128);

    /** Copies {@code source} into the reused {@link #text} buffer (null clears it); allocation-free within capacity. */
    public void setText(CharSequence source) {
        text.setLength(0);
        if (source != null) {
            text.append(source);
        }
    }

    /**
     * Makes this slot a copy of {@code source} (every field, and the text): for keeping an
     * event past its slot's reuse, as a recorder, a journal or a test that replays events does.
     */
    public void copyFrom(InboundEvent source) {
        type = source.type;
        contract = source.contract;
        tsEvent = source.tsEvent;
        tsReceived = source.tsReceived;
        quoteFields = source.quoteFields;
        bidTicks = source.bidTicks;
        bidSize = source.bidSize;
        askTicks = source.askTicks;
        askSize = source.askSize;
        lastTicks = source.lastTicks;
        lastSize = source.lastSize;
        volume = source.volume;
        priceTicks = source.priceTicks;
        size = source.size;
        side = source.side;
        depthAction = source.depthAction;
        batchEnd = source.batchEnd;
        openTicks = source.openTicks;
        highTicks = source.highTicks;
        lowTicks = source.lowTicks;
        closeTicks = source.closeTicks;
        barNanos = source.barNanos;
        accountId = source.accountId;
        gatewayOrderId = source.gatewayOrderId;
        clientOrderId = source.clientOrderId;
        orderStatus = source.orderStatus;
        orderType = source.orderType;
        filledSize = source.filledSize;
        limitTicks = source.limitTicks;
        stopTicks = source.stopTicks;
        avgPriceMicroTicks = source.avgPriceMicroTicks;
        netPosition = source.netPosition;
        tradeId = source.tradeId;
        feesCents = source.feesCents;
        pnlCents = source.pnlCents;
        voided = source.voided;
        balanceCents = source.balanceCents;
        canTrade = source.canTrade;
        command = source.command;
        errorCode = source.errorCode;
        link = source.link;
        connectionState = source.connectionState;
        controlAction = source.controlAction;
        setText(source.text);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(96).append(type).append("{contract=").append(contract)
                .append(", tsEvent=").append(tsEvent);
        if (type == null) {
            return sb.append('}').toString();
        }
        switch (type) {
            case QUOTE:
                sb.append(", fields=").append(Integer.toBinaryString(quoteFields)).append(", bid=").append(bidTicks)
                        .append('x').append(bidSize).append(", ask=").append(askTicks).append('x').append(askSize)
                        .append(", last=").append(lastTicks).append('x').append(lastSize);
                break;
            case TRADE:
                sb.append(", price=").append(priceTicks).append(", size=").append(size).append(", aggressor=").append(side);
                break;
            case DEPTH:
                sb.append(", action=").append(depthAction).append(", side=").append(side).append(", price=")
                        .append(priceTicks).append(", size=").append(size).append(", batchEnd=").append(batchEnd);
                break;
            case BAR:
                sb.append(", o=").append(openTicks).append(", h=").append(highTicks).append(", l=").append(lowTicks)
                        .append(", c=").append(closeTicks).append(", v=").append(volume);
                break;
            case ORDER_UPDATE:
            case POSITION_UPDATE:
            case FILL:
            case ACCOUNT_UPDATE:
            case COMMAND_ACK:
            case COMMAND_REJECT:
                sb.append(", account=").append(accountId).append(", orderId=").append(gatewayOrderId)
                        .append(", clientOrderId=").append(clientOrderId).append(", status=").append(orderStatus)
                        .append(", side=").append(side).append(", size=").append(size).append(", price=").append(priceTicks)
                        .append(", tradeId=").append(tradeId).append(", net=").append(netPosition)
                        .append(", command=").append(command).append(", errorCode=").append(errorCode);
                break;
            case CONNECTION_STATE:
                sb.append(", link=").append(link).append(", state=").append(connectionState);
                break;
            case CONTROL:
                sb.append(", action=").append(controlAction);
                break;
            default:
                break;
        }
        if (text.length() > 0) {
            sb.append(", text='").append(text).append('\'');
        }
        return sb.append('}').toString();
    }
}
