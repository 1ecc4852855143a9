package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortSpecTest {
  private static final PortSpec PORTS =
      PortSpec.fromServicesFile("""
          # comment
          smtp\t\t25/tcp\t\tmail
          submission\t587/tcp
          imaps\t\t993/tcp
          domain\t\t53/udp
          """);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "25, 25", "587, 587", "1, 1", "65535, 65535",
    "smtp, 25", "SMTP, 25", "mail, 25", "submission, 587", "imaps, 993",
    "submissions, 465", "smtps, 465",
    "smtp(26), 25", "nosuchservice(2525), 2525",
  })
  void parsesNumbersNamesAndNameWithFallback(String spec, int port) {
    assertThat(PORTS.parse(spec)).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "70000", "-1", "", "nosuchservice", "domain", "smtp(",
      "x(70000)", "25x", "1234567"})
  void rejectsBadPorts(String spec) {
    assertThatThrownBy(() -> PORTS.parse(spec)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"smtp", "submission", "submissions"})
  void mailPortsWorkWithoutServicesFile(String name) {
    assertThat(PortSpec.fromServicesFile("").parse(name)).isIn(25, 587, 465);
  }

  /** A one-shot check must not pay for reading /etc/services when the port needs no lookup. */
  @Test
  void servicesFileIsReadOnlyForANameThatIsNotBuiltIn() {
    AtomicInteger reads = new AtomicInteger();
    PortSpec ports = PortSpec.lazily(() -> {
      reads.incrementAndGet();
      return "imaps\t\t993/tcp\nsmtp\t\t2525/tcp\n";
    });
    assertThat(ports.parse("25")).isEqualTo(25);
    assertThat(ports.parse("smtp")).isEqualTo(25); // built in, as when the file is read whole
    assertThat(ports.parse("smtp(25)")).isEqualTo(25);
    assertThat(ports.parse("submissions")).isEqualTo(465);
    assertThat(reads).hasValue(0);
    assertThat(ports.parse("imaps")).isEqualTo(993);
    assertThat(ports.parse("IMAPS")).isEqualTo(993);
    assertThat(reads).hasValue(1);
  }
}
