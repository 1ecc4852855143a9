package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpdane.lab.pki.HeldCertificate;
import java.security.cert.CertificateParsingException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

/** {@link SubjectAltNames}: every SAN of a certificate, typed as OpenSSL prints them. */
class SubjectAltNamesTest {
  private static final String SAN = "2.5.29.17";

  private static HeldCertificate withSans(GeneralName... names) {
    return HeldCertificate.builder().commonName("sans.test")
        .extension(SAN, false, new GeneralNames(names)).build();
  }

  @Test
  void everyKindOfNameIsListedWithItsType_Rfc5280_4_2_1_6() {
    HeldCertificate cert = withSans(
        new GeneralName(GeneralName.dNSName, "mx.sans.test"),
        new GeneralName(GeneralName.iPAddress, "192.0.2.1"),
        new GeneralName(GeneralName.iPAddress, "2001:db8::1"),
        new GeneralName(GeneralName.rfc822Name, "postmaster@sans.test"),
        new GeneralName(GeneralName.uniformResourceIdentifier, "https://sans.test/"),
        new GeneralName(new X500Name("CN=Dir,O=Lab")),
        new GeneralName(GeneralName.registeredID, new ASN1ObjectIdentifier("1.2.3.4")),
        new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
            new ASN1ObjectIdentifier("1.2.3"), new DERTaggedObject(0, new DEROctetString(
                new byte[1]))})));
    assertThat(SubjectAltNames.of(cert.certificate())).containsExactly(
        "DNS:mx.sans.test", "IP:192.0.2.1", "IP:2001:db8:0:0:0:0:0:1",
        "email:postmaster@sans.test", "URI:https://sans.test/", "DirName:O=Lab,CN=Dir",
        "RID:1.2.3.4", "othername:(binary)");
  }

  @Test
  void namesBesideOneTheJdkRefusesAreStillListed() throws Exception {
    // A URI without a scheme is valid DER the JDK's parser refuses, and all SANs with it; the
    // DANE name check reads them as DER (dane.ServiceIdentity), so the listing must too.
    HeldCertificate cert = withSans(
        new GeneralName(GeneralName.uniformResourceIdentifier, "mx.sans.test"),
        new GeneralName(GeneralName.dNSName, "other.sans.test"));
    assertThatThrownBy(() -> cert.certificate().getSubjectAlternativeNames())
        .isInstanceOf(CertificateParsingException.class);
    assertThat(SubjectAltNames.of(cert.certificate()))
        .containsExactly("URI:mx.sans.test", "DNS:other.sans.test");
    assertThat(CertificateInfo.of(0, cert.certificate()).dnsNames())
        .containsExactly("other.sans.test");
  }

  @Test
  void noExtensionListsNothing() {
    assertThat(SubjectAltNames.of(HeldCertificate.builder().commonName("none.test").build()
        .certificate())).isEmpty();
  }
}
