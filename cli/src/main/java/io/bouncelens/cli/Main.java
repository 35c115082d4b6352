package io.bouncelens.cli;

import io.bouncelens.Bouncelens;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bouncelens}: data on stdout, messages on stderr, exit 0 / 1 (some input failed) / 2 (usage). */
@Command(name = "bouncelens", mixinStandardHelpOptions = true, version = "bouncelens 0.1.0",
        description = "Tells why an email bounced and what to do about it.",
        subcommands = {CommandLine.HelpCommand.class, ExplainCommand.class, DiagnoseCommand.class, LogsCommand.class, EventsCommand.class, EvalCommand.class,
                ImapCommand.class, ServeCommand.class, RediagnoseCommand.class, PruneCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if (needsKnowledgeBase(args)) compileKnowledgeBaseMeanwhile();
        System.exit(commandLine().execute(args));
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
            if (a.equals("diagnose") || a.equals("explain") || a.equals("eval") || a.equals("serve") || a.equals("rediagnose")) {
                return true;
            }
        }
        return false;
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
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

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }
}
