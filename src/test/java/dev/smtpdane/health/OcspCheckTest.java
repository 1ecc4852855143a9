package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.ocsp.OcspResponseBuilder;
import dev.smtpdane.lab.pki.HeldCertificate;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link OcspCheck#check} on responses made in code: each rule of RFC 6960 with a pass beside. */
class OcspCheckTest {
  static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
  static final HeldCertificate ROOT = ca("Lab Root", null);
  static final HeldCertificate CA = ca("Lab Issuing CA", ROOT);
  static final HeldCertificate MALLORY = ca("Lab Issuing CA", null); // CA's name, another key
  static final HeldCertificate LEAF = HeldCertificate.builder().commonName("mx.ocsp.test")
      .signedBy(CA).validity(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(60)))
      .build();
  static final HeldCertificate OTHER_LEAF = HeldCertificate.builder().commonName("other.test")
      .signedBy(CA).build();
  static final List<X509Certificate> CHAIN = List.of(LEAF.certificate(), CA.certificate());

  private static HeldCertificate ca(String name, HeldCertificate issuer) {
    var b = HeldCertificate.builder().commonName(name).ca()
        .validity(NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)));
    return (issuer == null ? b : b.signedBy(issuer)).build();
  }

  private static HeldCertificate responder(HeldCertificate issuer, Instant from, Instant until,
      KeyPurposeId... eku) {
    return HeldCertificate.builder().commonName("Lab OCSP Responder").signedBy(issuer)
        .validity(from, until).extendedKeyUsage(eku).build();
  }

  private static OcspResponseBuilder byCa() {
    return OcspResponseBuilder.signedBy(CA).thisUpdate(NOW.minus(Duration.ofHours(1)))
        .nextUpdate(NOW.plus(Duration.ofDays(3)));
  }

  private static byte[] about(OcspResponseBuilder b, HeldCertificate subject) {
    return b.build(subject.certificate(), CA.certificate());
  }

  private static OcspResponseBuilder delegatedBy(HeldCertificate delegate) {
    return OcspResponseBuilder.signedBy(delegate).embed(delegate.certificate())
        .thisUpdate(NOW.minus(Duration.ofHours(1))).nextUpdate(NOW.plus(Duration.ofDays(3)));
  }

  static Stream<Arguments> leafResponses() {
    Instant yearAgo = NOW.minus(Duration.ofDays(365));
    Instant inAYear = NOW.plus(Duration.ofDays(365));
    return Stream.of(
        row("good, signed by the issuer", byCa(), OcspResult.Good.class),
        row("revoked", byCa().revoked(NOW.minus(Duration.ofDays(1)), 1),
            OcspResult.Revoked.class),
        row("unknown", byCa().unknown(), OcspResult.Unknown.class),
        row("nextUpdate passed", byCa().nextUpdate(NOW.minus(Duration.ofMinutes(6))),
            OcspResult.Stale.class),
        row("nextUpdate passed within the skew", byCa().nextUpdate(
            NOW.minus(Duration.ofMinutes(4))), OcspResult.Good.class),
        row("thisUpdate in the future", byCa().thisUpdate(NOW.plus(Duration.ofMinutes(6))),
            OcspResult.NotYetValid.class),
        row("thisUpdate in the future within the skew",
            byCa().thisUpdate(NOW.plus(Duration.ofMinutes(4))), OcspResult.Good.class),
        row("no nextUpdate", byCa().nextUpdate(null), OcspResult.Good.class),
        row("revoked, even when stale (revocation is final)",
            byCa().revoked(NOW.minus(Duration.ofDays(9)), 0)
                .thisUpdate(NOW.minus(Duration.ofDays(8)))
                .nextUpdate(NOW.minus(Duration.ofDays(1))), OcspResult.Revoked.class),
        row("signed by a wrong key with the issuer's name", OcspResponseBuilder.signedBy(MALLORY)
            .thisUpdate(NOW.minus(Duration.ofHours(1))), OcspResult.BadSignature.class),
        row("revoked but signed by a wrong key", OcspResponseBuilder.signedBy(MALLORY)
            .revoked(NOW, 1).thisUpdate(NOW), OcspResult.BadSignature.class),
        row("delegated responder with the OCSP-signing EKU", delegatedBy(responder(CA, yearAgo,
            inAYear, KeyPurposeId.id_kp_OCSPSigning)), OcspResult.Good.class),
        row("delegated responder without the OCSP-signing EKU", delegatedBy(responder(CA,
            yearAgo, inAYear, KeyPurposeId.id_kp_serverAuth)), OcspResult.BadSignature.class),
        row("delegated responder issued by another CA", delegatedBy(responder(MALLORY, yearAgo,
            inAYear, KeyPurposeId.id_kp_OCSPSigning)), OcspResult.BadSignature.class),
        row("delegated responder whose certificate expired", delegatedBy(responder(CA, yearAgo,
            NOW.minus(Duration.ofDays(1)), KeyPurposeId.id_kp_OCSPSigning)),
            OcspResult.BadSignature.class),
        row("delegated responder certificate not included", OcspResponseBuilder.signedBy(
            responder(CA, yearAgo, inAYear, KeyPurposeId.id_kp_OCSPSigning))
            .thisUpdate(NOW.minus(Duration.ofHours(1))), OcspResult.BadSignature.class));
  }

  private static Arguments row(String name, OcspResponseBuilder b, Class<?> expected) {
    return Arguments.of(name, b, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leafResponses")
  void responseAboutTheLeafIsJudged_Rfc6960(String name, OcspResponseBuilder response,
      Class<?> expected) {
    OcspResult result = OcspCheck.check(List.of(about(response, LEAF)), CHAIN, NOW);
    assertThat(result).isInstanceOf(expected);
  }

  static Stream<Arguments> otherStaples() {
    byte[] good = about(byCa(), LEAF);
    byte[] garbage = "not an OCSP response".getBytes(StandardCharsets.US_ASCII);
    byte[] tryLater = about(byCa().errorStatus(OcspResponseBuilder.TRY_LATER), LEAF);
    byte[] aboutCa = OcspResponseBuilder.signedBy(ROOT).thisUpdate(NOW)
        .build(CA.certificate(), ROOT.certificate());
    List<X509Certificate> full = List.of(LEAF.certificate(), CA.certificate(),
        ROOT.certificate());
    List<X509Certificate> sloppy = List.of(LEAF.certificate(), ROOT.certificate(),
        CA.certificate());
    return Stream.of(
        Arguments.of("no staple", List.of(), CHAIN, OcspResult.Missing.class),
        Arguments.of("about another certificate", List.of(about(byCa(), OTHER_LEAF)), CHAIN,
            OcspResult.WrongCertificate.class),
        Arguments.of("garbage", List.of(garbage), CHAIN, OcspResult.Unparsable.class),
        Arguments.of("empty bytes", List.of(new byte[0]), CHAIN, OcspResult.Unparsable.class),
        Arguments.of("tryLater error response", List.of(tryLater), CHAIN,
            OcspResult.ErrorResponse.class),
        Arguments.of("lone DANE-EE leaf", List.of(good), List.of(LEAF.certificate()),
            OcspResult.Unverifiable.class),
        Arguments.of("issuer not among the certificates sent", List.of(good),
            List.of(LEAF.certificate(), ROOT.certificate()), OcspResult.Unverifiable.class),
        Arguments.of("no certificate presented", List.of(good), List.of(),
            OcspResult.Unverifiable.class),
        Arguments.of("TLS 1.3: the intermediate's response first", List.of(aboutCa, good), full,
            OcspResult.Good.class),
        Arguments.of("garbage, then the leaf's response", List.of(garbage, good), CHAIN,
            OcspResult.Good.class),
        Arguments.of("sloppy chain, issuer last", List.of(good), sloppy, OcspResult.Good.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherStaples")
  void stapleSetsAndChainShapesAreJudged(String name, List<byte[]> staples,
      List<X509Certificate> chain, Class<?> expected) {
    assertThat(OcspCheck.check(staples, chain, NOW)).isInstanceOf(expected);
  }

  @Test
  void goodResultNamesTheSignerAndDates() {
    HeldCertificate delegate = responder(CA, NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(1)), KeyPurposeId.id_kp_OCSPSigning);
    OcspResult byIssuer = OcspCheck.check(List.of(about(byCa(), LEAF)), CHAIN, NOW);
    OcspResult byDelegate = OcspCheck.check(List.of(about(delegatedBy(delegate), LEAF)), CHAIN,
        NOW);

    assertThat(byIssuer).isEqualTo(new OcspResult.Good(NOW.minus(Duration.ofHours(1)),
        java.util.Optional.of(NOW.plus(Duration.ofDays(3))), "the issuer CN=Lab Issuing CA"));
    assertThat(((OcspResult.Good) byDelegate).responder())
        .isEqualTo("delegated responder CN=Lab OCSP Responder (issued by CN=Lab Issuing CA)");
  }

  @Test
  void revokedResultCarriesTimeAndReason_Rfc5280_5_3_1() {
    Instant when = NOW.minus(Duration.ofDays(2));
    var withReason = OcspCheck.check(List.of(about(byCa().revoked(when, 1), LEAF)), CHAIN, NOW);
    assertThat(withReason).isEqualTo(new OcspResult.Revoked(when,
        java.util.Optional.of("keyCompromise"), "the issuer CN=Lab Issuing CA"));
  }

  @Test
  void wrongCertificateNamesBothSerials() {
    var result = OcspCheck.check(List.of(about(byCa(), OTHER_LEAF)), CHAIN, NOW);
    assertThat(result).isEqualTo(new OcspResult.WrongCertificate(
        List.of(Hex.serial(OTHER_LEAF.certificate().getSerialNumber())),
        Hex.serial(LEAF.certificate().getSerialNumber())));
  }

  @Test
  void loneLeafIsUnverifiableAndSaysWhy() {
    var result = OcspCheck.check(List.of(about(byCa(), LEAF)), List.of(LEAF.certificate()), NOW);
    assertThat(result).isInstanceOfSatisfying(OcspResult.Unverifiable.class, u -> {
      assertThat(u.reason()).contains("sent only its leaf", "DANE-EE", "CN=Lab Issuing CA");
      assertThat(u.claimedStatus()).contains("good");
    });
  }

  @Test
  void loneLeafWithARevokedStapleKeepsWhatTheResponseClaims() {
    var result = OcspCheck.check(List.of(about(byCa().revoked(NOW, 1), LEAF)),
        List.of(LEAF.certificate()), NOW);
    assertThat(result).isInstanceOfSatisfying(OcspResult.Unverifiable.class,
        u -> assertThat(u.claimedStatus()).contains("revoked"));
  }
}
