package dev.smtpdane.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies from a socket's raw input stream, one byte per read, so that nothing past
 * the end of a reply is ever consumed. That is what makes STARTTLS response injection visible:
 * after the 220 to STARTTLS, any byte still in the socket was sent by the server before it saw
 * our ClientHello (RFC 3207 §4; CVE-2011-0411 class), and {@code available()} reports it.
 *
 * <p>Hostile peers are bounded: a line may hold at most {@link #MAX_LINE} bytes, a reply at
 * most {@link #MAX_LINES} lines, and the session deadline is checked before every byte (so a
 * server dripping one byte per second cannot outlive it even though each read succeeds).
 */
final class ReplyReader {
  /**
   * RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; we accept eight times that, not
   * counting CRLF.
   */
  static final int MAX_LINE = 4096;

  /** Real EHLO replies have about 10-20 lines; a hundred is generous. */
  static final int MAX_LINES = 100;

  private final InputStream in;
  private final SessionDeadline deadline;

  ReplyReader(InputStream in, SessionDeadline deadline) {
    this.in = in;
    this.deadline = deadline;
  }

  /** Reads one complete reply (all continuation lines and the final line). */
  SmtpReply read() throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = readLine(lines.isEmpty());
      lines.add(line);
      if (SmtpReply.parseLine(line).last()) {
        return SmtpReply.parse(lines);
      }
      if (lines.size() >= MAX_LINES) {
        throw new MalformedReplyException(
            "reply has more than " + MAX_LINES + " lines (endless continuation lines)");
      }
    }
  }

  private String readLine(boolean firstOfReply) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      deadline.check();
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (line.size() == 0) {
        checkFirstByte(b, firstOfReply);
      }
      if (b == '\n') {
        return ReplyText.printable(line.toByteArray());
      }
      if (line.size() > MAX_LINE) { // MAX_LINE bytes of text, plus room for the CR
        throw new MalformedReplyException(
            "reply line longer than " + MAX_LINE + " bytes without a line end");
      }
      line.write(b);
    }
  }

  private static void checkFirstByte(int b, boolean firstOfReply) throws MalformedReplyException {
    if (firstOfReply && (b == 0x16 || b == 0x15)) {
      // TLS record content types handshake (22) and alert (21): the peer speaks TLS here.
      throw new MalformedReplyException(String.format(
          "received a TLS record (first byte 0x%02x) where an SMTP reply was expected", b), true);
    }
    if (b < '0' || b > '9') {
      throw new MalformedReplyException(String.format(
          "received %s where an SMTP reply line was expected",
          b >= 0x20 && b < 0x7f ? "the text '" + (char) b + "...'" : "binary data"
              + String.format(" (byte 0x%02x)", b)));
    }
  }
}
