package io.tickflow.app;

import io.tickflow.adapters.projectx.ProjectXException;
import io.tickflow.adapters.projectx.ProjectXRest;
import io.tickflow.adapters.projectx.wire.ApiObjects;
import io.tickflow.app.config.TickflowConfig;
import io.tickflow.engine.model.Contract;

/**
 * Before a run trades: every contract of the configuration looked up at the gateway
 * ({@code Contract/searchById}). A contract the gateway does not know, or knows only as an
 * expired month, stops the run with the file, line and key it is written at — otherwise the
 * market hub would refuse the subscription again and again while the run "trades" nothing,
 * and a typo on a live account would mean silently not trading. Called on the main thread,
 * once, after signing in and before the engine starts; allocates freely.
 */
final class GatewayContractCheck {
    private GatewayContractCheck() {
    }

    /**
     * @throws io.tickflow.app.config.ConfigException naming where the first contract the
     *         gateway does not know (or knows as not active) is written
     * @throws ProjectXException when the gateway cannot be asked (not signed in, unreachable)
     */
    static void requireKnown(ProjectXRest rest, RunSetup setup) {
        for (Contract c : setup.contracts) {
            TickflowConfig.Origin origin = setup.origins.get(c.id());
            String written = setup.writtenAs.getOrDefault(c.id(), c.id());
            String what = written.equalsIgnoreCase(c.id()) ? c.id() : written + " (its front month " + c.id() + ")";
            ApiObjects.Contract found;
            try {
                found = rest.contract(c.id());
            } catch (ProjectXException e) {
                if (e.httpStatus() != 200 || !"Contract/searchById".equals(e.endpoint())) {
                    throw e; // not an answer about the contract: the gateway could not be asked
                }
                found = null; // success:false, whatever its code: the gateway has no such contract
            }
            if (found == null || found.id() == null) {
                throw origin.error(what + " is not a contract the gateway knows");
            }
            if (!found.activeContract()) {
                throw origin.error(what + " is not a contract the gateway knows as trading: it lists it only as "
                        + "an expired month (" + found.description() + ")");
            }
        }
    }
}
