package io.tickflow.engine.ring;

import com.lmax.disruptor.EventTranslator;

/**
 * Writes the gateway's answer to an outbound command (acknowledgement or rejection) into a
 * ring slot; a command with no answer in time is a rejection with error code -1. Owned by
 * one producer thread, reusable; allocation-free while the reason fits the buffers.
 */
public final class CommandResultTranslator implements EventTranslator<InboundEvent> {
    /** The error code of a command that had no answer in time. */
    public static final int NO_ANSWER = -1;

    private boolean accepted;
    private CommandKind command;
    private long tsEvent;
    private long tsReceived;
    private long accountId;
    private long clientOrderId;
    private long gatewayOrderId;
    private int errorCode;
    private final StringBuilder reason = new StringBuilder(128);

    /** The gateway accepted {@code command}; for a placement, {@code gatewayOrderId} is the new order's id. */
    public CommandResultTranslator ack(CommandKind command, long tsEvent, long tsReceived, long accountId,
                                       long clientOrderId, long gatewayOrderId) {
        return set(true, command, tsEvent, tsReceived, accountId, clientOrderId, gatewayOrderId, 0, null);
    }

    /** The gateway rejected {@code command} with {@code errorCode} (or {@link #NO_ANSWER}) and a reason. */
    public CommandResultTranslator reject(CommandKind command, long tsEvent, long tsReceived, long accountId,
                                          long clientOrderId, long gatewayOrderId, int errorCode, CharSequence reason) {
        return set(false, command, tsEvent, tsReceived, accountId, clientOrderId, gatewayOrderId, errorCode, reason);
    }

    private CommandResultTranslator set(boolean accepted, CommandKind command, long tsEvent, long tsReceived,
                                        long accountId, long clientOrderId, long gatewayOrderId, int errorCode,
                                        CharSequence reason) {
        this.accepted = accepted;
        this.command = command;
        this.tsEvent = tsEvent;
        this.tsReceived = tsReceived;
        this.accountId = accountId;
        this.clientOrderId = clientOrderId;
        this.gatewayOrderId = gatewayOrderId;
        this.errorCode = errorCode;
        this.reason.setLength(0);
        if (reason != null) {
            this.reason.append(reason);
        }
        return this;
    }

    @Override
    public void translateTo(InboundEvent e, long sequence) {
        e.type = accepted ? EventType.COMMAND_ACK : EventType.COMMAND_REJECT;
        e.contract = -1;
        e.command = command;
        e.tsEvent = tsEvent;
        e.tsReceived = tsReceived;
        e.accountId = accountId;
        e.clientOrderId = clientOrderId;
        e.gatewayOrderId = gatewayOrderId;
        e.errorCode = errorCode;
        e.setText(reason);
    }
}
