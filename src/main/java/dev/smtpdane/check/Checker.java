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
 * per server address), then the report. The run deadline always yields a complete report:
 * what did not finish is reported as such. One Checker may run many targets concurrently (bulk
 * mode); the connection limits are shared between them.
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
        settings.maxConnectionsPerAddress());
  }

  public RunReport run(DiscoveryRequest request, Map<String, String> reportedOptions) {
    Instant started = clock.instant();
    Instant deadline = started.plus(settings.runTimeout());
    // Not try-with-resources: close() would wait for stragglers past the deadline.
    ExecutorService executor = Executors.newThreadPerTaskExecutor(threads);
    try {
      // One discovery per argument: a destination whose DNS hangs must not take the others
      // with it. Each one that finishes in time is probed at once and reported in full.
      List<Future<Plan>> planned = request.targets().stream()
          .map(t -> executor.submit(() -> new Discovery(dns).discover(only(request, t))))
          .toList();
      List<Optional<Plan>> plans = new ArrayList<>();
      Map<ProbeTarget, Future<AddressReport>> probes = new IdentityHashMap<>();
      for (Future<Plan> f : planned) {
        Optional<Plan> plan = await(f, deadline);
        plan.ifPresent(p -> probes.putAll(startProbes(p, deadline, executor)));
        plans.add(plan);
      }
      List<DomainReport> domains = new ArrayList<>();
      for (int i = 0; i < plans.size(); i++) {
        HostSpec target = request.targets().get(i);
        domains.addAll(plans.get(i).map(p -> p.domains().stream()
                .map(d -> domain(d, request, probes, deadline)).toList())
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

  private Map<ProbeTarget, Future<AddressReport>> startProbes(Plan plan, Instant deadline,
      ExecutorService executor) {
    AddressCheck check = new AddressCheck(settings, clock);
    Map<ProbeTarget, Future<AddressReport>> probes = new IdentityHashMap<>();
    for (ProbeTarget t : plan.targets()) {
      probes.put(t, executor.submit(() -> limits.withSlot(t.address(), () -> {
        try {
          return check.run(t, deadline);
        } catch (RuntimeException e) {
          // A bug must not cost the other addresses their results.
          return check.internalError(t, e);
        }
      })));
    }
    return probes;
  }

  private DomainReport domain(DomainPlan d, DiscoveryRequest request,
      Map<ProbeTarget, Future<AddressReport>> probes, Instant deadline) {
    List<HostReport> hosts = d.hosts().stream().map(h -> host(h, probes, deadline)).toList();
    boolean noService = d.findings().stream().anyMatch(f -> f.code() == FindingCode.NULL_MX
        || f.code() == FindingCode.SRV_SERVICE_NOT_OFFERED);
    return new DomainReport(d.target().input(), mode(request), d.nextHops().map(Views::answer),
        noService, hosts, d.findings());
  }

  private HostReport host(HostPlan h, Map<ProbeTarget, Future<AddressReport>> probes,
      Instant deadline) {
    List<AddressReport> addresses = new ArrayList<>();
    for (ProbeTarget t : h.targets()) {
      addresses.add(await(probes.get(t), deadline).orElseGet(() -> new AddressCheck(settings,
          clock).notStarted(t, "the run deadline (--timeout " + settings.runTimeout()
              .toSeconds() + "s) passed before this probe finished")));
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
    long millis = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
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
