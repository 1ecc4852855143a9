package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OcspCheck#finding}: with -expect-ocsp anything but good is an error; without it only a
 * revoked leaf is, and the rest is information for -show-cert-info.
 */
class OcspFindingTest {
  private static final Instant T = Instant.parse("2030-06-01T12:00:00Z");

  static Stream<Arguments> results() {
    return Stream.of(
        row(new OcspResult.Missing(), FindingCode.OCSP_MISSING, Severity.ERROR, Severity.INFO),
        row(new OcspResult.Unparsable("junk"), FindingCode.OCSP_UNPARSABLE, Severity.ERROR,
            Severity.INFO),
        row(new OcspResult.ErrorResponse("tryLater (3)"), FindingCode.OCSP_ERROR_RESPONSE,
            Severity.ERROR, Severity.INFO),
        row(new OcspResult.Unverifiable("lone leaf", Optional.of("good")),
            FindingCode.OCSP_UNVERIFIABLE, Severity.ERROR, Severity.INFO),
        row(new OcspResult.Unverifiable("lone leaf", Optional.of("revoked")),
            FindingCode.OCSP_UNVERIFIABLE, Severity.ERROR, Severity.WARNING),
        row(new OcspResult.BadSignature("forged"), FindingCode.OCSP_BAD_SIGNATURE,
            Severity.ERROR, Severity.INFO),
        row(new OcspResult.WrongCertificate(List.of("0A"), "0B"),
            FindingCode.OCSP_WRONG_CERTIFICATE, Severity.ERROR, Severity.INFO),
        row(new OcspResult.Stale(T, T), FindingCode.OCSP_STALE, Severity.ERROR, Severity.INFO),
        row(new OcspResult.NotYetValid(T), FindingCode.OCSP_NOT_YET_VALID, Severity.ERROR,
            Severity.INFO),
        row(new OcspResult.Unknown(T, "the issuer CN=CA"), FindingCode.OCSP_UNKNOWN,
            Severity.ERROR, Severity.INFO),
        row(new OcspResult.Revoked(T, Optional.of("keyCompromise"), "the issuer CN=CA"),
            FindingCode.OCSP_REVOKED, Severity.ERROR, Severity.ERROR),
        row(new OcspResult.Good(T, Optional.empty(), "the issuer CN=CA"), FindingCode.OCSP_GOOD,
            Severity.OK, Severity.INFO));
  }

  private static Arguments row(OcspResult r, FindingCode code, Severity expected,
      Severity notExpected) {
    return Arguments.of(r.toString(), r, code, expected, notExpected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("results")
  void severityDependsOnExpectOcspExceptForRevoked(String name, OcspResult result,
      FindingCode code, Severity withExpect, Severity withoutExpect) {
    Finding expected = OcspCheck.finding(result, true);
    Finding informational = OcspCheck.finding(result, false);

    assertThat(expected.code()).isEqualTo(code);
    assertThat(informational.code()).isEqualTo(code);
    assertThat(expected.severity()).isEqualTo(withExpect);
    assertThat(informational.severity()).isEqualTo(withoutExpect);
    assertThat(expected.message()).isNotBlank();
  }

  @org.junit.jupiter.api.Test
  void wrongCertificateSaysWhetherTheSerialOrTheIssuerDiffers() {
    String otherSerial = OcspCheck.finding(
        new OcspResult.WrongCertificate(List.of("0A"), "0B"), false).message();
    String otherIssuer = OcspCheck.finding(
        new OcspResult.WrongCertificate(List.of("0B"), "0B"), false).message();

    assertThat(otherSerial).contains("serial 0A", "(serial 0B)", "another certificate");
    assertThat(otherIssuer).contains("serial 0B", "another CA");
  }
}
