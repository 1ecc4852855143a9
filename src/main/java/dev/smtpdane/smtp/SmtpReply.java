package dev.smtpdane.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * One complete SMTP reply: a three-digit code and the text of each line (without the code and
 * separator). Parsing is pure so it can be tested and fuzzed apart from any socket.
 *
 * <p>RFC 5321 §4.2: {@code Reply-line = *( Reply-code "-" [ textstring ] CRLF ) Reply-code [ SP
 * textstring ] CRLF}; every line of a multi-line reply carries the same code.
 */
record SmtpReply(int code, List<String> lines) {

  SmtpReply {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a reply has at least one line");
    }
  }

  /** One parsed line: its code, whether it ends the reply, and its text. */
  record Line(int code, boolean last, String text) {}

  /**
   * Parses the lines of one whole reply (line terminators already removed).
   *
   * @throws MalformedReplyException if a line is not a reply line, the codes differ, or a
   *     line other than the last one ends the reply (or the last one does not)
   */
  static SmtpReply parse(List<String> rawLines) throws MalformedReplyException {
    if (rawLines.isEmpty()) {
      throw new MalformedReplyException("empty reply");
    }
    List<String> texts = new ArrayList<>(rawLines.size());
    int code = -1;
    for (int i = 0; i < rawLines.size(); i++) {
      Line line = parseLine(rawLines.get(i));
      if (code == -1) {
        code = line.code();
      } else if (line.code() != code) {
        // RFC 5321 §4.2.1: a multi-line reply uses one code throughout.
        throw new MalformedReplyException(
            "reply mixes codes " + code + " and " + line.code() + " on one multi-line reply");
      }
      boolean shouldBeLast = i == rawLines.size() - 1;
      if (line.last() != shouldBeLast) {
        throw new MalformedReplyException(shouldBeLast
            ? "reply ends with a continuation line (" + code + "-)"
            : "reply has a final line (" + code + " ) before its end");
      }
      texts.add(line.text());
    }
    return new SmtpReply(code, texts);
  }

  /** Parses one reply line: {@code 250-text}, {@code 250 text} or a bare {@code 250}. */
  static Line parseLine(String raw) throws MalformedReplyException {
    if (raw.length() < 3 || !isCode(raw)) {
      throw new MalformedReplyException("not an SMTP reply line: \"" + shorten(raw) + "\"");
    }
    int code = Integer.parseInt(raw.substring(0, 3));
    if (raw.length() == 3) {
      return new Line(code, true, ""); // RFC 5321 §4.2: the text string is optional
    }
    return switch (raw.charAt(3)) {
      case ' ' -> new Line(code, true, raw.substring(4));
      case '-' -> new Line(code, false, raw.substring(4));
      default -> throw new MalformedReplyException(
          "reply code not followed by a space or hyphen: \"" + shorten(raw) + "\"");
    };
  }

  private static boolean isCode(String raw) {
    // RFC 5321 §4.2: the first digit is 2-5 (1yz is unused in SMTP), the others are digits.
    char a = raw.charAt(0);
    return a >= '2' && a <= '5' && Character.isDigit(raw.charAt(1))
        && Character.isDigit(raw.charAt(2)) && raw.charAt(1) < '6';
  }

  /** Whether the code is a positive completion (2yz). */
  boolean positive() {
    return code / 100 == 2;
  }

  /** The text of the first line (for EHLO: the server's name and greeting). */
  String firstLine() {
    return lines.get(0);
  }

  /** The reply as an operator would read it, e.g. {@code 454 4.7.0 TLS not available}. */
  String oneLine() {
    String text = String.join(" / ", lines);
    return text.isEmpty() ? String.valueOf(code) : code + " " + text;
  }

  /** EHLO keyword lines: every line after the first (RFC 5321 §4.1.1.1). */
  List<String> ehloKeywords() {
    return lines.subList(1, lines.size());
  }

  /** Whether an EHLO reply offers {@code keyword}; keywords are case-insensitive (§2.4). */
  boolean offers(String keyword) {
    for (String line : ehloKeywords()) {
      String first = line.strip().split("[ \t]", 2)[0];
      if (first.equalsIgnoreCase(keyword)) {
        return true;
      }
    }
    return false;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
