package org.vrs.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The service's command-line tools, run by {@code VrsApplication.main} instead of the service when
 * the first argument names one of them. They start no Spring context: they work on the keys folder
 * (and later the database) directly, so they also work while the service is down.
 */
@Command(name = "vrs", mixinStandardHelpOptions = true, subcommands = {TokenCommand.class, VerifyCommand.class, VerifyExtractCommand.class, RotateKekCommand.class,
        HistoryCommand.class, TraceabilityCommand.class, VerifyAuditExportCommand.class},
        description = "Victim Record Service tools. Without a command name, the service starts.")
public final class Cli {
    private Cli() {
    }

    /**
     * The command line to run as a tool, if {@code args} asks for one. Leading {@code --spring.*}
     * arguments are skipped because {@code mvn spring-boot:run} puts the active profile first.
     */
    public static Optional<String[]> command(String[] args) {
        int first = 0;
        while (first < args.length && args[first].startsWith("--spring.")) {
            first++;
        }
        if (first == args.length || !commandLine().getSubcommands().containsKey(args[first])) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(args, first, args.length));
    }

    /** Runs one tool, e.g. {@code token --user u1 ...}, and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine().setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println("error: " + e.getMessage());
                    return 1;
                });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static CommandLine commandLine() {
        return new CommandLine(new Cli());
    }
}
