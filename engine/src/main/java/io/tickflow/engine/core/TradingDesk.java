package io.tickflow.engine.core;

import org.agrona.collections.Long2ObjectHashMap;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.ContractRegistry;
import io.tickflow.engine.model.OrderType;
import io.tickflow.engine.model.PriceTicks;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.order.GatewayPort;
import io.tickflow.engine.order.ManagedOrder;
import io.tickflow.engine.order.OrderListener;
import io.tickflow.engine.order.OrderRequest;
import io.tickflow.engine.order.OrderRouter;
import io.tickflow.engine.position.PositionBook;
import io.tickflow.engine.ring.InboundEvent;
import io.tickflow.engine.strategy.Orders;
import io.tickflow.engine.time.Clock;

/**
 * Connects strategies to the order router: each strategy's {@link Orders} turns calls into
 * requests on its account, and the router's order and fill changes go back to the strategy
 * that placed the order. Engine thread only.
 */
final class TradingDesk implements OrderListener {
    private final ContractRegistry contracts;
    private final PositionBook positions;
    private final OrderRouter router;
    private final EventDispatcher dispatcher;
    private final Long2ObjectHashMap<StrategyHost> owners = new Long2ObjectHashMap<>();
    private final RouterFillView fillView = new RouterFillView();
    private StrategyHost placing;

    TradingDesk(ContractRegistry contracts, GatewayPort port, PositionBook positions, Clock clock,
                long commandTimeoutNanos, long firstClientOrderId, EventDispatcher dispatcher) {
        this.contracts = contracts;
        this.positions = positions;
        this.dispatcher = dispatcher;
        this.router = new OrderRouter(contracts, port, positions, clock, commandTimeoutNanos, firstClientOrderId, this);
    }

    Orders ordersFor(StrategyHost host) {
        return new HostOrders(host);
    }

    void onCommandResult(InboundEvent e, boolean accepted) {
        router.onCommandResult(e, accepted);
    }

    void onOrderUpdate(InboundEvent e) {
        router.onOrderUpdate(e);
    }

    void onFill(InboundEvent e) {
        router.onFill(e);
    }

    void onTime(long now) {
        router.onTime(now);
    }

    @Override
    public void onOrderChanged(ManagedOrder order) {
        StrategyHost owner = owners.get(order.clientOrderId());
        if (owner == null) {
            // the router reports a placement before place() has returned its id
            owner = placing;
        }
        if (owner != null) {
            dispatcher.deliver(owner.alone, EventDispatcher.ON_ORDER, order);
        }
    }

    @Override
    public void onOrderFilled(ManagedOrder order, long tradeId, long size, long priceTicks) {
        StrategyHost owner = owners.get(order.clientOrderId());
        if (owner != null) {
            dispatcher.deliver(owner.alone, EventDispatcher.ON_FILL, fillView.set(order, tradeId, size, priceTicks));
        }
    }

    /** One strategy's order entry. */
    private final class HostOrders implements Orders {
        private final StrategyHost host;

        HostOrders(StrategyHost host) {
            this.host = host;
        }

        private long send(Contract contract, OrderType type, Side side, long size, long limit, long stop, long trail) {
            int index = ownIndex(contract);
            OrderRequest request = new OrderRequest(host.accountId, index, type, side, size, limit, stop, trail);
            placing = host;
            try {
                long id = router.place(request);
                owners.put(id, host);
                return id;
            } finally {
                placing = null;
            }
        }

        @Override
        public long market(Contract contract, Side side, long size) {
            return send(contract, OrderType.MARKET, side, size, PriceTicks.NONE, PriceTicks.NONE, 0);
        }

        @Override
        public long limit(Contract contract, Side side, long size, long limitTicks) {
            return send(contract, OrderType.LIMIT, side, size, limitTicks, PriceTicks.NONE, 0);
        }

        @Override
        public long stop(Contract contract, Side side, long size, long stopTicks) {
            return send(contract, OrderType.STOP, side, size, PriceTicks.NONE, stopTicks, 0);
        }

        @Override
        public long stopLimit(Contract contract, Side side, long size, long stopTicks, long limitTicks) {
            return send(contract, OrderType.STOP_LIMIT, side, size, limitTicks, stopTicks, 0);
        }

        @Override
        public long trailingStop(Contract contract, Side side, long size, long trailTicks) {
            return send(contract, OrderType.TRAILING_STOP, side, size, PriceTicks.NONE, PriceTicks.NONE, trailTicks);
        }

        @Override
        public long joinBid(Contract contract, long size) {
            return send(contract, OrderType.JOIN_BID, Side.BUY, size, PriceTicks.NONE, PriceTicks.NONE, 0);
        }

        @Override
        public long joinAsk(Contract contract, long size) {
            return send(contract, OrderType.JOIN_ASK, Side.SELL, size, PriceTicks.NONE, PriceTicks.NONE, 0);
        }

        @Override
        public boolean cancel(long clientOrderId) {
            return owners.get(clientOrderId) == host && router.cancel(clientOrderId);
        }

        @Override
        public boolean modify(long clientOrderId, long size, long limitTicks, long stopTicks) {
            return owners.get(clientOrderId) == host && router.modify(clientOrderId, size, limitTicks, stopTicks);
        }

        @Override
        public void flatten(Contract contract) {
            closeOut(contract, 1);
        }

        @Override
        public void flattenAll() {
            for (Contract contract : host.contracts) {
                closeOut(contract, 1);
            }
        }

        @Override
        public void reverse(Contract contract) {
            closeOut(contract, 2);
        }

        /** Cancels this strategy's live orders on the contract, then trades {@code multiple} × the position away. */
        private void closeOut(Contract contract, int multiple) {
            int index = ownIndex(contract);
            for (long id : router.liveOrders(host.accountId, index)) {
                if (owners.get(id) == host) {
                    router.cancel(id);
                }
            }
            long net = positions.position(host.accountId, index).net();
            if (net != 0) {
                market(contract, net > 0 ? Side.SELL : Side.BUY, Math.abs(net) * multiple);
            }
        }

        private int ownIndex(Contract contract) {
            int index = contract == null ? -1 : contracts.indexOf(contract.id());
            if (index < 0 || !host.tradesContract[index]) {
                throw new IllegalArgumentException("strategy '" + host.name + "' does not trade "
                        + (contract == null ? "null" : contract.id()));
            }
            return index;
        }

        @Override
        public long position(Contract contract) {
            int index = contracts.indexOf(contract.id());
            return index < 0 ? 0 : positions.position(host.accountId, index).net();
        }
    }
}
