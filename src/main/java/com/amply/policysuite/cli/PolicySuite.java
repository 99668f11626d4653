package com.amply.policysuite.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code policy-suite} command: a policy-as-code gate for Secrets Manager, ECS task definitions and IAM. */
@Command(name = "policy-suite", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Checks a repository of IAM policies, ECS task definitions and a Secrets Manager catalog before any of it"
                    + " reaches AWS.",
            ""},
        subcommands = {CheckCommand.class, DiffCommand.class, DriftCommand.class, ValidateSecretCommand.class,
            ValidatePolicyCommand.class, CheckAccessNotGrantedCommand.class, CheckNoNewAccessCommand.class,
            RulesCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no error-level findings",
            "  1  error-level findings (or a file that could not be parsed)",
            "  2  usage error, or the repository could not be read",
            "  3  drift, or check/diff with --access-analyzer: AWS could not answer (see 'policy-suite help drift')",
            "",
            "Run 'policy-suite help COMMAND' for a command's options."})
public final class PolicySuite implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (check, diff, drift, validate-secret,"
                + " validate-policy, check-access-not-granted, check-no-new-access, rules)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests too). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PolicySuite());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // never a stack trace: a one-line message and the "could not run" exit code
            commandLine.getErr().println("policy-suite: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage().lines().findFirst().orElse("") : ""));
            return USAGE;
        });
        return cl.execute(args);
    }
}
