package dev.smtpdane.discover;

import dev.smtpdane.dns.DomainName;
import java.util.List;
import java.util.Objects;

/**
 * What to discover: the arguments and the options that shape discovery.
 *
 * @param mode how arguments are read: hosts, or domains whose MX or SRV records name the hosts
 * @param srvService the SRV service label without underscore ({@code submission}) in SRV mode
 * @param targets the arguments
 * @param defaultPort the port for hosts without {@code :port} (an SRV port overrides it)
 * @param tlsOnConnect TLS at once instead of STARTTLS (implied by the {@code submissions}
 *     service, RFC 8314 §3.3)
 * @param akaNames extra reference identifiers for DANE-TA name checks ({@code -aka})
 * @param ipv4 look up and probe IPv4 addresses
 * @param ipv6 look up and probe IPv6 addresses
 */
public record DiscoveryRequest(
    Mode mode,
    String srvService,
    List<HostSpec> targets,
    int defaultPort,
    boolean tlsOnConnect,
    List<String> akaNames,
    boolean ipv4,
    boolean ipv6) {

  /** How the arguments are read (dane-rules.md §2). */
  public enum Mode {
    /** Each argument is a mail host. */
    HOST,
    /** Each argument is a domain; its MX records name the hosts (RFC 7672 §2.2.1). */
    MX,
    /** Each argument is a domain; {@code _service._tcp} SRV records name the hosts. */
    SRV
  }

  /**
   * @throws IllegalArgumentException for an impossible combination (no targets, SRV without a
   *     service, an IP literal where a domain is needed, a bad port or {@code -aka} name)
   */
  public DiscoveryRequest {
    Objects.requireNonNull(mode, "mode");
    targets = List.copyOf(targets);
    akaNames = akaNames.stream().map(n -> DomainName.text(DomainName.parse(n))).toList();
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no host or domain given");
    }
    if (mode == Mode.SRV && (srvService == null || srvService.isBlank()
        || srvService.startsWith("-") || srvService.startsWith("_"))) {
      throw new IllegalArgumentException("SRV mode needs a service name such as submission");
    }
    if (mode != Mode.HOST) {
      for (HostSpec t : targets) {
        if (t.isAddress()) {
          throw new IllegalArgumentException(
              "\"" + t.input() + "\" is an IP address; " + mode + " mode needs a domain name");
        }
      }
    }
    if (defaultPort < 1 || defaultPort > 65535) {
      throw new IllegalArgumentException("port " + defaultPort + " is not from 1 to 65535");
    }
    if (!ipv4 && !ipv6) {
      throw new IllegalArgumentException("neither IPv4 nor IPv6 allowed");
    }
  }

  /** Host mode with port 25, STARTTLS, both address families. */
  public static DiscoveryRequest hosts(List<HostSpec> targets) {
    return new DiscoveryRequest(Mode.HOST, null, targets, 25, false, List.of(), true, true);
  }

  /** MX mode with port 25, STARTTLS, both address families. */
  public static DiscoveryRequest mx(List<HostSpec> targets) {
    return new DiscoveryRequest(Mode.MX, null, targets, 25, false, List.of(), true, true);
  }

  /** SRV mode for {@code service} ({@code submissions} implies TLS on connect). */
  public static DiscoveryRequest srv(String service, List<HostSpec> targets, int defaultPort) {
    return new DiscoveryRequest(Mode.SRV, service, targets, defaultPort,
        "submissions".equals(service), List.of(), true, true);
  }

  /** TLS on connect for this request: asked for, or implied by {@code _submissions}. */
  public boolean effectiveTlsOnConnect() {
    return tlsOnConnect || (mode == Mode.SRV && "submissions".equals(srvService));
  }
}
