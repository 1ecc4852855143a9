package dev.smtpdane.cli;

import dev.smtpdane.check.Checker;
import dev.smtpdane.discover.DiscoveryRequest;
import dev.smtpdane.discover.HostSpec;
import dev.smtpdane.report.DomainReport;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.JsonRenderer;
import dev.smtpdane.report.NagiosRenderer;
import dev.smtpdane.report.RunReport;
import dev.smtpdane.report.Severity;
import dev.smtpdane.report.Style;
import dev.smtpdane.report.Summary;
import dev.smtpdane.report.TextRenderer;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --input}: many targets in one run. Up to {@code --parallel} targets are checked at
 * once; each target's result is printed as soon as it is complete (text, or one JSON object
 * per line with {@code --json}); the exit code covers them all. {@code --timeout} applies to
 * each target, from when its check starts, so a long list is not cut short; time a probe waits
 * for a connection slot held by other targets (a shared MX) does not count against it either.
 * What bounds the whole run is the time the list would take if every target, and one more,
 * ran its full {@code --timeout} one after the other: never reached while sessions keep their
 * deadlines, it stops a run that somehow would not end.
 */
final class BulkRun {
  private final RunOptions options;
  private final Checker checker;
  private final Map<String, String> reported;
  private final PrintWriter out;
  private final Progress progress;
  private final List<RunReport> done = new ArrayList<>();

  BulkRun(RunOptions options, Checker checker, Map<String, String> reported, PrintWriter out,
      Progress progress) {
    this.options = options;
    this.checker = checker;
    this.reported = reported;
    this.out = out;
    this.progress = progress;
  }

  /** Checks every target and returns the combined report (in input order). */
  RunReport run(java.util.function.Function<List<HostSpec>, DiscoveryRequest> request) {
    Instant started = Clock.systemUTC().instant();
    List<HostSpec> targets = options.targets();
    RunReport[] results = new RunReport[targets.size()];
    Instant bound = bound(started, options.runTimeout(), targets.size());
    Semaphore parallel = new Semaphore(options.parallel());
    AtomicInteger finished = new AtomicInteger();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < targets.size(); i++) {
        int index = i;
        executor.submit(() -> {
          parallel.acquireUninterruptibly();
          try {
            RunReport r = checkOne(request, targets.get(index), bound);
            results[index] = r;
            emit(r);
          } finally {
            parallel.release();
            progress.update(finished.incrementAndGet(), targets.size());
          }
        });
      }
    }
    progress.clear();
    List<DomainReport> domains = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (RunReport r : results) {
      domains.addAll(r.domains());
      r.findings().stream().filter(f -> !findings.contains(f)).forEach(findings::add);
    }
    RunReport all = new RunReport(ToolVersion.version(), started,
        Duration.between(started, Clock.systemUTC().instant()), reported, domains, findings);
    finish(all);
    return all;
  }

  /** The bound of the whole run: every target and one more, one after the other. */
  static Instant bound(Instant started, Duration timeout, int targets) {
    try {
      return started.plus(timeout.multipliedBy(targets + 1L));
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Instant.MAX; // a --timeout of centuries times a long list: no bound worth having
    }
  }

  /** Checks one target; a bug costs that target its result, never the other targets'. */
  private RunReport checkOne(java.util.function.Function<List<HostSpec>, DiscoveryRequest> request,
      HostSpec target, Instant bound) {
    try {
      return checker.run(request.apply(List.of(target)), reported, bound);
    } catch (RuntimeException e) {
      Finding f = Finding.error(dev.smtpdane.report.FindingCode.INTERNAL_ERROR,
          "internal error while checking " + target.input() + " (" + e + "); please report it");
      DomainReport d = new DomainReport(target.input(), "unknown", java.util.Optional.empty(),
          false, List.of(), List.of(f));
      return new RunReport(ToolVersion.version(), Clock.systemUTC().instant(), Duration.ZERO,
          reported, List.of(d), List.of());
    }
  }

  /** One target's result, printed whole (never interleaved with another's). */
  private synchronized void emit(RunReport r) {
    Style style = Style.of(options.color());
    switch (options.output()) {
      case JSON -> {
        if (!options.quiet() || r.worst() == Severity.ERROR) {
          out.println(new JsonRenderer().toJsonLine(r));
        }
      }
      case TEXT, TERSE -> {
        if (!options.quiet() || r.worst() == Severity.ERROR) {
          new TextRenderer(style, options.output() == RunOptions.OutputMode.TERSE,
              options.showCertInfo(), options.showCerts()).renderBody(r, out);
        }
      }
      case NAGIOS -> { } // one status line for everything, at the end
    }
    out.flush();
  }

  private synchronized void finish(RunReport all) {
    switch (options.output()) {
      case NAGIOS -> new NagiosRenderer(Clock.systemUTC().instant()).render(all, out);
      case TEXT, TERSE -> {
        if (!options.quiet() || all.worst() == Severity.ERROR) {
          out.println(Summary.line(all, Style.of(options.color())));
        }
      }
      case JSON -> { } // JSON Lines: one object per target, nothing more
    }
    out.flush();
  }
}
