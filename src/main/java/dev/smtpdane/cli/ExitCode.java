package dev.smtpdane.cli;

/** Exit codes of shared/spec/cli.md (normal mode; Nagios mode maps its own). */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  /** Warnings or errors found, or a probe-side fault. */
  public static final int FAILURE = 1;
  /** Bad command line. */
  public static final int USAGE = 2;

  public static final int NAGIOS_OK = 0;
  public static final int NAGIOS_WARNING = 1;
  public static final int NAGIOS_CRITICAL = 2;
  public static final int NAGIOS_UNKNOWN = 3;
}
