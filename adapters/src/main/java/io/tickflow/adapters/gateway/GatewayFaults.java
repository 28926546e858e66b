package io.tickflow.adapters.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The paper gateway's fault switches, set from tests (or the command line) while it runs.
 * Thread-safe. REST faults are read by the REST handler, hub faults by the hub broadcaster,
 * the rest act at once through the gateway.
 */
public final class GatewayFaults {
    private final LongSupplier millis;
    private volatile long tooManyRequestsUntilMillis;
    private final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lostAnswers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> delayedAnswers = new ConcurrentHashMap<>();
    private final Map<String, Long> answerDelayMillis = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> codedAnswers = new ConcurrentHashMap<>();
    private final Map<String, Integer> answerCodes = new ConcurrentHashMap<>();
    private volatile long hubDelayMillis;
    private final AtomicInteger subscribeFaults = new AtomicInteger();
    private volatile SubscribeFault subscribeFault = SubscribeFault.REFUSE;
    private final AtomicInteger hubDuplicates = new AtomicInteger();
    private final AtomicInteger hubReorders = new AtomicInteger();
    private final AtomicInteger tooManyRequestsAnswered = new AtomicInteger();

    GatewayFaults(LongSupplier wallMillis) {
        this.millis = wallMillis;
    }

    /** Every REST call answers HTTP 429 for this long from now. */
    public void tooManyRequestsFor(Duration window) {
        tooManyRequestsUntilMillis = millis.getAsLong() + window.toMillis();
    }

    /** Whether this call is answered 429 (counted if so). */
    public boolean tooManyRequestsNow() {
        boolean refused = millis.getAsLong() < tooManyRequestsUntilMillis;
        if (refused) {
            tooManyRequestsAnswered.incrementAndGet();
        }
        return refused;
    }

    /** REST calls answered 429 by {@link #tooManyRequestsFor} windows so far. */
    public int tooManyRequestsAnswered() {
        return tooManyRequestsAnswered.get();
    }

    /** The next {@code count} calls of {@code endpoint} (e.g. {@code Order/place}, case-insensitive) answer HTTP 500. */
    public void serverErrors(String endpoint, int count) {
        serverErrors.computeIfAbsent(key(endpoint), k -> new AtomicInteger()).set(count);
    }

    /** Whether this call of {@code endpoint} must fail with a 5xx (counts it down). */
    public boolean takeServerError(String endpoint) {
        AtomicInteger left = serverErrors.get(key(endpoint));
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /**
     * The next {@code count} calls of {@code endpoint} are carried out, but answered HTTP 500
     * as if the answer had been lost on the way: the worst case for a placement.
     */
    public void loseAnswers(String endpoint, int count) {
        lostAnswers.computeIfAbsent(key(endpoint), k -> new AtomicInteger()).set(count);
    }

    /** Whether this call's answer must be lost after it was carried out (counts it down). */
    public boolean takeLostAnswer(String endpoint) {
        AtomicInteger left = lostAnswers.get(key(endpoint));
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /**
     * The next {@code count} calls of {@code endpoint} are carried out, then answered only
     * after {@code delay}: longer than a client's call timeout, a command with no answer in time.
     */
    public void delayAnswers(String endpoint, Duration delay, int count) {
        answerDelayMillis.put(key(endpoint), delay.toMillis());
        delayedAnswers.computeIfAbsent(key(endpoint), k -> new AtomicInteger()).set(count);
    }

    /** How long to hold this call's answer, 0 for at once (counts it down). */
    public long takeAnswerDelayMillis(String endpoint) {
        AtomicInteger left = delayedAnswers.get(key(endpoint));
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? answerDelayMillis.getOrDefault(key(endpoint), 0L) : 0;
    }

    /**
     * The next {@code count} calls of {@code endpoint} are carried out, then answered HTTP 200
     * {@code success:false} with {@code errorCode}: what the service may answer when it does not
     * know how a command ended ({@code Order/place} 7 UnknownError, 6 OrderPending), the order
     * existing all the same.
     */
    public void answerWithCode(String endpoint, int errorCode, int count) {
        if (errorCode <= 0) {
            throw new IllegalArgumentException("an error code is positive, was " + errorCode);
        }
        answerCodes.put(key(endpoint), errorCode);
        codedAnswers.computeIfAbsent(key(endpoint), k -> new AtomicInteger()).set(count);
    }

    /** The error code to answer this call with after carrying it out, 0 for its true answer (counts it down). */
    public int takeAnswerCode(String endpoint) {
        AtomicInteger left = codedAnswers.get(key(endpoint));
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? answerCodes.getOrDefault(key(endpoint), 0) : 0;
    }

    private static String key(String endpoint) {
        String e = endpoint.toLowerCase(Locale.ROOT);
        return e.startsWith("/api/") ? e.substring(5) : e.startsWith("api/") ? e.substring(4) : e;
    }

    /** What a hub does with a {@code Subscribe…} invocation under {@link #subscribeFaults}. */
    public enum SubscribeFault {
        /** Answered with a completion error; nothing subscribed. */
        REFUSE,
        /** Never answered; nothing subscribed. */
        IGNORE,
        /** The socket is dropped on receipt, without a Close message. */
        DROP
    }

    /** The next {@code count} {@code Subscribe…} invocations, on either hub, meet {@code fault}. */
    public void subscribeFaults(SubscribeFault fault, int count) {
        subscribeFault = fault;
        subscribeFaults.set(count);
    }

    /** The fault this {@code Subscribe…} invocation meets, null for none (counts it down). */
    public SubscribeFault takeSubscribeFault() {
        return subscribeFaults.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? subscribeFault : null;
    }

    /** Every hub event is sent this much later than it happens (0: at once). */
    public void delayHubEvents(Duration delay) {
        hubDelayMillis = delay.toMillis();
    }

    public long hubDelayMillis() {
        return hubDelayMillis;
    }

    /** The next {@code count} hub events are each sent twice. */
    public void duplicateHubEvents(int count) {
        hubDuplicates.set(count);
    }

    public boolean takeDuplicate() {
        return hubDuplicates.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /**
     * The next {@code count} hub events (of any connection) are held, then sent in reverse order;
     * if fewer come within a second, those held are sent (reversed) then.
     */
    public void reorderHubEvents(int count) {
        hubReorders.set(count);
    }

    /** How many events to hold back for reordering from now, 0 if none (and clears the request). */
    public int takeReorder() {
        return hubReorders.getAndSet(0);
    }
}
