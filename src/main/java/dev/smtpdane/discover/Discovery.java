package dev.smtpdane.discover;

import dev.smtpdane.discover.DiscoveryRequest.Mode;
import dev.smtpdane.dns.DnsLookup;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.xbill.DNS.Name;

/**
 * Turns arguments into a {@link Plan} (dane-rules.md §2-§3): next hops (MX/SRV), then per host
 * its addresses, TLSA base domain, TLSA outcome and reference identifiers. Destinations, hosts
 * and each host's lookups run concurrently on virtual threads; the plan's order is fixed
 * (arguments in order, hosts by preference then name, addresses IPv6 first then numeric).
 */
public final class Discovery {
  private final DnsLookup dns;

  public Discovery(DnsLookup dns) {
    this.dns = Objects.requireNonNull(dns, "dns");
  }

  /** Discovers every target of the request. Never throws for a DNS outcome. */
  public Plan discover(DiscoveryRequest request) {
    ResolverTrust trust = new ResolverTrust(dns);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      HostDiscovery hosts = new HostDiscovery(trust, executor, request);
      List<CompletableFuture<DomainPlan>> plans = request.targets().stream()
          .map(t -> CompletableFuture.supplyAsync(() -> destination(t, request, trust, hosts),
              executor))
          .toList();
      List<DomainPlan> domains = plans.stream().map(CompletableFuture::join).toList();
      return new Plan(domains, trust.findings());
    }
  }

  private static DomainPlan destination(
      HostSpec target, DiscoveryRequest request, DnsLookup dns, HostDiscovery hosts) {
    if (target.isAddress()) {
      return new DomainPlan(target, request.mode(), Optional.empty(),
          List.of(hosts.literal(target)), List.of());
    }
    NextHops.Result hops = NextHops.find(dns, request, target);
    Optional<Name> nextHopDomain = request.mode() == Mode.HOST ? Optional.empty() : target.name();
    List<CompletableFuture<HostPlan>> planned = hops.hops().stream()
        .map(h -> hosts.planAsync(h, nextHopDomain))
        .toList();
    List<HostPlan> hostPlans = planned.stream().map(CompletableFuture::join).toList();
    return new DomainPlan(target, request.mode(), hops.answer(), hostPlans, hops.findings());
  }
}
