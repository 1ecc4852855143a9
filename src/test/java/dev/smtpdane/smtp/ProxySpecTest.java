package dev.smtpdane.smtp;

import static dev.smtpdane.smtp.Probes.HELO;
import static dev.smtpdane.smtp.Probes.LEAF;
import static dev.smtpdane.smtp.Probes.MX;
import static dev.smtpdane.smtp.Probes.completed;
import static dev.smtpdane.smtp.Probes.failed;
import static dev.smtpdane.smtp.Probes.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpdane.lab.smtp.LabSmtpServer;
import dev.smtpdane.report.FindingCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(20)
class ProxySpecTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "socks5://127.0.0.1:1080,   127.0.0.1, 1080",
      "SOCKS5://proxy.test:9050,  proxy.test, 9050",
      "socks5://proxy.test,       proxy.test, 1080",
      "socks5://[::1]:1081/,      ::1,        1081",
  })
  void parsesSocks5Urls(String url, String host, int port) {
    assertThat(ProxySpec.parse(url)).isEqualTo(new ProxySpec(host, port));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://proxy:8080", "socks4://proxy:1080", "proxy:1080",
      "socks5://user:pw@proxy:1080", "socks5://proxy:1080/path", "socks5://:1080", "::"})
  void rejectsAnythingElse(String url) {
    assertThatThrownBy(() -> ProxySpec.parse(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sessionRunsThroughSocks5ToTheResolvedAddress_Rfc1928() throws Exception {
    try (LabSmtpServer server = server().start(); Socks5Relay relay = new Socks5Relay(0)) {
      var done = completed(SmtpProbe.run(viaProxy(server.address(), relay.spec())));
      assertThat(done.tls().presentedChain()).first().isEqualTo(LEAF.certificate());
      assertThat(relay.targets()).containsExactly(server.address());
      assertThat(server.lastTranscript().serverName()).contains(MX);
    }
  }

  @Test
  void proxyRefusingTheConnectionIsAConnectFailure() throws Exception {
    try (LabSmtpServer server = server().start(); Socks5Relay relay = new Socks5Relay(5)) {
      var f = failed(SmtpProbe.run(viaProxy(server.address(), relay.spec())));
      assertThat(f.stage()).isEqualTo(Stage.CONNECT);
      assertThat(f.code()).isEqualTo(FindingCode.CONNECT_FAILED);
      assertThat(f.message()).contains("via the SOCKS5 proxy socks5://127.0.0.1:");
      assertThat(server.transcripts()).isEmpty();
    }
  }

  private static ProbeRequest viaProxy(InetSocketAddress target, ProxySpec proxy) {
    return new ProbeRequest(target, MX, false, HELO, Duration.ofSeconds(2),
        Duration.ofSeconds(1), Duration.ofSeconds(4), Optional.of(proxy));
  }
}
