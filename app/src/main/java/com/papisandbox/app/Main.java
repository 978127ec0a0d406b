package com.papisandbox.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code papi-sandbox [serve] [options]}: serve is the default command. */
@Command(name = "papi-sandbox", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A local, faithful Binance Portfolio Margin API (coin-margined orders) for testing trading bots.",
        footer = {"", "Without a command, serve runs: `papi-sandbox --port 0` is `papi-sandbox serve --port 0`.",
                "Options of serve: papi-sandbox serve --help"},
        subcommands = {ServeCommand.class, InspectCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        int code = 1;
        try {
            code = run(args);
        } catch (Throwable t) {
            // Even an Error must not leave the process hanging on Vert.x's non-daemon threads.
            System.err.println("papi-sandbox: " + t);
        } finally {
            System.exit(code);
        }
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        boolean hasSubcommand = args.length > 0 && cli.getSubcommands().containsKey(args[0]);
        boolean topLevelFlag = args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")
                || args[0].equals("--version") || args[0].equals("-V"));
        if (!hasSubcommand && !topLevelFlag) {
            String[] withServe = new String[args.length + 1];
            withServe[0] = "serve";
            System.arraycopy(args, 0, withServe, 1, args.length);
            args = withServe;
        }
        // Start-up failures (a damaged journal, a port in use, a bad file) are reported as one clear line.
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            System.err.println("papi-sandbox: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"papi-sandbox " + (v == null ? "(development build)" : v)};
        }
    }
}
