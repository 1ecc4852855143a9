package dev.smtpdane.discover;

import static dev.smtpdane.discover.LabWorlds.codes;
import static dev.smtpdane.discover.LabWorlds.errors;
import static dev.smtpdane.discover.LabWorlds.onlyHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.discover.DiscoveryRequest.Mode;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.report.FindingCode;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Discovery rules (dane-rules.md §2-§3) against an in-memory DNS: no packets at all. */
class DiscoveryRulesTest {
  private static final String TLSA = "3 1 1 " + "AB".repeat(32);

  private static Plan run(FakeDns dns, DiscoveryRequest request) {
    return new Discovery(dns).discover(request);
  }

  private static Plan mx(FakeDns dns, String domain) {
    return run(dns, DiscoveryRequest.mx(List.of(HostSpec.parse(domain))));
  }

  @Test
  void mxHostsAreDeduplicatedCaseInsensitivelyAtTheirBestPreference() {
    FakeDns dns = new FakeDns()
        .secure("x.test", "MX", "20 MX2.x.test.", "30 Mx1.X.Test.", "10 mx1.x.test.",
            "10 a.x.test.")
        .host("a.x.test", "192.0.2.1").host("mx1.x.test", "192.0.2.2")
        .host("mx2.x.test", "192.0.2.3")
        .secure("_25._tcp.a.x.test", "TLSA", TLSA).secure("_25._tcp.mx1.x.test", "TLSA", TLSA)
        .secure("_25._tcp.mx2.x.test", "TLSA", TLSA);
    Plan plan = mx(dns, "x.test");
    assertThat(plan.domains().get(0).hosts())
        .extracting(HostPlan::display, HostPlan::preference)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a.x.test", 10),
            org.assertj.core.groups.Tuple.tuple("mx1.x.test", 10),
            org.assertj.core.groups.Tuple.tuple("mx2.x.test", 20));
    assertThat(dns.asked()).filteredOn(q -> q.equals("mx1.x.test A")).hasSize(1);
    assertThat(errors(plan)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} -> port {2}")
  @CsvSource({
    "HOST, mx.x.test,      25",
    "HOST, mx.x.test:2525, 2525",
    "SRV,  x.test,         587",
    "SRV,  x.test:2587,    2587",
  })
  void argumentPortBeatsSrvPortBeatsDefault(Mode mode, String argument, int port) {
    FakeDns dns = new FakeDns().secure("_submission._tcp.x.test", "SRV", "0 1 587 mx.x.test.")
        .host("mx.x.test", "192.0.2.1")
        .secure("_" + port + "._tcp.mx.x.test", "TLSA", TLSA);
    DiscoveryRequest request = new DiscoveryRequest(mode, mode == Mode.SRV ? "submission" : null,
        List.of(HostSpec.parse(argument)), 25, false, List.of(), true, true);
    ProbeTarget t = run(dns, request).targets().get(0);
    assertThat(t.port()).isEqualTo(port);
    assertThat(t.daneApplicable()).isTrue();
  }

  @Test
  void addressesAreOrderedIpv6FirstThenNumerically() {
    FakeDns dns = new FakeDns().secure("mx.x.test", "A", "192.0.2.10", "192.0.2.9")
        .secure("mx.x.test", "AAAA", "2001:db8::2", "2001:db8::1")
        .secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    Plan plan = run(dns, DiscoveryRequest.hosts(List.of(HostSpec.parse("mx.x.test"))));
    assertThat(plan.targets()).extracting(ProbeTarget::endpoint).containsExactly(
        "[2001:db8::1]:25", "[2001:db8::2]:25", "192.0.2.9:25",
        "192.0.2.10:25");
  }

  @Test
  void ipv4OnlyNeverAsksForAaaa() {
    FakeDns dns = new FakeDns().secure("mx.x.test", "A", "192.0.2.1")
        .secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    DiscoveryRequest request = new DiscoveryRequest(Mode.HOST, null,
        List.of(HostSpec.parse("mx.x.test")), 25, false, List.of(), true, false);
    assertThat(run(dns, request).targets()).hasSize(1);
    assertThat(dns.asked()).containsExactlyInAnyOrder("mx.x.test A", "_25._tcp.mx.x.test TLSA");
  }

  @Test
  void failedTlsaAtTheExpandedNameIsNotPaperedOverWithTheOriginal_Rfc7672_2_2_2() {
    FakeDns dns = new FakeDns()
        .viaCname(DnssecState.SECURE, "mx.x.test", "A", List.of("mx.x.test", "real.y.test"),
            "192.0.2.1")
        .viaCname(DnssecState.SECURE, "mx.x.test", "AAAA", List.of("mx.x.test", "real.y.test"))
        .failed(DnssecState.BOGUS, "_25._tcp.real.y.test", "TLSA", "EDE 6")
        .secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    HostPlan h = onlyHost(run(dns, DiscoveryRequest.hosts(List.of(HostSpec.parse("mx.x.test")))));
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("real.y.test.");
    assertThat(h.tlsaOutcome()).isInstanceOf(TlsaOutcome.Failed.class);
    assertThat(h.targets()).noneMatch(ProbeTarget::daneApplicable);
  }

  @Test
  void secureTlsaDoesNotCountForInsecureAddresses_Rfc7672_2_2_2() {
    FakeDns dns = new FakeDns().insecure("mx.x.test", "A", "192.0.2.1")
        .insecure("mx.x.test", "AAAA").secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    Plan plan = run(dns, DiscoveryRequest.hosts(List.of(HostSpec.parse("mx.x.test"))));
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsa()).isEmpty();
    assertThat(h.targets()).singleElement().satisfies(t -> {
      assertThat(t.daneApplicable()).isFalse();
      assertThat(t.tlsaRecords()).isEmpty();
      assertThat(t.tlsa()).isInstanceOf(TlsaOutcome.NotApplicable.class);
    });
    assertThat(errors(plan)).containsExactly(FindingCode.ADDRESS_INSECURE);
  }

  @Test
  void secureAnswersFromARemoteResolverGetAWarning_Rfc4035_4_9_3() {
    FakeDns dns = new FakeDns().from(new InetSocketAddress("192.0.2.53", 53))
        .host("mx.x.test", "192.0.2.1").secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    Plan plan = run(dns, DiscoveryRequest.hosts(List.of(HostSpec.parse("mx.x.test"))));
    assertThat(plan.findings()).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo(FindingCode.RESOLVER_NOT_LOOPBACK))
        .satisfies(f -> assertThat(f.message()).contains("192.0.2.53"));
    FakeDns local = new FakeDns().host("mx.x.test", "192.0.2.1")
        .secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    assertThat(run(local, DiscoveryRequest.hosts(List.of(HostSpec.parse("mx.x.test"))))
        .findings()).isEmpty();
  }

  @Test
  void ipLiteralIsProbedButDaneCannotApply() {
    FakeDns dns = new FakeDns();
    Plan plan = run(dns, DiscoveryRequest.hosts(List.of(HostSpec.parse("[2001:db8::25]:26"))));
    assertThat(dns.asked()).isEmpty();
    assertThat(plan.targets()).singleElement().satisfies(t -> {
      assertThat(t.endpoint()).isEqualTo("[2001:db8::25]:26");
      assertThat(t.daneApplicable()).isFalse();
      assertThat(t.sniName()).isEmpty();
    });
    assertThat(errors(plan)).containsExactly(FindingCode.ADDRESS_LITERAL);
  }

  @Test
  void referenceIdentifiersAreBaseHostDomainAndAkaWithoutRepeats_Rfc7672_3_2_2() {
    FakeDns dns = new FakeDns().secure("x.test", "MX", "10 mx.x.test.")
        .viaCname(DnssecState.SECURE, "mx.x.test", "A", List.of("mx.x.test", "real.y.test"),
            "192.0.2.1")
        .viaCname(DnssecState.SECURE, "mx.x.test", "AAAA", List.of("mx.x.test", "real.y.test"))
        .secure("_25._tcp.real.y.test", "TLSA", TLSA).secure("_25._tcp.mx.x.test", "TLSA");
    DiscoveryRequest request = new DiscoveryRequest(Mode.MX, null,
        List.of(HostSpec.parse("x.test")), 25, false, List.of("Alt.Test", "x.test"), true, true);
    assertThat(run(dns, request).targets().get(0).referenceIdentifiers())
        .containsExactly("real.y.test", "mx.x.test", "x.test", "alt.test");
  }

  @Test
  void hostThatDoesNotExistIsOneFindingNotTwo() {
    FakeDns dns = new FakeDns().nxdomain(DnssecState.SECURE, "gone.x.test", "A")
        .nxdomain(DnssecState.SECURE, "gone.x.test", "AAAA")
        .secure("_25._tcp.gone.x.test", "TLSA");
    Plan plan = run(dns, DiscoveryRequest.hosts(List.of(HostSpec.parse("gone.x.test"))));
    assertThat(codes(plan)).containsExactly(FindingCode.HOST_NXDOMAIN);
    assertThat(plan.targets()).isEmpty();
  }

  @Test
  void hostWithoutAddressesIsAnError() {
    FakeDns dns = new FakeDns().secure("mx.x.test", "A").secure("mx.x.test", "AAAA")
        .secure("_25._tcp.mx.x.test", "TLSA");
    Plan plan = run(dns, DiscoveryRequest.hosts(List.of(HostSpec.parse("mx.x.test"))));
    assertThat(errors(plan)).containsExactly(FindingCode.NO_ADDRESSES);
  }

  @Test
  void nullMxMixedWithOthersIsIgnoredWithAWarning_Rfc7505_3() {
    FakeDns dns = new FakeDns().secure("x.test", "MX", "0 .", "10 mx.x.test.")
        .host("mx.x.test", "192.0.2.1").secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    Plan plan = mx(dns, "x.test");
    assertThat(plan.domains().get(0).hosts()).extracting(HostPlan::display)
        .containsExactly("mx.x.test");
    // its own code: the domain does accept mail, so it must not be read as "no service"
    assertThat(codes(plan)).containsExactly(FindingCode.NULL_MX_MIXED);
    assertThat(errors(plan)).isEmpty();
  }

  @Test
  void tooManyMxHostsAreCappedWithAWarning() {
    FakeDns dns = new FakeDns();
    String[] mx = new String[40];
    for (int i = 0; i < mx.length; i++) {
      String host = String.format("mx%02d.x.test", i);
      mx[i] = "10 " + host + ".";
      dns.host(host, "192.0.2." + (i + 1)).secure("_25._tcp." + host, "TLSA", TLSA);
    }
    Plan plan = mx(dns.secure("x.test", "MX", mx), "x.test");
    assertThat(plan.domains().get(0).hosts()).hasSize(NextHops.MAX_HOSTS);
    assertThat(codes(plan)).containsExactly(FindingCode.FAN_OUT_CAPPED);
  }

  @Test
  void srvHostsByPriorityThenHeavierWeightFirst_Rfc2782() {
    FakeDns dns = new FakeDns().secure("_submission._tcp.x.test", "SRV",
            "20 5 587 c.x.test.", "10 1 587 b.x.test.", "10 9 587 a2.x.test.")
        .host("a2.x.test", "192.0.2.1").host("b.x.test", "192.0.2.2")
        .host("c.x.test", "192.0.2.3").secure("_587._tcp.a2.x.test", "TLSA", TLSA)
        .secure("_587._tcp.b.x.test", "TLSA", TLSA).secure("_587._tcp.c.x.test", "TLSA", TLSA);
    Plan plan = run(dns, DiscoveryRequest.srv("submission", List.of(HostSpec.parse("x.test")),
        25));
    assertThat(plan.domains().get(0).hosts()).extracting(HostPlan::display)
        .containsExactly("a2.x.test", "b.x.test", "c.x.test");
  }

  @Test
  void severalSrvTargetsOfDotStillMeanNoService_Rfc2782() {
    FakeDns dns = new FakeDns().secure("_submission._tcp.x.test", "SRV", "0 0 0 .", "1 0 0 .");
    Plan plan = run(dns, DiscoveryRequest.srv("submission", List.of(HostSpec.parse("x.test")),
        25));
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(codes(plan)).containsExactly(FindingCode.SRV_SERVICE_NOT_OFFERED);
  }

  @Test
  void severalNullMxRecordsStillMeanNoMail_Rfc7505() {
    FakeDns dns = new FakeDns().secure("x.test", "MX", "0 .", "10 .");
    Plan plan = run(dns, DiscoveryRequest.mx(List.of(HostSpec.parse("x.test"))));
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(codes(plan)).containsExactly(FindingCode.NULL_MX);
  }

  @ParameterizedTest(name = "SRV {0}")
  @CsvSource({"nodata", "nxdomain"})
  void missingSrvRecordsAreAnError(String kind) {
    FakeDns dns = new FakeDns();
    if (kind.equals("nodata")) {
      dns.secure("_submission._tcp.x.test", "SRV");
    } else {
      dns.nxdomain(DnssecState.SECURE, "_submission._tcp.x.test", "SRV");
    }
    Plan plan = run(dns, DiscoveryRequest.srv("submission", List.of(HostSpec.parse("x.test")),
        25));
    assertThat(errors(plan)).containsExactly(FindingCode.NO_SRV);
  }

  @ParameterizedTest(name = "MX {0}")
  @CsvSource({
    "INDETERMINATE, MX_LOOKUP_FAILED",
    "BOGUS,         MX_LOOKUP_BOGUS",
  })
  void failedMxLookupStopsTheDomain(DnssecState state, FindingCode code) {
    FakeDns dns = new FakeDns().failed(state, "x.test", "MX", "resolver trouble");
    Plan plan = mx(dns, "x.test");
    assertThat(plan.domains().get(0).hosts()).isEmpty();
    assertThat(errors(plan)).containsExactly(code);
  }

  @Test
  void insecureNxdomainIsOnlyNxdomain() {
    FakeDns dns = new FakeDns().nxdomain(DnssecState.INSECURE, "x.test", "MX");
    assertThat(errors(mx(dns, "x.test"))).containsExactly(FindingCode.DOMAIN_NXDOMAIN);
  }
}
