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
 * The MX rule of {@link MxTargetTest} for SRV (-submission, -submissions, -srv; RFC 6186): a
 * target that is an IP address literal or {@code localhost} names no host (RFC 2782, RFC 6761
 * §6.3). It is an error and is never looked up or probed (FakeDns fails on any query nobody
 * scripted); the other SRV targets of the service are still checked.
 */
class SrvTargetTest {
  private static final String TLSA = "3 1 1 " + "CD".repeat(32);
  private static final String OWNER = "_submission._tcp.x.test";

  private static Plan srv(FakeDns dns) {
    return new Discovery(dns).discover(
        DiscoveryRequest.srv("submission", List.of(HostSpec.parse("x.test")), 25));
  }

  private static FakeDns validTarget(FakeDns dns) {
    return dns.host("mail.x.test", "192.0.2.1").secure("_587._tcp.mail.x.test", "TLSA", TLSA);
  }

  @ParameterizedTest(name = "SRV target {0} -> {1}")
  @CsvSource({
    "192.0.2.7.,          SRV_TARGET_IP_LITERAL",
    "127.0.0.1.,          SRV_TARGET_IP_LITERAL",
    "localhost.,          SRV_TARGET_LOCALHOST",
    "LocalHost.,          SRV_TARGET_LOCALHOST",
    "mail.localhost.,     SRV_TARGET_LOCALHOST",
  })
  void srvTargetThatIsNoHostIsAnErrorAndNotProbed_Rfc2782(String target, FindingCode code) {
    Plan plan = srv(validTarget(new FakeDns().secure(OWNER, "SRV",
        "0 1 587 " + target, "10 1 587 mail.x.test.")));
    assertThat(plan.domains().get(0).hosts()).extracting(HostPlan::display)
        .containsExactly("mail.x.test");
    assertThat(plan.targets()).extracting(ProbeTarget::endpoint)
        .containsExactly("192.0.2.1:587");
    List<Finding> errors = plan.allFindings().stream()
        .filter(f -> f.severity() == Severity.ERROR).toList();
    assertThat(errors).extracting(Finding::code).containsExactly(code);
    assertThat(errors.get(0).message()).contains("the SRV record " + OWNER + " names")
        .doesNotContain("MX");
  }

  @ParameterizedTest(name = "SRV target {0} is a host")
  @CsvSource({"localhost-mail.x.test.", "192.0.2.7.x.test.", "localhost.x.test."})
  void namesThatMerelyLookLikeThemAreHosts(String target) {
    String host = target.substring(0, target.length() - 1);
    FakeDns dns = new FakeDns().secure(OWNER, "SRV", "0 1 587 " + target)
        .host(host, "192.0.2.2").secure("_587._tcp." + host, "TLSA", TLSA);
    Plan plan = srv(dns);
    assertThat(plan.domains().get(0).hosts()).extracting(HostPlan::display)
        .containsExactly(host);
    assertThat(plan.allFindings()).isEmpty();
  }

  /** Two records (two ports) naming the same literal are one fault, reported once. */
  @Test
  void serviceWhoseOnlyTargetIsALiteralHasNoHostToCheck() {
    Plan plan = srv(new FakeDns().secure(OWNER, "SRV", "0 1 587 [::1].", "0 1 2587 [::1]."));
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(plan.allFindings()).extracting(Finding::code)
        .containsExactly(FindingCode.SRV_TARGET_IP_LITERAL);
  }
}
