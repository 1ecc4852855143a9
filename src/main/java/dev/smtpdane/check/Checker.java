package dev.smtpdane.check;

import dev.smtpdane.dane.RecordSetAdvice;
import dev.smtpdane.dane.TlsaRecord;
import dev.smtpdane.dane.UsableRecords;
import dev.smtpdane.discover.Discovery;
import dev.smtpdane.discover.DiscoveryRequest;
import dev.smtpdane.discover.DomainPlan;
import dev.smtpdane.discover.HostPlan;
import dev.smtpdane.discover.HostSpec;
import dev.smtpdane.discover.Plan;
import dev.smtpdane.discover.ProbeTarget;
import dev.smtpdane.dns.AddressText;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.dns.DomainName;
import dev.smtpdane.report.AddressReport;
import dev.smtpdane.report.DomainReport;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.HostReport;
import dev.smtpdane.report.RunReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs one check: discovery, then every address's session concurrently on its own thread
 * ({@link SessionThreads}; at most {@link CheckSettings#maxConnections()} open at once, fewer
 * per server address), then the report. The run deadline always yields a complete report: what
 * did not finish is reported as such. One Checker may run many targets concurrently (bulk
 * mode); the connection limits are shared between them, and a target's deadline does not count
 * the time its probes wait for a slot another target holds ({@link #run(DiscoveryRequest, Map,
 * Instant)}).
 */
public final class Checker {
  private final DnsLookup dns;
  private final CheckSettings settings;
  private final Clock clock;
  private final Function<TlsaRecord, Optional<String>> caNames;
  private final String toolVersion;
  private final ConnectionLimits limits;
  private final SessionThreads threads = new SessionThreads();

  public Checker(DnsLookup dns, CheckSettings settings, Clock clock,
      Function<TlsaRecord, Optional<String>> caNames, String toolVersion) {
    this.dns = dns;
    this.settings = settings;
    this.clock = clock;
    this.caNames = caNames;
    this.toolVersion = toolVersion;
    this.limits = new ConnectionLimits(settings.maxConnections(),
        settings.maxConnectionsPerAddress(), clock);
  }

  /** The connection slots this checker's runs share (tests watch who waits for them). */
  ConnectionLimits limits() {
    return limits;
  }

  /**
   * One check, all of it within {@link CheckSettings#runTimeout()} from now, waiting for
   * connection slots included: the deadline of the whole run.
   */
  public RunReport run(DiscoveryRequest request, Map<String, String> reportedOptions) {
    Instant started = clock.instant();
    Instant deadline = started.plus(settings.runTimeout());
    return run(request, reportedOptions, started, deadline, deadline);
  }

  /**
   * One target of many that share this checker's connection slots (bulk mode). Its deadline is
   * {@link CheckSettings#runTimeout()} from now, but the time a probe waits for a slot moves
   * that probe's deadline on: the wait is behind other targets' sessions (a shared MX), and
   * charging it to this target would report probes that never ran as timed out. The wait is
   * bounded because every session holding a slot is; {@code bound}, the bound of the whole
   * run, is the guard against a hang: nothing waits or runs past it.
   */
  public RunReport run(DiscoveryRequest request, Map<String, String> reportedOptions,
      Instant bound) {
    Instant started = clock.instant();
    Instant deadline = started.plus(settings.runTimeout());
    return run(request, reportedOptions, started, earlier(deadline, bound), bound);
  }

  private RunReport run(DiscoveryRequest request, Map<String, String> reportedOptions,
      Instant started, Instant deadline, Instant bound) {
    // Not try-with-resources: close() would wait for stragglers past the deadline.
    ExecutorService executor = Executors.newThreadPerTaskExecutor(threads);
    try {
      // One discovery per argument: a destination whose DNS hangs must not take the others
      // with it. Each one that finishes in time is probed at once and reported in full.
      List<Future<Plan>> planned = request.targets().stream()
          .map(t -> executor.submit(() -> new Discovery(dns).discover(only(request, t))))
          .toList();
      List<Optional<Plan>> plans = new ArrayList<>();
      Map<ProbeTarget, Pending> probes = new IdentityHashMap<>();
      for (Future<Plan> f : planned) {
        Optional<Plan> plan = await(f, deadline);
        plan.ifPresent(p -> probes.putAll(startProbes(p, deadline, bound, executor)));
        plans.add(plan);
      }
      List<DomainReport> domains = new ArrayList<>();
      for (int i = 0; i < plans.size(); i++) {
        HostSpec target = request.targets().get(i);
        domains.addAll(plans.get(i).map(p -> p.domains().stream()
                .map(d -> domain(d, request, probes, bound)).toList())
            .orElseGet(() -> List.of(timedOutInDiscovery(target, request))));
      }
      return new RunReport(toolVersion, started, Duration.between(started, clock.instant()),
          reportedOptions, domains, pathFindings(plans));
    } finally {
      executor.shutdownNow();
    }
  }

  private static DiscoveryRequest only(DiscoveryRequest r, HostSpec target) {
    return new DiscoveryRequest(r.mode(), r.srvService(), List.of(target), r.defaultPort(),
        r.tlsOnConnect(), r.akaNames(), r.ipv4(), r.ipv6());
  }

  /**
   * The DNS-path findings of the per-argument discoveries, each said once; "no resolver
   * answered" only when that is true of every discovery that finished.
   */
  private static List<Finding> pathFindings(List<Optional<Plan>> plans) {
    List<Plan> done = plans.stream().flatMap(Optional::stream).toList();
    boolean noneAnswered = !done.isEmpty() && done.stream().allMatch(p -> p.findings().stream()
        .anyMatch(f -> f.code() == FindingCode.RESOLVER_UNREACHABLE));
    Map<String, Finding> out = new LinkedHashMap<>();
    for (Plan p : done) {
      for (Finding f : p.findings()) {
        if (f.code() != FindingCode.RESOLVER_UNREACHABLE) {
          out.putIfAbsent(f.code() + " " + f.message(), f);
        } else if (noneAnswered) {
          out.putIfAbsent(f.code().code(), f);
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** A probe: its deadline, known once it has its connection slots, and its report. */
  private record Pending(CompletableFuture<Instant> deadline, Future<AddressReport> report) {}

  private Map<ProbeTarget, Pending> startProbes(Plan plan, Instant deadline, Instant bound,
      ExecutorService executor) {
    AddressCheck check = new AddressCheck(settings, clock);
    Map<ProbeTarget, Pending> probes = new IdentityHashMap<>();
    for (ProbeTarget t : plan.targets()) {
      CompletableFuture<Instant> own = new CompletableFuture<>();
      Future<AddressReport> report = executor.submit(() -> {
        try {
          return limits.withSlot(t.address(), waited -> {
            // The wait was for other sessions' slots, not this probe's work (bulk mode);
            // with one run, bound == deadline and the wait counts.
            Instant mine = earlier(deadline.plus(waited), bound);
            own.complete(mine);
            try {
              return check.run(t, mine);
            } catch (RuntimeException e) {
              // A bug must not cost the other addresses their results.
              return check.internalError(t, e);
            }
          });
        } finally {
          own.complete(bound); // no-op once set; the waiting side always gets an answer
        }
      });
      probes.put(t, new Pending(own, report));
    }
    return probes;
  }

  private DomainReport domain(DomainPlan d, DiscoveryRequest request,
      Map<ProbeTarget, Pending> probes, Instant bound) {
    List<HostReport> hosts = d.hosts().stream().map(h -> host(h, probes, bound)).toList();
    boolean noService = d.findings().stream().anyMatch(f -> f.code() == FindingCode.NULL_MX
        || f.code() == FindingCode.SRV_SERVICE_NOT_OFFERED);
    return new DomainReport(d.target().input(), mode(request), d.nextHops().map(Views::answer),
        noService, hosts, d.findings());
  }

  private HostReport host(HostPlan h, Map<ProbeTarget, Pending> probes, Instant bound) {
    List<AddressReport> addresses = new ArrayList<>();
    for (ProbeTarget t : h.targets()) {
      addresses.add(result(t, probes.get(t), bound));
    }
    List<TlsaRecord> published = h.tlsaOutcome().records().stream()
        .map(TlsaRecord::from).toList();
    List<Finding> findings = new ArrayList<>(h.findings());
    if (h.tlsaOutcome().daneApplies()) {
      RecordSetAdvice.of(published).forEach(a -> findings.add(
          new Finding(a.severity(), a.code(), a.message())));
      if (!UsableRecords.of(published).anyUsable()) {
        // Said here too, so it shows even when no session got as far as the certificates.
        findings.add(Finding.error(FindingCode.DANE_NOT_EFFECTIVE, "TLSA records exist but"
            + " none is usable for SMTP (RFC 7672 §3.1.3: only DANE-TA(2) and DANE-EE(3)"
            + " count): senders must use TLS but cannot authenticate it"));
      }
    }
    List<dev.smtpdane.report.DnsAnswerView> answers = new ArrayList<>();
    h.a().map(Views::answer).ifPresent(answers::add);
    h.aaaa().map(Views::answer).ifPresent(answers::add);
    h.tlsa().map(Views::answer).ifPresent(answers::add);
    return new HostReport(h.display(), h.preference(), h.port(), answers,
        h.tlsaBaseDomain().map(DomainName::text).orElse(""), h.referenceIdentifiers(),
        Views.tlsa(published, caNames), addresses, findings);
  }

  /**
   * One probe's report: waits for its connection slots until the run's bound, then for the
   * report until the probe's own deadline.
   */
  private AddressReport result(ProbeTarget t, Pending p, Instant bound) {
    AddressCheck check = new AddressCheck(settings, clock);
    Optional<Instant> deadline = await(p.deadline(), bound);
    if (deadline.isEmpty()) {
      p.report().cancel(true);
      return check.notStarted(t, "the run deadline passed while this probe waited for a free"
          + " connection slot to " + AddressText.of(t.address()) + " (other probes held them)");
    }
    return await(p.report(), deadline.get()).orElseGet(() -> check.notStarted(t, "the run"
        + " deadline (--timeout " + settings.runTimeout().toSeconds() + "s) passed before this"
        + " probe finished"));
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String mode(DiscoveryRequest r) {
    return switch (r.mode()) {
      case HOST -> "host";
      case MX -> "mx";
      case SRV -> "srv:_" + r.srvService() + "._tcp";
    };
  }

  private DomainReport timedOutInDiscovery(HostSpec target, DiscoveryRequest request) {
    return new DomainReport(target.input(), mode(request), Optional.empty(), false, List.of(),
        List.of(Finding.error(FindingCode.RUN_DEADLINE, "the run deadline (--timeout "
            + settings.runTimeout().toSeconds() + "s) passed while DNS lookups were still"
            + " running")));
  }

  /** Waits for a result until the deadline; empty if it did not come in time. */
  private <T> Optional<T> await(Future<T> f, Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    // A bound centuries away (a huge --timeout times a long --input list) would overflow.
    long millis = left.toSeconds() > Long.MAX_VALUE / 2000 ? Long.MAX_VALUE
        : Math.max(1, left.toMillis());
    try {
      return Optional.ofNullable(f.get(millis, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      f.cancel(true);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("unexpected failure: " + e.getCause(), e.getCause());
    }
  }
}
