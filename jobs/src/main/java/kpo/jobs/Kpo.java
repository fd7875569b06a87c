package kpo.jobs;

import java.io.OutputStream;
import java.io.PrintWriter;
import kpo.jobs.bench.BenchCommand;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.UserError;
import kpo.jobs.generate.GenerateCommand;
import kpo.jobs.run.DemoCommand;
import kpo.jobs.run.RunCommand;
import kpo.jobs.run.ValidateCommand;
import kpo.jobs.spc.FunnelCommand;
import kpo.jobs.spc.ParetoCommand;
import kpo.jobs.spc.SpcCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code kpo} command. Every user mistake ends with one clear sentence on standard error and
 * an exit code from {@link ExitCode}; a stack trace is printed only for an internal error, and then
 * only with {@code KPO_DEBUG=1}.
 */
@Command(name = "kpo", mixinStandardHelpOptions = true, versionProvider = Kpo.Version.class,
        description = "The KPO analytics engine: SPC charts, rules and Making Data Count icons for NHS improvement work.",
        subcommands = {SpcCommand.class, FunnelCommand.class, ParetoCommand.class, RunCommand.class, DemoCommand.class, ValidateCommand.class, GenerateCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failure, 2 usage error, 3 bad input data."})
public final class Kpo implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Where commands write their results as bytes (help and messages go through picocli's writers). */
    private final OutputStream stdout;

    private Kpo(OutputStream stdout) {
        this.stdout = stdout;
    }

    /**
     * Set once the JVM is shutting down (SIGTERM from cron, systemd or Ctrl-C): Spark's own hook
     * then cancels the running job, and the failure that follows is the stop, not a defect.
     */
    private static volatile boolean stopping;

    /** Set when the command has returned: a shutdown before that is a stop from outside. */
    private static volatile boolean finished;

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            if (!finished) {
                // Said here: the JVM may halt before the interrupted command gets to say anything.
                System.err.println("kpo: stopped, as the process was asked to end");
                System.err.flush();
            }
        }, "kpo-stopping"));
        int exitCode = commandLine().execute(args);
        finished = true;
        System.exit(exitCode);
    }

    /** The results stream: standard output, or what a test gave. */
    public OutputStream stdout() {
        return stdout;
    }

    /** {@code kpo} writing its results to standard output. */
    public static CommandLine commandLine() {
        return commandLine(System.out);
    }

    /** {@code kpo} writing its results to {@code stdout}. */
    public static CommandLine commandLine(OutputStream stdout) {
        CommandLine line = new CommandLine(new Kpo(stdout));
        line.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("kpo: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.USAGE;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            // Whatever failed once the process was asked to end failed because of it, and the
            // shutdown hook has said so: no "internal error" after it.
            if (stopping) {
                return ExitCode.FAILURE;
            }
            if (e instanceof UserError user) {
                err.println("kpo " + cmd.getCommandName() + ": " + user.getMessage());
                return user.exitCode();
            }
            err.println("kpo " + cmd.getCommandName() + ": internal error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report it");
            if ("1".equals(System.getenv("KPO_DEBUG"))) {
                e.printStackTrace(err);
            }
            return ExitCode.FAILURE;
        });
        return line;
    }

    @Override
    public void run() {
        // `kpo` alone: show what it can do, and say it was not enough.
        spec.commandLine().usage(spec.commandLine().getErr());
        throw UserError.usage("name a command, e.g. kpo spc --input series.csv");
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Kpo.class.getPackage().getImplementationVersion();
            return new String[] {"kpo " + (version == null ? "(development build)" : version)};
        }
    }
}
