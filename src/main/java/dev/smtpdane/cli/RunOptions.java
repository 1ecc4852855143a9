package dev.smtpdane.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.smtpdane.check.CheckSettings;
import dev.smtpdane.discover.HostSpec;
import dev.smtpdane.dns.AddressLiteral;
import dev.smtpdane.dns.DomainName;
import dev.smtpdane.dns.ResolverAddresses;
import dev.smtpdane.dns.TrustAnchors;
import dev.smtpdane.smtp.ProxySpec;
import org.xbill.DNS.Name;
import picocli.CommandLine.ParameterException;

/**
 * The validated command line: what the rest of the tool is told to do. Built once from
 * {@link Cli}; every problem is a usage error naming the option.
 */
public record RunOptions(
    LookupMode mode,
    Optional<String> srvService,
    List<HostSpec> targets,
    boolean bulk,
    int parallel,
    int perAddress,
    int defaultPort,
    boolean tlsOnConnect,
    List<String> akaNames,
    boolean ipv4,
    boolean ipv6,
    String heloName,
    Duration connectTimeout,
    Duration readTimeout,
    Duration runTimeout,
    Optional<ProxySpec> proxy,
    List<String> resolvers,
    boolean validate,
    Optional<TrustAnchors> trustAnchors,
    Duration expirationWarning,
    boolean expectOcsp,
    boolean certNames,
    OutputMode output,
    boolean quiet,
    boolean color,
    boolean showCertInfo,
    boolean showCerts,
    boolean debug,
    Map<String, String> caStoreEnvironment) {

  /** How arguments are turned into hosts (dane-rules.md §2). */
  public enum LookupMode { HOST, MX, SRV }

  /** Which renderer prints the result. */
  public enum OutputMode { TEXT, TERSE, NAGIOS, JSON }

  private static final Pattern HELO_LITERAL = Pattern.compile("\\[(?:IPv6:)?([^\\]]+)\\]");

  static RunOptions from(Cli c, Map<String, String> env) {
    rejectConflicts(c);
    List<String> arguments = arguments(c);
    if (c.parallel < 1 || c.parallel > 1024) {
      throw usage(c, "--parallel must be from 1 to 1024 (got " + c.parallel + ")");
    }
    if (c.perAddress < 1 || c.perAddress > CheckSettings.MAX_CONNECTIONS) {
      throw usage(c, "--per-address must be from 1 to " + CheckSettings.MAX_CONNECTIONS
          + " (got " + c.perAddress + ")");
    }
    LookupMode mode = c.mx ? LookupMode.MX
        : (c.submission || c.submissions || c.srv != null) ? LookupMode.SRV : LookupMode.HOST;
    Optional<String> service = Optional.ofNullable(
        c.submission ? "submission" : c.submissions ? "submissions" : c.srv);
    PortSpec ports = PortSpec.system();
    int port;
    try {
      port = ports.parse(c.port);
    } catch (IllegalArgumentException e) {
      throw usage(c, "-port: " + e.getMessage());
    }
    List<HostSpec> targets = targets(c, arguments, ports, mode);
    requireNonNegative(c, "-connect-timeout", c.connectTimeout, false);
    requireNonNegative(c, "--read-timeout", c.readTimeout, false);
    requireNonNegative(c, "--timeout", c.timeout, false);
    requireNonNegative(c, "-expiration-warning", c.expirationWarning, true);
    List<String> resolvers = resolvers(c, env);
    for (String name : c.aka) {
      try {
        DomainName.parse(name);
      } catch (IllegalArgumentException e) {
        throw usage(c, "-aka: " + e.getMessage());
      }
    }
    String helo = heloName(c);
    OutputMode output = c.nagios ? OutputMode.NAGIOS : c.json ? OutputMode.JSON
        : c.terse ? OutputMode.TERSE : OutputMode.TEXT;
    boolean color = !c.noColor && !c.nagios && !c.json && env.get("NO_COLOR") == null;
    return new RunOptions(mode, service, targets, c.input != null, c.parallel, c.perAddress,
        port, c.tlsOnConnect || c.submissions, List.copyOf(c.aka), c.ipv4Only, c.ipv6Only, helo,
        c.connectTimeout, c.readTimeout, c.timeout, parseProxy(c), resolvers,
        c.validate || c.trustAnchor != null || c.dnssec == Cli.DnssecMode.VALIDATE,
        trustAnchors(c), c.expirationWarning,
        c.expectOcsp, !c.noCertNames, output, c.quiet && !c.nagios, color, c.showCertInfo,
        c.showCerts, c.debug, caStore(env));
  }

  /** The command line's targets and those of --input, in that order; at least one. */
  private static List<String> arguments(Cli c) {
    List<String> arguments = new ArrayList<>(c.targets);
    for (String t : c.targets) {
      if (t.isBlank()) {
        throw usage(c, "empty host or domain argument");
      }
    }
    if (c.input != null) {
      try {
        arguments.addAll(InputList.read(c.input));
      } catch (IllegalArgumentException e) {
        throw usage(c, "--input: " + e.getMessage());
      }
    }
    if (arguments.isEmpty()) {
      throw usage(c, c.input == null ? "no hosts or domains given"
          : "no hosts or domains given (--input " + c.input + " lists none)");
    }
    return arguments;
  }

  /** The targets parsed; MX and SRV modes need domain names, not IP addresses. */
  private static List<HostSpec> targets(Cli c, List<String> arguments, PortSpec ports,
      LookupMode mode) {
    List<HostSpec> targets;
    try {
      targets = Targets.parse(arguments, ports);
    } catch (IllegalArgumentException e) {
      throw usage(c, e.getMessage());
    }
    if (mode != LookupMode.HOST) {
      for (HostSpec t : targets) {
        if (t.isAddress()) {
          throw usage(c, "\"" + t.input() + "\" is an IP address; " + modeName(c)
              + " needs a domain name");
        }
      }
    }
    return targets;
  }

  /** --resolver, else DNS_RESOLVER; each entry must name at least one address. */
  private static List<String> resolvers(Cli c, Map<String, String> env) {
    List<String> resolvers = !c.resolvers.isEmpty() ? List.copyOf(c.resolvers)
        : splitResolverList(env.getOrDefault("DNS_RESOLVER", ""));
    for (String r : resolvers) {
      try {
        if (ResolverAddresses.parseList(r).isEmpty()) {
          // An empty --resolver must not fall back to /etc/resolv.conf without a word.
          throw new IllegalArgumentException("no resolver address in '" + r + "'");
        }
      } catch (IllegalArgumentException e) {
        throw usage(c, (c.resolvers.isEmpty() ? "DNS_RESOLVER: " : "--resolver: ")
            + e.getMessage());
      }
    }
    return resolvers;
  }

  /** cli.md: the lookup modes exclude each other, so do -4/-6; name every conflicting pair. */
  private static void rejectConflicts(Cli c) {
    List<String> modes = new ArrayList<>();
    if (c.mx) modes.add("-mx");
    if (c.submission) modes.add("-submission");
    if (c.submissions) modes.add("-submissions");
    if (c.srv != null) modes.add("-srv");
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < modes.size(); i++) {
      for (int j = i + 1; j < modes.size(); j++) {
        pairs.add(modes.get(i) + " and " + modes.get(j));
      }
    }
    if (c.ipv4Only && c.ipv6Only) pairs.add("-4 and -6");
    if (c.nagios && c.json) pairs.add("-nagios and --json");
    if (!pairs.isEmpty()) {
      throw usage(c, "conflicting options: " + String.join(", ", pairs));
    }
    if (c.srv != null && (c.srv.isBlank() || c.srv.startsWith("-"))) {
      throw usage(c, "-srv needs a service name (got '" + c.srv + "')");
    }
    if (c.srv != null && !c.srv.matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
      throw usage(c, "-srv: invalid service name '" + c.srv + "'");
    }
  }

  private static String modeName(Cli c) {
    return c.mx ? "-mx" : c.submission ? "-submission" : c.submissions ? "-submissions" : "-srv";
  }

  private static void requireNonNegative(Cli c, String option, Duration d, boolean zeroOk) {
    if (d.isNegative() || (!zeroOk && d.isZero())) {
      throw usage(c, option + " must be " + (zeroOk ? "0 or more" : "more than 0")
          + " (got " + GoDuration.format(d) + ")");
    }
  }

  /**
   * RFC 5321 §4.1.1.1: the EHLO argument is a domain or an address literal ({@code [192.0.2.1]},
   * {@code [IPv6:2001:db8::1]}); above all no space, CR or LF, which would inject SMTP
   * commands. A Unicode name is sent as its A-labels.
   */
  private static String heloName(Cli c) {
    String h = c.helo;
    Matcher literal = HELO_LITERAL.matcher(h);
    if (literal.matches()) {
      if (literal.group(1).contains("%") || AddressLiteral.parse(literal.group(1)).isEmpty()) {
        throw usage(c, "-helo: '" + h + "' is not an address literal such as [192.0.2.1]");
      }
      return h;
    }
    try {
      if (!h.equals(h.strip())) {
        throw new IllegalArgumentException("it has leading or trailing space");
      }
      Name name = DomainName.parse(h);
      return h.chars().allMatch(ch -> ch < 0x80) ? h : DomainName.text(name);
    } catch (IllegalArgumentException e) {
      throw usage(c, "-helo needs a host name or an address literal for EHLO (RFC 5321"
          + " §4.1.1.1): " + e.getMessage());
    }
  }

  private static Optional<ProxySpec> parseProxy(Cli c) {
    if (c.proxyTcp == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ProxySpec.parse(c.proxyTcp));
    } catch (IllegalArgumentException e) {
      throw usage(c, "-proxy-tcp: " + e.getMessage());
    }
  }

  private static Optional<TrustAnchors> trustAnchors(Cli c) {
    if (c.trustAnchor == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TrustAnchors.parse(java.nio.file.Files.readString(
          java.nio.file.Path.of(c.trustAnchor))));
    } catch (java.io.IOException e) {
      throw usage(c, "--trust-anchor: cannot read " + c.trustAnchor + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage(c, "--trust-anchor " + c.trustAnchor + ": " + e.getMessage());
    }
  }

  /** SSL_CERT_FILE / SSL_CERT_DIR: where to find CA names (never trust). */
  private static Map<String, String> caStore(Map<String, String> env) {
    Map<String, String> m = new java.util.HashMap<>();
    for (String k : List.of("SSL_CERT_FILE", "SSL_CERT_DIR")) {
      if (env.get(k) != null) {
        m.put(k, env.get(k));
      }
    }
    return Map.copyOf(m);
  }

  /** DNS_RESOLVER: addresses separated by commas and/or spaces. */
  static List<String> splitResolverList(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.trim().split("[,\\s]+")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private static ParameterException usage(Cli c, String message) {
    return new ParameterException(c.spec.commandLine(), message);
  }
}
