package dev.smtpdane.report;

import static dev.smtpdane.report.ReportFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class RenderersTest {
  private static String render(RunReport run, BiConsumer<RunReport, PrintWriter> renderer) {
    StringWriter s = new StringWriter();
    renderer.accept(run, new PrintWriter(s));
    return s.toString();
  }

  private static String text(RunReport run, boolean terse) {
    return render(run, new TextRenderer(Style.plain(), terse, false, false)::render);
  }

  @Test
  void rollUpFailsTheDomainWhenOneHostFailsButKeepsTheGoodHostVerified() {
    RunReport run = ReportFixtures.mixed();
    assertThat(run.domains().get(0).verdict()).isEqualTo(Verdict.FAILED);
    assertThat(run.domains().get(0).hosts().get(0).verdict()).isEqualTo(Verdict.VERIFIED);
    assertThat(run.domains().get(0).hosts().get(1).verdict()).isEqualTo(Verdict.FAILED);
    assertThat(ReportFixtures.good().domains().get(0).verdict()).isEqualTo(Verdict.VERIFIED);
  }

  @Test
  void textShowsStatesMatchesAndOnFailureThePresentedChainWithDigests() {
    String out = text(ReportFixtures.mixed(), false);
    assertThat(out).contains("MX example.test (secure): 10 mx1.example.test.");
    assertThat(out).contains("[mx1.example.test 127.0.0.1] match 3 1 1 AAAAAAAA…AAAAAAAA");
    assertThat(out).contains("[mx2.example.test ::1] ERROR no usable TLSA record matched");
    assertThat(out).contains("[mx2.example.test ::1] server presented 1 certificate:");
    assertThat(out).contains("3 1 1 " + "BB".repeat(32));
    assertThat(out).contains("example.test: domain failed");
    assertThat(out.lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("Summary: 0/1 targets verified, 1/2 hosts, 1/2 addresses (1 failed)");
    // the good address's chain is not dumped without -show-cert-info
    assertThat(out).doesNotContain("[mx1.example.test 127.0.0.1] server presented");
  }

  @Test
  void terseKeepsOnlyMatchesWarningsAndErrors() {
    String out = text(ReportFixtures.mixed(), true);
    assertThat(out).doesNotContain("(secure)").doesNotContain("server presented");
    assertThat(out).contains("match 3 1 1", "ERROR no usable TLSA record matched");
  }

  @Test
  void quietPrintsNothingOnSuccessAndTheFailedTargetOnError() {
    QuietRenderer quiet = new QuietRenderer(Style.plain(), false, false);
    assertThat(render(ReportFixtures.good(), quiet::render)).isEmpty();
    String out = render(ReportFixtures.mixed(), quiet::render);
    assertThat(out).contains("ERROR no usable TLSA record matched", "Summary:");
  }

  @Test
  void nagiosStatusLineWithPerfdataThenTerseLines() {
    NagiosRenderer nagios = new NagiosRenderer(NOW);
    String ok = render(ReportFixtures.good(), nagios::render);
    assertThat(ok.lines().findFirst().orElseThrow()).isEqualTo(
        "DANE OK - 1/1 addresses verified for example.test|verified=1;;;0 failed=0;;;0"
            + " warnings=0;;;0 errors=0;;;0 cert_days=30");
    String bad = render(ReportFixtures.mixed(), nagios::render);
    assertThat(bad.lines().findFirst().orElseThrow())
        .startsWith("DANE CRITICAL - 1/2 addresses verified for example.test; no usable TLSA")
        .contains("|verified=1;;;0 failed=1;;;0");
    assertThat(bad).doesNotContain("\u001b[");
    assertThat(NagiosRenderer.state(ReportFixtures.mixed()))
        .isEqualTo(NagiosRenderer.State.CRITICAL);
  }

  @Test
  void jsonParsesAndCarriesVerdictsAndFindingCodes() throws Exception {
    String json = new JsonRenderer().toJson(ReportFixtures.mixed());
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(JsonRenderer.SCHEMA_VERSION);
    JsonNode target = root.get("targets").get(0);
    assertThat(target.get("verdict").asText()).isEqualTo("failed");
    assertThat(target.get("lookup").get("dnssec").asText()).isEqualTo("secure");
    JsonNode bad = target.get("hosts").get(1).get("addresses").get(0);
    assertThat(bad.get("family").asText()).isEqualTo("ipv6");
    assertThat(bad.get("findings").get(0).get("code").asText()).isEqualTo("no-tlsa-match");
    assertThat(bad.get("chain").get(0).get("digests").get("3 1 1").asText())
        .isEqualTo("BB".repeat(32));
    assertThat(root.get("nagiosState").asText()).isEqualTo("CRITICAL");
  }

  @Test
  void aTargetThatDidNotVerifyIsNeverOkEvenWithoutAnErrorFinding() {
    // e.g. a domain left with no hosts and no finding: FAILED, so CRITICAL, never OK
    RunReport empty = new RunReport("test", NOW, java.time.Duration.ZERO, java.util.Map.of(),
        java.util.List.of(new DomainReport("x.test", "mx", java.util.Optional.empty(), false,
            java.util.List.of(), java.util.List.of())), java.util.List.of());
    assertThat(empty.worst()).isEqualTo(Severity.OK);
    assertThat(empty.allVerified()).isFalse();
    assertThat(NagiosRenderer.state(empty)).isEqualTo(NagiosRenderer.State.CRITICAL);
  }

  @Test
  void insecureMxAnswerFailsTheDomainEvenIfEveryHostVerifies_Rfc7672_2_2_1() {
    HostReport good = ReportFixtures.host("mx1.example.test", 10, ReportFixtures.goodAddress());
    DomainReport d = new DomainReport("example.test", "mx", java.util.Optional.of(
        ReportFixtures.answer("example.test", "MX", dev.smtpdane.dns.DnssecState.INSECURE,
            "10 mx1.example.test.")), false, java.util.List.of(good), java.util.List.of());
    assertThat(good.verdict()).isEqualTo(Verdict.VERIFIED);
    assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
  }

  @Test
  void cappedFanOutIsNeverVerified() {
    HostReport good = ReportFixtures.host("mx1.example.test", 10, ReportFixtures.goodAddress());
    DomainReport d = new DomainReport("example.test", "mx", java.util.Optional.empty(), false,
        java.util.List.of(good), java.util.List.of(Finding.warning(FindingCode.FAN_OUT_CAPPED,
            "only the first 32 hosts")));
    assertThat(d.verdict()).isEqualTo(Verdict.NOT_ATTEMPTED);
  }

  @Test
  void hostileTextFromTheNetworkCannotInjectTerminalEscapes() {
    assertThat(Safe.text("CN=evil\u001b[2J\nDANE OK")).isEqualTo("CN=evil\\x1b[2J\\x0aDANE OK");
  }
}
