package io.tickflow.adapters.gateway.venue;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import io.tickflow.engine.model.Contract;

/**
 * A contract the paper gateway lists: the engine's {@link Contract} (id, tick size and value)
 * plus what the gateway reports about it and where its generated market starts.
 *
 * @param contract       id {@code CON.F.US.<product>.<month code><yy>}, symbol (the CME root), tick size and value
 * @param symbolId       {@code F.US.<product>}
 * @param name           the display name, e.g. {@code ESZ26}
 * @param description    e.g. {@code E-mini S&P 500: December 2026}
 * @param startBidTicks  the generated market's first bid
 * @param feeCents       exchange and clearing fees per contract per side, as the Trade's {@code fees}
 */
public record PaperContract(Contract contract, String symbolId, String name, String description, long startBidTicks,
                            long feeCents) {
    private static final String MONTH_CODES = "FGHJKMNQUVXZ";

    /**
     * The six contracts of the default paper gateway in their front month on {@code today}:
     * ES, MES, NQ, MNQ (quarterly), CL (monthly), GC (even months), with the service's product
     * codes, tick sizes and tick values.
     */
    public static List<PaperContract> defaults(LocalDate today) {
        LocalDate quarterly = frontMonth(today, new int[] {3, 6, 9, 12}, 10);
        LocalDate crude = today.getDayOfMonth() < 20 ? today.plusMonths(1) : today.plusMonths(2);
        LocalDate gold = frontMonth(today.plusMonths(1), new int[] {2, 4, 6, 8, 10, 12}, 25);
        return List.of(
                of("EP", "ES", "E-mini S&P 500", quarterly, "0.25", "12.50", 6_800_00 / 25, 140),
                of("MES", "MES", "Micro E-mini S&P 500", quarterly, "0.25", "1.25", 6_800_00 / 25, 37),
                of("ENQ", "NQ", "E-mini Nasdaq-100", quarterly, "0.25", "5.00", 25_000_00 / 25, 140),
                of("MNQ", "MNQ", "Micro E-mini Nasdaq-100", quarterly, "0.25", "0.50", 25_000_00 / 25, 37),
                of("CLE", "CL", "Crude Oil", crude, "0.01", "10.00", 6_000, 150),
                of("GCE", "GC", "Gold", gold, "0.10", "10.00", 40_000, 155));
    }

    private static PaperContract of(String product, String root, String title, LocalDate month, String tickSize,
                                    String tickValue, long startBidTicks, long feeCents) {
        String code = MONTH_CODES.charAt(month.getMonthValue() - 1) + String.format("%02d", month.getYear() % 100);
        Contract contract = Contract.of("CON.F.US." + product + "." + code, root, tickSize, tickValue, "USD");
        String description = title + ": " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " "
                + month.getYear();
        return new PaperContract(contract, "F.US." + product, root + code, description, startBidTicks, feeCents);
    }

    /** The first listed month on or after {@code from}'s month, moving on once past {@code rollDay} of an expiry month. */
    private static LocalDate frontMonth(LocalDate from, int[] listed, int rollDay) {
        LocalDate month = from.withDayOfMonth(1);
        boolean pastRoll = from.getDayOfMonth() > rollDay;
        for (int i = 0; i < 24; i++) {
            LocalDate candidate = month.plusMonths(i);
            for (int m : listed) {
                if (candidate.getMonth() == Month.of(m) && !(i == 0 && pastRoll)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no listed month within two years of " + from);
    }

    public String id() {
        return contract.id();
    }

    /** The months each default product lists (1..12), by product code. */
    private static final java.util.Map<String, int[]> LISTED = java.util.Map.of(
            "EP", new int[] {3, 6, 9, 12}, "MES", new int[] {3, 6, 9, 12}, "ENQ", new int[] {3, 6, 9, 12},
            "MNQ", new int[] {3, 6, 9, 12}, "CLE", new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
            "GCE", new int[] {2, 4, 6, 8, 10, 12});

    /**
     * An expired month of this contract's product, as {@code Contract/searchById} resolves it
     * ({@code id} such as {@code CON.F.US.EP.Z25}): a month the product lists, before this
     * front month and within ten years of it; otherwise null.
     */
    public PaperContract expiredMonth(String id) {
        String prefix = "CON.F.US." + symbolId.substring("F.US.".length()) + ".";
        int[] listed = LISTED.get(symbolId.substring("F.US.".length()));
        if (listed == null || id.length() != prefix.length() + 3 || !id.regionMatches(true, 0, prefix, 0,
                prefix.length())) {
            return null;
        }
        int month = MONTH_CODES.indexOf(Character.toUpperCase(id.charAt(prefix.length()))) + 1;
        String yy = id.substring(prefix.length() + 1);
        if (month < 1 || !yy.chars().allMatch(Character::isDigit) || java.util.Arrays.stream(listed)
                .noneMatch(m -> m == month)) {
            return null;
        }
        String front = id().substring(prefix.length());
        int frontYear = 2000 + Integer.parseInt(front.substring(1));
        int frontMonths = frontYear * 12 + MONTH_CODES.indexOf(front.charAt(0));
        // two-digit years: the latest year not after the front month's
        int year = 2000 + Integer.parseInt(yy);
        if (year > frontYear) {
            year -= 100;
        }
        int months = year * 12 + month - 1;
        if (months >= frontMonths || months < frontMonths - 120) {
            return null;
        }
        String title = description.substring(0, description.indexOf(": "));
        return of(symbolId.substring("F.US.".length()), contract.symbol(), title, LocalDate.of(year, month, 1),
                contract.tickSize().toPlainString(), contract.tickValue().toPlainString(), startBidTicks, feeCents);
    }
}
