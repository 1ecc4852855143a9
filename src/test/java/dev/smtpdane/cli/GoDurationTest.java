package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class GoDurationTest {
  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "10s, 10000000000",
    "1ns, 1",
    "72h, 259200000000000",
    "1h30m, 5400000000000",
    "1.5h, 5400000000000",
    "250ms, 250000000",
    "2us, 2000",
    "2µs, 2000",
    "0, 0",
    "0s, 0",
    "-5s, -5000000000",
    "+5s, 5000000000",
    ".5s, 500000000",
    "1m0.5s, 60500000000",
    "1.0000000009s, 1000000000",
    "0.1234567891234ms, 123456",
    "1.s, 1000000000",
  })
  void parsesGoSyntax(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "72", "3d", "s", "1h 30m", "1.2.3s", "ten seconds", "-", "1S",
      "99999999999999999999h"})
  void rejectsWhatGoRejects(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining(text.isEmpty() ? "''" : text);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "PT168H, 168h0m0s",
    "PT1M30S, 1m30s",
    "PT1.5S, 1.5s",
    "PT0.25S, 250ms",
    "PT0S, 0s",
    "PT10S, 10s",
    "PT0.0000015S, 1.5µs",
    "PT0.00000025S, 250ns",
    "PT0.1205S, 120.5ms",
    "PT1.000000001S, 1.000000001s",
    "PT2H0.05S, 2h0m0.05s",
    "PT-1.5S, -1.5s",
  })
  void formatsLikeGo(String iso, String go) {
    assertThat(GoDuration.format(Duration.parse(iso))).isEqualTo(go);
  }
}
