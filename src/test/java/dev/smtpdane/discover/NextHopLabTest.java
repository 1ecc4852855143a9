package dev.smtpdane.discover;

import static dev.smtpdane.discover.LabWorlds.KEY_DIGEST;
import static dev.smtpdane.discover.LabWorlds.codes;
import static dev.smtpdane.discover.LabWorlds.errors;
import static dev.smtpdane.discover.LabWorlds.onlyHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.dns.AddressText;
import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.dns.StubResolver;
import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.report.FindingCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Discovery of next hops (MX, SRV, implicit and null MX) and of the resolver path, against the
 * embedded signed DNS and its validating resolver (shared/spec/scenarios.md). Every packet goes
 * to the lab on loopback.
 */
class NextHopLabTest {
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
  void secureMxWithTlsaPlansEveryAddressWithDane_Rfc7672_2_2() {
    Plan plan = mx("secure.test");
    DomainPlan d = plan.domains().get(0);
    assertThat(d.nextHops().orElseThrow().state()).isEqualTo(DnssecState.SECURE);
    assertThat(d.nextHopsSecure()).isTrue();
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("mx.secure.test.");
    assertThat(h.tlsa().orElseThrow().qname()).hasToString("_25._tcp.mx.secure.test.");
    assertThat(h.targets()).extracting(ProbeTarget::endpoint)
        .containsExactly("[::1]:25", "127.0.0.10:25");
    assertThat(h.targets()).allMatch(ProbeTarget::daneApplicable);
    ProbeTarget t = h.targets().get(0);
    assertThat(t.sniName()).contains("mx.secure.test");
    assertThat(t.tlsaRecords()).singleElement()
        .satisfies(r -> assertThat(r.getCertificateAssociationData()).isEqualTo(KEY_DIGEST));
    assertThat(t.referenceIdentifiers()).containsExactly("mx.secure.test", "secure.test");
    assertThat(errors(plan)).isEmpty();
  }

  @Test
  void insecureMxIsAnErrorButSignedHostsAreStillPlanned_Rfc7672_2_2_1() {
    Plan plan = mx("insecure-mx.test");
    assertThat(plan.domains().get(0).nextHops().orElseThrow().state())
        .isEqualTo(DnssecState.INSECURE);
    assertThat(plan.domains().get(0).nextHopsSecure()).isFalse();
    assertThat(errors(plan)).containsExactly(FindingCode.MX_INSECURE);
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("mx.secure.test.");
    assertThat(h.targets()).allMatch(ProbeTarget::daneApplicable);
  }

  @Test
  void bogusMxStopsDiscoveryForTheDomain() {
    Plan plan = mx("bogus-mx.test");
    Answer mx = plan.domains().get(0).nextHops().orElseThrow();
    assertThat(mx.state()).isEqualTo(DnssecState.BOGUS);
    assertThat(mx.reason()).contains("EDE 6");
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(errors(plan)).containsExactly(FindingCode.MX_LOOKUP_BOGUS);
  }

  @Test
  void dsMatchingNoKeyMakesTheWholeZoneBogus() {
    Plan plan = mx("wrong-ds.test");
    assertThat(plan.domains().get(0).nextHops().orElseThrow().state())
        .isEqualTo(DnssecState.BOGUS);
    assertThat(errors(plan)).containsExactly(FindingCode.MX_LOOKUP_BOGUS);
  }

  @Test
  void nxdomainIsAnErrorWithASecureDenial() {
    Plan plan = mx("no-such-domain.test");
    Answer mx = plan.domains().get(0).nextHops().orElseThrow();
    assertThat(mx.isNxdomain()).isTrue();
    assertThat(mx.state()).isEqualTo(DnssecState.SECURE);
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(errors(plan)).containsExactly(FindingCode.DOMAIN_NXDOMAIN);
  }

  @Test
  void implicitMxUsesTheDomainItself_Rfc5321_5_1() {
    Plan plan = mx("implicit.test");
    assertThat(plan.domains().get(0).nextHops().orElseThrow().isSecureDenial()).isTrue();
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("implicit.test.");
    assertThat(h.targets()).extracting(ProbeTarget::endpoint).containsExactly("127.0.0.11:25");
    assertThat(h.targets()).allMatch(ProbeTarget::daneApplicable);
    assertThat(codes(plan)).containsExactly(FindingCode.IMPLICIT_MX);
    assertThat(errors(plan)).isEmpty();
  }

  @Test
  void nullMxSaysTheDomainAcceptsNoMailAndIsNoDaneFailure_Rfc7505() {
    Plan plan = mx("null-mx.test");
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(plan.allFindings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(FindingCode.NULL_MX);
      assertThat(f.severity()).isEqualTo(dev.smtpdane.report.Severity.INFO);
    });
  }

  @Test
  void submissionSrvGivesPort587WithStarttls() {
    Plan plan = discover(DiscoveryRequest.srv("submission",
        List.of(HostSpec.parse("submit.test")), 25));
    HostPlan h = onlyHost(plan);
    assertThat(h.port()).isEqualTo(587);
    assertThat(h.tlsa().orElseThrow().qname()).hasToString("_587._tcp.mail.submit.test.");
    assertThat(h.targets()).singleElement().satisfies(t -> {
      assertThat(t.tlsOnConnect()).isFalse();
      assertThat(t.daneApplicable()).isTrue();
      assertThat(t.referenceIdentifiers()).containsExactly("mail.submit.test", "submit.test");
    });
    assertThat(errors(plan)).isEmpty();
  }

  @Test
  void submissionsSrvGivesPort465WithTlsOnConnect_Rfc8314_3_3() {
    Plan plan = discover(DiscoveryRequest.srv("submissions",
        List.of(HostSpec.parse("submit.test")), 25));
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsa().orElseThrow().qname()).hasToString("_465._tcp.mail.submit.test.");
    assertThat(h.targets()).singleElement().satisfies(t -> {
      assertThat(t.port()).isEqualTo(465);
      assertThat(t.tlsOnConnect()).isTrue();
      assertThat(t.daneApplicable()).isTrue();
    });
  }

  @Test
  void portInTheArgumentBeatsTheSrvPort() {
    Plan plan = discover(DiscoveryRequest.srv("submission",
        List.of(HostSpec.parse("submit.test:2587")), 25));
    HostPlan h = onlyHost(plan);
    assertThat(h.port()).isEqualTo(2587);
    assertThat(h.targets().get(0).tlsa()).isInstanceOf(TlsaOutcome.NoRecords.class);
    assertThat(errors(plan)).containsExactly(FindingCode.NO_TLSA);
  }

  @Test
  void srvTargetsThatAreNoHostAreErrorsBesideTheValidOne_Rfc2782() {
    Plan plan = discover(DiscoveryRequest.srv("submission",
        List.of(HostSpec.parse("srv-no-host.test")), 25));
    HostPlan h = onlyHost(plan);
    assertThat(h.display()).isEqualTo("mail.submit.test");
    assertThat(h.targets()).singleElement().satisfies(t -> {
      assertThat(t.endpoint()).isEqualTo("127.0.0.12:587");
      assertThat(t.daneApplicable()).isTrue();
    });
    assertThat(errors(plan)).containsExactlyInAnyOrder(FindingCode.SRV_TARGET_IP_LITERAL,
        FindingCode.SRV_TARGET_LOCALHOST);
  }

  @Test
  void srvTargetDotMeansServiceNotOffered_Rfc2782() {
    Plan plan = discover(DiscoveryRequest.srv("submission",
        List.of(HostSpec.parse("no-submission.test")), 25));
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(codes(plan)).containsExactly(FindingCode.SRV_SERVICE_NOT_OFFERED);
    assertThat(errors(plan)).isEmpty();
  }

  @Test
  void caseRandomisedAnswersGiveTheSamePlanInLowerCase() {
    try (LabDns mixed = LabWorlds.scenarios(LabDns.builder().randomizeCase(true)).start()) {
      Plan plan = discover(DiscoveryRequest.mx(List.of(HostSpec.parse("Secure.TEST."))),
          mixed.resolver());
      Answer mx = plan.domains().get(0).nextHops().orElseThrow();
      assertThat(mx.state()).isEqualTo(DnssecState.SECURE);
      HostPlan h = onlyHost(plan);
      assertThat(h.tlsaBaseDomain().orElseThrow().toString()).isEqualTo("mx.secure.test.");
      assertThat(h.targets().get(0).sniName()).contains("mx.secure.test");
      assertThat(h.targets()).hasSize(2).allMatch(ProbeTarget::daneApplicable);
      assertThat(errors(plan)).isEmpty();
    }
  }

  @Test
  void firstResolverFailingMovesToTheNextAndRecordsWhoAnswered() {
    InetSocketAddress broken = lab.failingResolver(Fault.SERVFAIL);
    InetSocketAddress silent = lab.failingResolver(Fault.DROP);
    mx("secure.test"); // warm the validator's key cache, so the short timeout only hits silence
    Plan plan = new Discovery(new StubResolver(
        List.of(broken, silent, lab.resolver()), Duration.ofMillis(500), 1))
        .discover(DiscoveryRequest.mx(List.of(HostSpec.parse("secure.test"))));
    Answer mx = plan.domains().get(0).nextHops().orElseThrow();
    assertThat(mx.state()).isEqualTo(DnssecState.SECURE);
    assertThat(mx.resolver()).contains(lab.resolver());
    assertThat(onlyHost(plan).targets()).hasSize(2).allMatch(ProbeTarget::daneApplicable);
    assertThat(codes(plan)).isEmpty();
  }

  /** Issue: the lab's validator rejects the MX; a non-validating second one must not win. */
  @Test
  void bogusFromTheFirstResolverIsNotMadeInsecureByANonValidatingSecond_Rfc4033_5() {
    InetSocketAddress plain = lab.failingResolver(Fault.NON_VALIDATING);
    Plan plan = discover(DiscoveryRequest.mx(List.of(HostSpec.parse("bogus-mx.test"))),
        lab.resolver(), plain);
    assertThat(plan.domains().get(0).nextHops().orElseThrow().state())
        .isEqualTo(DnssecState.BOGUS);
    assertThat(errors(plan)).containsExactly(FindingCode.MX_LOOKUP_BOGUS);
    assertThat(plan.allFindings()).singleElement().satisfies(f -> assertThat(f.message())
        .contains("EDE 6").contains(AddressText.of(plain.getAddress()) + ":"
            + plain.getPort() + " then answered NOERROR without AD"));
  }

  @Test
  void noResolverAnsweringIsReportedAsSuch() {
    InetSocketAddress silent = lab.failingResolver(Fault.DROP);
    Plan plan = new Discovery(new StubResolver(List.of(silent), Duration.ofMillis(200), 1))
        .discover(DiscoveryRequest.mx(List.of(HostSpec.parse("secure.test"))));
    assertThat(codes(plan)).contains(FindingCode.RESOLVER_UNREACHABLE,
        FindingCode.MX_LOOKUP_FAILED);
  }

  @Test
  void labLookupsUseTheLabOnly() {
    assertThat(lab.resolver().getAddress().isLoopbackAddress()).isTrue();
    assertThat(new StubResolver(List.of(lab.resolver())).lookup(
        org.xbill.DNS.Name.fromConstantString("mx.secure.test."), Type.A).state())
        .isEqualTo(DnssecState.SECURE);
  }

  @Test
  void hostsComeInMxPreferenceOrder() {
    Plan plan = mx("two-mx.test");
    assertThat(plan.domains().get(0).hosts())
        .extracting(HostPlan::display, HostPlan::preference)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("mx2.two-mx.test", 10),
            org.assertj.core.groups.Tuple.tuple("mx.two-mx.test", 20));
    assertThat(plan.targets()).extracting(ProbeTarget::endpoint)
        .containsExactly("127.0.0.25:25", "127.0.0.24:25");
    assertThat(plan.targets()).allMatch(ProbeTarget::daneApplicable);
    assertThat(plan.targets().get(0).referenceIdentifiers())
        .containsExactly("mx2.two-mx.test", "two-mx.test");
  }
}
