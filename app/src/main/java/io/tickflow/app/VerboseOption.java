package io.tickflow.app;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, on every command: a failure prints its stack trace after the one-line
 * message, the engine's log goes down to debug, and the libraries under it (Jetty, the SignalR
 * client), quiet below warnings otherwise ({@code simplelogger.properties}), log at info.
 */
final class VerboseOption {
    /** The picocli option name {@link Main#command} looks for when a command fails. */
    static final String NAME = "--verbose";

    @Option(names = NAME, description = "On failure print the stack trace too; log at debug level.")
    void verbose(boolean on) {
        if (on) {
            // read by slf4j-simple when the first logger is made, which is after option parsing
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "info");
            System.setProperty("org.slf4j.simpleLogger.log.com.microsoft.signalr", "info");
            System.setProperty("org.slf4j.simpleLogger.log.io.tickflow.adapters.gateway.PaperGateway", "debug");
        }
    }
}
