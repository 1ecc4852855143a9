package dev.smtpdane.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lab as a whole: the catalogue's shape, start-up, addressing, shutdown. */
@Timeout(60)
class DaneLabTest {

  /** Every bullet of shared/spec/scenarios.md, by the scenario that covers it. */
  private static final List<String> SCENARIOS_MD = List.of(
      "ee-311-good", "ee-301-good", "ee-312-good", "ee-300-good", "ee-310-good",
      "ta-211-intermediate", "ta-201-root", "ta-210-unsent-root", "rollover-ee-ee",
      "rollover-ee-ta", "ta-nexthop-name", "ta-aka-name", "ta-wildcard", "cname-mx-host",
      "cname-tlsa-original", "implicit-mx", "submission-587", "submissions-465",
      "ee-expired-leaf", "null-mx", "two-mx-good", "dual-stack-good",
      "ee-311-wrong", "ta-not-sent", "ta-name-mismatch", "ta-leaf-expired",
      "ta-intermediate-expired", "ta-leaf-not-yet-valid", "ta-broken-signature", "pkix-only",
      "digest-31-bytes", "unknown-mtype", "unknown-selector", "agility-512-wrong",
      "no-starttls", "starttls-454", "close-after-ehlo", "tlsa-bogus", "mx-bogus", "a-bogus",
      "ds-mismatch", "tlsa-servfail", "tlsa-timeout", "mx-insecure", "host-unsigned",
      "no-tlsa", "mixed-mx", "mixed-address", "nxdomain", "tls-expected-plaintext",
      "plaintext-expected-tls");

  @Test
  void catalogueCoversEveryScenarioOfTheSpec() {
    assertThat(LabScenarios.all()).extracting(Scenario::name).containsAll(SCENARIOS_MD);
  }

  @Test
  void scenarioNamesAreUniqueAndEveryOneSaysWhatItTests() {
    List<Scenario> all = LabScenarios.all();
    assertThat(all).extracting(Scenario::name).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(s -> {
      assertThat(s.name()).matches("[a-z0-9-]+").hasSizeLessThanOrEqualTo(25);
      assertThat(s.description()).isNotBlank().hasSizeLessThanOrEqualTo(60);
      assertThat(s.expected().exitCode()).isIn(0, 1);
    });
  }

  @Test
  void sharedPortGivesEveryServerItsOwnAddressOnOnePort() throws IOException {
    try (DaneLab lab = DaneLab.start()) {
      assertThat(lab.sharedPort()).isPresent();
      int port = lab.sharedPort().getAsInt();
      Set<InetSocketAddress> seen = new HashSet<>();
      for (Scenario s : lab.runnable()) {
        assertThat(lab.port(s)).isEqualTo(port);
        assertThat(lab.commandLine(s)).containsSubsequence("-port", Integer.toString(port))
            .endsWith(s.target());
        for (InetSocketAddress a : lab.smtpAddresses(s)) {
          assertThat(a.getAddress().isLoopbackAddress()).isTrue();
          assertThat(seen.add(a)).as("%s listens on an address of its own", s.name()).isTrue();
          connect(a).close();
        }
      }
      assertThat(lab.trustAnchor()).matches("\\.\\s+\\d+\\s+IN\\s+DS\\s+\\d+ 13 2 [0-9A-F]{64}");
      assertThat(lab.skipReason(lab.scenario("ee-311-good").orElseThrow())).isEmpty();
    }
  }

  @Test
  void closeStopsEveryServer() throws IOException {
    DaneLab lab = DaneLab.start();
    InetSocketAddress smtp = lab.smtpAddresses(lab.scenario("ee-311-good").orElseThrow()).get(0);
    connect(smtp).close();
    lab.close();
    assertThatThrownBy(() -> connect(smtp).close()).isInstanceOf(IOException.class);
  }

  @Test
  void oneAddressFallbackGivesEachScenarioAPortOfItsOwn() throws IOException {
    LabSettings one = LabSettings.defaults().withAddressing(LabSettings.Addressing.ONE_ADDRESS);
    try (DaneLab lab = DaneLab.start(one)) {
      assertThat(lab.sharedPort()).isEmpty();
      assertThat(lab.addressing()).contains("only 127.0.0.1");
      Scenario twoHosts = lab.scenario("two-mx-good").orElseThrow();
      assertThat(lab.skipReason(twoHosts)).hasValueSatisfying(
          r -> assertThat(r).contains("2 servers", "127.0.0.1"));
      Set<Integer> ports = new HashSet<>();
      for (Scenario s : lab.runnable()) {
        List<InetSocketAddress> servers = lab.smtpAddresses(s);
        if (!servers.isEmpty()) {
          assertThat(ports.add(lab.port(s))).as(s.name()).isTrue();
        }
        for (InetSocketAddress a : servers) {
          assertThat(a.getAddress().getHostAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
          assertThat(a.getPort()).isEqualTo(lab.port(s));
        }
      }
      assertThat(lab.runnable()).extracting(Scenario::name)
          .contains("ee-311-good", "submission-587").doesNotContain("mixed-address");
    }
  }

  private static Socket connect(InetSocketAddress a) throws IOException {
    Socket s = new Socket();
    s.connect(a, 2000);
    return s;
  }
}
