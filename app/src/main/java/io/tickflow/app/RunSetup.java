package io.tickflow.app;

import java.lang.reflect.InvocationTargetException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tickflow.adapters.gateway.venue.PaperContract;
import io.tickflow.app.config.TickflowConfig;
import io.tickflow.engine.core.StrategySpec;
import io.tickflow.engine.model.Contract;
import io.tickflow.engine.position.CommissionSchedule;
import io.tickflow.engine.strategy.Strategy;
import io.tickflow.engine.strategy.StrategyParams;

/**
 * What a checked configuration means to the engine: its contracts (symbols resolved to the
 * front month on a date, or contract ids given in full), the strategies instantiated with
 * their parameters and accounts, and the commission schedule.
 */
final class RunSetup {
    final List<Contract> contracts = new ArrayList<>();
    final List<StrategySpec> strategies = new ArrayList<>();
    final CommissionSchedule commissions;
    /** Where each of {@link #contracts} is first written in the configuration, by contract id. */
    final Map<String, TickflowConfig.Origin> origins = new LinkedHashMap<>();
    /** What each of {@link #contracts} was written as ({@code ES}, or the id itself), by contract id. */
    final Map<String, String> writtenAs = new LinkedHashMap<>();

    /** @param loader where the strategy classes come from (see {@link StrategyJars}) */
    RunSetup(TickflowConfig config, LocalDate day, ClassLoader loader) {
        List<PaperContract> known = PaperContract.defaults(day);
        Map<String, Contract> byKey = new LinkedHashMap<>();
        for (TickflowConfig.StrategyEntry s : config.strategies()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < s.contracts().size(); i++) {
                String symbolOrId = s.contracts().get(i);
                TickflowConfig.Origin origin = s.contractOrigins().get(i);
                Contract c = byKey.computeIfAbsent(symbolOrId.toUpperCase(Locale.ROOT), k -> resolve(k, known, origin));
                origins.putIfAbsent(c.id(), origin);
                writtenAs.putIfAbsent(c.id(), symbolOrId);
                ids.add(c.id());
            }
            strategies.add(StrategySpec.of(s.name(), instantiate(s, loader), ids.toArray(String[]::new))
                    .withAccount(s.account()).withParams(new StrategyParams(s.name(), s.params())));
        }
        byKey.values().stream().distinct().forEach(contracts::add);
        Map<String, Long> bySymbol = new LinkedHashMap<>();
        for (Contract c : contracts) {
            Long cents = config.commissionBySymbol().get(c.symbol());
            if (cents != null) {
                bySymbol.put(c.id(), cents);
            }
        }
        commissions = new CommissionSchedule(config.commissionCentsPerSide(), bySymbol);
    }

    /** A symbol (ES) as its front month, or a full id (CON.F.US.EP.H27) with its product's tick size and value. */
    private static Contract resolve(String key, List<PaperContract> known, TickflowConfig.Origin origin) {
        for (PaperContract p : known) {
            if (p.contract().symbol().equals(key)) {
                return p.contract();
            }
            String product = p.symbolId().substring("F.US.".length());
            if (key.startsWith("CON.F.US." + product + ".")) {
                Contract c = p.contract();
                return Contract.of(key, c.symbol(), c.tickSize().toPlainString(), c.tickValue().toPlainString(),
                        c.currency());
            }
        }
        List<String> products = new ArrayList<>();
        for (PaperContract p : known) {
            products.add("CON.F.US." + p.symbolId().substring("F.US.".length()) + ".");
        }
        throw origin.error("no contract known for " + key + "; expected a symbol of " + known.stream()
                .map(p -> p.contract().symbol()).toList() + " or an id of a product "
                + String.join(", ", products) + "<month><yy>");
    }

    private static Strategy instantiate(TickflowConfig.StrategyEntry s, ClassLoader loader) {
        try {
            return (Strategy) Class.forName(s.className(), true, loader).getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("strategy '" + s.name() + "': " + s.className()
                    + " failed in its constructor: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("strategy '" + s.name() + "': cannot create " + s.className() + ": "
                    + e, e);
        }
    }
}
