package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smtpdane.lab.DaneLab;
import dev.smtpdane.lab.LabScenarios;
import dev.smtpdane.lab.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the catalogue through the real command line ({@code --json}) against the
 * embedded lab, started once: the verdict, the exit code and the codes the RFCs require.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class ScenarioCatalogueTest {
  private DaneLab lab;

  @BeforeAll
  void start() {
    lab = DaneLab.start();
  }

  @AfterAll
  void stop() {
    lab.close();
  }

  static Stream<Scenario> scenarios() {
    return LabScenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenarioHasTheVerdictTheRfcsRequire(Scenario s) {
    Assumptions.assumeTrue(lab.skipReason(s).isEmpty(),
        () -> s.name() + " cannot run here: " + lab.skipReason(s).orElse(""));
    ScenarioRun.of(lab, s).assertMeetsExpectation();
  }

  // The verdicts above could be right for the wrong reason: these check the reason.

  @ParameterizedTest(name = "{0} matched by {1}")
  @CsvSource({
      "ta-nexthop-name, name ta-nexthop-name.test matched ta-nexthop-name.test",
      "ta-aka-name, name relay.provider.example matched relay.provider.example",
      "ta-wildcard, name mx.ta-wildcard.test matched *.ta-wildcard.test",
      "ta-cn-only, name mx.ta-cn-only.test matched mx.ta-cn-only.test",
      "ta-211-intermediate, trust anchor at position 1",
      "ta-201-root, trust anchor at position 2",
      "ta-210-unsent-root, the record's own key signed the certificate at position 1"})
  void daneTaMatchesForTheRightReason_Rfc7672_3_2_2(String name, String detail) {
    ScenarioRun r = ScenarioRun.of(lab, lab.scenario(name).orElseThrow());
    assertThat(records(r)).as(r.summary())
        .anySatisfy(rec -> assertThat(rec.path("detail").asText()).contains(detail));
  }

  @Test
  void expiredAnchorIn200RecordFailsForTheRightReason_Rfc7671_5_2_2() {
    // OpenSSL puts the record's certificate on the chain and checks a self-issued top's dates.
    ScenarioRun r = ScenarioRun.of(lab, lab.scenario("ta-200-expired-anchor").orElseThrow());
    assertThat(records(r)).as(r.summary()).anySatisfy(rec -> assertThat(rec.path("detail")
        .asText()).contains("the trust anchor certificate in the 2 0 0 record expired at"));
  }

  @ParameterizedTest(name = "{0}: DANE not applicable because {1}")
  @CsvSource({
      // RFC 7672 §2.2.2: unsigned addresses behind a signed first CNAME could use the original
      // name's TLSA records, so the reason is that there are none, not the unsigned address.
      "cname-unsigned-no-tlsa, there are no TLSA records",
      "cname-insecure-first, not DNSSEC-secure"})
  void notApplicableSaysTheRealReason_Rfc7672_2_2_2(String name, String reason) {
    ScenarioRun r = ScenarioRun.of(lab, lab.scenario(name).orElseThrow());
    List<String> messages = new ArrayList<>();
    hosts(r).forEach(h -> h.path("addresses").forEach(a -> a.path("findings").forEach(
        f -> messages.add(f.path("code").asText() + ": " + f.path("message").asText()))));
    assertThat(messages).as(r.summary())
        .anySatisfy(m -> assertThat(m).startsWith("dane-not-applicable").contains(reason));
  }

  @ParameterizedTest(name = "{0}: TLSA base domain {1}")
  @CsvSource({
      "cname-mx-host, server.cname-mx-host.test",
      "cname-tlsa-original, mx.cname-tlsa-original.test",
      "cname-leaves-signed-dns, mx.cname-leaves-signed-dns.test",
      "cname-unsigned-no-tlsa, mx.cname-unsigned-no-tlsa.test",
      "implicit-mx, implicit-mx.test"})
  void tlsaBaseDomainAfterCnames_Rfc7672_2_2_2(String name, String base) {
    ScenarioRun r = ScenarioRun.of(lab, lab.scenario(name).orElseThrow());
    assertThat(hosts(r).get(0).path("tlsaBaseDomain").asText()).as(r.summary())
        .isEqualTo(base);
  }

  @Test
  void everyAddressIsJudgedOnItsOwn() {
    assertThat(addressVerdicts("dual-stack-good")).containsExactly("ipv6 verified",
        "ipv4 verified");
    assertThat(addressVerdicts("mixed-address")).containsExactlyInAnyOrder("ipv4 verified",
        "ipv4 failed");
    assertThat(addressVerdicts("aaaa-bogus")).containsExactly("ipv4 verified");
  }

  @Test
  void submissionUsesTheSrvPortAndItsTlsMode_Rfc8314() {
    for (String name : List.of("submission-587", "submissions-465")) {
      Scenario s = lab.scenario(name).orElseThrow();
      JsonNode address = hosts(ScenarioRun.of(lab, s)).get(0).path("addresses").get(0);
      assertThat(address.path("port").asInt()).isEqualTo(lab.port(s));
      assertThat(address.path("mode").asText())
          .isEqualTo(name.equals("submissions-465") ? "tls-on-connect" : "starttls");
    }
  }

  private List<String> addressVerdicts(String name) {
    Scenario s = lab.scenario(name).orElseThrow();
    Assumptions.assumeTrue(lab.skipReason(s).isEmpty());
    List<String> out = new ArrayList<>();
    for (JsonNode a : hosts(ScenarioRun.of(lab, s)).get(0).path("addresses")) {
      out.add(a.path("family").asText() + " " + a.path("verdict").asText());
    }
    return out;
  }

  private static JsonNode hosts(ScenarioRun r) {
    return r.json().path("targets").get(0).path("hosts");
  }

  private static List<JsonNode> records(ScenarioRun r) {
    List<JsonNode> out = new ArrayList<>();
    hosts(r).forEach(h -> h.path("addresses").forEach(a -> a.path("records").forEach(out::add)));
    return out;
  }
}
