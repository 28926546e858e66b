package io.tickflow.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.agrona.collections.Object2IntHashMap;

/**
 * The contracts one engine trades, each given a dense index ({@code 0..size-1}) that ring
 * events and engine-thread state use instead of the contract id string, so per-contract
 * state lives in arrays.
 *
 * <p>Filled before the engine starts, read-only afterwards; lookups are allocation-free and
 * safe from any thread once the engine has started.
 */
public final class ContractRegistry {
    private final List<Contract> byIndex = new ArrayList<>();
    private final Object2IntHashMap<String> indexById = new Object2IntHashMap<>(-1);

    /**
     * Adds a contract, or returns the index it already has.
     *
     * @throws IllegalArgumentException if a different contract with the same id is registered
     */
    public int register(Contract contract) {
        Objects.requireNonNull(contract, "contract");
        int existing = indexById.getValue(contract.id());
        if (existing >= 0) {
            if (!byIndex.get(existing).equals(contract)) {
                throw new IllegalArgumentException("contract id " + contract.id() + " is already registered as "
                        + byIndex.get(existing) + ", not " + contract);
            }
            return existing;
        }
        int index = byIndex.size();
        byIndex.add(contract);
        indexById.put(contract.id(), index);
        return index;
    }

    /** The index of the contract with this id, or -1 if none. */
    public int indexOf(String contractId) {
        return indexById.getValue(contractId);
    }

    /**
     * The index of the contract with this id.
     *
     * @throws IllegalArgumentException naming the id and the known contracts if there is none
     */
    public int requireIndex(String contractId) {
        int index = indexById.getValue(contractId);
        if (index < 0) {
            throw new IllegalArgumentException("unknown contract '" + contractId + "'; known: " + ids());
        }
        return index;
    }

    public Contract contract(int index) {
        return byIndex.get(index);
    }

    public int size() {
        return byIndex.size();
    }

    public List<Contract> contracts() {
        return Collections.unmodifiableList(byIndex);
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>(byIndex.size());
        for (Contract c : byIndex) {
            ids.add(c.id());
        }
        return ids;
    }
}
