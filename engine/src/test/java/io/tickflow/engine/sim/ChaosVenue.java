package io.tickflow.engine.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;
import io.tickflow.engine.ring.ConnectionStateTranslator;
import io.tickflow.engine.ring.EventType;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.time.Clock;

/**
 * A gateway made of a {@link SimulatedExchange} and a bad network: what the exchange sends
 * back waits in a pending list and reaches the engine late, in random order, sometimes twice;
 * an outage loses user-hub events and ends with the reconnect snapshot (every order's last
 * state, the position, every trade) that reconciliation works from. It keeps the exchange's
 * own record — the truth the engine must end up agreeing with — and every placement it was
 * asked for. Single-threaded: the engine runs inline on the test's thread.
 */
final class ChaosVenue implements GatewayPort {
    final SimulatedExchange exchange;
    /** The exchange's latest update of every order, by gateway order id. */
    final Map<Long, InboundEvent> orders = new LinkedHashMap<>();
    /** Every trade the exchange made. */
    final List<InboundEvent> trades = new ArrayList<>();
    final Set<Long> placements = new HashSet<>();
    final List<Long> duplicatePlacements = new ArrayList<>();
    int delivered;
    int duplicated;
    int lost;
    int outages;
    private final Random random;
    private final Clock clock;
    private final List<InboundEvent> pending = new ArrayList<>();
    private final ConnectionStateTranslator connection = new ConnectionStateTranslator();
    private InboundEvent position;
    private Consumer<EventTranslator<InboundEvent>> engine;

    ChaosVenue(ContractRegistry contracts, Clock clock, FillModel model, Random random) {
        this.random = random;
        this.clock = clock;
        this.exchange = new SimulatedExchange(contracts, clock, model, this::capture);
    }

    /** Where delivered events go: the inline engine. */
    void connect(Consumer<EventTranslator<InboundEvent>> inlineEngine) {
        this.engine = inlineEngine;
    }

    private void capture(EventTranslator<InboundEvent> translator) {
        InboundEvent e = new InboundEvent();
        translator.translateTo(e, 0);
        if (e.type == EventType.ORDER_UPDATE) {
            orders.put(e.gatewayOrderId, e);
        } else if (e.type == EventType.FILL) {
            trades.add(e);
        } else if (e.type == EventType.POSITION_UPDATE) {
            position = e;
        }
        pending.add(e);
    }

    @Override
    public void place(long clientOrderId, OrderRequest request) {
        if (!placements.add(clientOrderId)) {
            duplicatePlacements.add(clientOrderId);
        }
        exchange.place(clientOrderId, request);
    }

    @Override
    public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
        exchange.cancel(clientOrderId, accountId, gatewayOrderId);
    }

    @Override
    public void modify(long clientOrderId, long accountId, long gatewayOrderId, int contract, long size,
                       long limitTicks,
                       long stopTicks) {
        exchange.modify(clientOrderId, accountId, gatewayOrderId, contract, size, limitTicks, stopTicks);
    }

    /** Delivers a random share of what is pending, in random order, a few events twice. */
    void deliverSome() {
        int count = pending.isEmpty() ? 0 : random.nextInt(pending.size() + 1);
        for (int i = 0; i < count && !pending.isEmpty(); i++) {
            InboundEvent e = pending.remove(random.nextInt(pending.size()));
            deliver(e);
            if (random.nextInt(10) == 0) {
                duplicated++;
                deliver(e);
            }
        }
    }

    /** Delivers everything pending, including what the engine's reactions add, shuffled. */
    void deliverAll() {
        while (!pending.isEmpty()) {
            deliver(pending.remove(random.nextInt(pending.size())));
        }
    }

    /**
     * The user hub drops: pending hub events are lost (command answers, which come over REST,
     * are not), then it reconnects and the gateway's snapshot is delivered between
     * RECONNECTED and SYNCHRONIZED.
     */
    void outage() {
        outages++;
        send(ConnectionState.LOST);
        for (int i = pending.size() - 1; i >= 0; i--) {
            EventType type = pending.get(i).type;
            boolean hub = type == EventType.ORDER_UPDATE || type == EventType.FILL || type == EventType.POSITION_UPDATE;
            if (hub && random.nextInt(3) != 0) {
                pending.remove(i);
                lost++;
            }
        }
        send(ConnectionState.RECONNECTED);
        for (InboundEvent e : new ArrayList<>(orders.values())) {
            deliver(e);
        }
        if (position != null) {
            deliver(position);
        }
        for (InboundEvent e : new ArrayList<>(trades)) {
            deliver(e);
        }
        send(ConnectionState.SYNCHRONIZED);
    }

    private void send(ConnectionState state) {
        engine.accept(connection.set(clock.nanos(), ConnectionLink.USER_HUB, state, "chaos"));
    }

    private void deliver(InboundEvent e) {
        delivered++;
        engine.accept((slot, sequence) -> slot.copyFrom(e));
    }
}
