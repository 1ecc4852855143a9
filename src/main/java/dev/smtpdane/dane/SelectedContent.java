package dev.smtpdane.dane;

import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * The parts of one presented certificate a TLSA record can match (RFC 6698 §2.1.2): the DER
 * certificate and its DER SubjectPublicKeyInfo, with their digests computed once.
 *
 * <p>The SPKI is taken from the certificate's own bytes, not re-encoded from the JDK key
 * object, so a key the JDK would encode differently still matches what the operator hashed.
 * Content that cannot be read matches nothing.
 */
final class SelectedContent {
  private final Map<Selector, byte[]> content = new EnumMap<>(Selector.class);
  private final Map<Selector, Map<MatchingType, byte[]>> digests = new EnumMap<>(Selector.class);

  private SelectedContent() {}

  /** Reads the certificate's selectable content; never throws for a hostile certificate. */
  static SelectedContent of(X509Certificate cert) {
    SelectedContent s = new SelectedContent();
    try {
      byte[] der = cert.getEncoded();
      s.content.put(Selector.CERT, der);
      s.content.put(
          Selector.SPKI,
          Certificate.getInstance(der).getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER));
    } catch (Exception e) { // a certificate we cannot encode matches no record (style.md §10)
      s.content.clear();
    }
    return s;
  }

  /** True if the certificate's content could be read. */
  boolean readable() {
    return content.containsKey(Selector.CERT) && content.containsKey(Selector.SPKI);
  }

  /** The association data {@code (selector, type)} would publish; empty if unreadable. */
  byte[] associationData(Selector selector, MatchingType type) {
    byte[] selected = content.get(selector);
    if (selected == null) {
      return new byte[0];
    }
    return digests
        .computeIfAbsent(selector, k -> new EnumMap<>(MatchingType.class))
        .computeIfAbsent(type, t -> t.apply(selected))
        .clone();
  }

  /** True if {@code record}'s association data is this certificate's (RFC 6698 §2.1). */
  boolean matches(TlsaRecord record) {
    if (!readable()) {
      return false;
    }
    return record.knownSelector().isPresent()
        && record.knownMatchingType().isPresent()
        && record.dataEquals(
            associationData(record.knownSelector().get(), record.knownMatchingType().get()));
  }
}
