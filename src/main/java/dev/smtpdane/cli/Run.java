package dev.smtpdane.cli;

import dev.smtpdane.check.CheckSettings;
import dev.smtpdane.check.Checker;
import dev.smtpdane.discover.DiscoveryRequest;
import dev.smtpdane.discover.HostSpec;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.dns.ResolverAddresses;
import dev.smtpdane.dns.StubResolver;
import dev.smtpdane.dns.TrustAnchors;
import dev.smtpdane.dns.ValidatingLookup;
import dev.smtpdane.health.CaNames;
import dev.smtpdane.report.JsonRenderer;
import dev.smtpdane.report.NagiosRenderer;
import dev.smtpdane.report.QuietRenderer;
import dev.smtpdane.report.RunReport;
import dev.smtpdane.report.Severity;
import dev.smtpdane.report.Style;
import dev.smtpdane.report.TextRenderer;
import dev.smtpdane.tls.BcEcProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a check described by {@link RunOptions}, prints the report, returns the exit code. */
final class Run {
  private Run() {}

  static int execute(RunOptions o, PrintWriter out, PrintWriter err) {
    boolean nagios = o.output() == RunOptions.OutputMode.NAGIOS;
    List<InetSocketAddress> resolvers;
    try {
      resolvers = ResolverAddresses.select(o.resolvers(), null, Run::resolvConf);
    } catch (IllegalArgumentException e) {
      err.println("smtpdane: " + e.getMessage());
      return nagios ? ExitCode.NAGIOS_UNKNOWN : ExitCode.FAILURE;
    }
    if (o.debug()) {
      err.println("smtpdane: debug: resolvers " + resolvers);
    }
    try {
      DnsLookup dns = lookup(o, resolvers);
      if (o.debug()) {
        dns = new DebugLookup(dns, err);
      }
      RunReport report;
      if (o.bulk()) {
        report = new BulkRun(o, checker(o, dns), reportedOptions(o), out,
            Progress.onTerminal(err)).run(targets -> request(o, targets));
      } else {
        report = check(o, dns);
        render(o, report, out);
      }
      if (o.debug()) {
        err.println("smtpdane: debug: run took " + report.elapsed().toMillis() + " ms, worst "
            + report.worst() + ", exit " + exitCode(o, report));
      }
      return exitCode(o, report);
    } catch (RuntimeException e) {
      // cli.md: an internal error is one line (a stack trace only with -debug).
      err.println("smtpdane: internal error: " + e);
      if (o.debug()) {
        e.printStackTrace(err);
      }
      return nagios ? ExitCode.NAGIOS_UNKNOWN : ExitCode.FAILURE;
    }
  }

  /** The DNS the options ask for: trust the resolver's AD bit, or validate ourselves. */
  static DnsLookup lookup(RunOptions o, List<InetSocketAddress> resolvers) {
    return o.validate()
        ? new ValidatingLookup(resolvers, o.trustAnchors().orElseGet(TrustAnchors::builtInRoot))
        : new StubResolver(resolvers);
  }

  static RunReport check(RunOptions o, DnsLookup dns) {
    return checker(o, dns).run(request(o, o.targets()), reportedOptions(o));
  }

  private static Checker checker(RunOptions o, DnsLookup dns) {
    // A check's ECDSA verifications and P-256 key shares use Bouncy Castle's arithmetic (issue
    // 9). Installed here, where a run first needs it: -version and --help do not load the JDK's
    // provider list.
    BcEcProvider.install();
    CheckSettings settings = new CheckSettings(o.heloName(), o.connectTimeout(),
        o.readTimeout(), o.runTimeout(), o.runTimeout(), o.proxy(), CheckSettings.MAX_CONNECTIONS,
        o.perAddress(), o.expirationWarning(), o.expectOcsp());
    // Only to label records with a CA's name; the store is never used for trust.
    CaNames cas = o.certNames() && showsCaNames(o)
        ? CaNames.fromEnvironment(o.caStoreEnvironment()) : CaNames.none();
    return new Checker(dns, settings, Clock.systemUTC(),
        r -> cas.nameFor(r.selector(), r.matchingType(), r.data()), ToolVersion.version());
  }

  /**
   * Whether the output can show a TLSA record's CA name: the TLSA lines are informational, so
   * -nagios and -terse never print them, and reading the CA store for them (a few hundred
   * certificates to decode and hash) would be most of a one-shot check's work.
   */
  static boolean showsCaNames(RunOptions o) {
    return switch (o.output()) {
      case TEXT, JSON -> true;
      case TERSE -> o.quiet() && !o.bulk(); // -quiet prints the failed targets' full text
      case NAGIOS -> false;
    };
  }

  private static DiscoveryRequest request(RunOptions o, List<HostSpec> targets) {
    return new DiscoveryRequest(switch (o.mode()) {
      case HOST -> DiscoveryRequest.Mode.HOST;
      case MX -> DiscoveryRequest.Mode.MX;
      case SRV -> DiscoveryRequest.Mode.SRV;
    }, o.srvService().orElse(null), targets, o.defaultPort(), o.tlsOnConnect(),
        o.akaNames(), !o.ipv6(), !o.ipv4());
  }

  /** The options that affect a verdict, for the JSON document. */
  private static Map<String, String> reportedOptions(RunOptions o) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("mode", o.mode().name().toLowerCase(java.util.Locale.ROOT)
        + o.srvService().map(s -> ":" + s).orElse(""));
    m.put("port", Integer.toString(o.defaultPort()));
    m.put("tlsOnConnect", Boolean.toString(o.tlsOnConnect()));
    m.put("aka", String.join(",", o.akaNames()));
    m.put("addressFamilies", o.ipv4() ? "ipv4" : o.ipv6() ? "ipv6" : "ipv4,ipv6");
    m.put("helo", o.heloName());
    m.put("expirationWarning", GoDuration.format(o.expirationWarning()));
    m.put("expectOcsp", Boolean.toString(o.expectOcsp()));
    m.put("dnssec", o.validate() ? "validate" : "trust-ad");
    return m;
  }

  private static void render(RunOptions o, RunReport report, PrintWriter out) {
    if (o.quiet() && report.worst() != Severity.ERROR) {
      return; // cli.md: -quiet prints nothing unless there is an error
    }
    Style style = Style.of(o.color());
    switch (o.output()) {
      case JSON -> new JsonRenderer().render(report, out);
      case NAGIOS -> new NagiosRenderer(Clock.systemUTC().instant()).render(report, out);
      case TERSE, TEXT -> {
        if (o.quiet()) {
          new QuietRenderer(style, o.showCertInfo(), o.showCerts()).render(report, out);
        } else {
          new TextRenderer(style, o.output() == RunOptions.OutputMode.TERSE, o.showCertInfo(),
              o.showCerts()).render(report, out);
        }
      }
    }
  }

  /** cli.md exit codes: 0 verified, 1 warnings/errors/probe fault; Nagios 0-3. */
  static int exitCode(RunOptions o, RunReport report) {
    if (o.output() == RunOptions.OutputMode.NAGIOS) {
      return NagiosRenderer.state(report).ordinal();
    }
    return report.worst() == Severity.ERROR || report.worst() == Severity.WARNING
        || report.probeFault() || !report.allVerified() ? ExitCode.FAILURE : ExitCode.OK;
  }

  /**
   * The system resolver configuration. The test suite points the property at a file that does
   * not exist, so no test can ever reach a resolver off this host.
   */
  private static String resolvConf() {
    try {
      return Files.readString(Path.of(System.getProperty("smtpdane.resolv.conf",
          "/etc/resolv.conf")));
    } catch (IOException e) {
      return "";
    }
  }
}
