package dev.smtpdane.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8: an MX whose target is an IP address literal or {@code localhost} names no mail host
 * (RFC 5321 §5.1, RFC 6761 §6.3). It is an error and is never looked up or probed (FakeDns
 * fails on any query nobody scripted); the domain's other MX hosts are still checked.
 */
class MxTargetTest {
  private static final String TLSA = "3 1 1 " + "CD".repeat(32);

  private static Plan mx(String target) {
    FakeDns dns = new FakeDns().secure("x.test", "MX", "10 " + target, "20 mx.x.test.")
        .host("mx.x.test", "192.0.2.1").secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    return new Discovery(dns).discover(DiscoveryRequest.mx(List.of(HostSpec.parse("x.test"))));
  }

  @ParameterizedTest(name = "MX {0} -> {1}")
  @CsvSource({
    "192.0.2.7.,          MX_TARGET_IP_LITERAL",
    "127.0.0.1.,          MX_TARGET_IP_LITERAL",
    "localhost.,          MX_TARGET_LOCALHOST",
    "LocalHost.,          MX_TARGET_LOCALHOST",
    "mail.localhost.,     MX_TARGET_LOCALHOST",
  })
  void mxTargetThatIsNoHostIsAnErrorAndNotProbed(String target, FindingCode code) {
    Plan plan = mx(target);
    assertThat(plan.domains().get(0).hosts()).extracting(HostPlan::display)
        .containsExactly("mx.x.test");
    List<Finding> errors = plan.allFindings().stream()
        .filter(f -> f.severity() == Severity.ERROR).toList();
    assertThat(errors).extracting(Finding::code).containsExactly(code);
    assertThat(errors.get(0).message()).contains("x.test");
  }

  @ParameterizedTest(name = "MX {0} is a host")
  @CsvSource({"localhost-mail.x.test.", "192.0.2.7.x.test.", "localhost.x.test."})
  void namesThatMerelyLookLikeThemAreHosts(String target) {
    String host = target.substring(0, target.length() - 1);
    FakeDns dns = new FakeDns().secure("x.test", "MX", "10 " + target)
        .host(host, "192.0.2.2").secure("_25._tcp." + host, "TLSA", TLSA);
    Plan plan = new Discovery(dns)
        .discover(DiscoveryRequest.mx(List.of(HostSpec.parse("x.test"))));
    assertThat(plan.domains().get(0).hosts()).extracting(HostPlan::display)
        .containsExactly(host);
    assertThat(plan.allFindings()).isEmpty();
  }

  @Test
  void domainWhoseOnlyMxIsLocalhostHasNoHostToCheck() {
    FakeDns dns = new FakeDns().secure("x.test", "MX", "10 localhost.");
    Plan plan = new Discovery(dns)
        .discover(DiscoveryRequest.mx(List.of(HostSpec.parse("x.test"))));
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(plan.allFindings()).extracting(Finding::code)
        .containsExactly(FindingCode.MX_TARGET_LOCALHOST);
  }
}
