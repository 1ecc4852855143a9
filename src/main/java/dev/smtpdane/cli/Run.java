package dev.smtpdane.cli;

import java.io.PrintWriter;

/** Runs a check described by {@link RunOptions} and returns the exit code. */
final class Run {
  private Run() {}

  static int execute(RunOptions options, PrintWriter out, PrintWriter err) {
    err.println("smtpdane: probing is not wired up yet in this build");
    return options.output() == RunOptions.OutputMode.NAGIOS
        ? ExitCode.NAGIOS_UNKNOWN : ExitCode.FAILURE;
  }
}
