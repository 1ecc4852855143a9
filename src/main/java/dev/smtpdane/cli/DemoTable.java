package dev.smtpdane.cli;

import dev.smtpdane.lab.DaneLab;
import dev.smtpdane.lab.Scenario;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/**
 * The demo's table: per scenario what it tests, the verdict the RFCs require, the verdict the
 * tool gave, and whether they agree; then one summary line.
 */
final class DemoTable {
  private static final String ROW = "%-26s %-60s %-14s %-14s %s";

  private final PrintWriter out;
  private final Ansi ansi;

  DemoTable(PrintWriter out, Ansi ansi) {
    this.out = out;
    this.ansi = ansi;
  }

  void header(DaneLab lab) {
    out.println("smtpdane demo: " + lab.scenarios().size() + " scenarios, each checked by the"
        + " real smtpdane against the embedded DANE lab (started in "
        + seconds(lab.startupTime()) + ")");
    out.println("  DNS: signed lab root \".\" -> test. -> a zone per scenario, validating resolver"
        + " " + DemoServe.endpoint(lab.resolver()));
    out.println("  SMTP: " + lab.addressing());
    out.println("  (verdict of the domain or host, exit code in brackets)");
  }

  void rows(List<DemoRun.Outcome> outcomes) {
    String theme = "";
    for (DemoRun.Outcome o : outcomes) {
      Scenario s = o.scenario();
      if (!s.theme().equals(theme)) {
        theme = s.theme();
        out.println();
        out.println(String.format(Locale.ROOT, ROW, theme.toUpperCase(Locale.ROOT),
            "WHAT IT TESTS", "EXPECTED", "ACTUAL", "AGREE"));
      }
      out.println(String.format(Locale.ROOT, ROW, s.name(), s.description(),
          column(s.expected().verdict().label(), s.expected().exitCode()), actual(o), agree(o)));
      if (!o.note().isEmpty()) {
        out.println("    " + o.note());
      }
    }
  }

  /** The summary line; true when every scenario that ran agrees. */
  boolean summary(List<DemoRun.Outcome> outcomes, Duration took) {
    long skipped = outcomes.stream().filter(DemoRun.Outcome::skipped).count();
    long agree = outcomes.stream().filter(DemoRun.Outcome::agrees).count();
    long disagree = outcomes.size() - skipped - agree;
    out.println();
    String line = "Summary: " + agree + "/" + (outcomes.size() - skipped) + " scenarios agree"
        + " with the RFCs, " + disagree + " disagree, " + skipped + " skipped; checked in "
        + seconds(took) + ".";
    out.println(ansi.string(disagree == 0 ? "@|green " + line + "|@" : "@|bold,red " + line
        + "|@"));
    DemoRun.Outcome example = outcomes.stream().filter(o -> !o.agrees() && !o.skipped())
        .findFirst().orElseGet(() -> outcomes.stream()
            .filter(o -> o.scenario().name().equals("ta-name-mismatch")).findFirst()
            .orElse(outcomes.get(0)));
    out.println("See one in full: smtpdane demo --show " + example.scenario().name()
        + "    Use the lab from other tools: smtpdane demo --serve");
    out.flush();
    return disagree == 0;
  }

  private String actual(DemoRun.Outcome o) {
    if (o.verdict().isEmpty()) {
      return o.skipped() ? "skipped" : "error";
    }
    return column(o.verdict().get().label(), o.exitCode());
  }

  private String agree(DemoRun.Outcome o) {
    if (o.skipped()) {
      return "-";
    }
    return o.agrees() ? ansi.string("@|green yes|@") : ansi.string("@|bold,red NO|@");
  }

  /** "verified (0)": the verdict and the exit code in a narrow column. */
  private static String column(String verdict, int exit) {
    return verdict + " (" + exit + ")";
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
