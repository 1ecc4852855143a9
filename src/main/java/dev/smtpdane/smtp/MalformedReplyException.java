package dev.smtpdane.smtp;

import java.io.IOException;

/**
 * The server sent something that is not a well-formed SMTP reply: bad syntax, a line or reply
 * too long, binary data, or a TLS record where plaintext was expected.
 */
final class MalformedReplyException extends IOException {
  private static final long serialVersionUID = 1L;
  private final boolean tlsRecord;

  MalformedReplyException(String message) {
    this(message, false);
  }

  MalformedReplyException(String message, boolean tlsRecord) {
    super(message);
    this.tlsRecord = tlsRecord;
  }

  /** Whether the bytes looked like a TLS record (the peer speaks TLS, not SMTP, here). */
  boolean tlsRecord() {
    return tlsRecord;
  }
}
