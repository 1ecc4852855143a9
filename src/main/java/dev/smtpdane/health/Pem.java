package dev.smtpdane.health;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM (RFC 7468) certificates: encoding for {@code -showcerts}, tolerant decoding of bundles. */
public final class Pem {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private Pem() {}

  /** One certificate as a PEM block: 64-column base64, a final newline. */
  public static String encode(X509Certificate cert) {
    byte[] der;
    try {
      der = cert.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
    }
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return BEGIN + "\n" + b64 + "\n" + END + "\n";
  }

  /** The chain as concatenated PEM blocks, leaf first, as {@code openssl s_client -showcerts}. */
  public static String encode(List<X509Certificate> chain) {
    StringBuilder out = new StringBuilder();
    chain.forEach(c -> out.append(encode(c)));
    return out.toString();
  }

  /**
   * Every certificate in {@code text} that parses; anything else (other PEM types, comments,
   * broken base64, undecodable DER) is skipped, so one bad entry does not hide the rest.
   */
  public static List<X509Certificate> certificates(String text) {
    List<X509Certificate> out = new ArrayList<>();
    for (byte[] der : blocks(text)) {
      try {
        out.add((X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | RuntimeException e) {
        // skip this block only
      }
    }
    return List.copyOf(out);
  }

  /**
   * The decoded contents of every CERTIFICATE block, not parsed further (cheap: for scanning a
   * whole CA bundle). A block whose base64 is broken is skipped.
   */
  static List<byte[]> blocks(String text) {
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    while ((at = text.indexOf(BEGIN, at)) >= 0) {
      int body = at + BEGIN.length();
      int end = text.indexOf(END, body);
      int nextBegin = text.indexOf(BEGIN, body);
      if (end < 0) {
        break;
      }
      if (nextBegin >= 0 && nextBegin < end) {
        at = nextBegin; // an unterminated block: resynchronise on the next BEGIN
        continue;
      }
      try {
        out.add(Base64.getMimeDecoder().decode(text.substring(body, end)));
      } catch (IllegalArgumentException e) {
        // broken base64: skip this block only
      }
      at = end + END.length();
    }
    return out;
  }
}
