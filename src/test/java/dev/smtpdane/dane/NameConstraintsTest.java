package dev.smtpdane.dane;

import static dev.smtpdane.dane.TestPki.MX;
import static dev.smtpdane.dane.TestPki.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.CertificateBuilder;
import dev.smtpdane.lab.pki.HeldCertificate;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DANE-TA: the dNSName name constraints of the CAs on the path bind the leaf's names (RFC 5280
 * §4.2.1.10, §6.1.3 (b), (c)), as OpenSSL (Postfix, Exim) applies them. DANE-EE ignores them.
 */
class NameConstraintsTest {
  private static final String OID = "2.5.29.30";

  /**
   * Constraints on the intermediate (position 1) under a sent root anchored by {@code 2 1 1}.
   * Columns: permitted and excluded dNSName bases (space-separated, "-" for none), the leaf's
   * DNS-IDs (space-separated; "-" for none, then the CN alone names it), the reference name,
   * and the name and constraint a violation names ("-" when it passes).
   */
  @ParameterizedTest(name = "permit {0} exclude {1}, leaf {2} as {3}: {4}")
  @CsvSource(delimiter = '|', value = {
    "example.test | - | mx.example.test | mx.example.test | - | -",
    "example.test | - | example.test | example.test | - | -",
    "EXAMPLE.test | - | mx.example.TEST | mx.example.test | - | -",
    "example.test | - | mx.badexample.test | mx.badexample.test | mx.badexample.test"
        + " | permitted dNSName example.test",
    ".example.test | - | mx.example.test | mx.example.test | - | -",
    ".example.test | - | example.test | example.test | example.test"
        + " | permitted dNSName .example.test",
    "example.org | - | mx.example.test | mx.example.test | mx.example.test"
        + " | permitted dNSName example.org",
    "example.org example.test | - | mx.example.test | mx.example.test | - | -",
    // every name the leaf presents is bound, not only the one that matched
    "example.test | - | mx.example.test mx.other.test | mx.example.test | mx.other.test"
        + " | permitted dNSName example.test",
    "- | example.test | mx.example.test | mx.example.test | mx.example.test"
        + " | excluded dNSName example.test",
    "- | other.test | mx.example.test | mx.example.test | - | -",
    "example.test | bad.example.test | mx.example.test | mx.example.test | - | -",
    "example.test | mx.example.test | mx.example.test | mx.example.test | mx.example.test"
        + " | excluded dNSName mx.example.test",
    "'' | - | mx.example.test | mx.example.test | - | -",
    // a wildcard name is compared as written: within example.test, not within bad.example.test
    "example.test | bad.example.test | *.example.test | bad.example.test | - | -",
    "example.org | - | *.example.test | mx.example.test | *.example.test"
        + " | permitted dNSName example.org",
    // no DNS-ID: a host-name CN is bound; a wildcard CN is not a host name to OpenSSL
    "- | example.test | - | mx.example.test | mx.example.test | excluded dNSName example.test",
    "example.test | - | - | mx.example.test | - | -",
  })
  void leafNamesMustKeepToDnsNameConstraints_Rfc5280_4_2_1_10(String permitted,
      String excluded, String dnsIds, String reference, String name, String constraint) {
    HeldCertificate root = TestPki.ca("NC Root").build();
    HeldCertificate inter = TestPki.ca("NC Inter").signedBy(root)
        .extension(OID, true, constraints(permitted, excluded)).build();
    CertificateBuilder leaf = HeldCertificate.builder().commonName(reference)
        .validity(TestPki.FROM, TestPki.UNTIL).signedBy(inter);
    if (!dnsIds.equals("-")) {
      leaf.dnsNames(dnsIds.split(" "));
    }
    List<X509Certificate> chain = List.of(leaf.build().certificate(), inter.certificate(),
        root.certificate());
    RecordResult r = DaneVerifier.verify(chain, List.of(TestPki.ta211(root.certificate())),
        List.of(reference), NOW).records().get(0).result();
    if (name.equals("-")) {
      assertThat(r.matched()).as(r.explain()).isTrue();
    } else {
      assertThat(r).isEqualTo(new RecordResult.NameConstraintViolation(1, name, constraint));
      assertThat(r.code().code()).isEqualTo("leaf-name-constraint-violation");
    }
  }

  @Test
  void wildcardCommonNameIsNotBoundAsOpenSslDoes() {
    // OpenSSL's cn2dnsid takes no CN with '*' for a host name, so no constraint binds it.
    HeldCertificate inter = TestPki.ca("NC Wild").extension(OID, true,
        constraints("-", "example.test")).build();
    HeldCertificate leaf = HeldCertificate.builder().commonName("*.example.test")
        .validity(TestPki.FROM, TestPki.UNTIL).signedBy(inter).build();
    assertThat(DaneTaTest.result(List.of(leaf.certificate(), inter.certificate()),
        TestPki.ta211(inter.certificate())).matched()).isTrue();
  }

  /** Where the constraining CA sits: a {@code 2 1 1} anchor sent, a {@code 2 0 0} anchor. */
  enum Place { SENT_ANCHOR, RECORD_CERTIFICATE, ABOVE_THE_ANCHOR, CROSS_SIGN_OFF_THE_PATH }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Place.class)
  void constraintsOfEveryCaOnThePathCountTheAnchorIncluded(Place place) {
    HeldCertificate root = TestPki.ca("NC Anchor").extension(OID, true,
        constraints("example.org", "-")).build();
    HeldCertificate other = TestPki.ca("NC Other Root").build();
    HeldCertificate inter = TestPki.ca("NC Issuing").signedBy(root).build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter).build();
    X509Certificate l = leaf.certificate();
    RecordResult r = switch (place) {
      case SENT_ANCHOR -> DaneTaTest.result(List.of(l, inter.certificate(), root.certificate()),
          TestPki.ta211(root.certificate()));
      case RECORD_CERTIFICATE -> DaneTaTest.result(List.of(l, inter.certificate()),
          TestPki.tlsa(2, Selector.CERT, MatchingType.FULL, root.certificate()));
      case ABOVE_THE_ANCHOR -> DaneTaTest.result(List.of(l, inter.certificate(),
          root.certificate()), TestPki.ta211(inter.certificate()));
      case CROSS_SIGN_OFF_THE_PATH -> {
        // The constrained root is sent, but the anchor is another root over the same key.
        HeldCertificate crossed = TestPki.ca("NC Anchor").keyPair(root.keyPair())
            .signedBy(other).build();
        yield DaneTaTest.result(List.of(l, inter.certificate(), crossed.certificate(),
            other.certificate(), root.certificate()), TestPki.ta211(other.certificate()));
      }
    };
    switch (place) {
      case SENT_ANCHOR, RECORD_CERTIFICATE -> assertThat(r).isEqualTo(
          new RecordResult.NameConstraintViolation(place == Place.SENT_ANCHOR ? 2
              : RecordResult.RECORD_CERTIFICATE, MX, "permitted dNSName example.org"));
      case ABOVE_THE_ANCHOR, CROSS_SIGN_OFF_THE_PATH -> assertThat(r.matched())
          .as(r.explain()).isTrue();
    }
  }

  @Test
  void daneEeIgnoresNameConstraints_Rfc7672_3_1_1() {
    HeldCertificate inter = TestPki.ca("NC EE").extension(OID, true,
        constraints("example.org", "-")).build();
    HeldCertificate leaf = TestPki.leaf(MX).signedBy(inter).build();
    List<X509Certificate> chain = List.of(leaf.certificate(), inter.certificate());
    assertThat(DaneTaTest.result(chain, TestPki.ee311(leaf.certificate())).matched()).isTrue();
    assertThat(DaneTaTest.result(chain, TestPki.ta211(inter.certificate())))
        .isInstanceOf(RecordResult.NameConstraintViolation.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"only other name forms, true", "subtree with a maximum, false",
      "subtree with a minimum, false", "unreadable, false"})
  void otherFormsPassButMinimumMaximumAndUnreadableConstraintsFail(String row, boolean pass) {
    NameConstraints other = new NameConstraints(new GeneralSubtree[] {
        new GeneralSubtree(new GeneralName(new X500Name("O=Elsewhere"))),
        new GeneralSubtree(new GeneralName(GeneralName.rfc822Name, "example.org"))}, null);
    NameConstraints maximum = new NameConstraints(new GeneralSubtree[] {new GeneralSubtree(
        new GeneralName(GeneralName.dNSName, "example.test"), BigInteger.ZERO,
        BigInteger.ONE)}, null);
    NameConstraints minimum = new NameConstraints(new GeneralSubtree[] {new GeneralSubtree(
        new GeneralName(GeneralName.dNSName, "example.test"), BigInteger.ONE, null)}, null);
    CertificateBuilder b = TestPki.ca("NC Forms");
    // A non-critical extension the JDK cannot parse still reaches us; a critical one would not.
    b = switch (row) {
      case "only other name forms" -> b.extension(OID, true, other);
      case "subtree with a maximum" -> b.extension(OID, true, maximum);
      case "subtree with a minimum" -> b.extension(OID, true, minimum);
      default -> b.extension(OID, false, new DERUTF8String("not a SEQUENCE"));
    };
    HeldCertificate inter = b.build();
    RecordResult r = DaneTaTest.result(List.of(TestPki.leaf(MX).signedBy(inter).build()
        .certificate(), inter.certificate()), TestPki.ta211(inter.certificate()));
    if (pass) {
      assertThat(r.matched()).as(r.explain()).isTrue();
    } else if (row.equals("unreadable")) {
      assertThat(r).isEqualTo(new RecordResult.UnhandledCriticalExtension(1, OID));
    } else {
      assertThat(r).isInstanceOfSatisfying(RecordResult.NameConstraintViolation.class,
          v -> assertThat(v.constraint()).contains("minimum or maximum"));
    }
  }

  @ParameterizedTest(name = "{0} within {1}: {2}")
  @CsvSource({
    "mx.example.test, example.test, true", "example.test, example.test, true",
    "mx.example.test, .example.test, true", "example.test, .example.test, false",
    "badexample.test, example.test, false", "test, example.test, false",
    "MX.Example.Test, example.TEST, true", "mx.example.test, '', true",
    "mx.example.test., example.test, false",
    // the labels must end in the base itself, not merely in a name of the same length
    "example.org, example.com, false", "mx.example.org, example.com, false"})
  void withinAddsLabelsOnTheLeftOnly_Rfc5280_4_2_1_10(String name, String base, boolean in) {
    assertThat(DnsNameConstraints.within(name, base)).isEqualTo(in);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "mx.example.test, true", "a_b.example.test, true", "mx, false", "*.example.test, false",
    "-mx.example.test, false", "mx-.example.test, false", "mx..example.test, false",
    ".example.test, false", "example.test., false", "Mail Server, false",
    "mx.exämple.test, false",
    // an inner '-' is part of a label; a label may neither start nor end with one
    "mail-1.example.test, true", "mx.-bad.example.test, false", "mx.bad-.example.test, false"})
  void hostNameLikeCommonNamesAsOpenSslCn2dnsid(String cn, boolean hostName) {
    assertThat(DnsNameConstraints.hostNameLike(cn)).isEqualTo(hostName);
  }

  private static NameConstraints constraints(String permitted, String excluded) {
    return new NameConstraints(subtrees(permitted), subtrees(excluded));
  }

  private static GeneralSubtree[] subtrees(String bases) {
    if (bases.equals("-")) {
      return null;
    }
    return Arrays.stream(bases.isEmpty() ? new String[] {""} : bases.split(" "))
        .map(b -> new GeneralSubtree(new GeneralName(GeneralName.dNSName, b)))
        .toArray(GeneralSubtree[]::new);
  }
}
