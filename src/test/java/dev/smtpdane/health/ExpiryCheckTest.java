package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ExpiryCheck}: the expiry rules of issue 7 under DANE-EE and DANE-TA. */
class ExpiryCheckTest {
  private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
  private static final Duration WEEK = Duration.ofHours(168);
  private static final HeldCertificate ROOT = cert("CN=Root", null, Duration.ofDays(3000), true);
  private static final HeldCertificate INT_OK = cert("CN=Int", ROOT, Duration.ofDays(900), true);
  private static final HeldCertificate INT_SOON =
      cert("CN=Int Soon", ROOT, Duration.ofDays(5), true);
  private static final HeldCertificate INT_EXPIRED =
      cert("CN=Int Old", ROOT, Duration.ofDays(-2), true);
  private static final HeldCertificate LEAF_OK =
      cert("CN=mx ok", INT_OK, Duration.ofDays(60), false);
  private static final HeldCertificate LEAF_SOON =
      cert("CN=mx soon", INT_OK, Duration.ofDays(3), false);
  private static final HeldCertificate LEAF_EXPIRED =
      cert("CN=mx old", INT_OK, Duration.ofDays(-1), false);

  private static HeldCertificate cert(String dn, HeldCertificate issuer, Duration left,
      boolean ca) {
    var b = HeldCertificate.builder().subject(dn)
        .validity(NOW.minus(Duration.ofDays(400)), NOW.plus(left));
    b = ca ? b.ca() : b;
    return (issuer == null ? b : b.signedBy(issuer)).build();
  }

  private static List<X509Certificate> path(HeldCertificate... certs) {
    return Stream.of(certs).map(HeldCertificate::certificate).toList();
  }

  static Stream<Arguments> rules() {
    List<Tuple> none = List.of();
    return Stream.of(
        Arguments.of("EE leaf fine", path(LEAF_OK), true, WEEK, none),
        Arguments.of("EE leaf expiring within the window", path(LEAF_SOON), true, WEEK,
            List.of(tuple(FindingCode.CERT_EXPIRING, Severity.WARNING))),
        Arguments.of("EE leaf expiring after a shorter window", path(LEAF_SOON), true,
            Duration.ofHours(48), none),
        Arguments.of("TA leaf expiring within the window", path(LEAF_SOON, INT_OK, ROOT), false,
            WEEK, List.of(tuple(FindingCode.CERT_EXPIRING, Severity.WARNING))),
        Arguments.of("TA intermediate expiring", path(LEAF_OK, INT_SOON, ROOT), false, WEEK,
            List.of(tuple(FindingCode.CERT_EXPIRING, Severity.WARNING))),
        Arguments.of("TA path all fine", path(LEAF_OK, INT_OK, ROOT), false, WEEK, none),
        Arguments.of("EE leaf expired: warning only", path(LEAF_EXPIRED), true, WEEK,
            List.of(tuple(FindingCode.EE_LEAF_EXPIRED, Severity.WARNING))),
        Arguments.of("TA leaf expired: error", path(LEAF_EXPIRED, INT_OK), false, WEEK,
            List.of(tuple(FindingCode.CERT_EXPIRED, Severity.ERROR))),
        Arguments.of("TA intermediate expired: error", path(LEAF_OK, INT_EXPIRED), false, WEEK,
            List.of(tuple(FindingCode.CERT_EXPIRED, Severity.ERROR))),
        Arguments.of("EE: expired certificate beyond the leaf is off the path",
            path(LEAF_OK, INT_EXPIRED), true, WEEK,
            List.of(tuple(FindingCode.CERT_EXPIRED, Severity.WARNING))),
        Arguments.of("TA leaf and intermediate expiring", path(LEAF_SOON, INT_SOON), false,
            WEEK, List.of(tuple(FindingCode.CERT_EXPIRING, Severity.WARNING),
                tuple(FindingCode.CERT_EXPIRING, Severity.WARNING))),
        Arguments.of("-expiration-warning 0, EE leaf expired", path(LEAF_EXPIRED), true,
            Duration.ZERO, none),
        Arguments.of("-expiration-warning 0, TA intermediate expired",
            path(LEAF_SOON, INT_EXPIRED), false, Duration.ZERO, none));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void expiryRules_Rfc7672_3_1(String name, List<X509Certificate> path, boolean daneEeOnly,
      Duration window, List<Tuple> expected) {
    List<Finding> findings = ExpiryCheck.check(path, daneEeOnly, NOW, window);
    assertThat(findings).extracting(Finding::code, Finding::severity)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void daneEeExpiredLeafSaysDaneSendersIgnoreItButOthersMayNot_Rfc7672_3_1_1() {
    Finding f = ExpiryCheck.check(path(LEAF_EXPIRED), true, NOW, WEEK).get(0);
    assertThat(f.message()).contains("leaf", "CN=mx old",
        LEAF_EXPIRED.certificate().getNotAfter().toInstant().toString(), "DANE senders ignore",
        "do not use DANE");
  }

  @Test
  void expiringMessageNamesPositionSubjectDateAndTimeLeft() {
    Finding f = ExpiryCheck.check(path(LEAF_OK, INT_SOON), false, NOW, WEEK).get(0);
    assertThat(f.message()).contains("chain position 1", "CN=Int Soon",
        INT_SOON.certificate().getNotAfter().toInstant().toString(), "in 5 days", "168h");
  }

  @Test
  void twoMatchingRecordsReportEachCertificateOnce() {
    // 2 1 1 for the intermediate and 2 1 1 for the root: two paths sharing leaf and intermediate.
    List<Finding> findings = ExpiryCheck.checkPaths(List.of(path(LEAF_SOON, INT_SOON),
        path(LEAF_SOON, INT_SOON, ROOT)), false, NOW, WEEK);
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).message()).contains("leaf", "CN=mx soon");
    assertThat(findings.get(1).message()).contains("chain position 1", "CN=Int Soon");
  }

  @Test
  void certificateSentTwiceIsReportedOnceAtItsFirstPosition() {
    List<Finding> findings =
        ExpiryCheck.check(path(LEAF_SOON, INT_OK, LEAF_SOON), false, NOW, WEEK);
    assertThat(findings).singleElement().extracting(Finding::message).asString()
        .contains("the leaf certificate");
  }

  @Test
  void expiryExactlyAtTheEndOfTheWindowWarns() {
    HeldCertificate edge = cert("CN=edge", INT_OK, WEEK, false);
    HeldCertificate after = cert("CN=after", INT_OK, WEEK.plusSeconds(1), false);
    assertThat(ExpiryCheck.check(path(edge), true, NOW, WEEK)).hasSize(1);
    assertThat(ExpiryCheck.check(path(after), true, NOW, WEEK)).isEmpty();
  }

  @Test
  void earliestExpiryAndDaysUntilItForPerfdata() {
    var certs = path(LEAF_OK, INT_SOON, ROOT);
    assertThat(ExpiryCheck.earliestExpiry(certs))
        .contains(INT_SOON.certificate().getNotAfter().toInstant());
    assertThat(ExpiryCheck.earliestExpiry(List.of())).isEmpty();
    assertThat(ExpiryCheck.daysUntil(NOW.plus(Duration.ofHours(47)), NOW)).isEqualTo(1);
    assertThat(ExpiryCheck.daysUntil(NOW.minus(Duration.ofHours(1)), NOW)).isEqualTo(-1);
  }
}
