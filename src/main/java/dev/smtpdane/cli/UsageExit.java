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

  /**
   * Longest usage message printed (a 255-octet name quoted twice fits); a longer option value
   * is cut, not echoed whole.
   */
  static final int MAX_MESSAGE = 1000;

  /**
   * cli.md: a usage error is one line. Option values are echoed in messages, so line breaks
   * and other control characters are shown escaped and an overlong message is cut.
   */
  static String oneLine(String message) {
    StringBuilder s = new StringBuilder();
    String m = message == null ? "invalid command line" : message;
    int i = 0;
    for (; i < m.length() && s.length() < MAX_MESSAGE; i++) {
      char c = m.charAt(i);
      switch (c) {
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return i < m.length() ? s.substring(0, Math.min(s.length(), MAX_MESSAGE)) + "..."
        : s.toString();
  }
}
