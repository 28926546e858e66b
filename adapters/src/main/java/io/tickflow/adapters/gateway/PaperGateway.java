package io.tickflow.adapters.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickflow.adapters.gateway.auth.TokenService;
import io.tickflow.adapters.gateway.hub.Hub;
import io.tickflow.adapters.gateway.hub.HubSession;
import io.tickflow.adapters.gateway.hubs.HubBroadcaster;
import io.tickflow.adapters.gateway.hubs.MarketHubMethods;
import io.tickflow.adapters.gateway.hubs.SubscribeFaults;
import io.tickflow.adapters.gateway.hubs.UserHubMethods;
import io.tickflow.adapters.gateway.rest.ExpiredTokenAnswer;
import io.tickflow.adapters.gateway.rest.RestApi;
import io.tickflow.adapters.gateway.venue.MarketFeed;
import io.tickflow.adapters.gateway.venue.OrderLimits;
import io.tickflow.adapters.gateway.venue.PaperAccount;
import io.tickflow.adapters.gateway.venue.PaperContract;
import io.tickflow.adapters.gateway.venue.PaperVenue;
import io.tickflow.adapters.gateway.venue.VenueThread;
import io.tickflow.engine.backtest.GeneratedMarketReplay;
import io.tickflow.engine.backtest.MarketReplay;
import io.tickflow.engine.generator.GeneratorConfig;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.model.Side;
import io.tickflow.engine.sim.FillModel;
import io.tickflow.engine.time.SystemClock;

/**
 * The local ProjectX paper gateway: the service's REST API and its two SignalR hubs on
 * loopback, in front of a paper venue whose matching engine is the engine's
 * {@link io.tickflow.engine.sim.SimulatedExchange}. A client written against the real service
 * works against it unchanged; tests and the command line steer it through {@link #faults()}
 * and the fault methods here.
 *
 * <pre>{@code
 * try (PaperGateway gateway = PaperGateway.builder().user("demo", "key").build().start()) {
 *     URI base = gateway.url();     // http://127.0.0.1:<port>: REST under /api, hubs at /hubs/market and /hubs/user
 * }
 * }</pre>
 */
public final class PaperGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaperGateway.class);
    /** What a hub client hears when its user signs in elsewhere. */
    public static final String LOGGED_IN_ELSEWHERE =
            "Your session was ended because the same user logged in from another location.";

    private final Builder config;
    private final VenueThread venueThread = new VenueThread("paper-venue");
    private final ScheduledExecutorService scheduler;
    private final GatewayFaults faults;
    private final TokenService tokens;
    private final PaperVenue venue;
    private final Hub marketHub;
    private final Hub userHub;
    private final Server server;
    private final RestApi rest;
    private final ServerConnector connector;
    private MarketFeed feed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PaperGateway(Builder b) {
        this.config = b;
        Clock wall = b.wallClock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paper-hub-faults");
            t.setDaemon(true);
            return t;
        });
        this.faults = new GatewayFaults(wall::millis);
        this.tokens = new TokenService(b.tokenLifetime, wall::millis);
        List<PaperAccount> accounts = new ArrayList<>();
        long nextAccount = 10_001;
        boolean first = true;
        for (String user : b.apiKeys.keySet()) {
            List<Long> ids = new ArrayList<>(first ? b.firstUserAccounts : List.of());
            while (ids.size() < b.accountsPerUser) {
                ids.add(nextAccount++);
            }
            for (int i = 0; i < ids.size(); i++) {
                accounts.add(new PaperAccount(ids.get(i), "PAPER-" + user.toUpperCase() + "-" + (i + 1), user,
                        b.startBalanceCents));
            }
            first = false;
        }
        Map<Long, String> owners = new HashMap<>();
        accounts.forEach(a -> owners.put(a.id(), a.owner()));
        HubBroadcaster broadcaster = new HubBroadcaster(owners::get, faults, scheduler);
        this.venue = new PaperVenue(b.contracts, accounts, new SystemClock(), b.fillModel, b.maxBars, b.orderLimits,
                broadcaster);
        venue.positionBrackets(b.positionBrackets);
        this.marketHub = new Hub("/hubs/market", new SubscribeFaults(new MarketHubMethods(venue, venueThread,
                broadcaster), faults), tokens::userOf, b.keepAlive, Duration.ofSeconds(15));
        this.userHub = new Hub("/hubs/user", new SubscribeFaults(new UserHubMethods(venue, broadcaster), faults),
                tokens::userOf, b.keepAlive, Duration.ofSeconds(15));
        this.rest = new RestApi(venue, venueThread, tokens, faults, b.apiKeys, b.rateLimits,
                () -> wall.millis() * 1_000_000L, b.expiredTokenAnswer, b.venueTimeout);
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(b.host);
        connector.setPort(b.port);
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(this.rest, marketHub.handler(), userHub.handler()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving (and the market data, if any); returns this. */
    public PaperGateway start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the paper gateway could not listen on " + config.host + ":" + config.port
                    + ": " + e.getMessage(), e);
        }
        List<MarketReplay> sources = config.marketData.apply(config.contracts);
        if (!sources.isEmpty()) {
            feed = new MarketFeed(sources, config.speed, venue, venueThread);
            feed.start();
        }
        LOG.info("paper gateway listening on {}", url());
        return this;
    }

    /** {@code http://<host>:<port>}: REST under {@code /api/}, hubs at {@code /hubs/market} and {@code /hubs/user}. */
    public URI url() {
        return URI.create("http://" + config.host + ":" + connector.getLocalPort());
    }

    public GatewayFaults faults() {
        return faults;
    }

    /** Successful {@code Auth/loginKey} calls so far. */
    public long logins() {
        return rest.logins();
    }

    public List<PaperContract> contracts() {
        return config.contracts;
    }

    // ---- scripted market data (tests, demos) ----

    /** Publishes a top of book for {@code contractId} at these decimal prices. */
    public void quote(String contractId, BigDecimal bid, long bidSize, BigDecimal ask, long askSize) {
        int index = indexOf(contractId);
        Contract c = config.contracts.get(index).contract();
        long b = c.toTicks(bid);
        long a = c.toTicks(ask);
        if (b >= a) {
            throw new IllegalArgumentException("bid " + bid + " must be below ask " + ask);
        }
        venueThread.call(() -> {
            venue.onQuote(index, b, bidSize, a, askSize);
            return null;
        }, Duration.ofSeconds(10));
    }

    /** Publishes a trade print for {@code contractId}. */
    public void trade(String contractId, BigDecimal price, long size, Side aggressor) {
        int index = indexOf(contractId);
        long p = config.contracts.get(index).contract().toTicks(price);
        venueThread.call(() -> {
            venue.onTrade(index, p, size, aggressor);
            return null;
        }, Duration.ofSeconds(10));
    }

    private int indexOf(String contractId) {
        int index = venue.indexOf(contractId);
        if (index < 0) {
            throw new IllegalArgumentException("unknown contract " + contractId);
        }
        return index;
    }

    // ---- faults that act at once ----

    /** The next {@code count} placements are rejected. */
    public void rejectNextOrders(int count) {
        venueThread.execute(() -> venue.rejectNextOrders(count));
    }

    /**
     * The venue thread is busy for {@code duration} from now (queued behind what it has): REST
     * calls wait for it at most the venue timeout, and one it has not started by then is
     * withdrawn and answered as not carried out.
     */
    public void stallVenue(Duration duration) {
        venueThread.execute(() -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Every token issued so far expires now. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** Tokens issued from now on live this long. */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }

    /** Drops every socket of the market hub, the user hub, or both (null), with no Close message. */
    public void dropHubSockets(String hub) {
        for (HubSession s : sessions(hub)) {
            s.abort();
        }
    }

    /**
     * Ends every session of {@code user} as the service does when the same user logs in
     * elsewhere: tokens revoked, hub connections closed with an error and no reconnect.
     */
    public void logOutElsewhere(String user) {
        tokens.revokeUser(user);
        for (HubSession s : sessions(null)) {
            if (s.userName().equals(user)) {
                s.close(LOGGED_IN_ELSEWHERE, false);
            }
        }
    }

    private List<HubSession> sessions(String hub) {
        List<HubSession> out = new ArrayList<>();
        if (hub == null || hub.equalsIgnoreCase("market")) {
            out.addAll(marketHub.sessions());
        }
        if (hub == null || hub.equalsIgnoreCase("user")) {
            out.addAll(userHub.sessions());
        }
        return out;
    }

    /** Open hub connections: {@code market}, {@code user}, or both (null). */
    public int hubConnections(String hub) {
        return sessions(hub).size();
    }

    /**
     * Stops serving and frees everything. Only the first call does anything: a shutdown hook and
     * a try-with-resources may both close the gateway.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (feed != null) {
            feed.close();
        }
        marketHub.close();
        userHub.close();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the paper gateway's server failed", e);
        }
        venueThread.close();
        scheduler.shutdownNow();
    }

    /** The gateway's settings. Defaults: loopback, an OS-chosen port, the six default contracts, no market data. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final Map<String, String> apiKeys = new LinkedHashMap<>();
        private int accountsPerUser = 1;
        private List<Long> firstUserAccounts = List.of();
        private long startBalanceCents = 50_000_00;
        private List<PaperContract> contracts = PaperContract.defaults(LocalDate.now(ZoneOffset.UTC));
        private FillModel fillModel = FillModel.depthAware(0);
        private Function<List<PaperContract>, List<MarketReplay>> marketData = c -> List.of();
        private double speed = 1;
        private Duration tokenLifetime = Duration.ofHours(24);
        private ExpiredTokenAnswer expiredTokenAnswer = ExpiredTokenAnswer.EXPIRED_TOKEN_CODE;
        private boolean positionBrackets;
        private boolean rateLimits = true;
        private Duration keepAlive = Duration.ofSeconds(15);
        private int maxBars = 20_000;
        private Clock wallClock = Clock.systemUTC();
        private OrderLimits orderLimits = OrderLimits.DEFAULT;
        private Duration venueTimeout = Duration.ofSeconds(10);

        public Builder host(String h) {
            this.host = Objects.requireNonNull(h, "host");
            return this;
        }

        /** 0 (the default): a free port chosen by the OS. */
        public Builder port(int p) {
            if (p < 0 || p > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + p);
            }
            this.port = p;
            return this;
        }

        /** A user who signs in with {@code Auth/loginKey} using this API key. */
        public Builder user(String userName, String apiKey) {
            if (userName == null || userName.isBlank() || apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("a paper gateway user needs a user name and an API key");
            }
            apiKeys.put(userName, apiKey);
            return this;
        }

        public Builder accountsPerUser(int n, long startBalanceCentsEach) {
            if (n < 1 || startBalanceCentsEach < 0) {
                throw new IllegalArgumentException("at least one account per user and a balance of zero or more");
            }
            this.accountsPerUser = n;
            this.startBalanceCents = startBalanceCentsEach;
            return this;
        }

        /** The first user's accounts get these ids (the others are numbered from 10001). */
        public Builder accountIds(List<Long> ids) {
            if (ids.stream().anyMatch(id -> id < 1) || ids.stream().distinct().count() != ids.size()) {
                throw new IllegalArgumentException("account ids must be positive and distinct: " + ids);
            }
            this.firstUserAccounts = List.copyOf(ids);
            return this;
        }

        public Builder contracts(List<PaperContract> list) {
            this.contracts = List.copyOf(list);
            return this;
        }

        public Builder fillModel(FillModel model) {
            this.fillModel = Objects.requireNonNull(model, "fillModel");
            return this;
        }

        /** Generated markets for every contract (seeded, one generator per contract) at {@code speed} × real time. */
        public Builder generatedMarketData(long seed, double playbackSpeed) {
            this.marketData = list -> {
                List<MarketReplay> sources = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    GeneratorConfig g = GeneratorConfig.defaults(seed + i).withSessions(10_000)
                            .withStartBidTicks(list.get(i).startBidTicks());
                    sources.add(new GeneratedMarketReplay(g, i));
                }
                return sources;
            };
            this.speed = playbackSpeed;
            return this;
        }

        /** Market data replayed from sources (e.g. CSV files) whose contract indexes follow {@link #contracts}. */
        public Builder replayedMarketData(List<MarketReplay> sources, double playbackSpeed) {
            List<MarketReplay> copy = List.copyOf(sources);
            this.marketData = list -> copy;
            this.speed = playbackSpeed;
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Whether the accounts have "Position Brackets" on (default off): then a placement with
         * native bracket legs is refused, as the service refuses it on such accounts.
         */
        public Builder positionBrackets(boolean on) {
            this.positionBrackets = on;
            return this;
        }

        /** How {@code Auth/validate} answers a token past its lifetime (default: errorCode 3 ExpiredToken). */
        public Builder expiredTokenAnswer(ExpiredTokenAnswer answer) {
            this.expiredTokenAnswer = Objects.requireNonNull(answer, "expiredTokenAnswer");
            return this;
        }

        /** Whether the service's documented rate limits are enforced (default true). */
        public Builder rateLimits(boolean on) {
            this.rateLimits = on;
            return this;
        }

        public Builder keepAlive(Duration interval) {
            this.keepAlive = interval;
            return this;
        }

        /** The most bars one {@code History/retrieveBars} call may ask for (default 20,000). */
        public Builder maxBars(int max) {
            this.maxBars = max;
            return this;
        }

        /**
         * The pre-trade limits of every placement (default {@link OrderLimits#DEFAULT}: 200
         * contracts an order, margin 0.5 % of notional); {@link OrderLimits#NONE} for none.
         */
        public Builder orderLimits(OrderLimits limits) {
            this.orderLimits = Objects.requireNonNull(limits, "orderLimits");
            return this;
        }

        /** A largest order size and a margin rate (a fraction of notional, 0 for no margin check). */
        public Builder orderLimits(int maxOrderSize, BigDecimal marginRate) {
            return orderLimits(new OrderLimits(maxOrderSize, marginRate));
        }

        /**
         * The clock of token lifetimes, rate-limit windows and 429 windows (default the system
         * clock): tests pass a manual one to expire tokens without waiting. Order, trade and
         * market-data timestamps keep the venue's own clock.
         */
        public Builder wallClock(Clock clock) {
            this.wallClock = Objects.requireNonNull(clock, "wallClock");
            return this;
        }

        /**
         * The longest a REST call waits for the venue thread (default 10 s): a command not
         * started by then is withdrawn and refused as not carried out, one already running is
         * answered UnknownError, a read HTTP 503.
         */
        public Builder venueTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the venue timeout must be positive, was " + timeout);
            }
            this.venueTimeout = timeout;
            return this;
        }

        public PaperGateway build() {
            if (apiKeys.isEmpty()) {
                throw new IllegalStateException("the paper gateway needs at least one user (user(name, apiKey))");
            }
            return new PaperGateway(this);
        }
    }
}
