package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpdane.lab.DaneLab;
import dev.smtpdane.lab.Expectation;
import dev.smtpdane.lab.Scenario;
import dev.smtpdane.report.FindingCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One scenario through the real command line with {@code --json}, and the assertion that the
 * outcome is what the RFCs require: verdict, exit code, codes, host verdicts.
 */
record ScenarioRun(Scenario scenario, int exit, JsonNode json, Set<String> codes, String err) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ScenarioRun of(DaneLab lab, Scenario s) {
    List<String> args = new ArrayList<>(List.of("--json"));
    args.addAll(lab.commandLine(s));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    try {
      JsonNode json = JSON.readTree(out.toString());
      Set<String> codes = new LinkedHashSet<>();
      collectCodes(json, codes);
      return new ScenarioRun(s, exit, json, codes, err.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + out + err, e);
    }
  }

  void assertMeetsExpectation() {
    Expectation e = scenario.expected();
    String context = scenario.name() + ": " + scenario.description() + "\n" + summary();
    assertThat(err).as(context).isEmpty();
    assertThat(json.path("targets").get(0).path("verdict").asText())
        .as(context).isEqualTo(e.verdict().code());
    assertThat(exit).as(context).isEqualTo(e.exitCode());
    assertThat(codes).as(context)
        .containsAll(e.codes().stream().map(FindingCode::code).toList());
    if (!e.anyOf().isEmpty()) {
      assertThat(codes).as(context)
          .containsAnyElementsOf(e.anyOf().stream().map(FindingCode::code).toList());
    }
    e.hosts().forEach((host, verdict) -> assertThat(hostVerdict(host))
        .as(context + "\nhost " + host).isEqualTo(verdict.code()));
  }

  /** Finding codes anywhere in the tree, and the result code of every TLSA record. */
  private static void collectCodes(JsonNode node, Set<String> codes) {
    if (node.isObject()) {
      node.path("findings").forEach(f -> codes.add(f.path("code").asText()));
      node.path("records").forEach(r -> {
        if (r.isObject()) {
          codes.add(r.path("result").asText());
        }
      });
      node.forEach(child -> collectCodes(child, codes));
    } else if (node.isArray()) {
      node.forEach(child -> collectCodes(child, codes));
    }
  }

  String hostVerdict(String host) {
    for (JsonNode h : json.path("targets").get(0).path("hosts")) {
      if (h.path("name").asText().equals(host)) {
        return h.path("verdict").asText();
      }
    }
    return "(no host " + host + ")";
  }

  /** What the tool said, for a failure message: verdicts and every finding. */
  String summary() {
    StringBuilder b = new StringBuilder("exit " + exit + ", codes " + codes + "\n");
    for (JsonNode t : json.path("targets")) {
      b.append("target ").append(t.path("verdict").asText()).append('\n');
      for (JsonNode h : t.path("hosts")) {
        b.append("  host ").append(h.path("name").asText()).append(' ')
            .append(h.path("verdict").asText()).append('\n');
      }
    }
    findings(json, b);
    return b.append(err).toString();
  }

  private static void findings(JsonNode node, StringBuilder b) {
    if (node.isObject()) {
      for (JsonNode f : node.path("findings")) {
        b.append("  ").append(f.path("severity").asText()).append(' ')
            .append(f.path("code").asText()).append(": ").append(f.path("message").asText())
            .append('\n');
      }
      node.properties().forEach(e -> {
        if (!e.getKey().equals("findings")) {
          findings(e.getValue(), b);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> findings(n, b));
    }
  }
}
