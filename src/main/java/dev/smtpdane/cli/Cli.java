package dev.smtpdane.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The smtpdane command: Go-compatible options (one or two dashes), picocli-parsed. */
@Command(
    name = "smtpdane",
    sortOptions = false,
    usageHelpAutoWidth = true,
    versionProvider = VersionInfo.class,
    description = {
      "Checks whether the mail servers of a domain can be reached with DANE-authenticated TLS"
          + " (RFC 7672): MX/SRV, addresses, DNSSEC-secure TLSA records, SMTP STARTTLS and the"
          + " certificate chain."
    },
    exitCodeOnInvalidInput = ExitCode.USAGE,
    exitCodeOnExecutionException = ExitCode.FAILURE)
public final class Cli implements Callable<Integer> {

  @Option(
      names = {"-help", "--help", "-h"},
      usageHelp = true,
      description = "Print this usage and exit.")
  boolean help;

  @Option(
      names = {"-version", "--version"},
      versionHelp = true,
      description = "Print version, build and runtime information and exit.")
  boolean version;

  @Parameters(paramLabel = "TARGET", arity = "0..*", description = "host, host:port or domain")
  List<String> targets = new ArrayList<>();

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Cli());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // cli.md: a bad command line prints one line naming the problem and a pointer to -help.
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("smtpdane: " + ex.getMessage() + " (see -help)");
          return ExitCode.USAGE;
        });
    return cl;
  }

  @Override
  public Integer call() {
    if (targets.isEmpty()) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "no hosts or domains given");
    }
    System.err.println("smtpdane: probing is not implemented yet");
    return ExitCode.FAILURE;
  }
}
