package dev.smtpdane.dane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TLSARecord;

class TlsaRecordTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "3 1 1 0a0B0c0D                        | 3 | 1 | 1 | 0A0B0C0D",
        "'  2 0 2   0a0b \t 0c0d  '            | 2 | 0 | 2 | 0A0B0C0D",
        "DANE-EE SPKI SHA2-256 00ff            | 3 | 1 | 1 | 00FF",
        "dane-ta cert full 00                  | 2 | 0 | 0 | 00",
        "PKIX-TA Cert SHA2-512 00              | 0 | 0 | 2 | 00",
        "PrivCert PrivSel PrivMatch 00         | 255 | 255 | 255 | 00",
        "255 7 9 ab                            | 255 | 7 | 9 | AB",
        "003 001 001 ab                        | 3 | 1 | 1 | AB",
        "3 1 1 0123456789abcdefABCDEF          | 3 | 1 | 1 | 0123456789ABCDEFABCDEF"
      })
  void parsesPresentationFormat_Rfc6698_2_2(
      String text, int usage, int selector, int type, String hex) {
    TlsaRecord r = TlsaRecord.parse(text);
    assertThat(r.usage()).isEqualTo(usage);
    assertThat(r.selector()).isEqualTo(selector);
    assertThat(r.matchingType()).isEqualTo(type);
    assertThat(r.dataHex()).isEqualTo(hex);
    assertThat(r.toString()).isEqualTo(usage + " " + selector + " " + type + " " + hex);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "   ",
        "3 1 1",
        "3 1 1 abc",
        "3 1 1 xyz0",
        "3 1 1 0x00",
        "256 1 1 00",
        "-1 1 1 00",
        "3 1 +1 00",
        "3 1 1000 00",
        "DANE-XX 1 1 00",
        "3 1 ١ 00", // an Arabic-Indic digit: Integer.parseInt would take it, we must not
        "3 1 1 00(",
        "3 1 1 0(", // next to the hex ranges: below '0', below 'A', above 'F', below 'a'
        "3 1 1 0@",
        "3 1 1 0G",
        "3 1 1 0`",
        "3 1 99999999999 00", // too long for an int: still a TLSA field error
        "3,1,1,00"
      })
  void rejectsMalformedPresentationWithIllegalArgument(String text) {
    assertThatThrownBy(() -> TlsaRecord.parse(text))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("TLSA");
  }

  @Test
  void rejectsNullAndOversizedDataWithIllegalArgument() {
    assertThatThrownBy(() -> TlsaRecord.parse(null))
        .isExactlyInstanceOf(IllegalArgumentException.class);
    String huge = "3 0 0 " + "00".repeat(TlsaRecord.MAX_DATA_LENGTH + 1);
    assertThatThrownBy(() -> TlsaRecord.parse(huge))
        .isExactlyInstanceOf(IllegalArgumentException.class);
    assertThat(TlsaRecord.parse("3 0 0 " + "00".repeat(TlsaRecord.MAX_DATA_LENGTH)).dataLength())
        .isEqualTo(TlsaRecord.MAX_DATA_LENGTH);
  }

  @Test
  void convertsDnsjavaRecordKeepingUnknownValues() throws Exception {
    byte[] data = HexFormat.of().parseHex("00112233");
    TLSARecord dns =
        new TLSARecord(Name.fromString("_25._tcp.mx.example.test."), DClass.IN, 300, 255, 7, 9,
            data);
    TlsaRecord r = TlsaRecord.from(dns);
    assertThat(r).isEqualTo(new TlsaRecord(255, 7, 9, data));
    assertThat(r.knownUsage()).isEmpty();
    assertThat(r.knownSelector()).isEmpty();
    assertThat(r.knownMatchingType()).isEmpty();
    assertThat(r.mnemonic()).isEqualTo("255 7 9");
  }

  @Test
  void isImmutableAndEqualByValue() {
    byte[] data = {1, 2, 3};
    TlsaRecord r = new TlsaRecord(3, 1, 1, data);
    data[0] = 9;
    r.data()[1] = 9;
    assertThat(r.dataHex()).isEqualTo("010203");
    assertThat(r).isEqualTo(TlsaRecord.parse("3 1 1 010203")).hasSameHashCodeAs(
        TlsaRecord.parse("DANE-EE SPKI SHA2-256 010203"));
    assertThat(r).isNotEqualTo(TlsaRecord.parse("3 1 1 010204"));
    assertThat(r.mnemonic()).isEqualTo("DANE-EE SPKI SHA2-256");
  }

  /** Each field is one octet on the wire (RFC 6698 §2.1); the data fits one RDATA. */
  @ParameterizedTest(name = "{0} {1} {2}, {3} bytes")
  @CsvSource({
    "256, 1, 1, 32", "-1, 1, 1, 32",
    "3, 256, 1, 32", "3, -1, 1, 32",
    "3, 1, 256, 32", "3, 1, -1, 32",
    "3, 0, 0, 65533"}) // MAX_DATA_LENGTH + 1
  void constructorRejectsOutOfRangeFields_Rfc6698_2_1(int usage, int selector, int type,
      int length) {
    assertThatThrownBy(() -> new TlsaRecord(usage, selector, type, new byte[length]))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructorAcceptsTheExtremesOfEveryField() {
    TlsaRecord r = new TlsaRecord(255, 255, 255, new byte[TlsaRecord.MAX_DATA_LENGTH]);
    assertThat(r.dataLength()).isEqualTo(TlsaRecord.MAX_DATA_LENGTH);
    assertThat(new TlsaRecord(0, 0, 0, new byte[0]).dataLength()).isZero();
  }

  /**
   * Records are map keys when an RRset is sorted (UsableRecords): two records that differ in
   * any one field are different records, or one would stand for the other in the result.
   */
  @ParameterizedTest(name = "3 1 1 010203 vs {0}")
  @ValueSource(strings = {"2 1 1 010203", "3 0 1 010203", "3 1 2 010203", "3 1 1 010204",
      "3 1 1 0102"})
  void recordsDifferingInAnyOneFieldAreNotEqual(String other) {
    TlsaRecord r = TlsaRecord.parse("3 1 1 010203");
    assertThat(r).isNotEqualTo(TlsaRecord.parse(other));
    assertThat(TlsaRecord.parse(other)).isNotEqualTo(r);
  }

  @Test
  void recordIsNotEqualToItsPresentationString() {
    TlsaRecord r = TlsaRecord.parse("3 1 1 010203");
    assertThat(r.equals("3 1 1 010203")).isFalse();
    assertThat(r.equals(null)).isFalse();
  }
}
