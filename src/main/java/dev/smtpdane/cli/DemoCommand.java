package dev.smtpdane.cli;

import dev.smtpdane.lab.DaneLab;
import dev.smtpdane.lab.LabScenarios;
import dev.smtpdane.lab.LabSettings;
import dev.smtpdane.lab.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code smtpdane demo}: starts the embedded DANE lab (no network, no mail server needed) and
 * runs the real checker on every scenario, or shows one in full, or serves the lab to other
 * tools.
 */
@Command(
    name = "demo",
    header = "Checks an embedded DANE lab of good and broken domains (no network needed).",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Starts an embedded DANE lab on loopback (signed DNS with a validating resolver, SMTP"
          + " servers, certificates made at start-up) and checks every scenario with the real"
          + " smtpdane, printing the verdict the RFCs require next to the one it gave.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 every scenario agrees; 1 a scenario disagrees or the lab cannot start;"
          + " 2 bad command line. With --show: the exit code of that check."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"--show", "-show"}, paramLabel = "NAME",
      description = "Print the full normal output of one scenario; smtpdane options after the"
          + " name (e.g. -show-cert-info, --json) are passed on.")
  String show;

  @Option(names = {"--serve", "-serve"},
      description = "Keep the lab running until interrupted (Ctrl-C) and print how to use it"
          + " from other tools: resolver, trust anchor, port, domains.")
  boolean serve;

  @Option(names = {"--anchor-file", "-anchor-file"}, paramLabel = "FILE",
      defaultValue = "smtpdane-lab-anchor.ds",
      description = "With --serve: where to write the lab's trust anchor (DS of the lab root)."
          + " Default: ${DEFAULT-VALUE}.")
  Path anchorFile;

  @Option(names = {"--latency", "-latency"}, paramLabel = "MS", defaultValue = "0",
      description = "Simulate a network with this round-trip time in milliseconds: every answer"
          + " of the lab resolver, SMTP reply and TLS flight waits this long after the client"
          + " spoke (the greeting twice: the TCP handshake). Default: ${DEFAULT-VALUE}.")
  int latencyMillis;

  @Option(names = {"--domains", "-domains"}, paramLabel = "N", defaultValue = "0",
      description = "With --serve: also serve N good domains d00001.bulk.test ... (check them"
          + " with -mx, e.g. from an --input file). Default: ${DEFAULT-VALUE}.")
  int bulkDomains;

  @Option(names = {"--dnssec", "-dnssec"}, paramLabel = "MODE", defaultValue = "trust-ad",
      converter = DnssecModeConverter.class,
      description = "trust-ad: the tool believes the lab resolver's AD bit; validate: the tool"
          + " validates DNSSEC itself from the lab root's key. Default: ${DEFAULT-VALUE}.")
  Cli.DnssecMode dnssec;

  @Option(names = {"-validate", "--validate"}, description = "Same as --dnssec validate.")
  boolean validateDnssec;

  @Option(names = {"-nocolor", "--nocolor"}, description = "No ANSI colours.")
  boolean noColor;

  @Option(names = {"-help", "--help", "-h"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Unmatched List<String> passOn = new ArrayList<>();

  @Override
  public Integer call() {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DaneLab lab;
    try {
      lab = DaneLab.start(LabSettings.defaults()
          .withLatency(Duration.ofMillis(latencyMillis)).withBulkDomains(bulkDomains));
    } catch (RuntimeException e) {
      err.println("smtpdane demo: cannot start the lab: " + e.getMessage());
      return ExitCode.FAILURE;
    }
    if (serve) {
      return DemoServe.serve(lab, anchorFile, out, err);
    }
    try (lab) {
      return show != null ? show(lab, out, err) : table(lab, out);
    }
  }

  /**
   * In validate mode the tool checks signatures itself, anchored at the lab root (the built-in
   * anchors are the real root's): the anchor goes to a temporary file for --trust-anchor.
   */
  private List<String> dnssecArgs(DaneLab lab) {
    if (dnssec != Cli.DnssecMode.VALIDATE && !validateDnssec) {
      return List.of();
    }
    try {
      Path file = java.nio.file.Files.createTempFile("smtpdane-lab-anchor", ".ds");
      file.toFile().deleteOnExit();
      java.nio.file.Files.writeString(file, lab.trustAnchor() + "\n");
      return List.of("--dnssec", "validate", "--trust-anchor", file.toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot write the lab's trust anchor: " + e, e);
    }
  }

  private void validate() {
    if (show != null && serve) {
      throw usage("--show and --serve exclude each other");
    }
    if (latencyMillis < 0 || latencyMillis > 10_000) {
      throw usage("--latency must be from 0 to 10000 ms (got " + latencyMillis + ")");
    }
    if (bulkDomains != 0 && !serve) {
      throw usage("--domains needs --serve");
    }
    if (bulkDomains < 0 || bulkDomains > LabSettings.MAX_BULK_DOMAINS) {
      throw usage("--domains must be from 0 to " + LabSettings.MAX_BULK_DOMAINS + " (got "
          + bulkDomains + ")");
    }
    if (show == null && !passOn.isEmpty()) {
      throw usage("unknown option or argument: " + String.join(" ", passOn)
          + " (smtpdane options are passed on only with --show NAME)");
    }
    if (show != null && LabScenarios.named(show).isEmpty()) {
      throw usage("no scenario named '" + show + "'; the scenarios are: "
          + String.join(", ", LabScenarios.all().stream().map(Scenario::name).toList()));
    }
  }

  private int table(DaneLab lab, PrintWriter out) {
    DemoTable table = new DemoTable(out, colour() ? Ansi.AUTO : Ansi.OFF);
    table.header(lab);
    List<String> dnssec = dnssecArgs(lab);
    out.println(dnssec.isEmpty()
        ? "DNSSEC: trusted from the lab resolver's AD bit (--dnssec trust-ad)"
        : "DNSSEC: validated by smtpdane itself from the lab root's key (--dnssec validate)");
    out.flush();
    long t0 = System.nanoTime();
    List<DemoRun.Outcome> outcomes = DemoRun.runAll(lab, dnssec);
    table.rows(outcomes);
    boolean agree = table.summary(outcomes, Duration.ofNanos(System.nanoTime() - t0));
    return agree ? ExitCode.OK : ExitCode.FAILURE;
  }

  /** The scenario's check exactly as the command line runs it, with its normal output. */
  private int show(DaneLab lab, PrintWriter out, PrintWriter err) {
    Scenario s = lab.scenario(show).orElseThrow();
    if (lab.skipReason(s).isPresent()) {
      err.println("smtpdane demo: " + s.name() + " cannot run here: "
          + lab.skipReason(s).get());
      return ExitCode.FAILURE;
    }
    List<String> args = new ArrayList<>(passOn);
    args.addAll(dnssecArgs(lab));
    if (!colour()) {
      args.add("-nocolor");
    }
    args.addAll(lab.commandLine(s));
    if (!machineReadable()) {
      out.println("Scenario " + s.name() + ": " + s.description());
      out.println("Expected: " + s.expected().label() + (s.expected().codes().isEmpty() ? ""
          : "; codes " + String.join(", ", s.expected().codes().stream().map(c -> c.code())
              .sorted().toList())));
      out.println("Command:  smtpdane " + String.join(" ", args));
      out.println();
      out.flush();
    }
    CommandLine cl = Cli.newCommandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args.toArray(String[]::new));
  }

  /** With --json or -nagios passed on, only the tool's own output goes to stdout. */
  private boolean machineReadable() {
    return passOn.stream().anyMatch(a -> a.matches("--?(json|nagios)(=true)?"));
  }

  private boolean colour() {
    return !noColor && System.getenv("NO_COLOR") == null;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
