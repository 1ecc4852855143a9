package dev.smtpdane.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.dane.DaneResult;
import dev.smtpdane.dane.DaneVerifier;
import dev.smtpdane.dane.MatchingType;
import dev.smtpdane.dane.RecordResult;
import dev.smtpdane.dane.Selector;
import dev.smtpdane.dane.TlsaRecord;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expiry is judged on exactly the path a record validated (RFC 7672 §3.1.2), not on chain
 * positions: a sloppy chain with an expired cross-signed copy of the intermediate that the
 * validated path does not use must not produce an expiry error.
 */
class CertificateHealthTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(14);
  private static final String MX = "mx.example.test";

  /** Root, intermediate and leaf valid long after NOW; the root expiring in 5 days. */
  private static final HeldCertificate ROOT = ca("Health Root", 400, null, null);
  private static final HeldCertificate SOON_ROOT = ca("Health Soon Root", 5, null, null);
  private static final HeldCertificate OLD_ROOT = ca("Health Old Root", 400, null, null);

  static Stream<Arguments> chains() {
    return Stream.of(
        // name, root, record on root (else a 2 1 0 of the root's key, root not sent),
        // expected validated path, expected finding codes
        Arguments.of("2 1 1 root, root fine", ROOT, true, List.of(0, 2, 3), List.of()),
        Arguments.of("2 1 0 root key, root fine", ROOT, false, List.of(0, 2), List.of()),
        Arguments.of("2 1 1 root, root expiring", SOON_ROOT, true, List.of(0, 2, 3),
            List.of(FindingCode.CERT_EXPIRING)),
        Arguments.of("2 1 0 root key, root expiring", SOON_ROOT, false, List.of(0, 2),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void expiryIgnoresExpiredCrossSignNotOnValidatedPath_Rfc7672_3_1_2(String name,
      HeldCertificate root, boolean rootSent, List<Integer> path, List<FindingCode> codes)
      throws Exception {
    KeyPair interKey = KeyType.ECDSA_P256.generate();
    HeldCertificate inter = ca("Health Issuing CA", 300, interKey, root);
    // The same CA cross-signed by an old root, expired, sent first: on an issuer path of its
    // own ([0, 1]), but not on the one the record validates.
    HeldCertificate expiredCross = HeldCertificate.builder().commonName("Health Issuing CA")
        .ca().keyPair(interKey).signedBy(OLD_ROOT)
        .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(2))).build();
    HeldCertificate leaf = HeldCertificate.builder().commonName(MX).dnsNames(MX)
        .signedBy(inter).validity(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(80)))
        .build();
    List<X509Certificate> chain = rootSent
        ? List.of(leaf.certificate(), expiredCross.certificate(), inter.certificate(),
            root.certificate())
        : List.of(leaf.certificate(), expiredCross.certificate(), inter.certificate());
    TlsaRecord record = rootSent
        ? new TlsaRecord(2, 1, 1, MessageDigest.getInstance("SHA-256")
            .digest(root.certificate().getPublicKey().getEncoded()))
        : new TlsaRecord(2, Selector.SPKI.value(), MatchingType.FULL.value(),
            root.certificate().getPublicKey().getEncoded());

    DaneResult dane = DaneVerifier.verify(chain, List.of(record), List.of(MX), NOW);
    assertThat(dane.records().get(0).result()).isInstanceOfSatisfying(
        RecordResult.Matched.class, m -> assertThat(m.path()).isEqualTo(path));
    List<Finding> findings = CertificateHealth.expiry(dane, NOW, WINDOW);
    assertThat(findings).extracting(Finding::code).isEqualTo(codes);
    assertThat(findings).allMatch(f -> f.severity() == Severity.WARNING);
    // named by where the server sent it (position 3), not by its place on the path (2)
    assertThat(findings).allMatch(f -> f.message().contains("chain position 3"));
  }

  @ParameterizedTest(name = "second record on the intermediate, root expiring {0}")
  @MethodSource("bothRoots")
  void certificateOnTwoValidatedPathsIsReportedOnce(boolean soon) throws Exception {
    HeldCertificate root = soon ? SOON_ROOT : ROOT;
    HeldCertificate inter = ca("Health Issuing CA 2", 300, null, root);
    HeldCertificate leaf = HeldCertificate.builder().commonName(MX).dnsNames(MX)
        .signedBy(inter).validity(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(80)))
        .build();
    List<X509Certificate> chain = List.of(leaf.certificate(), inter.certificate(),
        root.certificate());
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    List<TlsaRecord> records = List.of(
        new TlsaRecord(2, 1, 1, sha256.digest(root.certificate().getPublicKey().getEncoded())),
        new TlsaRecord(2, 1, 1, sha256.digest(inter.certificate().getPublicKey().getEncoded())));
    DaneResult dane = DaneVerifier.verify(chain, records, List.of(MX), NOW);
    assertThat(dane.authenticated()).isTrue();
    assertThat(CertificateHealth.expiry(dane, NOW, WINDOW)).extracting(Finding::code)
        .isEqualTo(soon ? List.of(FindingCode.CERT_EXPIRING) : List.of());
  }

  static Stream<Boolean> bothRoots() {
    return Stream.of(true, false);
  }

  private static HeldCertificate ca(String cn, int daysLeft, KeyPair key, HeldCertificate by) {
    var b = HeldCertificate.builder().commonName(cn).ca()
        .validity(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(daysLeft)));
    b = key == null ? b : b.keyPair(key);
    return (by == null ? b : b.signedBy(by)).build();
  }
}
