package io.tickflow.app.config;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tickflow.adapters.projectx.Secret;
import io.tickflow.engine.core.EngineConfig;
import io.tickflow.engine.order.UnknownOrderPolicy;
import io.tickflow.engine.ring.WaitStrategyKind;
import io.tickflow.engine.risk.RiskLimits;
import io.tickflow.engine.risk.RiskLimits.TrailingMode;
import io.tickflow.engine.strategy.InvalidParameterException;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyParams;
import io.tickflow.engine.time.SessionCalendar;

/**
 * Reads and checks a run configuration in YAML:
 *
 * <pre>{@code
 * gateway:                      # optional: the embedded paper gateway by default
 *   type: paper                 # paper | projectx
 *   speed: 10                   # paper: playback speed; seed: 42; data: generated | FILE; dataContract: ES
 *   # projectx: url, marketHub, userHub, username: ${PROJECTX_USERNAME}, apiKey: ${PROJECTX_API_KEY}
 *   #   or apiKeyFile: ${PROJECTX_API_KEY_FILE} (a file only its owner can read: chmod 600)
 * accounts:                     # optional: one paper account, 10001, by default
 *   - id: 10001
 *     risk: {maxOrderSize: 5, maxPositionPerContract: 3, maxPositionPerAccount: 5, maxWorkingOrders: 20,
 *            maxOrdersPerSecond: 10, priceBandTicks: 40, dailyLossLimit: 1000, trailingDrawdown: 2000,
 *            trailingMode: intraday, flattenMinutesBeforeClose: 5, holidays: [2026-12-25]}
 * strategies:
 *   - name: sma
 *     class: io.tickflow.strategies.SmaCrossover
 *     account: 10001            # optional: the first account
 *     contracts: [ES]
 *     params: {fast: 10, slow: 30, bars: 1m}
 * commissions: {perSide: 1.40, MES: 0.37}
 * engine: {ringSize: 65536, waitStrategy: yielding,
 *          journal: journal/,   # optional: journal every inbound event here and recover from it on restart
 *          journalSync: false,  # true: force each batch of records to the disk (survives power loss)
 *          orphans: cancel,     # adopt | cancel: orders a killed earlier run left working (default cancel)
 *          flattenOnStop: false, # true: the end of a run closes every position too (--flatten / --no-flatten win)
 *          earlyCloses: {2026-11-27: "12:15"}} # half days: the session of that trade date closes then (Chicago)
 * }</pre>
 * Strings may use {@code ${NAME}} or {@code ${NAME:-default}} from the environment. Every
 * problem is reported as {@code file:line: key: what was expected}; unknown keys are errors;
 * secrets are never part of a message.
 */
public final class ConfigLoader {
    private static final Set<String> SYMBOLS = Set.of("ES", "MES", "NQ", "MNQ", "CL", "GC");

    private ConfigLoader() {
    }

    public static TickflowConfig load(Path file, Map<String, String> env) {
        return load(file, env, ConfigLoader.class.getClassLoader());
    }

    /**
     * @param strategies where strategy classes are looked up (the class path, or a user's jars
     *                   on top of it); each is created once and its
     *                   {@link Strategy#configure} called, so a bad parameter is an error here
     */
    public static TickflowConfig load(Path file, Map<String, String> env, ClassLoader strategies) {
        ConfigNode root = ConfigNode.root(YamlSource.read(file, env))
                .only("gateway", "accounts", "strategies", "commissions", "engine");
        TickflowConfig.Gateway gateway = gateway(root.object("gateway"), file);
        List<TickflowConfig.Account> accounts = accounts(root, gateway);
        List<TickflowConfig.StrategyEntry> entries = strategies(root, accounts, strategies);
        ConfigNode commissions = root.object("commissions");
        long perSide = commissions.cents("perSide", 0);
        Map<String, Long> bySymbol = new LinkedHashMap<>();
        for (String key : commissions.scalars().keySet()) {
            if (!key.equals("perSide")) {
                if (!SYMBOLS.contains(key)) {
                    throw commissions.error(key, "unknown key; expected perSide or a symbol of " + SYMBOLS);
                }
                bySymbol.put(key, commissions.cents(key, 0));
            }
        }
        ConfigNode engine = root.object("engine");
        return new TickflowConfig(gateway, accounts, entries, perSide, bySymbol, engine(engine),
                recovery(engine, file), engine.bool("flattenOnStop", false), sessions(engine));
    }

    private static TickflowConfig.Gateway gateway(ConfigNode g, Path file) {
        g.only("type", "url", "marketHub", "userHub", "username", "apiKey", "apiKeyFile", "speed", "seed", "data",
                "dataContract");
        String type = g.string("type", "paper").toLowerCase(Locale.ROOT);
        if (type.equals("paper")) {
            String data = g.string("data", "generated");
            if (!data.equals("generated")) {
                Path csv = file.toAbsolutePath().getParent().resolve(data);
                if (!Files.isReadable(csv)) {
                    throw g.error("data", "expected 'generated' or a readable market-data CSV file; " + csv
                            + " is not");
                }
                data = csv.toString();
            }
            String symbol = g.string("dataContract", "ES").toUpperCase(Locale.ROOT);
            if (!SYMBOLS.contains(symbol)) {
                throw g.error("dataContract", "expected one of " + SYMBOLS);
            }
            return new TickflowConfig.Gateway("paper", null, null, null, null, null, g.number("speed", 1, 0),
                    g.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE), data, symbol);
        }
        if (!type.equals("projectx")) {
            throw g.error("type", "expected paper or projectx, found '" + type + "'");
        }
        URI url = uri(g, "url");
        return new TickflowConfig.Gateway("projectx", url, uri(g, "marketHub"), uri(g, "userHub"),
                g.requiredString("username"), apiKey(g, file), 1, 0, null, null);
    }

    /**
     * The API key from {@code apiKey} (an environment variable; written in the configuration
     * only if the configuration is owner-only, mode 600) or {@code apiKeyFile} (mode 600),
     * never both.
     */
    private static Secret apiKey(ConfigNode g, Path file) {
        boolean inline = g.has("apiKey");
        boolean fromFile = g.has("apiKeyFile");
        if (inline && fromFile) {
            throw g.error("apiKeyFile", "give apiKey or apiKeyFile, not both");
        }
        if (!fromFile) {
            Secret key = Secret.of(g.requiredString("apiKey"));
            if (!g.fromEnvironment("apiKey")) {
                // a key written in the configuration makes the configuration a key file
                ApiKeyFile.checkOwnerOnly(file, problem -> g.error("apiKey", "the key is written in the "
                        + "configuration, and " + problem + "; or take it from the environment (apiKey: "
                        + "${PROJECTX_API_KEY}) or an apiKeyFile"));
            }
            return key;
        }
        Path keyFile = file.toAbsolutePath().getParent().resolve(g.requiredString("apiKeyFile"));
        return ApiKeyFile.read(keyFile, problem -> g.error("apiKeyFile", problem));
    }

    private static URI uri(ConfigNode g, String key) {
        String text = g.requiredString(key);
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw g.error(key, "expected an http(s) URL, found '" + text + "'");
        }
    }

    private static List<TickflowConfig.Account> accounts(ConfigNode root, TickflowConfig.Gateway gateway) {
        List<TickflowConfig.Account> accounts = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (ConfigNode a : root.objects("accounts")) {
            a.only("id", "risk");
            long id = a.integer("id", -1, 1, Long.MAX_VALUE);
            if (id < 0) {
                throw a.error("id", "is required");
            }
            if (!ids.add(id)) {
                throw a.error("id", "account " + id + " is listed twice");
            }
            accounts.add(new TickflowConfig.Account(id, risk(a.object("risk"))));
        }
        if (accounts.isEmpty()) {
            if (!gateway.isPaper()) {
                throw root.error("accounts", "is required with a projectx gateway: the ids of the accounts to trade");
            }
            accounts.add(new TickflowConfig.Account(10_001, RiskLimits.none()));
        }
        return accounts;
    }

    private static RiskLimits risk(ConfigNode r) {
        r.only("maxOrderSize", "maxPositionPerContract", "maxPositionPerAccount", "maxWorkingOrders",
                "maxOrdersPerSecond", "priceBandTicks", "dailyLossLimit", "trailingDrawdown", "trailingMode",
                "flattenMinutesBeforeClose", "holidays");
        RiskLimits limits = RiskLimits.none()
                .withMaxOrderSize(r.integer("maxOrderSize", 0, 0, 1_000_000))
                .withMaxPosition(r.integer("maxPositionPerContract", 0, 0, 1_000_000),
                        r.integer("maxPositionPerAccount", 0, 0, 1_000_000))
                .withMaxWorkingOrders((int) r.integer("maxWorkingOrders", 0, 0, 1_000_000))
                .withMaxOrdersPerSecond((int) r.integer("maxOrdersPerSecond", 0, 0, 100_000))
                .withPriceBand(r.integer("priceBandTicks", 0, 0, 1_000_000))
                .withDailyLossLimit(r.cents("dailyLossLimit", 0));
        String mode = r.string("trailingMode", "intraday").toUpperCase(Locale.ROOT);
        TrailingMode trailing;
        try {
            trailing = TrailingMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw r.error("trailingMode", "expected intraday or end_of_day, found '" + mode.toLowerCase(Locale.ROOT)
                    + "'");
        }
        limits = limits.withTrailingDrawdown(r.cents("trailingDrawdown", 0), trailing);
        Set<LocalDate> holidays = new HashSet<>();
        for (String day : r.strings("holidays")) {
            try {
                holidays.add(LocalDate.parse(day));
            } catch (DateTimeParseException e) {
                throw r.error("holidays", "expected dates like 2026-12-25, found '" + day + "'");
            }
        }
        long minutes = r.integer("flattenMinutesBeforeClose", 0, 0, 24 * 60);
        return limits.withTradingWindow(Duration.ofMinutes(minutes), holidays);
    }

    private static List<TickflowConfig.StrategyEntry> strategies(ConfigNode root, List<TickflowConfig.Account> accounts,
                                                                 ClassLoader loader) {
        List<ConfigNode> nodes = root.objects("strategies");
        if (nodes.isEmpty()) {
            throw root.error("strategies", "at least one strategy is required");
        }
        List<TickflowConfig.StrategyEntry> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode s : nodes) {
            s.only("name", "class", "account", "contracts", "params");
            String name = s.requiredString("name");
            if (!names.add(name)) {
                throw s.error("name", "strategy '" + name + "' is listed twice");
            }
            String className = s.requiredString("class");
            long account = s.integer("account", accounts.get(0).id(), 1, Long.MAX_VALUE);
            if (accounts.stream().noneMatch(a -> a.id() == account)) {
                throw s.error("account", "account " + account + " is not among the accounts");
            }
            List<String> contracts = s.strings("contracts");
            if (contracts.isEmpty()) {
                throw s.error("contracts", "at least one contract is required (a symbol like ES, or a contract id)");
            }
            List<TickflowConfig.Origin> origins = new ArrayList<>();
            for (String c : contracts) {
                origins.add(s.origin("contracts", origins.size()));
                if (!SYMBOLS.contains(c.toUpperCase(Locale.ROOT)) && !c.matches("CON\\.F\\.US\\.[A-Z0-9]+\\.[A-Z]\\d\\d")) {
                    throw s.error("contracts", "expected a symbol of " + SYMBOLS + " or a contract id like "
                            + "CON.F.US.EP.Z26, found '" + c + "'");
                }
            }
            ConfigNode params = s.object("params");
            Map<String, String> values = params.scalars();
            checkStrategy(s, params, new StrategyParams(name, values), className, loader);
            out.add(new TickflowConfig.StrategyEntry(name, className, account, List.copyOf(contracts), values,
                    List.copyOf(origins)));
        }
        return out;
    }

    /** Creates the strategy and lets it read its parameters: a refusal names the parameter's line. */
    private static void checkStrategy(ConfigNode s, ConfigNode paramsNode, StrategyParams params, String className,
                                      ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw s.error("class", "no class " + className + " on the class path or in a --strategy-jar");
        } catch (UnsupportedClassVersionError e) {
            int java = Runtime.version().feature();
            throw s.error("class", className + " was compiled for a newer Java than this one, Java " + java + " ("
                    + e.getMessage() + "); rebuild it with --release " + java + ", or run tickflow on a newer Java");
        } catch (LinkageError e) {
            // found, but it cannot be loaded: a class it needs is missing, or its bytes are damaged
            throw s.error("class", className + " was found but cannot be loaded: " + e);
        }
        if (!Strategy.class.isAssignableFrom(type)) {
            throw s.error("class", className + " does not implement " + Strategy.class.getName());
        }
        Strategy strategy;
        try {
            strategy = (Strategy) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw s.error("class", className + " needs a public constructor without arguments");
        } catch (InvocationTargetException e) {
            throw s.error("class", className + " failed in its constructor: " + e.getCause());
        }
        try {
            strategy.configure(params);
        } catch (InvalidParameterException e) {
            throw paramsNode.error(e.parameter(), e.problem());
        } catch (RuntimeException e) {
            throw paramsNode.error(null, e.getMessage());
        }
        if (readsItsParameters(type)) {
            for (String name : params.names()) {
                if (!params.namesRead().contains(name)) {
                    throw paramsNode.error(name, "unknown parameter; " + type.getSimpleName() + " reads "
                            + String.join(", ", params.namesRead()));
                }
            }
        }
    }

    private static boolean readsItsParameters(Class<?> type) {
        try {
            return type.getMethod("configure", StrategyParams.class).getDeclaringClass() != Strategy.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static TickflowConfig.Recovery recovery(ConfigNode e, Path file) {
        Path journal = null;
        if (e.has("journal")) {
            String dir = e.requiredString("journal");
            Path path = file.toAbsolutePath().getParent().resolve(dir);
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw e.error("journal", "expected a directory for the journal; " + path + " is a file");
            }
            journal = path;
        }
        String orphans = e.string("orphans", "cancel").toLowerCase(Locale.ROOT);
        if (!orphans.equals("adopt") && !orphans.equals("cancel")) {
            throw e.error("orphans", "expected adopt or cancel, found '" + orphans + "'");
        }
        return new TickflowConfig.Recovery(journal, e.bool("journalSync", false),
                orphans.equals("adopt") ? UnknownOrderPolicy.ADOPT : UnknownOrderPolicy.CANCEL);
    }

    /** The CME calendar with the configured half days: {@code earlyCloses: {2026-11-27: "12:15"}} (America/Chicago). */
    private static SessionCalendar sessions(ConfigNode e) {
        if (!e.has("earlyCloses")) {
            return SessionCalendar.cme();
        }
        ConfigNode closes = e.object("earlyCloses");
        Map<LocalDate, LocalTime> byDate = new HashMap<>();
        for (String day : closes.scalars().keySet()) {
            LocalDate date;
            try {
                date = LocalDate.parse(day);
            } catch (DateTimeParseException ex) {
                throw closes.error(day, "expected a trade date like 2026-11-27, found '" + day + "'");
            }
            String time = closes.requiredString(day);
            try {
                byDate.put(date, LocalTime.parse(time));
            } catch (DateTimeParseException ex) {
                throw closes.error(day, "expected a Chicago time like 12:15, found '" + time + "'");
            }
        }
        try {
            return SessionCalendar.cme().withEarlyCloses(byDate);
        } catch (IllegalArgumentException ex) {
            throw e.error("earlyCloses", ex.getMessage());
        }
    }

    private static EngineConfig engine(ConfigNode e) {
        e.only("ringSize", "waitStrategy", "journal", "journalSync", "orphans", "flattenOnStop", "earlyCloses");
        EngineConfig config = EngineConfig.defaults();
        if (e.has("ringSize")) {
            long size = e.integer("ringSize", 0, 64, 1 << 24);
            if (Long.bitCount(size) != 1) {
                throw e.error("ringSize", "expected a power of two, found " + size);
            }
            config = config.withRingSize((int) size);
        }
        if (e.has("waitStrategy")) {
            String kind = e.string("waitStrategy", "").toUpperCase(Locale.ROOT);
            try {
                config = config.withWaitStrategy(WaitStrategyKind.valueOf(kind));
            } catch (IllegalArgumentException ex) {
                throw e.error("waitStrategy", "expected one of busy_spin, yielding, sleeping, blocking, found '"
                        + kind.toLowerCase(Locale.ROOT) + "'");
            }
        }
        return config;
    }
}
