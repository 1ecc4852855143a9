package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.CertificateBuilder;
import dev.smtpdane.lab.pki.HeldCertificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.misc.NetscapeCertType;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DANE-TA: a certificate on the path with a critical extension the check does not process is
 * rejected (RFC 5280 §4.2), as OpenSSL rejects it (X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION).
 * Certificates off the validated path, and DANE-EE (RFC 7672 §3.1.1), are not affected.
 */
class CriticalExtensionTest {
  private static final String UNKNOWN = "1.3.6.1.4.1.55555.7";

  /**
   * Chain: leaf, intermediate, root, and an extra CA that signed nothing; {@code 2 1 1} of the
   * root, or {@code 2 0 0} of it with the root not sent. Columns: which certificate carries
   * the extension, its OID, critical or not, and the position the result names (none: pass).
   */
  @ParameterizedTest(name = "{1} critical={2} on {0}: {3}")
  @CsvSource({
    "leaf, " + UNKNOWN + ", true, 0",
    "leaf, " + UNKNOWN + ", false, ",
    "intermediate, " + UNKNOWN + ", true, 1",
    "intermediate, " + UNKNOWN + ", false, ",
    "sent anchor, " + UNKNOWN + ", true, 2",
    "record anchor, " + UNKNOWN + ", true, -1",
    "record anchor, " + UNKNOWN + ", false, ",
    "extra CA off the path, " + UNKNOWN + ", true, ",
    "leaf, 2.5.29.32, true, ", // certificatePolicies: recognised
    "intermediate, 2.5.29.32, true, ",
    "leaf, 2.5.29.31, true, ", // cRLDistributionPoints: OpenSSL accepts it too
    // Netscape cert type (here sslServer): processed, as in OpenSSL (NetscapeCertType)
    "leaf, 2.16.840.1.113730.1.1, true, ",
    "intermediate, 2.16.840.1.113730.1.1, true, ",
    "leaf, 2.16.840.1.113730.1.1, false, "})
  void unprocessedCriticalExtensionOnThePathFails_Rfc5280_4_2(String where, String oid,
      boolean critical, Integer position) {
    UnaryOperator<CertificateBuilder> ext = b -> b.extension(oid, critical, value(oid));
    UnaryOperator<CertificateBuilder> none = UnaryOperator.identity();
    HeldCertificate root = (where.endsWith("anchor") ? ext : none).apply(TestPki.ca("CE Root"))
        .build();
    HeldCertificate inter = (where.equals("intermediate") ? ext : none)
        .apply(TestPki.ca("CE Inter").signedBy(root)).build();
    HeldCertificate leaf = (where.equals("leaf") ? ext : none)
        .apply(TestPki.leaf(MX).signedBy(inter)).build();
    HeldCertificate extra = (where.startsWith("extra") ? ext : none)
        .apply(TestPki.ca("CE Extra")).build();
    RecordResult r = where.equals("record anchor")
        ? DaneTaTest.result(List.of(leaf.certificate(), inter.certificate()),
            TestPki.tlsa(2, Selector.CERT, MatchingType.FULL, root.certificate()))
        : DaneTaTest.result(List.of(leaf.certificate(), inter.certificate(),
            root.certificate(), extra.certificate()), TestPki.ta211(root.certificate()));
    if (position == null) {
      assertThat(r.matched()).as(r.explain()).isTrue();
    } else {
      assertThat(r).isEqualTo(new RecordResult.UnhandledCriticalExtension(position, oid));
      assertThat(r.code().code()).isEqualTo("chain-unhandled-critical-extension");
      assertThat(r.explain()).contains(oid);
    }
  }

  @Test
  void daneEeIgnoresCriticalExtensions_Rfc7672_3_1_1() {
    HeldCertificate inter = TestPki.ca("CE EE").build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter)
        .extension(UNKNOWN, true, DERNull.INSTANCE).build();
    List<X509Certificate> chain = List.of(leaf.certificate(), inter.certificate());
    assertThat(DaneTaTest.result(chain, TestPki.ee311(leaf.certificate())).matched()).isTrue();
    assertThat(DaneTaTest.result(chain, TestPki.ta211(inter.certificate())))
        .isEqualTo(new RecordResult.UnhandledCriticalExtension(0, UNKNOWN));
  }

  private static ASN1Encodable value(String oid) {
    return switch (oid) {
      case "2.5.29.32" -> new CertificatePolicies(
          new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.1")));
      case "2.5.29.31" -> new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(
          new DistributionPointName(new GeneralNames(new GeneralName(
              GeneralName.uniformResourceIdentifier, "http://crl.example.test/ca.crl"))),
          null, null)});
      case "2.16.840.1.113730.1.1" -> new NetscapeCertType(NetscapeCertType.sslServer);
      default -> DERNull.INSTANCE;
    };
  }
}
