package dev.smtpdane.cli;

import dev.smtpdane.dns.ResolverAddresses;
import dev.smtpdane.lab.DaneLab;
import dev.smtpdane.lab.Scenario;
import dev.smtpdane.report.RunReport;
import dev.smtpdane.report.Severity;
import dev.smtpdane.report.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs scenarios of the lab through the command line's own path: the scenario's arguments
 * are parsed by {@link Cli} into {@link RunOptions}, and {@link Run#check} and
 * {@link Run#exitCode} do exactly what {@code smtpdane ARGS} does, minus the printing.
 */
final class DemoRun {
  static final int PARALLEL = 10;

  private DemoRun() {}

  /**
   * What the tool said about a scenario, or why it did not run.
   *
   * @param verdict the target's verdict, empty if the scenario was skipped or crashed
   * @param exitCode the exit code the command line would have returned
   * @param note the skip reason or the internal error, empty otherwise
   */
  record Outcome(Scenario scenario, Optional<Verdict> verdict, int exitCode, String note) {
    boolean skipped() {
      return verdict.isEmpty() && note.startsWith("skipped");
    }

    boolean agrees() {
      return verdict.isPresent() && scenario.expected().agrees(verdict.get(), exitCode);
    }
  }

  /**
   * Every scenario of the lab concurrently, at most {@link #PARALLEL} at a time: each check is
   * itself concurrent, and on a small, busy machine dozens at once starve the lab's DNS into
   * timeouts. Scenarios that wait for a timeout start first, since they mostly sleep. Results
   * come back in catalogue order.
   */
  static List<Outcome> runAll(DaneLab lab, List<String> extraArgs) {
    Semaphore slots = new Semaphore(PARALLEL, true);
    Map<Scenario, Future<Outcome>> futures = new HashMap<>();
    List<Scenario> order = new ArrayList<>(lab.scenarios());
    order.sort(Comparator.comparing(s -> !s.slow()));
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Scenario s : order) {
        acquire(slots);
        futures.put(s, executor.submit(() -> {
          try {
            return run(lab, s, extraArgs);
          } finally {
            slots.release();
          }
        }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Scenario s : lab.scenarios()) {
        outcomes.add(await(futures.get(s)));
      }
      return outcomes;
    }
  }

  private static void acquire(Semaphore slots) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the demo was running", e);
    }
  }

  /** One scenario; never throws (a crash is an outcome the table shows as a disagreement). */
  static Outcome run(DaneLab lab, Scenario s, List<String> extraArgs) {
    Optional<String> skip = lab.skipReason(s);
    if (skip.isPresent()) {
      return new Outcome(s, Optional.empty(), ExitCode.FAILURE, "skipped: " + skip.get());
    }
    try {
      CommandLine cl = new CommandLine(new Cli());
      List<String> args = new ArrayList<>(extraArgs);
      args.addAll(lab.commandLine(s));
      cl.parseArgs(args.toArray(String[]::new));
      // The lab names its resolver on the command line: nothing from this environment counts.
      RunOptions o = RunOptions.from(cl.getCommand(), Map.of());
      RunReport report = Run.check(o,
          Run.lookup(o, ResolverAddresses.select(o.resolvers(), null, () -> "")));
      Verdict verdict = report.domains().get(0).verdict();
      int exit = Run.exitCode(o, report);
      return new Outcome(s, Optional.of(verdict), exit,
          s.expected().agrees(verdict, exit) ? "" : errors(report));
    } catch (RuntimeException e) {
      return new Outcome(s, Optional.empty(), ExitCode.FAILURE, "internal error: " + e);
    }
  }

  /** The tool's error and warning findings, so a disagreement explains itself. */
  private static String errors(RunReport report) {
    return report.allFindings().stream()
        .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
        .map(f -> f.code().code() + ": " + f.message())
        .collect(Collectors.joining("\n    "));
  }

  private static Outcome await(Future<Outcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the demo was running", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("demo scenario failed", e.getCause());
    }
  }
}
