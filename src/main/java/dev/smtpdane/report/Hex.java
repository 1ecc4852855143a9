package dev.smtpdane.report;

/** Shortening of long hex data for one-line display. */
final class Hex {
  private Hex() {}

  /** Keeps the first and last {@code keep} characters of a long string, "…" between. */
  static String middle(String s, int keep) {
    if (s.length() <= 2 * keep + 1) {
      return s;
    }
    return s.substring(0, keep) + "…" + s.substring(s.length() - keep);
  }

  /** A TLSA presentation string with its data shortened: "3 1 1 ABCDEF01…89ABCDEF". */
  static String record(String presentation) {
    int data = nthSpace(presentation, 3);
    if (data < 0) {
      return presentation;
    }
    return presentation.substring(0, data + 1) + middle(presentation.substring(data + 1), 8);
  }

  private static int nthSpace(String s, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = s.indexOf(' ', at + 1);
      if (at < 0) {
        return -1;
      }
    }
    return at;
  }
}
