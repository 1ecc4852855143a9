package dev.smtpdane.report;

/**
 * Makes text from the network (certificate names, SMTP replies, DNS data) safe to print:
 * control characters, including ESC, become visible escapes so a hostile peer cannot
 * rewrite the operator's terminal or forge output lines.
 */
final class Safe {
  private Safe() {}

  static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028
          || c == 0x2029;
      if (bad && b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (b != null) {
        if (bad) {
          b.append(String.format("\\x%02x", (int) c & 0xff));
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
