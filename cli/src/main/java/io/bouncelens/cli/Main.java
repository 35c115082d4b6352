package io.bouncelens.cli;

import io.bouncelens.Bouncelens;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bouncelens}: data on stdout, messages on stderr, exit 0 / 1 (some input failed) / 2 (usage). */
@Command(name = "bouncelens", mixinStandardHelpOptions = true, version = "bouncelens 0.1.0",
        description = "Tells why an email bounced and what to do about it.")
public final class Main implements Runnable {

    /** The subcommands, in the order the usage lists them (a supplier each, so that naming one loads none). */
    private static final List<Supplier<Class<?>>> COMMANDS = List.of(() -> CommandLine.HelpCommand.class,
            () -> ExplainCommand.class, () -> CodesCommand.class, () -> DiagnoseCommand.class, () -> LogsCommand.class,
            () -> EventsCommand.class, () -> EvalCommand.class, () -> ImapCommand.class, () -> ServeCommand.class,
            () -> RediagnoseCommand.class, () -> PruneCommand.class);

    public static void main(String[] args) {
        if (needsKnowledgeBase(args)) compileKnowledgeBaseMeanwhile();
        System.exit(commandLine(args).execute(args));
    }

    /**
     * Compiles the knowledge base on a second core while picocli builds the command line and the
     * command opens its input: both take about a tenth of a second and neither needs the other.
     * The command's own first use of {@link Bouncelens#standard()} waits for it (class
     * initialisation is done once, by one thread, and others wait for it); a daemon thread never
     * holds the process up.
     */
    private static void compileKnowledgeBaseMeanwhile() {
        Thread t = new Thread(Bouncelens::standard, "bouncelens-kb");
        t.setDaemon(true);
        t.start();
    }

    /** The commands that diagnose (not --help, --version, or a usage error before any command). */
    private static boolean needsKnowledgeBase(String[] args) {
        for (String a : args) {
            if (a.equals("diagnose") || a.equals("explain") || a.equals("eval") || a.equals("serve") || a.equals("rediagnose")
                    || a.equals("codes")) {
                return true;
            }
        }
        return false;
    }

    /** The configured command line with every subcommand, shared by main and the tests. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The configured command line for these arguments. When they start with a subcommand's name,
     * only that subcommand is built: picocli reads each command's annotations by reflection, which
     * in a fresh JVM costs about as much as the rest of the start-up, and one message diagnosed
     * needs one command, not ten. Anything else (help, --version, a mistyped name, which picocli
     * answers with the names it knows) gets them all.
     */
    static CommandLine commandLine(String[] argv) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = argv.length == 0 ? null : named(argv[0]);
        if (only != null) {
            cl.addSubcommand(only);
        } else {
            for (Supplier<Class<?>> command : COMMANDS) cl.addSubcommand(command.get());
        }
        // Data is UTF-8 whatever the platform default (Chinese advice must survive any locale).
        cl.setOut(ExplainCommand.utf8(System.out));
        cl.setErr(ExplainCommand.utf8(System.err));
        cl.setExitCodeExceptionMapper(e -> 1);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("bouncelens: " + ex.getMessage());
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("bouncelens: " + ex.getMessage());
            return 2;
        });
        return cl;
    }

    /**
     * The subcommand called {@code name}, or null for none and for help (which needs the others).
     * A switch, not the annotations read: reading them would load and parse every command class,
     * which is what building one command saves. The test holds the names to the annotations.
     */
    private static Class<?> named(String name) {
        return switch (name) {
            case "explain" -> ExplainCommand.class;
            case "diagnose" -> DiagnoseCommand.class;
            case "logs" -> LogsCommand.class;
            case "events" -> EventsCommand.class;
            case "eval" -> EvalCommand.class;
            case "imap" -> ImapCommand.class;
            case "serve" -> ServeCommand.class;
            case "rediagnose" -> RediagnoseCommand.class;
            case "prune" -> PruneCommand.class;
            case "codes" -> CodesCommand.class;
            default -> null;
        };
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }
}
