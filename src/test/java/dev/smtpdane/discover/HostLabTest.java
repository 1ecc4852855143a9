package dev.smtpdane.discover;

import static dev.smtpdane.discover.LabWorlds.codes;
import static dev.smtpdane.discover.LabWorlds.errors;
import static dev.smtpdane.discover.LabWorlds.onlyHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.dns.StubResolver;
import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Discovery per host (addresses, CNAMEs, TLSA base domain, TLSA outcome) against the embedded
 * signed DNS and its validating resolver (shared/spec/scenarios.md). Every packet goes to the
 * lab on loopback.
 */
class HostLabTest {
  private static LabDns lab;

  @BeforeAll
  static void start() {
    lab = LabWorlds.scenarios(LabDns.builder()).start();
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static Plan discover(DiscoveryRequest request, InetSocketAddress... resolvers) {
    return LabWorlds.discover(lab, request, resolvers);
  }

  private static Plan mx(String domain) {
    return discover(DiscoveryRequest.mx(List.of(HostSpec.parse(domain))));
  }

  private static Plan host(String host) {
    return discover(DiscoveryRequest.hosts(List.of(HostSpec.parse(host))));
  }

  @Test
  void cnameToANameWithTlsaUsesTheExpandedName_Rfc7672_2_2_2() {
    Plan plan = host("mx.alias.test");
    HostPlan h = onlyHost(plan);
    assertThat(h.a().orElseThrow().cnameChain()).singleElement()
        .satisfies(l -> assertThat(l.state()).isEqualTo(DnssecState.SECURE));
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("host.provider.test.");
    assertThat(h.targets()).allMatch(ProbeTarget::daneApplicable);
    assertThat(h.targets().get(0).sniName()).contains("host.provider.test");
    assertThat(h.referenceIdentifiers()).containsExactly("host.provider.test", "mx.alias.test");
    assertThat(errors(plan)).isEmpty();
  }

  @Test
  void cnameWithTlsaOnlyAtTheOriginalFallsBackAfterSecureDenial_Rfc7672_2_2_2() {
    Plan plan = host("mx2.alias.test");
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("mx2.alias.test.");
    assertThat(h.tlsa().orElseThrow().qname()).hasToString("_25._tcp.mx2.alias.test.");
    assertThat(h.targets()).allMatch(ProbeTarget::daneApplicable);
    assertThat(errors(plan)).isEmpty();
  }

  /**
   * RFC 7672 §2.2.2 through the real resolver path: the stub learns each alias's own state
   * with a CNAME query (as Postfix's qname_secure does), the lab validates for real.
   */
  @ParameterizedTest(name = "{0} -> base {1}, DANE {2}")
  @CsvSource(delimiter = '|', textBlock = """
      mx.alias.test       | host.provider.test | true  |
      mx2.alias.test      | mx2.alias.test     | true  |
      mx3.alias.test      | mx3.alias.test     | true  |
      mx4.alias.test      | mx4.alias.test     | false | NO_TLSA
      mx5.alias.test      | mx5.alias.test     | false | NO_TLSA
      alias.unsigned.test | alias.unsigned.test| false | ADDRESS_INSECURE
      """)
  void tlsaBaseDomainOfAnAliasInTheLab_Rfc7672_2_2_2(String name, String base, boolean dane,
      String errors) {
    Plan plan = host(name);
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString(base + ".");
    assertThat(h.targets()).isNotEmpty().allMatch(t -> t.daneApplicable() == dane)
        .allMatch(t -> t.sniName().orElseThrow().equals(base));
    assertThat(errors(plan)).containsExactlyElementsOf(errors == null ? List.of()
        : List.of(FindingCode.valueOf(errors)));
  }

  @Test
  void secureFirstCnameIntoAnUnsignedZoneUsesTheOriginalName_Rfc7672_2_2_2() {
    Plan plan = host("mx3.alias.test");
    HostPlan h = onlyHost(plan);
    Answer a = h.a().orElseThrow();
    assertThat(a.state()).isEqualTo(DnssecState.INSECURE);
    assertThat(a.cnameChain()).singleElement()
        .satisfies(l -> assertThat(l.state()).isEqualTo(DnssecState.SECURE));
    assertThat(h.tlsa().orElseThrow().qname()).hasToString("_25._tcp.mx3.alias.test.");
    assertThat(h.referenceIdentifiers()).containsExactly("mx3.alias.test");
    assertThat(plan.allFindings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(FindingCode.CNAME_CHAIN_INSECURE);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
    });
  }

  @Test
  void bogusCnameAfterTheFirstIsAnErrorAndNothingIsProbed() {
    Plan plan = host("mx6.alias.test");
    HostPlan h = onlyHost(plan);
    assertThat(h.a().orElseThrow().state()).isEqualTo(DnssecState.BOGUS);
    assertThat(h.targets()).isEmpty();
    assertThat(errors(plan)).containsOnly(FindingCode.ADDRESS_LOOKUP_BOGUS);
  }

  @Test
  void hostInAnUnsignedZoneIsProbedWithoutDane() {
    Plan plan = host("mx.unsigned.test");
    HostPlan h = onlyHost(plan);
    assertThat(h.a().orElseThrow().state()).isEqualTo(DnssecState.INSECURE);
    assertThat(h.tlsaOutcome()).isInstanceOf(TlsaOutcome.NotApplicable.class);
    assertThat(h.targets()).extracting(ProbeTarget::endpoint).containsExactly("127.0.0.20:25");
    assertThat(h.targets()).noneMatch(ProbeTarget::daneApplicable);
    assertThat(errors(plan)).containsExactly(FindingCode.ADDRESS_INSECURE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"no-tlsa.test", "no-tlsa3.test"}) // NSEC and NSEC3 denial
  void signedZoneWithoutTlsaIsASecureDenialAndAnError(String domain) {
    Plan plan = mx(domain);
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsa().orElseThrow().isSecureDenial()).isTrue();
    assertThat(h.tlsaOutcome()).isInstanceOf(TlsaOutcome.NoRecords.class);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("mx." + domain + ".");
    assertThat(h.targets()).isNotEmpty().noneMatch(ProbeTarget::daneApplicable);
    assertThat(errors(plan)).containsExactly(FindingCode.NO_TLSA);
  }

  @Test
  void bogusTlsaIsAnErrorSayingSendersDefer() {
    Plan plan = mx("bogus-tlsa.test");
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsa().orElseThrow().state()).isEqualTo(DnssecState.BOGUS);
    assertThat(h.tlsaOutcome()).isInstanceOf(TlsaOutcome.Failed.class);
    assertThat(h.targets()).isNotEmpty().noneMatch(ProbeTarget::daneApplicable);
    assertThat(errors(plan)).containsExactly(FindingCode.TLSA_LOOKUP_BOGUS);
    assertThat(plan.allFindings().get(0).message()).contains("will defer mail");
  }

  @Test
  void expiredTlsaSignatureIsBogusAndTheReasonSaysExpired() {
    Plan plan = mx("expired-tlsa.test");
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsa().orElseThrow().state()).isEqualTo(DnssecState.BOGUS);
    assertThat(h.tlsa().orElseThrow().reason()).contains("expired at");
    assertThat(errors(plan)).containsExactly(FindingCode.TLSA_LOOKUP_BOGUS);
  }

  @Test
  void servfailTlsaInASignedZoneIsIndeterminate() {
    Plan plan = mx("servfail-tlsa.test");
    HostPlan h = onlyHost(plan);
    Answer tlsa = h.tlsa().orElseThrow();
    assertThat(tlsa.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(tlsa.reason()).contains("SERVFAIL").contains("EDE 22");
    assertThat(h.targets()).isNotEmpty().noneMatch(ProbeTarget::daneApplicable);
    assertThat(errors(plan)).containsExactly(FindingCode.TLSA_LOOKUP_FAILED);
  }

  @Test
  void tlsaTimeoutIsIndeterminateAndNeverHangs() {
    // Warm the validator's key cache with a patient client, so that only the dropped TLSA
    // query can run into the short timeout below, however slow the machine.
    mx("slow-tlsa.test");
    Plan plan = new Discovery(new StubResolver(List.of(lab.resolver()), Duration.ofMillis(500), 2))
        .discover(DiscoveryRequest.mx(List.of(HostSpec.parse("slow-tlsa.test"))));
    HostPlan h = onlyHost(plan);
    Answer tlsa = h.tlsa().orElseThrow();
    assertThat(tlsa.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(tlsa.reason()).startsWith("timed out after 500 ms at").endsWith("2 tries");
    assertThat(h.targets()).isNotEmpty().noneMatch(ProbeTarget::daneApplicable);
    assertThat(errors(plan)).containsExactly(FindingCode.TLSA_LOOKUP_FAILED);
  }

  @Test
  void bogusAaaaDoesNotStopSecureIpv4() {
    Plan plan = mx("dual.test");
    HostPlan h = onlyHost(plan);
    assertThat(h.aaaa().orElseThrow().state()).isEqualTo(DnssecState.BOGUS);
    assertThat(h.a().orElseThrow().state()).isEqualTo(DnssecState.SECURE);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("mx.dual.test.");
    assertThat(h.targets()).singleElement().satisfies(t -> {
      assertThat(t.endpoint()).isEqualTo("127.0.0.21:25");
      assertThat(t.daneApplicable()).isTrue();
    });
    assertThat(errors(plan)).containsExactly(FindingCode.ADDRESS_LOOKUP_BOGUS);
  }


  @Test
  void bogusARecordsLeaveNothingToProbeOverIpv4() {
    Plan plan = mx("bogus-a.test");
    HostPlan h = onlyHost(plan);
    assertThat(h.a().orElseThrow().state()).isEqualTo(DnssecState.BOGUS);
    assertThat(h.tlsaOutcome()).isInstanceOf(TlsaOutcome.NotApplicable.class);
    assertThat(h.targets()).isEmpty();
    assertThat(errors(plan)).containsExactly(FindingCode.ADDRESS_LOOKUP_BOGUS);
  }
}
