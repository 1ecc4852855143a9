package dev.smtpdane.cli;

import dev.smtpdane.check.CheckSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The smtpdane command line. Every Go-tool option works with one dash or two and with
 * {@code =value} (shared/spec/cli.md); options we added have two-dash names with a one-dash
 * alias. This class only parses; {@link RunOptions} is what the rest of the tool sees.
 */
@Command(
    name = "smtpdane",
    sortOptions = false,
    usageHelpAutoWidth = true,
    versionProvider = VersionInfo.class,
    subcommands = {DemoCommand.class, AotTraining.class},
    description = {
      "Checks whether the mail servers of a domain can be reached with DANE-authenticated TLS"
          + " (RFC 7672): MX/SRV, addresses, DNSSEC-secure TLSA records, SMTP STARTTLS and the"
          + " certificate chain.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 verified; 1 warnings, errors or a probe-side fault; 2 bad command line.",
      "With -nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
      "Environment: DNS_RESOLVER (resolvers: ip, ip:port, [v6]:port; comma or space separated),"
          + " NO_COLOR, SSL_CERT_FILE / SSL_CERT_DIR (only to name CAs, never for trust).",
      "Finding codes (what each means and how to fix it): docs/findings/<code>.md in the source"
          + " tree and the distribution; man smtpdane. Try it: smtpdane demo."
    },
    exitCodeOnInvalidInput = ExitCode.USAGE,
    exitCodeOnExecutionException = ExitCode.FAILURE)
public final class Cli implements Callable<Integer> {
  @Spec CommandSpec spec;

  // --- what to look up
  @Option(names = {"-mx", "--mx"}, description = "Arguments are domains: look up their MX hosts.")
  boolean mx;

  @Option(names = {"-submission", "--submission"},
      description = "Arguments are domains: look up _submission._tcp SRV (port 587).")
  boolean submission;

  @Option(names = {"-submissions", "--submissions"},
      description = "Arguments are domains: look up _submissions._tcp SRV (port 465);"
          + " implies -tls-on-connect.")
  boolean submissions;

  @Option(names = {"-srv", "--srv"}, paramLabel = "NAME",
      description = "Arguments are domains: look up _NAME._tcp SRV records.")
  String srv;

  @Option(names = {"-port", "--port", "-p"}, paramLabel = "PORT", defaultValue = "smtp(25)",
      description = "Port for targets without :port: a number, a service name, or name(number)."
          + " Default: ${DEFAULT-VALUE}.")
  String port;

  @Option(names = {"-tls-on-connect", "--tls-on-connect"},
      description = "Start TLS as soon as connected (port 465 style) instead of STARTTLS.")
  boolean tlsOnConnect;

  @Option(names = {"-aka", "--aka"}, paramLabel = "NAME",
      description = "Also accept this name in DANE-TA certificate name checks (repeatable).")
  List<String> aka = new ArrayList<>();

  @Option(names = {"-4", "--4"}, description = "Probe only IPv4 addresses.")
  boolean ipv4Only;

  @Option(names = {"-6", "--6"}, description = "Probe only IPv6 addresses.")
  boolean ipv6Only;

  // --- the connections
  @Option(names = {"-helo", "--helo"}, paramLabel = "NAME", defaultValue = "smtpdane.invalid",
      description = "Name to send in EHLO/HELO. Default: ${DEFAULT-VALUE}.")
  String helo;

  @Option(names = {"-connect-timeout", "--connect-timeout"}, paramLabel = "DURATION",
      defaultValue = "10s", converter = GoDurationConverter.class,
      description = "TCP connect timeout (Go syntax: 10s, 1m30s). Default: ${DEFAULT-VALUE}.")
  Duration connectTimeout;

  @Option(names = {"--read-timeout", "-read-timeout"}, paramLabel = "DURATION",
      defaultValue = "30s", converter = GoDurationConverter.class,
      description = "Longest wait for any one SMTP reply or TLS handshake step."
          + " Default: ${DEFAULT-VALUE}.")
  Duration readTimeout;

  @Option(names = {"--timeout", "-timeout"}, paramLabel = "DURATION", defaultValue = "60s",
      converter = GoDurationConverter.class,
      description = "Deadline for the whole run; unfinished probes are reported as timed out."
          + " Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = {"-proxy-tcp", "--proxy-tcp"}, paramLabel = "URL",
      description = "SOCKS5 proxy for the SMTP connections (not DNS): socks5://host:port.")
  String proxyTcp;

  /** How DNSSEC states are established. */
  enum DnssecMode { TRUST_AD, VALIDATE }

  @Option(names = {"--dnssec", "-dnssec"}, paramLabel = "MODE", defaultValue = "trust-ad",
      converter = DnssecModeConverter.class,
      description = "trust-ad: believe the resolver's AD bit (use a validating resolver on"
          + " this host); validate: check DNSSEC signatures ourselves from the root (the"
          + " resolver is only a transport). Default: ${DEFAULT-VALUE}.")
  DnssecMode dnssec;

  @Option(names = {"-validate", "--validate"}, description = "Same as --dnssec validate.")
  boolean validate;

  @Option(names = {"--trust-anchor", "-trust-anchor"}, paramLabel = "FILE",
      description = "DS or DNSKEY records (zone-file format) to validate from, instead of the"
          + " built-in root anchors (KSK 20326 and 38696); implies --dnssec validate.")
  String trustAnchor;

  @Option(names = {"--input", "-input"}, paramLabel = "FILE",
      description = "Also check the targets listed in FILE (one per line, # comments; - for"
          + " standard input). Results stream out per target as each finishes; --timeout"
          + " then applies to each target, not counting time its probes wait for a connection"
          + " another target holds.")
  String input;

  @Option(names = {"--parallel", "-parallel"}, paramLabel = "N", defaultValue = "16",
      description = "Targets checked at once with --input (and at most --per-address"
          + " connections to one server address whatever N is). Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Option(names = {"--per-address", "-per-address"}, paramLabel = "N",
      defaultValue = "" + CheckSettings.DEFAULT_PER_ADDRESS,
      description = "At most N SMTP sessions open at once to one server address, 1 to 64:"
          + " with --input, the targets of one provider share its MX. Default:"
          + " ${DEFAULT-VALUE}.")
  int perAddress;

  @Option(names = {"--resolver", "-resolver"}, paramLabel = "ADDR",
      description = "DNS resolver to use (ip, ip:port, [v6]:port; repeatable, tried in order);"
          + " overrides DNS_RESOLVER and /etc/resolv.conf.")
  List<String> resolvers = new ArrayList<>();

  // --- what to check
  @Option(names = {"-expiration-warning", "--expiration-warning"}, paramLabel = "DURATION",
      defaultValue = "168h", converter = GoDurationConverter.class,
      description = "Warn when a certificate expires within this time; 0 disables."
          + " Default: ${DEFAULT-VALUE}.")
  Duration expirationWarning;

  @Option(names = {"-expect-ocsp", "--expect-ocsp"},
      description = "A missing or bad stapled OCSP response is an error.")
  boolean expectOcsp;

  @Option(names = {"-nocertnames", "--nocertnames"},
      description = "Do not label TLSA records with the names of CAs from the system store.")
  boolean noCertNames;

  // --- output
  @Option(names = {"-quiet", "--quiet", "-q"},
      description = "Print nothing unless there is an error (for cron).")
  boolean quiet;

  @Option(names = {"-terse", "--terse"}, description = "Only matches, warnings and errors.")
  boolean terse;

  @Option(names = {"-nagios", "--nagios"},
      description = "Nagios/Icinga plugin output and exit codes (implies -terse, -nocolor).")
  boolean nagios;

  @Option(names = {"--json", "-json"}, description = "One JSON document on standard output.")
  boolean json;

  @Option(names = {"-nocolor", "--nocolor"}, description = "No ANSI colours.")
  boolean noColor;

  @Option(names = {"-show-cert-info", "--show-cert-info"},
      description = "Show chain details, TLS version, cipher suite and OCSP status.")
  boolean showCertInfo;

  @Option(names = {"-showcerts", "--showcerts"}, description = "Print the presented chain as PEM.")
  boolean showCerts;

  @Option(names = {"-debug", "--debug"}, description = "Diagnostic lines on standard error.")
  boolean debug;

  @Option(names = {"-help", "--help", "-h"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Option(names = {"-version", "--version"}, versionHelp = true,
      description = "Show version, build and runtime information.")
  boolean version;

  @Parameters(paramLabel = "TARGET", arity = "0..*",
      description = "host, host:port, [v6addr]:port, or a domain with -mx/-submission(s)/-srv.")
  List<String> targets = new ArrayList<>();

  /** The process environment (DNS_RESOLVER, NO_COLOR, SSL_CERT_FILE...); tests pass their own. */
  private Map<String, String> environment = System.getenv();

  /** Builds the picocli command line with our error handling. */
  public static CommandLine newCommandLine() {
    return newCommandLine(System.getenv());
  }

  /** The same, reading the given environment instead of the process's. */
  public static CommandLine newCommandLine(Map<String, String> environment) {
    Cli cli = new Cli();
    cli.environment = Map.copyOf(environment);
    CommandLine cl = new CommandLine(cli);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          // cli.md: one line naming the problem and a pointer to -help; nothing else.
          ex.getCommandLine().getErr()
              .println("smtpdane: " + UsageExit.oneLine(ex.getMessage()) + " (see -help)");
          return UsageExit.code(args);
        });
    return cl;
  }

  @Override
  public Integer call() {
    RunOptions options = RunOptions.from(this, environment);
    return Run.execute(options, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
