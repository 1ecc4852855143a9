package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpdane.lab.LabScenarios;
import dev.smtpdane.lab.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code smtpdane demo} and {@code demo --show}: the lab, the real checker, the table. */
@Timeout(120)
class DemoCommandTest {
  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void demoChecksEveryScenarioAndEveryRowAgrees() {
    Result r = run("demo", "-nocolor");
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    for (Scenario s : LabScenarios.all()) {
      assertThat(lines).as(s.name()).anySatisfy(l -> assertThat(l)
          .startsWith(s.name() + " ").contains(s.description()).matches(".* (yes|-)$"));
    }
    assertThat(lines).noneMatch(l -> l.endsWith(" NO"));
    assertThat(r.out()).containsPattern("Summary: (\\d+)/\\1 scenarios agree with the RFCs,"
        + " 0 disagree");
    assertThat(r.exit()).as(r.out()).isZero();
  }

  @Test
  void demoAgreesOnEveryScenarioWhenTheToolValidatesDnssecItself() {
    // Issue 6: the same verdicts when smtpdane validates signatures from the lab root's key.
    Result r = run("demo", "--dnssec", "validate", "-nocolor");
    assertThat(r.out()).contains("DNSSEC: validated by smtpdane");
    assertThat(r.out().lines().toList()).noneMatch(l -> l.endsWith(" NO"));
    assertThat(r.out()).containsPattern("Summary: (\\d+)/\\1 scenarios agree with the RFCs,"
        + " 0 disagree");
    assertThat(r.exit()).as(r.out()).isZero();
  }

  @Test
  void showPrintsTheNormalOutputOfAFailureWithItsExitCode() {
    Result r = run("demo", "--show", "ta-name-mismatch", "-nocolor");
    assertThat(r.out()).contains("Scenario ta-name-mismatch: ",
        "Expected: failed, exit 1; codes certificate-host-mismatch, no-tlsa-match",
        "Command:  smtpdane -nocolor --resolver 127.",
        "match none of [mx.ta-name-mismatch.test, ta-name-mismatch.test]", "[no-tlsa-match]",
        "server presented 2 certificates:", "ta-name-mismatch.test: domain failed");
    assertThat(r.exit()).as(r.out()).isEqualTo(1);
  }

  @Test
  void showPassesToolOptionsOnAndJsonStaysPureJson() throws Exception {
    Result r = run("demo", "--show", "ee-311-good", "--json");
    var json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("targets").get(0).path("verdict").asText()).isEqualTo("verified");
    assertThat(r.exit()).isZero();
  }

  @Test
  void badDemoCommandLinesAreUsageErrors() {
    Result unknown = run("demo", "--show", "no-such-scenario");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no scenario named 'no-such-scenario'", "ee-311-good");
    Result both = run("demo", "--show", "ee-311-good", "--serve");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--show and --serve exclude each other");
    Result stray = run("demo", "-mx");
    assertThat(stray.exit()).isEqualTo(2);
    assertThat(stray.err()).contains("unknown option or argument: -mx");
  }
}
