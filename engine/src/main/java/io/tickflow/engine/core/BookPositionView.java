package io.tickflow.engine.core;

import io.tickflow.engine.model.Contract;
import io.tickflow.engine.position.Position;
import io.tickflow.engine.strategy.PositionView;

/** A {@link PositionView} of the engine's own position book. Engine thread only; reused. */
final class BookPositionView implements PositionView {
    private Position position;
    private long tsEvent;

    BookPositionView set(Position current, long ts) {
        this.position = current;
        this.tsEvent = ts;
        return this;
    }

    @Override
    public Contract contract() {
        return position.contract();
    }

    @Override
    public long accountId() {
        return position.accountId();
    }

    @Override
    public long tsEvent() {
        return tsEvent;
    }

    @Override
    public long netPosition() {
        return position.net();
    }

    @Override
    public long avgPriceMicroTicks() {
        return position.avgPriceMicroTicks();
    }

    @Override
    public String toString() {
        return "Position " + position.accountId() + " " + position.contract().symbol() + " " + position.net();
    }
}
