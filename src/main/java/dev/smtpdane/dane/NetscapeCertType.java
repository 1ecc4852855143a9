package dev.smtpdane.dane;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * The legacy Netscape certificate type extension (nsCertType, 2.16.840.1.113730.1.1) of a
 * DANE-TA leaf; RFC 5280 does not define it, but old private CAs (easy-rsa, OpenVPN) still set
 * it. Decision: OpenSSL's SSL-server purpose check, which Postfix and Exim apply to DANE-TA
 * chains, refuses a leaf whose nsCertType is present without the SSL-server bit
 * (crypto/x509/v3_purp.c {@code check_purpose_ssl_server}: {@code ns_reject(x,
 * NS_SSL_SERVER)}). For a CA OpenSSL reads it only when basicConstraints and keyUsage are
 * both absent ({@code check_ssl_ca}), which {@link PathChecks#caProblem} tolerates for the
 * top of the path alone, and then only with sslCA ({@link #allowsSslCa}). DANE-EE does not
 * look (RFC 7672 §3.1.1).
 */
final class NetscapeCertType {
  static final String OID = "2.16.840.1.113730.1.1";

  /** The bits of the first octet, most significant first (OpenSSL's NS_SSL_CLIENT 0x80...). */
  private static final List<String> BITS = List.of("sslClient", "sslServer", "smime",
      "objectSigning", "reserved", "sslCA", "smimeCA", "objectSigningCA");
  private static final int SSL_SERVER = 0x40;
  private static final int SSL_CA = 0x04;

  private NetscapeCertType() {}

  /**
   * Why the leaf's nsCertType forbids TLS server use, if it does: present without sslServer,
   * or unreadable (stricter than OpenSSL, which would then skip the purpose check).
   */
  static Optional<RecordResult> leafProblem(X509Certificate leaf) {
    byte[] extension = leaf.getExtensionValue(OID);
    if (extension == null) {
      return Optional.empty();
    }
    OptionalInt read = firstOctet(extension);
    if (read.isEmpty()) { // a malformed extension is an outcome (style.md §10)
      return Optional.of(new RecordResult.NsCertTypeNotServer(List.of()));
    }
    int first = read.getAsInt();
    if ((first & SSL_SERVER) != 0) {
      return Optional.empty();
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < BITS.size(); i++) {
      if ((first & (0x80 >> i)) != 0) {
        types.add(BITS.get(i));
      }
    }
    return Optional.of(new RecordResult.NsCertTypeNotServer(types));
  }

  /** True if {@code ca} has a readable nsCertType with the sslCA bit. */
  static boolean allowsSslCa(X509Certificate ca) {
    byte[] extension = ca.getExtensionValue(OID);
    return extension != null && (firstOctet(extension).orElse(0) & SSL_CA) != 0;
  }

  /** The first octet of the extension's bits (OpenSSL reads only ns->data[0]); empty if bad. */
  private static OptionalInt firstOctet(byte[] extension) {
    try {
      byte[] octets = ASN1OctetString.getInstance(extension).getOctets();
      byte[] bits = ASN1BitString.getInstance(ASN1Primitive.fromByteArray(octets)).getBytes();
      return OptionalInt.of(bits.length == 0 ? 0 : bits[0] & 0xff);
    } catch (Exception e) {
      return OptionalInt.empty();
    }
  }
}
