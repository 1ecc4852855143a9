package dev.smtpdane.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostSpecTest {
  @ParameterizedTest(name = "{0} -> {1} port {2}")
  @CsvSource({
    "mx.example.test,       mx.example.test,       0,    false",
    "MX.Example.Test.:2525, mx.example.test,       2525, false",
    "example.test:587,      example.test,          587,  false",
    "bücher.test,           xn--bcher-kva.test,    0,    false",
    "192.0.2.25,            192.0.2.25,            0,    true",
    "192.0.2.25:26,         192.0.2.25,            26,   true",
    "[2001:db8::25]:26,     2001:db8::25, 26,   true",
    "[::1],                 ::1,                   0,    true",
    "2001:db8::25,          2001:db8::25, 0,    true",
  })
  void parsesEveryArgumentForm(String argument, String display, int port, boolean address) {
    HostSpec spec = HostSpec.parse(argument);
    assertThat(spec.display()).isEqualTo(display);
    assertThat(spec.port().orElse(0)).isEqualTo(port);
    assertThat(spec.isAddress()).isEqualTo(address);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {
    "mx.example.test:0", "mx.example.test:65536", "mx.example.test:smtp", "[2001:db8::25",
    "[2001:db8::25]x", "[mx.example.test]:25", "mx..example.test", "", "2001:db8::zz"})
  void rejectsMalformedArgumentsWithTheArgumentInTheMessage(String argument) {
    assertThatThrownBy(() -> HostSpec.parse(argument))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("\"" + argument + "\"");
  }

  @Test
  void requestRejectsAddressesWhereADomainIsNeeded() {
    assertThatThrownBy(() -> DiscoveryRequest.mx(List.of(HostSpec.parse("192.0.2.1"))))
        .hasMessageContaining("needs a domain name");
    assertThatThrownBy(() -> DiscoveryRequest.srv("", List.of(HostSpec.parse("x.test")), 25))
        .hasMessageContaining("service name");
    assertThatThrownBy(() -> DiscoveryRequest.hosts(List.of()))
        .hasMessageContaining("no host");
  }

  @Test
  void akaNamesAreCanonicalAndSubmissionsImpliesTlsOnConnect_Rfc8314_3_3() {
    DiscoveryRequest r = new DiscoveryRequest(DiscoveryRequest.Mode.SRV, "submissions",
        List.of(HostSpec.parse("x.test")), 25, false, List.of("Mail.Example.TEST."), true, true);
    assertThat(r.akaNames()).containsExactly("mail.example.test");
    assertThat(r.effectiveTlsOnConnect()).isTrue();
    assertThat(DiscoveryRequest.srv("submission", List.of(HostSpec.parse("x.test")), 25)
        .effectiveTlsOnConnect()).isFalse();
  }
}
