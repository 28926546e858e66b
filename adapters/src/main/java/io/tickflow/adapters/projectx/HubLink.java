package io.tickflow.adapters.projectx;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import io.tickflow.engine.ring.ConnectionLink;
import io.tickflow.engine.ring.ConnectionState;

/**
 * One hub connection kept alive: the Microsoft SignalR Java client over WebSockets with
 * skip-negotiation and a token factory that renews the session token when due. The Java
 * client does not reconnect by itself, so this does: when the connection drops it tells the
 * engine (LOST), rebuilds the connection with capped, jittered backoff, subscribes again
 * (servers forget subscriptions), tells the engine (RECONNECTED) and runs the hub's
 * after-connect work (the user hub's reconciliation). A close or a failed connect whose
 * session check then fails (the same user signed in elsewhere) is final: the REST client
 * hears the session ended, the adapter stops both links and reports LOGGED_OUT; no reconnect.
 *
 * <p>Reconnecting is single-flight: a failed connection schedules one reconnect however many
 * ways its failure is heard (the connect's own error and the client's close callback, which a
 * subscribe cut off by a dropped socket gives both), and only the newest connection may; a
 * connection that is replaced is stopped, so none is left open at the service. A subscription
 * the service does not confirm within the call timeout is a failed connection too. A
 * reconciliation asked for while connected ({@link #resynchronize}) that fails is retried with
 * the same backoff while that connection lasts.
 */
final class HubLink {
    private static final Logger LOG = LoggerFactory.getLogger(HubLink.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** What a hub does on each (re)connection, in order. */
    interface Setup {
        /** Registers the event handlers on a new connection (before it starts). */
        void handlers(HubConnection connection);

        /**
         * Subscribes on a started connection, each subscription confirmed within {@code timeout}
         * (see {@link HubLink#confirm}): one refused or unconfirmed throws, and the link reconnects.
         */
        void subscribe(HubConnection connection, Duration timeout);

        /** After subscribing and announcing the connection: e.g. the reconciliation snapshot. */
        default void afterConnect(boolean reconnect) {
        }
    }

    private final ConnectionLink link;
    private final URI url;
    private final ProjectXRest rest;
    private final RingWriter ring;
    private final Setup setup;
    private final ScheduledExecutorService scheduler;
    private final Duration base;
    private final Duration cap;
    private final Duration callTimeout;
    /** The newest connection, up or still connecting; only its failure may schedule a reconnect. Guarded by this. */
    private HubConnection connection;
    /** The connection announced to the engine as up (CONNECTED/RECONNECTED), null while down. Guarded by this. */
    private HubConnection announced;
    /** The connection whose failure has already scheduled the reconnect: a second notice of it schedules none. Guarded by this. */
    private HubConnection retired;
    private volatile boolean stopped;
    private volatile boolean everConnected;
    /** Guarded by this. */
    private int failures;
    private final AtomicLong reconnectsScheduled = new AtomicLong();
    private final Object afterConnectLock = new Object();

    /** @param callTimeout how long each subscription may go unconfirmed before the connection counts as failed */
    HubLink(ConnectionLink link, URI url, ProjectXRest rest, RingWriter ring, Setup setup,
            ScheduledExecutorService scheduler, Duration base, Duration cap, Duration callTimeout) {
        this.link = link;
        this.url = url;
        this.rest = rest;
        this.ring = ring;
        this.setup = setup;
        this.scheduler = scheduler;
        this.base = base;
        this.cap = cap;
        this.callTimeout = callTimeout;
    }

    /**
     * Waits for a hub invocation's completion, {@code timeout} at most.
     *
     * @throws IllegalStateException naming {@code what} if it is not confirmed in time (an error
     *                               completion throws the client's own exception)
     */
    static void confirm(Completable invocation, Duration timeout, String what) {
        if (!invocation.blockingAwait(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(what + " was not confirmed within " + timeout);
        }
    }

    /** Connects now, on the calling thread; on failure keeps retrying in the background. */
    void start() {
        connect();
    }

    private void connect() {
        HubConnection c = HubConnectionBuilder.create(url.toString())
                .withTransport(TransportEnum.WEBSOCKETS)
                .shouldSkipNegotiate(true)
                .withAccessTokenProvider(Single.defer(() -> Single.just(rest.token())))
                .build();
        setup.handlers(c);
        c.onClosed(cause -> onClosed(c, cause));
        HubConnection superseded;
        synchronized (this) {
            if (stopped) {
                return;
            }
            superseded = connection;
            connection = c;
        }
        if (superseded != null && superseded.getConnectionState() != HubConnectionState.DISCONNECTED) {
            // its start timed out and it may open yet: it must not stay connected unheard
            superseded.stop();
        }
        try {
            confirm(c.start(), START_TIMEOUT, "the connection");
            setup.subscribe(c, callTimeout);
        } catch (RuntimeException e) {
            LOG.warn("{} could not connect to {}: {}", link, url, e.getMessage());
            c.stop();
            if (stopped) {
                return;
            }
            // a refused upgrade after an eviction looks like any failure: ask the service before retrying
            if (sessionEndedCause(e) != null || !rest.sessionAlive()) {
                loggedOut(sessionEndedCause(e) != null ? sessionEndedCause(e).getMessage() : e.getMessage());
                return;
            }
            reconnectAfter(c);
            return;
        }
        synchronized (this) {
            if (stopped || connection != c || c.getConnectionState() != HubConnectionState.CONNECTED) {
                // closed right after subscribing: its close callback has scheduled the reconnect, and
                // nothing announces a connection that is already gone
                c.stop();
                return;
            }
            announced = c;
            failures = 0;
        }
        boolean reconnect = everConnected;
        everConnected = true;
        // one announcement-and-snapshot at a time: a drop during a slow snapshot reconnects on another
        // thread, and its RECONNECTED must not start a new reconciliation inside the one still delivering
        synchronized (afterConnectLock) {
            ring.connection(link, reconnect ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED,
                    url.toString());
            try {
                setup.afterConnect(reconnect);
            } catch (RuntimeException e) {
                LOG.warn("{}: work after connecting failed ({}); reconnecting", link, e.getMessage());
                c.stop();
            }
        }
    }

    /**
     * Reconciles again while connected (a placement whose answer was lost is not at the
     * service): announced as RECONNECTED, then the snapshot, as after a reconnect, one at a time
     * with those. Nothing if the link is down; its reconnect reconciles anyway. A failed
     * reconciliation is tried again with backoff while the same connection is up.
     */
    void resynchronize(String why) {
        resynchronize(why, 1);
    }

    private void resynchronize(String why, int attempt) {
        HubConnection c;
        synchronized (this) {
            c = announced;
        }
        if (!up(c)) {
            return;
        }
        synchronized (afterConnectLock) {
            if (!up(c)) {
                return;
            }
            LOG.info("{}: reconciling again ({})", link, why);
            ring.connection(link, ConnectionState.RECONNECTED, why);
            try {
                setup.afterConnect(true);
            } catch (RuntimeException e) {
                long delay = backoff(attempt);
                LOG.warn("{}: reconciling again failed ({}); retrying in {} ms", link, e.getMessage(), delay);
                schedule(() -> resynchronize(why, attempt + 1), delay);
            }
        }
    }

    /** Whether {@code c} is the connection announced up and still connected. */
    private synchronized boolean up(HubConnection c) {
        return !stopped && c != null && c == announced && c.getConnectionState() == HubConnectionState.CONNECTED;
    }

    private void onClosed(HubConnection c, Exception cause) {
        boolean wasUp;
        synchronized (this) {
            if (stopped || c != connection) {
                return; // stopping, or a connection already replaced
            }
            wasUp = announced == c;
            if (wasUp) {
                announced = null;
            }
        }
        String why = cause == null ? "closed by the server" : cause.getMessage();
        if (wasUp) {
            LOG.warn("{} lost: {}", link, why);
            ring.connection(link, ConnectionState.LOST, why);
        }
        if (cause != null && !rest.sessionAlive()) {
            loggedOut(why);
            return;
        }
        reconnectAfter(c);
    }

    /** Final: the session is over; the REST client hears it and tells the adapter, which stops both links. */
    private void loggedOut(String why) {
        stopped = true;
        rest.sessionEnded(why);
    }

    private static ProjectXException.SessionEnded sessionEndedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProjectXException.SessionEnded ended) {
                return ended;
            }
        }
        return null;
    }

    /** Schedules the one reconnect after {@code failed}: nothing if it already has, or a newer connection exists. */
    private void reconnectAfter(HubConnection failed) {
        long delay;
        synchronized (this) {
            if (stopped || failed != connection || failed == retired) {
                return;
            }
            retired = failed;
            failures++;
            delay = backoff(failures);
        }
        reconnectsScheduled.incrementAndGet();
        LOG.info("{}: reconnecting in {} ms", link, delay);
        schedule(this::connect, delay);
    }

    /** The delay before try {@code n} (from 1): doubled from the base per try, capped, jittered to 50–100 %. */
    private long backoff(int n) {
        long exp = Math.min(cap.toMillis(), base.toMillis() << Math.min(n - 1, 16));
        return (long) (exp * (0.5 + ThreadLocalRandom.current().nextDouble() / 2));
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("{}: not scheduled, the adapter is closing", link);
        }
    }

    /** Reconnects scheduled so far (tests: one per failed connection). */
    long reconnectsScheduled() {
        return reconnectsScheduled.get();
    }

    /** Ends the link without a LOGGED_OUT: the engine is shutting down. */
    void stop() {
        HubConnection c;
        synchronized (this) {
            stopped = true;
            c = connection;
        }
        if (c != null) {
            try {
                c.stop().blockingAwait(5, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                LOG.debug("{}: the connection ended with an error while stopping", link, e);
            }
        }
    }

    /** The link ended for good because the session ended elsewhere (no reconnect). */
    void stopQuietly() {
        HubConnection c;
        synchronized (this) {
            stopped = true;
            c = connection;
        }
        if (c != null) {
            c.stop();
        }
    }
}
