package com.papisandbox.app;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the state lives and which instruments it was made with: shared by serve and inspect. */
final class StoreOptions {
    @Option(names = "--data-dir", defaultValue = "./data", description = "Directory for the journal (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--store", paramLabel = "URL",
            description = {"Journal store: omitted = SQLite in --data-dir (the default);",
                    "postgresql://USER:PASSWORD@HOST:PORT/DB[?schema=NAME] or a jdbc:postgresql: URL for a shared PostgreSQL."})
    String store;

    @Option(names = "--instruments", paramLabel = "FILE",
            description = "Instruments file (exchangeInfo 'symbols' rows) instead of the bundled one.")
    Path instruments;
}
