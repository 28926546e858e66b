package io.tickflow.engine.journal;

import java.nio.ByteBuffer;

import io.tickflow.engine.model.OrderStatus;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.ControlAction;
import io.tickflow.engine.ring.DepthAction;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.InboundEvent;

/**
 * Encodes an {@link InboundEvent} into a journal record's payload and back. Every kind
 * carries a common head (kind, contract, tsEvent, tsReceived) and the fields its translators
 * fill: market data compactly (a quote is 74 bytes), the rare account-side kinds (orders,
 * fills, positions, account updates, command results) with their whole group of fields and
 * text. Buffers are little-endian and accessed by absolute index. Stateless and
 * allocation-free; any thread.
 */
public final class EventCodec {
    private static final EventType[] TYPES = EventType.values();
    private static final Side[] SIDES = Side.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final DepthAction[] DEPTH_ACTIONS = DepthAction.values();
    private static final CommandKind[] COMMANDS = CommandKind.values();
    private static final ConnectionLink[] LINKS = ConnectionLink.values();
    private static final ConnectionState[] STATES = ConnectionState.values();
    private static final ControlAction[] CONTROLS = ControlAction.values();
    private static final InboundEvent BLANK = new InboundEvent();

    private EventCodec() {
    }

    /** Writes {@code e} at {@code offset}; returns the payload length. The buffer needs room for {@link JournalFormat#MAX_RECORD}. */
    public static int encode(InboundEvent e, ByteBuffer b, int offset) {
        int p = offset;
        b.put(p, (byte) (e.type.ordinal() + 1));
        p += 1;
        b.putInt(p, e.contract);
        p += 4;
        b.putLong(p, e.tsEvent);
        p += 8;
        b.putLong(p, e.tsReceived);
        p += 8;
        switch (e.type) {
            case QUOTE:
                b.putInt(p, e.quoteFields);
                p = putLong(b, p + 4, e.bidTicks);
                p = putLong(b, p, e.bidSize);
                p = putLong(b, p, e.askTicks);
                p = putLong(b, p, e.askSize);
                p = putLong(b, p, e.lastTicks);
                p = putLong(b, p, e.lastSize);
                p = putLong(b, p, e.volume);
                break;
            case TRADE:
                p = putLong(b, p, e.priceTicks);
                p = putLong(b, p, e.size);
                p = putEnum(b, p, e.side);
                break;
            case DEPTH:
                p = putLong(b, p, e.priceTicks);
                p = putLong(b, p, e.size);
                p = putEnum(b, p, e.side);
                p = putEnum(b, p, e.depthAction);
                b.put(p++, (byte) (e.batchEnd ? 1 : 0));
                break;
            case BAR:
                p = putLong(b, p, e.openTicks);
                p = putLong(b, p, e.highTicks);
                p = putLong(b, p, e.lowTicks);
                p = putLong(b, p, e.closeTicks);
                p = putLong(b, p, e.volume);
                p = putLong(b, p, e.barNanos);
                break;
            case ORDER_UPDATE:
            case POSITION_UPDATE:
            case FILL:
            case ACCOUNT_UPDATE:
            case COMMAND_ACK:
            case COMMAND_REJECT:
                p = putLong(b, p, e.accountId);
                p = putLong(b, p, e.gatewayOrderId);
                p = putLong(b, p, e.clientOrderId);
                p = putLong(b, p, e.size);
                p = putLong(b, p, e.filledSize);
                p = putLong(b, p, e.limitTicks);
                p = putLong(b, p, e.stopTicks);
                p = putLong(b, p, e.avgPriceMicroTicks);
                p = putLong(b, p, e.netPosition);
                p = putLong(b, p, e.priceTicks);
                p = putLong(b, p, e.tradeId);
                p = putLong(b, p, e.feesCents);
                p = putLong(b, p, e.pnlCents);
                p = putLong(b, p, e.balanceCents);
                b.putInt(p, e.errorCode);
                p += 4;
                p = putEnum(b, p, e.orderStatus);
                p = putEnum(b, p, e.orderType);
                p = putEnum(b, p, e.side);
                p = putEnum(b, p, e.command);
                b.put(p++, (byte) ((e.voided ? 1 : 0) | (e.canTrade ? 2 : 0)));
                p = putText(b, p, e.text);
                break;
            case CONNECTION_STATE:
                p = putEnum(b, p, e.link);
                p = putEnum(b, p, e.connectionState);
                p = putText(b, p, e.text);
                break;
            case CONTROL:
                p = putEnum(b, p, e.controlAction);
                p = putText(b, p, e.text);
                break;
            case TIMER:
            default:
                break;
        }
        return p - offset;
    }

    /**
     * Reads the event at {@code offset} into {@code e}, every other field reset to a fresh
     * slot's value.
     *
     * @throws IllegalArgumentException if the kind byte is not an event kind
     */
    public static void decode(ByteBuffer b, int offset, InboundEvent e) {
        e.copyFrom(BLANK);
        int p = offset;
        int kind = b.get(p) - 1;
        if (kind < 0 || kind >= TYPES.length) {
            throw new IllegalArgumentException("not an event record: kind " + (kind + 1));
        }
        p += 1;
        e.type = TYPES[kind];
        e.contract = b.getInt(p);
        p += 4;
        e.tsEvent = b.getLong(p);
        p += 8;
        e.tsReceived = b.getLong(p);
        p += 8;
        switch (e.type) {
            case QUOTE:
                e.quoteFields = b.getInt(p);
                p += 4;
                e.bidTicks = b.getLong(p);
                e.bidSize = b.getLong(p + 8);
                e.askTicks = b.getLong(p + 16);
                e.askSize = b.getLong(p + 24);
                e.lastTicks = b.getLong(p + 32);
                e.lastSize = b.getLong(p + 40);
                e.volume = b.getLong(p + 48);
                break;
            case TRADE:
                e.priceTicks = b.getLong(p);
                e.size = b.getLong(p + 8);
                e.side = at(SIDES, b.get(p + 16));
                break;
            case DEPTH:
                e.priceTicks = b.getLong(p);
                e.size = b.getLong(p + 8);
                e.side = at(SIDES, b.get(p + 16));
                e.depthAction = at(DEPTH_ACTIONS, b.get(p + 17));
                e.batchEnd = b.get(p + 18) != 0;
                break;
            case BAR:
                e.openTicks = b.getLong(p);
                e.highTicks = b.getLong(p + 8);
                e.lowTicks = b.getLong(p + 16);
                e.closeTicks = b.getLong(p + 24);
                e.volume = b.getLong(p + 32);
                e.barNanos = b.getLong(p + 40);
                break;
            case ORDER_UPDATE:
            case POSITION_UPDATE:
            case FILL:
            case ACCOUNT_UPDATE:
            case COMMAND_ACK:
            case COMMAND_REJECT:
                e.accountId = b.getLong(p);
                e.gatewayOrderId = b.getLong(p + 8);
                e.clientOrderId = b.getLong(p + 16);
                e.size = b.getLong(p + 24);
                e.filledSize = b.getLong(p + 32);
                e.limitTicks = b.getLong(p + 40);
                e.stopTicks = b.getLong(p + 48);
                e.avgPriceMicroTicks = b.getLong(p + 56);
                e.netPosition = b.getLong(p + 64);
                e.priceTicks = b.getLong(p + 72);
                e.tradeId = b.getLong(p + 80);
                e.feesCents = b.getLong(p + 88);
                e.pnlCents = b.getLong(p + 96);
                e.balanceCents = b.getLong(p + 104);
                p += 112;
                e.errorCode = b.getInt(p);
                p += 4;
                e.orderStatus = at(STATUSES, b.get(p));
                e.orderType = at(ORDER_TYPES, b.get(p + 1));
                e.side = at(SIDES, b.get(p + 2));
                e.command = at(COMMANDS, b.get(p + 3));
                int flags = b.get(p + 4);
                e.voided = (flags & 1) != 0;
                e.canTrade = (flags & 2) != 0;
                getText(b, p + 5, e.text);
                break;
            case CONNECTION_STATE:
                e.link = at(LINKS, b.get(p));
                e.connectionState = at(STATES, b.get(p + 1));
                getText(b, p + 2, e.text);
                break;
            case CONTROL:
                e.controlAction = at(CONTROLS, b.get(p));
                getText(b, p + 1, e.text);
                break;
            case TIMER:
            default:
                break;
        }
    }

    private static int putLong(ByteBuffer b, int p, long value) {
        b.putLong(p, value);
        return p + 8;
    }

    private static int putEnum(ByteBuffer b, int p, Enum<?> value) {
        b.put(p, (byte) (value == null ? 0 : value.ordinal() + 1));
        return p + 1;
    }

    private static <T> T at(T[] values, byte code) {
        if (code == 0) {
            return null;
        }
        if (code < 0 || code > values.length) {
            throw new IllegalArgumentException("enum code " + code + " is out of range for "
                    + values.getClass().getComponentType().getSimpleName());
        }
        return values[code - 1];
    }

    private static int putText(ByteBuffer b, int p, CharSequence text) {
        int n = Math.min(text.length(), JournalFormat.MAX_TEXT);
        b.putShort(p, (short) n);
        int at = p + 2;
        for (int i = 0; i < n; i++) {
            b.putChar(at, text.charAt(i));
            at += 2;
        }
        return at;
    }

    private static void getText(ByteBuffer b, int p, StringBuilder into) {
        int n = b.getShort(p);
        into.setLength(0);
        for (int i = 0; i < n; i++) {
            into.append(b.getChar(p + 2 + 2 * i));
        }
    }
}
