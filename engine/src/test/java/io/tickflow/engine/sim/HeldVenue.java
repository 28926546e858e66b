package io.tickflow.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.lmax.disruptor.EventTranslator;

import io.tickflow.engine.core.Engine;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.ring.CommandKind;
import io.tickflow.engine.ring.CommandResultTranslator;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.time.Clock;

/**
 * The simulated exchange behind a network the test drives: what the exchange sends back is
 * held until the test delivers it (all of it, or only what matches, so that one event can
 * overtake another), and the gateway can be told to refuse market orders, modifies or
 * cancels, or to lose cancels. Records every placement it was asked for. Single-threaded: the
 * engine runs inline on the test's thread.
 */
final class HeldVenue implements GatewayPort {
    /** ProjectX's code for an order the service refused. */
    private static final int ORDER_REJECTED = 2;

    final SimulatedExchange exchange;
    /** Every placement asked for, as "SIDE SIZE", with " refused" when it was. */
    final List<String> placed = new ArrayList<>();
    /** How many of the next market orders to refuse. */
    int refuseMarkets;
    /** Whether modifies are refused, as a gateway refuses a price it will not take. */
    boolean refuseModifies;
    /** Whether cancels are refused, as for an order the gateway is already filling. */
    boolean refuseCancels;
    /** Whether cancels are lost on the way, as one sent just as the order fills. */
    boolean loseCancels;
    private final Clock clock;
    private final List<InboundEvent> held = new ArrayList<>();
    private final CommandResultTranslator answer = new CommandResultTranslator();
    private Engine engine;

    HeldVenue(ContractRegistry contracts, Clock clock, FillModel model) {
        this.clock = clock;
        this.exchange = new SimulatedExchange(contracts, clock, model, this::hold);
    }

    /** Where delivered events go: the inline engine. */
    void connect(Engine inlineEngine) {
        this.engine = inlineEngine;
    }

    private void hold(EventTranslator<InboundEvent> translator) {
        InboundEvent e = new InboundEvent();
        translator.translateTo(e, 0);
        held.add(e);
    }

    /** Delivers the held events that match, in the order made; the others stay held. */
    void deliverOnly(Predicate<InboundEvent> which) {
        List<InboundEvent> batch = new ArrayList<>(held);
        held.removeIf(which);
        batch.stream().filter(which).forEach(e -> engine.processInline((slot, sequence) -> slot.copyFrom(e)));
    }

    /** Delivers everything held, and what the engine's reactions add, until nothing is left. */
    void deliverAll() {
        while (!held.isEmpty()) {
            deliverOnly(e -> true);
        }
    }

    private void refuse(CommandKind command, long accountId, long clientOrderId, long gatewayOrderId, String why) {
        long now = clock.nanos();
        hold(answer.reject(command, now, now, accountId, clientOrderId, gatewayOrderId, ORDER_REJECTED, why));
    }

    @Override
    public void place(long clientOrderId, OrderRequest request) {
        if (request.type() == OrderType.MARKET && refuseMarkets > 0) {
            refuseMarkets--;
            placed.add(request.side() + " " + request.size() + " refused");
            refuse(CommandKind.PLACE, request.accountId(), clientOrderId, 0, "market closed for this contract");
            return;
        }
        placed.add(request.side() + " " + request.size());
        exchange.place(clientOrderId, request);
    }

    @Override
    public void cancel(long clientOrderId, long accountId, long gatewayOrderId) {
        if (refuseCancels) {
            refuse(CommandKind.CANCEL, accountId, clientOrderId, gatewayOrderId, "the order is being filled");
        } else if (!loseCancels) {
            exchange.cancel(clientOrderId, accountId, gatewayOrderId);
        }
    }

    @Override
    public void modify(long clientOrderId, long accountId, long gatewayOrderId, int contract, long size,
                       long limitTicks, long stopTicks) {
        if (refuseModifies) {
            refuse(CommandKind.MODIFY, accountId, clientOrderId, gatewayOrderId, "price outside the allowed band");
            return;
        }
        exchange.modify(clientOrderId, accountId, gatewayOrderId, contract, size, limitTicks, stopTicks);
    }
}
