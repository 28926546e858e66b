package io.tickflow.adapters.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.tickflow.adapters.gateway.FaultScript;
import io.tickflow.adapters.gateway.PaperGateway;

/**
 * The soak's seeded fault schedule: at seeded intervals one fault, drawn by kind, written as a
 * {@link FaultScript} spec and applied to the gateway; the ones that last (hub delays) are
 * undone a little later. Every fault goes to the timeline. Called from the soak's driver
 * thread only.
 */
final class FaultSchedule {
    private static final List<String> ENDPOINTS = List.of("Order/place", "Order/cancel", "Order/modify",
            "Order/search", "Order/searchOpen", "Trade/search", "Position/searchOpen", "Auth/validate");

    private final Random random;
    private final PaperGateway gateway;
    private final Timeline timeline;
    private final Map<String, Integer> injected = new TreeMap<>();
    private long nextAtMillis;
    private long undoDelayAtMillis = Long.MAX_VALUE;
    private final long meanGapMillis;

    FaultSchedule(long seed, PaperGateway gateway, Timeline timeline, long meanGapMillis) {
        this.random = new Random(seed);
        this.gateway = gateway;
        this.timeline = timeline;
        this.meanGapMillis = meanGapMillis;
    }

    /** Applies what is due at {@code nowMillis} (time since the soak started). */
    void tick(long nowMillis) {
        if (nowMillis >= undoDelayAtMillis) {
            apply("delay-hub:0ms", null);
            undoDelayAtMillis = Long.MAX_VALUE;
        }
        if (nowMillis < nextAtMillis) {
            return;
        }
        nextAtMillis = nowMillis + meanGapMillis / 2 + random.nextInt((int) meanGapMillis);
        switch (random.nextInt(11)) {
            case 0 -> apply("drop-hub:" + List.of("market", "user", "all").get(random.nextInt(3)), "drop-hub");
            case 1 -> {
                apply("delay-hub:" + (20 + random.nextInt(300)) + "ms", "delay-hub");
                undoDelayAtMillis = nowMillis + 500 + random.nextInt(1500);
            }
            case 2 -> apply("duplicate-hub:" + (1 + random.nextInt(10)), "duplicate-hub");
            case 3 -> apply("reorder-hub:" + (2 + random.nextInt(5)), "reorder-hub");
            case 4 -> apply("reject-orders:" + (1 + random.nextInt(2)), "reject-orders");
            case 5 -> apply("http-429:" + (150 + random.nextInt(600)) + "ms", "http-429");
            case 6, 7 -> apply("http-5xx:" + ENDPOINTS.get(random.nextInt(ENDPOINTS.size())) + ":"
                    + (1 + random.nextInt(2)), "http-5xx");
            case 8 -> apply("lose-answer:" + List.of("Order/place", "Order/cancel", "Order/modify")
                    .get(random.nextInt(3)) + ":1", "lose-answer");
            case 9 -> apply("expire-tokens", "expire-tokens");
            default -> apply("drop-hub:user", "drop-hub");
        }
    }

    /** Ends every lasting fault: a checkpoint or the end is a quiet network. */
    void quiet() {
        gateway.faults().delayHubEvents(Duration.ZERO);
        gateway.faults().duplicateHubEvents(0);
        gateway.faults().tooManyRequestsFor(Duration.ZERO);
        for (String e : ENDPOINTS) {
            gateway.faults().serverErrors(e, 0);
            gateway.faults().loseAnswers(e, 0);
        }
        gateway.rejectNextOrders(0);
        undoDelayAtMillis = Long.MAX_VALUE;
        timeline.add("quiet: lasting faults ended");
    }

    /** The checkpoint's own reconnect, which settles orders whose placement got no answer. */
    void reconnectUserHub() {
        apply("drop-hub:user", null);
    }

    private void apply(String spec, String kind) {
        FaultScript.parse(spec).action().accept(gateway);
        timeline.add("FAULT " + spec);
        if (kind != null) {
            injected.merge(kind, 1, Integer::sum);
        }
    }

    Map<String, Integer> injected() {
        return injected;
    }

    int total() {
        return injected.values().stream().mapToInt(Integer::intValue).sum();
    }
}
