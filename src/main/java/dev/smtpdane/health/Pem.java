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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM (RFC 7468) certificates: encoding for {@code -showcerts}, tolerant decoding of bundles. */
public final class Pem {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";
  private static final Pattern BLOCK =
      Pattern.compile(BEGIN + "([A-Za-z0-9+/=\\s]*?)" + END);

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
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      try {
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        out.add((X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
        // skip this block only
      }
    }
    return List.copyOf(out);
  }
}
