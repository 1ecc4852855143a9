package dev.smtpdane.dane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSetAdviceTest {
  private static final String A = "AA".repeat(32);
  private static final String B = "BB".repeat(32);

  private static List<FindingCode> codes(String... records) {
    return RecordSetAdvice.of(List.of(records).stream().map(TlsaRecord::parse).toList())
        .stream().map(RecordSetAdvice.Advice::code).toList();
  }

  @Test
  void rolloverPairOfSpkiDigestsNeedsNoAdvice_Rfc7671_8_1() {
    assertThat(codes("3 1 1 " + A, "3 1 1 " + B)).isEmpty();
    assertThat(codes("3 1 1 " + A, "2 1 1 " + B)).isEmpty();
  }

  @Test
  void loneRecordGetsRolloverAdviceAsInformation() {
    assertThat(codes("3 1 1 " + A)).containsExactly(FindingCode.TLSA_SINGLE_RECORD);
    assertThat(RecordSetAdvice.of(List.of(TlsaRecord.parse("3 1 1 " + A))).get(0).severity())
        .isEqualTo(Severity.INFO);
  }

  @Test
  void fullCertificateSelectorUnderDaneEeIsFragile_Rfc7671_5_1() {
    assertThat(codes("3 0 1 " + A, "3 1 1 " + B))
        .containsExactly(FindingCode.TLSA_CERT_SELECTOR_FULL);
    assertThat(codes("2 0 1 " + A, "3 1 1 " + B)).isEmpty();
  }

  @Test
  void unusableBesideUsableIsAWarningButOnlyUnusableIsNot() {
    List<RecordSetAdvice.Advice> advice = RecordSetAdvice.of(
        List.of(TlsaRecord.parse("1 1 1 " + A), TlsaRecord.parse("3 1 1 " + B),
            TlsaRecord.parse("3 1 1 " + A)));
    assertThat(advice).extracting(RecordSetAdvice.Advice::code)
        .containsExactly(FindingCode.TLSA_UNUSABLE);
    assertThat(advice.get(0).severity()).isEqualTo(Severity.WARNING);
    // with nothing usable the verdict itself says "DANE not effective"; no extra advice
    assertThat(codes("1 1 1 " + A, "0 1 1 " + B)).isEmpty();
  }
}
