package dev.interleave.reports.grade;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The autograder's command line: {@code grade} grades one submission, {@code package} makes a
 * Gradescope autograder zip. Exit codes: 0 graded, 2 bad command line, 3 submission invalid,
 * 4 grader error.
 */
@Command(name = "interleave-grader", mixinStandardHelpOptions = true, versionProvider = GraderMain.Version.class,
        description = "Grades a submission of the Interleave contract (a folder of .java sources or a jar) "
                + "with the conformance suite, Lincheck, jcstress and the lecture's scenarios, "
                + "in sandboxed child JVMs within a time budget.",
        subcommands = {GradeCommand.class, PackageCommand.class, CommandLine.HelpCommand.class})
public final class GraderMain implements Runnable {
    /** Graded: the score is in results.json, whatever it is. */
    public static final int GRADED = 0;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** The submission cannot be graded (does not compile, no Primitives class...): results.json says why. */
    public static final int INVALID = 3;
    /** The grader itself failed. */
    public static final int GRADER_ERROR = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, as {@link #main} runs it. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new GraderMain());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("interleave-grader: the grader failed (this is not the submission's fault): " + e);
            StackTraceElement[] where = e.getStackTrace();
            for (int i = 0; i < Math.min(8, where.length); i++) {
                cmd.getErr().println("    at " + where[i]);
            }
            return GRADER_ERROR;
        });
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("interleave-grader: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'interleave-grader " + e.getCommandLine().getCommandName()
                    + " --help' for more information.");
            return USAGE;
        });
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: grade or package");
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GraderMain.class.getPackage().getImplementationVersion();
            return new String[] {"interleave-grader " + (version == null ? "(development build)" : version)};
        }
    }
}
