package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

class DomainNameTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "mx.example.test, mx.example.test.",
    "mx.example.test., mx.example.test.",
    "MX.Example.TEST, mx.example.test.",
    "'  mx.example.test  ', mx.example.test.",
    "_25._tcp.mx.example.test, _25._tcp.mx.example.test.",
    "bücher.example, xn--bcher-kva.example.",
    "BÜCHER.example., xn--bcher-kva.example.",
    "例え.テスト, xn--r8jz45g.xn--zckzah.",
  })
  void userInputBecomesCanonicalAbsoluteName(String input, String expected) {
    Name name = DomainName.parse(input);
    assertThat(name.toString()).isEqualTo(expected);
    assertThat(name.isAbsolute()).isTrue();
  }

  @Test
  void trailingDotNeverChangesTheName() {
    assertThat(DomainName.parse("a.test")).isEqualTo(DomainName.parse("a.test."));
    assertThat(DomainName.text(DomainName.parse("A.Test."))).isEqualTo("a.test");
  }

  @ParameterizedTest(name = "\"{0}\" rejected: {1}")
  @CsvSource({
    "'', empty",
    "'.', empty",
    "a..test, empty label",
    ".a.test, empty label",
    "a.test.., empty label",
  })
  void malformedNamesAreRejectedWithAReason(String input, String why) {
    assertThatThrownBy(() -> DomainName.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why);
  }

  @Test
  void labelOf64OctetsIsRejected_Rfc1035_2_3_4() {
    String ok = "a".repeat(63) + ".test";
    assertThat(DomainName.parse(ok).getLabel(0)).hasSize(64); // length octet + 63
    assertThatThrownBy(() -> DomainName.parse("a".repeat(64) + ".test"))
        .hasMessageContaining("64 octets long; DNS allows at most 63");
  }

  @Test
  void nameOver255OctetsIsRejected_Rfc1035_2_3_4() {
    String label = "a".repeat(63);
    String fits = label + "." + label + "." + label + "." + "a".repeat(61); // 255 on the wire
    assertThat(DomainName.parse(fits).length()).isEqualTo((short) 255);
    assertThatThrownBy(() -> DomainName.parse(fits + "a"))
        .hasMessageContaining("256 octets long; DNS allows at most 255");
  }

  @Test
  void canonicalLowerCasesNamesFromAnswers() throws Exception {
    assertThat(DomainName.canonical(Name.fromString("Mx.ExAmPle.TEST.")).toString())
        .isEqualTo("mx.example.test.");
  }
}
