package io.tickflow.adapters.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Consumer;

import io.tickflow.engine.model.Contract;

/**
 * Reads a market-data CSV file row by row, checking its header, and turns every problem into
 * an {@link IllegalArgumentException} naming the file, the line and what was expected.
 * Fields are read with the contract's exact tick conversion, so an off-tick price is an
 * error, not a silently rounded one.
 */
final class CsvRows {
    private final Path file;
    private final Contract contract;
    private String[] fields;
    private int line;

    private CsvRows(Path file, Contract contract) {
        this.file = file;
        this.contract = contract;
    }

    /** Calls {@code row} for every data row of {@code file}, whose first line must be {@code header}. */
    static void read(Path file, Contract contract, String header, Consumer<CsvRows> row) {
        CsvRows rows = new CsvRows(file, contract);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            rows.line = 1;
            if (first == null || !first.trim().equals(header)) {
                throw rows.bad("expected the header '" + header + "', found '" + first + "'");
            }
            int columns = header.split(",", -1).length;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                rows.line++;
                if (text.isBlank()) {
                    continue;
                }
                rows.fields = text.split(",", -1);
                if (rows.fields.length != columns) {
                    throw rows.bad("expected " + columns + " fields, found " + rows.fields.length + ": '" + text + "'");
                }
                row.accept(rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read market data " + file, e);
        }
    }

    boolean isEmpty(int column) {
        return fields[column].isEmpty();
    }

    String text(int column) {
        return fields[column];
    }

    /** An ISO-8601 instant as epoch nanoseconds. */
    long time(int column) {
        try {
            Instant t = Instant.parse(fields[column]);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad("expected an ISO-8601 time in column " + (column + 1) + ", found '" + fields[column] + "'");
        }
    }

    /** A decimal price as ticks of the contract. */
    long ticks(int column) {
        try {
            return contract.toTicks(new BigDecimal(fields[column]));
        } catch (NumberFormatException e) {
            throw bad("expected a price in column " + (column + 1) + ", found '" + fields[column] + "'");
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    /** A non-negative whole number. */
    long count(int column) {
        try {
            long value = Long.parseLong(fields[column]);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("expected a whole number >= 0 in column " + (column + 1) + ", found '" + fields[column] + "'");
    }

    IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(file + ":" + line + ": " + what
                + (fields == null ? "" : " (row " + Arrays.toString(fields) + ")"));
    }
}
