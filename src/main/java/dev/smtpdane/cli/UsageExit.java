package dev.smtpdane.cli;

/** The exit code for a bad command line: 2, or Nagios UNKNOWN (3) when -nagios was asked. */
final class UsageExit {
  private UsageExit() {}

  static int code(String[] args) {
    boolean nagios = false;
    for (String a : args) {
      if (a.equals("--")) {
        break;
      }
      switch (a) {
        case "-nagios", "--nagios", "-nagios=true", "--nagios=true" -> nagios = true;
        case "-nagios=false", "--nagios=false" -> nagios = false;
        default -> { }
      }
    }
    return nagios ? ExitCode.NAGIOS_UNKNOWN : ExitCode.USAGE;
  }
}
