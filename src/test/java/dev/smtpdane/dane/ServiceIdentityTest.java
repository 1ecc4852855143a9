package dev.smtpdane.dane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** DANE-TA name checks (RFC 7672 §3.2.3, RFC 6125 §6.4). */
class ServiceIdentityTest {
  private static final String SAN = "2.5.29.17";

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "mx.example.test,      mx.example.test,       true",
    "MX.Example.TEST,      mx.example.test,       true", // case-insensitive
    "mx.example.test.,     mx.example.test,       true", // trailing dot ignored
    "mx.example.test,      MX.EXAMPLE.TEST.,      true",
    "mx.example.test,      mx2.example.test,      false",
    "mx.example.test,      example.test,          false",
    "*.example.test,       mx.example.test,       true", // one whole left-most label
    "*.Example.Test,       MX.example.test.,      true",
    "*.example.test,       a.b.example.test,      false", // never more than one label
    "*.example.test,       example.test,          false", // never zero labels
    "*.example.test,       .example.test,         false",
    "mx*.example.test,     mx.example.test,       false", // partial-label wildcards: never
    "mx*.example.test,     mx1.example.test,      false",
    "*x.example.test,      mx.example.test,       false",
    "m*x.example.test,     mx.example.test,       false",
    "mx.*.example.test,    mx.a.example.test,     false",
    "*.*.example.test,     a.b.example.test,      false",
    "*,                    mx,                    false",
    "*.test,               example.test,          false", // decision: 2+ labels after '*'
    "*.com,                example.com,           false",
    "xn--bcher-kva.test,   xn--bcher-kva.test,    true", // A-labels compared as they are
    "xn--bcher-kva.test,   bücher.test,           false",
    "'',                   mx.example.test,       false"
  })
  void matchesPresentedNameAgainstReference(String presented, String reference, boolean match) {
    ServiceIdentity id = ServiceIdentity.of(List.of(reference));
    boolean matched = !id.referenceNames().isEmpty()
        && ServiceIdentity.matches(presented, id.referenceNames().get(0));
    assertThat(matched).isEqualTo(match);
  }

  @Test
  void referenceIdentifierWithWildcardNeverMatches() {
    assertThat(ServiceIdentity.of(List.of("*.example.test")).referenceNames()).isEmpty();
  }

  @Test
  void commonNameIsUsedOnlyWithoutDnsIds_Rfc6125_6_4_4() {
    HeldCertificate cnOnly = HeldCertificate.builder().commonName("mx.example.test").build();
    HeldCertificate sanOther = HeldCertificate.builder().commonName("mx.example.test")
        .dnsNames("other.example.test").build();
    ServiceIdentity id = ServiceIdentity.of(List.of("mx.example.test"));
    assertThat(id.match(cnOnly.certificate())).contains(
        new ServiceIdentity.NameMatch("mx.example.test", "mx.example.test"));
    assertThat(id.match(sanOther.certificate())).isEmpty();
    assertThat(ServiceIdentity.presentedNames(sanOther.certificate()))
        .containsExactly("other.example.test");
  }

  /**
   * Only dNSName subjectAltNames are DNS-IDs (RFC 6125 §6.4.4, RFC 7672 §3.2.2): another name
   * form that spells the host name is not one, and with no dNSName the CN is used.
   */
  @Test
  void onlyDnsNameSubjectAltNamesArePresentedNames_Rfc6125_6_4_4() {
    HeldCertificate otherForms = HeldCertificate.builder().commonName("mx.example.test")
        .extension(SAN, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.rfc822Name, "mx.example.test"),
            new GeneralName(GeneralName.dNSName, "other.example.test")})).build();
    assertThat(ServiceIdentity.presentedNames(otherForms.certificate()))
        .containsExactly("other.example.test");
    assertThat(ServiceIdentity.of(List.of("mx.example.test")).match(otherForms.certificate()))
        .isEmpty();
    HeldCertificate noDnsName = HeldCertificate.builder().commonName("mx.example.test")
        .extension(SAN, false, new GeneralNames(
            new GeneralName(GeneralName.rfc822Name, "other.example.test")))
        .build();
    assertThat(ServiceIdentity.presentedNames(noDnsName.certificate()))
        .containsExactly("mx.example.test");
  }

  /** A DANE-TA leaf named mx by its CN only, with {@code sans} as its subjectAltName. */
  private static HeldCertificate leafWithSans(TestPki.Chain ec, ASN1Encodable sans) {
    return HeldCertificate.builder().commonName(TestPki.MX)
        .validity(TestPki.FROM, TestPki.UNTIL).signedBy(ec.inter())
        .extension(SAN, false, sans).build();
  }

  private static ASN1Encodable nested(int depth) {
    ASN1Encodable inner = new DEROctetString(new byte[1]);
    for (int i = 0; i < depth; i++) {
      inner = new DERSequence(inner);
    }
    return inner;
  }

  static Stream<Arguments> sansNotReadableStrictly() {
    ASN1ObjectIdentifier type = new ASN1ObjectIdentifier("1.2.3.4");
    return Stream.of(
        // Valid DER the JDK's parser refuses; OpenSSL sees the DNS-ID beside it.
        Arguments.of("URI without a scheme", new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.uniformResourceIdentifier, TestPki.MX),
            new GeneralName(GeneralName.dNSName, "other.example.test")})),
        // Nested deeper than Bouncy Castle decodes; OpenSSL sees the DNS-ID beside it.
        Arguments.of("otherName nested 70 deep", new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
                type, new DERTaggedObject(true, 0, nested(70))})),
            new GeneralName(GeneralName.dNSName, "other.example.test")})),
        // An otherName without its [0] value: the JDK refuses it, OpenSSL cannot even load the
        // certificate; the DNS-ID beside it must not count either.
        Arguments.of("otherName without a value", new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.otherName, new DERSequence(type)),
            new GeneralName(GeneralName.dNSName, TestPki.MX)})));
  }

  /**
   * A subjectAltName that is present but not readable strictly presents no names: never the CN
   * instead (RFC 6125 §6.4.4), which would be a false pass, since the SAN may hold DNS-IDs for
   * other hosts (ServiceIdentity#unreadableSan).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sansNotReadableStrictly")
  void unreadableSanPresentsNoNamesNotTheCommonName_Rfc6125_6_4_4(String what,
      ASN1Encodable sans) {
    TestPki.Chain ec = TestPki.chain(KeyType.ECDSA_P256);
    HeldCertificate leaf = leafWithSans(ec, sans);
    assertThat(ServiceIdentity.unreadableSan(leaf.certificate())).isTrue();
    assertThat(ServiceIdentity.presentedNames(leaf.certificate())).isEmpty();
    assertThat(DaneTaTest.result(List.of(leaf.certificate(), ec.inter().certificate()),
        TestPki.ta211(ec.inter().certificate()))).isEqualTo(new RecordResult.NameMismatch(
            List.of(TestPki.MX), List.of()));
  }

  @Test
  void sanWithBytesAfterItIsNotDerAndPresentsNoNames() throws Exception {
    // The JDK reads past the trailing bytes, OpenSSL does not decode the extension at all.
    byte[] der = new GeneralNames(new GeneralName(GeneralName.dNSName, TestPki.MX)).getEncoded();
    assertPresentsNoNames("trailing bytes", Arrays.copyOf(der, der.length + 2));
    assertThat(ServiceIdentity.presentedNames(leafWithSan(der))).containsExactly(TestPki.MX);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // mx.example.test is 6d782e6578616d706c652e74657374 (15 bytes)
      "dNSName with a long-form length, 301282810f6d782e6578616d706c652e74657374",
      "SEQUENCE with a long-form length, 308111820f6d782e6578616d706c652e74657374",
      "SEQUENCE of indefinite length, 3080820f6d782e6578616d706c652e746573740000",
  })
  void sanInBerNotDerPresentsNoNames(String form, String hex) throws Exception {
    // BER that a lenient reader (Bouncy Castle here; OpenSSL too) decodes to the host's name;
    // but it is not DER (RFC 5280 §4.1): no name, and not the CN either. Deliberately
    // stricter than OpenSSL (ServiceIdentity.unreadableSan).
    byte[] ber = java.util.HexFormat.of().parseHex(hex);
    GeneralName[] lenient = GeneralNames.getInstance(ber).getNames();
    assertThat(lenient).hasSize(1);
    assertThat(lenient[0].getTagNo()).isEqualTo(GeneralName.dNSName);
    assertThat(lenient[0].getName()).hasToString(TestPki.MX);
    assertPresentsNoNames(form, ber);
  }

  @Test
  void sanWithAConstructedDnsNamePresentsNoNames() throws Exception {
    // [2] built of two IA5String parts, "mx" and ".example.test" (BER allows it, DER not).
    // Bouncy Castle refuses it; a reader that joins the parts would see mx.example.test.
    assertPresentsNoNames("constructed dNSName", java.util.HexFormat.of()
        .parseHex("3015a21316026d78160d2e6578616d706c652e74657374"));
  }

  private static void assertPresentsNoNames(String form, byte[] san) {
    X509Certificate leaf = leafWithSan(san);
    assertThat(ServiceIdentity.unreadableSan(leaf)).as(form).isTrue();
    assertThat(ServiceIdentity.presentedNames(leaf)).as(form).isEmpty();
  }

  /** A leaf for the host whose subjectAltName extension is exactly these bytes. */
  private static X509Certificate leafWithSan(byte[] san) {
    return HeldCertificate.builder().commonName(TestPki.MX).validity(TestPki.FROM, TestPki.UNTIL)
        .signedBy(TestPki.chain(KeyType.ECDSA_P256).inter()).rawExtension(SAN, false, san)
        .build().certificate();
  }

  @Test
  void readableSanWithTheHostPasses() {
    TestPki.Chain ec = TestPki.chain(KeyType.ECDSA_P256);
    HeldCertificate leaf = leafWithSans(ec, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.uniformResourceIdentifier, "https://mx.example.test/"),
        new GeneralName(GeneralName.dNSName, TestPki.MX)}));
    assertThat(ServiceIdentity.unreadableSan(leaf.certificate())).isFalse();
    assertThat(DaneTaTest.result(List.of(leaf.certificate(), ec.inter().certificate()),
        TestPki.ta211(ec.inter().certificate())).matched()).isTrue();
  }

  @Test
  void onlyCommonNameAttributesAreNamesNotTheirRdnNeighbours() {
    // A multi-valued RDN CN+O: the O is not a name; a CN that is not a string is skipped.
    HeldCertificate multiValued = HeldCertificate.builder()
        .subject("CN=mx.example.test+O=other.example.test").build();
    assertThat(ServiceIdentity.presentedNames(multiValued.certificate()))
        .containsExactly("mx.example.test");
    HeldCertificate integerCn = HeldCertificate.builder()
        .subject("CN=#020105,CN=mx.example.test").build(); // the first CN is INTEGER 5
    assertThat(ServiceIdentity.presentedNames(integerCn.certificate()))
        .containsExactly("mx.example.test");
  }

  @Test
  void everyCommonNameCountsWhenThereAreSeveral() {
    HeldCertificate twoCns = HeldCertificate.builder()
        .subject("CN=first.example.test,CN=mx.example.test").build();
    assertThat(ServiceIdentity.presentedNames(twoCns.certificate()))
        .containsExactlyInAnyOrder("first.example.test", "mx.example.test");
    assertThat(ServiceIdentity.of(List.of("mx.example.test")).match(twoCns.certificate()))
        .isPresent();
    assertThat(ServiceIdentity.of(List.of("third.example.test")).match(twoCns.certificate()))
        .isEmpty();
  }

  @Test
  void anyOfSeveralDnsIdsAndReferenceNamesMayMatch() {
    HeldCertificate multi = HeldCertificate.builder().commonName("x")
        .dnsNames("a.example.test", "*.mail.example.test").build();
    ServiceIdentity id = ServiceIdentity.of(List.of("b.example.test", "MX.mail.example.test."));
    assertThat(id.referenceNames()).containsExactly("b.example.test", "mx.mail.example.test");
    assertThat(id.match(multi.certificate())).contains(
        new ServiceIdentity.NameMatch("mx.mail.example.test", "*.mail.example.test"));
  }

  @Test
  void referenceNamesAreNormalisedAndDeduplicated() {
    assertThat(ServiceIdentity.of(List.of("MX.example.test.", "mx.example.test", " ", ""))
        .referenceNames()).containsExactly("mx.example.test");
  }
}
