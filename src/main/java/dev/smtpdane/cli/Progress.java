package dev.smtpdane.cli;

import java.io.Console;
import java.io.PrintWriter;

/** A "checked 120/1000" line on standard error, only when a person is watching a terminal. */
final class Progress {
  private final PrintWriter err;
  private final boolean enabled;

  private Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static Progress none(PrintWriter err) {
    return new Progress(err, false);
  }

  /** Enabled when the JVM's console is an interactive terminal (never in cron or tests). */
  static Progress onTerminal(PrintWriter err) {
    return new Progress(err, isTerminal(System.console()));
  }

  private static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      // JDK 22+: System.console() is non-null even when redirected; ask isTerminal().
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }

  synchronized void update(int done, int total) {
    if (enabled) {
      err.print("\rsmtpdane: checked " + done + "/" + total + " ");
      err.flush();
    }
  }

  synchronized void clear() {
    if (enabled) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
