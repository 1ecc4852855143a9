package dev.smtpdane.discover;

import static dev.smtpdane.discover.LabWorlds.errors;
import static dev.smtpdane.discover.LabWorlds.onlyHost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

/**
 * The TLSA base domain of an alias (RFC 7672 §2.2.2 "Secure CNAME" / "Insecure CNAME",
 * §2.2.3) against an in-memory DNS whose CNAME links carry states of their own. After a secure
 * first CNAME the original name's secure TLSA records apply to insecure addresses, as in
 * Postfix; nothing else that is unsigned ever lets DANE apply.
 */
class InsecureCnameTest {
  private static final String TLSA = "3 1 1 " + "AB".repeat(32);
  private static final List<String> ONE_LINK = List.of("mx.x.test", "real.y.test");
  private static final List<String> TWO_LINKS = List.of("mx.x.test", "mid.y.test", "real.z.test");

  private static Plan run(FakeDns dns) {
    return new Discovery(dns).discover(DiscoveryRequest.hosts(List.of(
        HostSpec.parse("mx.x.test"))));
  }

  /** A and AAAA (no AAAA records) of mx.x.test through {@code chain}; TLSA at the end. */
  private static FakeDns alias(DnssecState answer, List<DnssecState> links) {
    List<String> chain = links.size() == 1 ? ONE_LINK : TWO_LINKS;
    return new FakeDns()
        .viaLinks(answer, "mx.x.test", "A", chain, links, "192.0.2.1")
        .viaLinks(answer, "mx.x.test", "AAAA", chain, links)
        .secure("_25._tcp." + chain.get(chain.size() - 1), "TLSA", TLSA);
  }

  private static FakeDns tlsaAtOriginal(FakeDns dns, String kind) {
    String owner = "_25._tcp.mx.x.test";
    return switch (kind) {
      case "RECORDS" -> dns.secure(owner, "TLSA", TLSA);
      case "DENIED" -> dns.secure(owner, "TLSA");
      case "UNSIGNED" -> dns.insecure(owner, "TLSA", TLSA);
      case "BOGUS" -> dns.failed(DnssecState.BOGUS, owner, "TLSA", "EDE 6");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest(name = "{0}: {1}, TLSA at original {2} -> base {3}, DANE {4}")
  @CsvSource(delimiter = '|', textBlock = """
      SECURE   | SECURE                 | RECORDS  | real.y.test | true  |
      INSECURE | SECURE                 | RECORDS  | mx.x.test   | true  |
      INSECURE | SECURE SECURE          | RECORDS  | mx.x.test   | true  |
      INSECURE | SECURE INSECURE        | RECORDS  | mx.x.test   | true  |
      INSECURE | SECURE                 | DENIED   | mx.x.test   | false | NO_TLSA
      INSECURE | SECURE                 | UNSIGNED | mx.x.test   | false | TLSA_INSECURE
      INSECURE | SECURE                 | BOGUS    | mx.x.test   | false | TLSA_LOOKUP_BOGUS
      INSECURE | INSECURE               | RECORDS  | mx.x.test   | false | ADDRESS_INSECURE
      INSECURE | INSECURE SECURE        | RECORDS  | mx.x.test   | false | ADDRESS_INSECURE
      INSECURE | BOGUS                  | RECORDS  | mx.x.test   | false | ADDRESS_LOOKUP_BOGUS
      INSECURE | INDETERMINATE          | RECORDS  | mx.x.test   | false | ADDRESS_LOOKUP_FAILED
      """)
  void tlsaBaseDomainOfAnAlias_Rfc7672_2_2_2(DnssecState answer, String links,
      String atOriginal, String base, boolean dane, String errors) {
    List<DnssecState> states = Arrays.stream(links.split(" ")).map(DnssecState::valueOf)
        .toList();
    FakeDns dns = tlsaAtOriginal(alias(answer, states), atOriginal);
    Plan plan = run(dns);
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString(base + ".");
    assertThat(h.targets()).singleElement().satisfies(t -> {
      assertThat(t.daneApplicable()).isEqualTo(dane);
      assertThat(t.tlsaBaseDomain().orElseThrow()).hasToString(base + ".");
      assertThat(t.tlsaRecords()).hasSize(dane ? 1 : 0);
    });
    assertThat(errors(plan)).containsExactlyElementsOf(errors == null ? List.of()
        : Arrays.stream(errors.split(" ")).map(FindingCode::valueOf).toList());
    // Only a secure chain makes the expanded name a candidate; intermediate names never are
    // (FakeDns fails on any unscripted question, such as one at mid.y.test).
    assertThat(dns.asked()).filteredOn(q -> q.startsWith("_25._tcp.real"))
        .hasSize(answer == DnssecState.SECURE ? 1 : 0);
  }

  @Test
  void bogusLinkAfterASecureFirstCnameIsAnErrorAndNothingIsProbed_Rfc7672_2_1_2() {
    FakeDns dns = tlsaAtOriginal(alias(DnssecState.BOGUS,
        List.of(DnssecState.SECURE, DnssecState.BOGUS)), "RECORDS");
    Plan plan = run(dns);
    HostPlan h = onlyHost(plan);
    assertThat(h.targets()).isEmpty();
    assertThat(h.tlsaOutcome().daneApplies()).isFalse();
    assertThat(errors(plan)).containsExactly(FindingCode.ADDRESS_LOOKUP_BOGUS,
        FindingCode.ADDRESS_LOOKUP_BOGUS);
  }

  @Test
  void firstCnameThatCannotBeValidatedMakesSendersDefer_Rfc7672_2_1_2() {
    Plan plan = run(tlsaAtOriginal(alias(DnssecState.INSECURE, List.of(DnssecState.BOGUS)),
        "RECORDS"));
    ProbeTarget t = onlyHost(plan).targets().get(0);
    assertThat(t.tlsa()).isInstanceOfSatisfying(TlsaOutcome.Failed.class,
        f -> assertThat(f.state()).isEqualTo(DnssecState.BOGUS));
    assertThat(plan.allFindings()).singleElement().satisfies(f -> assertThat(f.message())
        .contains("mx.x.test -> real.y.test is bogus").contains("defer mail"));
  }

  @Test
  void findingsNameTheOriginalAsTlsaBaseDomainAndWhy_Rfc7672_2_2_2() {
    Plan plan = run(tlsaAtOriginal(alias(DnssecState.INSECURE, List.of(DnssecState.SECURE)),
        "RECORDS"));
    HostPlan h = onlyHost(plan);
    assertThat(plan.allFindings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(FindingCode.CNAME_CHAIN_INSECURE);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).contains("TLSA base domain is the original name mx.x.test")
          .contains("_25._tcp.mx.x.test").contains("RFC 7672 §2.2.2");
    });
    // The unsigned expanded name is neither SNI nor a name a DANE-TA certificate may carry.
    assertThat(h.targets().get(0).sniName()).contains("mx.x.test");
    assertThat(h.referenceIdentifiers()).containsExactly("mx.x.test");
  }

  @Test
  void missingTlsaAtTheOriginalSaysItIsTheOnlyBaseDomain_Rfc7672_2_2_2() {
    Plan plan = run(tlsaAtOriginal(alias(DnssecState.INSECURE, List.of(DnssecState.SECURE)),
        "DENIED"));
    assertThat(plan.allFindings()).filteredOn(f -> f.severity() == Severity.ERROR)
        .singleElement().extracting(Finding::message).asString()
        .contains("no TLSA records at _25._tcp.mx.x.test")
        .contains("the original name is its only TLSA base domain (RFC 7672 §2.2.2)");
  }

  @Test
  void insecureFirstCnameIsAWarningBesideTheAddressError_Rfc7672_2_2_2() {
    Plan plan = run(tlsaAtOriginal(alias(DnssecState.INSECURE, List.of(DnssecState.INSECURE)),
        "RECORDS"));
    assertThat(plan.allFindings()).filteredOn(f -> f.code() == FindingCode.CNAME_CHAIN_INSECURE)
        .singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.WARNING);
          assertThat(f.message()).contains("first CNAME is not signed");
        });
  }

  @Test
  void eachFamilyGetsTheBaseDomainItsOwnChainAllows_Rfc7672_2_2_2() {
    // Inconsistent resolvers: A through a wholly secure chain, AAAA insecure after it.
    FakeDns dns = new FakeDns()
        .viaLinks(DnssecState.SECURE, "mx.x.test", "A", ONE_LINK, List.of(DnssecState.SECURE),
            "192.0.2.1")
        .viaLinks(DnssecState.INSECURE, "mx.x.test", "AAAA", ONE_LINK,
            List.of(DnssecState.SECURE), "2001:db8::1")
        .secure("_25._tcp.real.y.test", "TLSA", TLSA).secure("_25._tcp.mx.x.test", "TLSA");
    Plan plan = run(dns);
    HostPlan h = onlyHost(plan);
    assertThat(h.tlsaBaseDomain().orElseThrow()).hasToString("real.y.test.");
    assertThat(h.targets()).extracting(t -> t.tlsaBaseDomain().orElseThrow().toString(),
        ProbeTarget::daneApplicable).containsExactly(
            org.assertj.core.groups.Tuple.tuple("mx.x.test.", false),
            org.assertj.core.groups.Tuple.tuple("real.y.test.", true));
    assertThat(errors(plan)).containsExactly(FindingCode.NO_TLSA);
  }

  @ParameterizedTest(name = "address {0}, secure first CNAME {1} -> {2}")
  @CsvSource({
      "SECURE,        false, true",
      "INSECURE,      true,  true",
      "INSECURE,      false, false",
      "BOGUS,         true,  false",
      "INDETERMINATE, true,  false"})
  void probeTargetNeverLetsUnvalidatedAddressesPass(DnssecState state, boolean alias,
      boolean dane) throws Exception {
    Name owner = Name.fromString("_25._tcp.mx.x.test.");
    org.xbill.DNS.TLSARecord record = (org.xbill.DNS.TLSARecord) org.xbill.DNS.Record
        .fromString(owner, org.xbill.DNS.Type.TLSA, org.xbill.DNS.DClass.IN, 300, TLSA,
            Name.root);
    ProbeTarget t = new ProbeTarget("mx.x.test", InetAddress.getByName("192.0.2.1"), 25, false,
        state, Optional.of(owner), Optional.of("mx.x.test"),
        new TlsaOutcome.Records(owner, List.of(record)), List.of("mx.x.test"), alias);
    assertThat(t.daneApplicable()).isEqualTo(dane);
    assertThat(t.tlsaRecords()).hasSize(dane ? 1 : 0);
  }
}
