package dev.smtpdane.smtp;

import java.nio.charset.StandardCharsets;

/**
 * Turns bytes from a server into text safe to print: a hostile server must not be able to put
 * terminal escape sequences or fake lines into our report through its greeting.
 */
final class ReplyText {
  private ReplyText() {}

  /** Decodes UTF-8 (invalid sequences replaced), drops a trailing CR, escapes controls. */
  static String printable(byte[] raw) {
    int n = raw.length;
    if (n > 0 && raw[n - 1] == '\r') {
      n--;
    }
    String s = new String(raw, 0, n, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (c == '\t' || (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f))) {
        out.appendCodePoint(c);
      } else {
        out.append(String.format("\\x%02x", c));
      }
    });
    return out.toString();
  }

  /** Shows up to {@code max} bytes of raw data for a message, escaped. */
  static String preview(byte[] raw, int max) {
    byte[] head = raw.length <= max ? raw : java.util.Arrays.copyOf(raw, max);
    return printable(head) + (raw.length > max ? "..." : "");
  }
}
