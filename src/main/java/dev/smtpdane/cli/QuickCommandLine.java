package dev.smtpdane.cli;

import dev.smtpdane.check.CheckSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of a plain check, read without picocli. Picocli's start-up (reflection over
 * the annotated options, annotation proxies, and Java 5 class files that the JDK's AOT cache
 * cannot hold, so they are read, verified and interpreted afresh each time) costs a one-shot
 * check more CPU than the check itself (issue 9).
 *
 * <p>Only the plain shapes are read here: the check's own options as {@code -opt},
 * {@code --opt}, {@code -opt value} or {@code -opt=value}, and targets. Anything else is left to
 * picocli, which then reads the whole line as it always did: help, version, a subcommand, an
 * unknown, repeated or clustered option, a value that is empty or looks like an option, an
 * {@code @file}, {@code --}, {@code --input} (it may read standard input), and every line that
 * turns out to be a usage error, so messages and exit codes stay picocli's.
 * {@code QuickCommandLineTest} checks that both read the same lines into the same options.
 */
final class QuickCommandLine {
  /** How an option takes its value. */
  private enum Kind { FLAG, VALUE, LIST }

  /** Words picocli takes as a subcommand wherever they stand. */
  private static final Set<String> SUBCOMMANDS = Set.of("demo", "_aot-train");
  private static final Map<String, String> CANONICAL = new HashMap<>();
  private static final Map<String, Kind> KIND = new HashMap<>();

  static {
    flag("mx", "-mx", "--mx");
    flag("submission", "-submission", "--submission");
    flag("submissions", "-submissions", "--submissions");
    value("srv", "-srv", "--srv");
    value("port", "-port", "--port", "-p");
    flag("tls-on-connect", "-tls-on-connect", "--tls-on-connect");
    list("aka", "-aka", "--aka");
    flag("4", "-4", "--4");
    flag("6", "-6", "--6");
    value("helo", "-helo", "--helo");
    value("connect-timeout", "-connect-timeout", "--connect-timeout");
    value("read-timeout", "-read-timeout", "--read-timeout");
    value("timeout", "-timeout", "--timeout");
    value("proxy-tcp", "-proxy-tcp", "--proxy-tcp");
    value("dnssec", "-dnssec", "--dnssec");
    flag("validate", "-validate", "--validate");
    value("trust-anchor", "-trust-anchor", "--trust-anchor");
    value("parallel", "-parallel", "--parallel");
    value("per-address", "-per-address", "--per-address");
    list("resolver", "-resolver", "--resolver");
    value("expiration-warning", "-expiration-warning", "--expiration-warning");
    flag("expect-ocsp", "-expect-ocsp", "--expect-ocsp");
    flag("nocertnames", "-nocertnames", "--nocertnames");
    flag("quiet", "-quiet", "--quiet", "-q");
    flag("terse", "-terse", "--terse");
    flag("nagios", "-nagios", "--nagios");
    flag("json", "-json", "--json");
    flag("nocolor", "-nocolor", "--nocolor");
    flag("show-cert-info", "-show-cert-info", "--show-cert-info");
    flag("showcerts", "-showcerts", "--showcerts");
    flag("debug", "-debug", "--debug");
  }

  private QuickCommandLine() {}

  /** The options of a plain check line; empty when picocli must read it. */
  static Optional<Cli> parse(String... args) {
    Cli c = withDefaults();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        if (a.startsWith("@") || SUBCOMMANDS.contains(a)) {
          return Optional.empty(); // an argument file, or a subcommand
        }
        c.targets.add(a);
        continue;
      }
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      String canonical = CANONICAL.get(name);
      if (canonical == null) {
        return Optional.empty();
      }
      Kind kind = KIND.get(canonical);
      if (kind != Kind.LIST && !seen.add(canonical)) {
        return Optional.empty();
      }
      if (kind == Kind.FLAG) {
        if (eq >= 0 || !set(c, canonical, "")) {
          return Optional.empty();
        }
        continue;
      }
      String value = eq >= 0 ? a.substring(eq + 1) : i + 1 < args.length ? args[++i] : null;
      if (value == null || value.isEmpty() || value.startsWith("-") || value.startsWith("@")
          || !set(c, canonical, value)) {
        return Optional.empty();
      }
    }
    return Optional.of(c);
  }

  /** A Cli with the defaults of its annotations, as picocli would leave it. */
  private static Cli withDefaults() {
    Cli c = new Cli();
    c.port = "smtp(25)";
    c.helo = "smtpdane.invalid";
    c.connectTimeout = Duration.ofSeconds(10); // "10s": GoDuration would cost ~10 ms cold
    c.readTimeout = Duration.ofSeconds(30);
    c.timeout = Duration.ofSeconds(60);
    c.dnssec = Cli.DnssecMode.TRUST_AD;
    c.parallel = 16;
    c.perAddress = CheckSettings.DEFAULT_PER_ADDRESS;
    c.expirationWarning = Duration.ofHours(168);
    return c;
  }

  /** Sets one option; false if its value needs picocli (to convert it, or to reject it). */
  private static boolean set(Cli c, String option, String value) {
    try {
      switch (option) {
        case "mx" -> c.mx = true;
        case "submission" -> c.submission = true;
        case "submissions" -> c.submissions = true;
        case "srv" -> c.srv = value;
        case "port" -> c.port = value;
        case "tls-on-connect" -> c.tlsOnConnect = true;
        case "aka" -> c.aka.add(value);
        case "4" -> c.ipv4Only = true;
        case "6" -> c.ipv6Only = true;
        case "helo" -> c.helo = value;
        case "connect-timeout" -> c.connectTimeout = GoDuration.parse(value);
        case "read-timeout" -> c.readTimeout = GoDuration.parse(value);
        case "timeout" -> c.timeout = GoDuration.parse(value);
        case "proxy-tcp" -> c.proxyTcp = value;
        case "dnssec" -> c.dnssec = new DnssecModeConverter().convert(value);
        case "validate" -> c.validate = true;
        case "trust-anchor" -> c.trustAnchor = value;
        case "parallel" -> c.parallel = smallNumber(value);
        case "per-address" -> c.perAddress = smallNumber(value);
        case "resolver" -> c.resolvers.add(value);
        case "expiration-warning" -> c.expirationWarning = GoDuration.parse(value);
        case "expect-ocsp" -> c.expectOcsp = true;
        case "nocertnames" -> c.noCertNames = true;
        case "quiet" -> c.quiet = true;
        case "terse" -> c.terse = true;
        case "nagios" -> c.nagios = true;
        case "json" -> c.json = true;
        case "nocolor" -> c.noColor = true;
        case "show-cert-info" -> c.showCertInfo = true;
        case "showcerts" -> c.showCerts = true;
        case "debug" -> c.debug = true;
        default -> {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false; // picocli says what is wrong with the value
    }
  }

  private static int smallNumber(String value) {
    if (!value.matches("[0-9]{1,4}")) {
      throw new IllegalArgumentException("not a plain small number: " + value);
    }
    return Integer.parseInt(value);
  }

  private static void flag(String canonical, String... names) {
    define(canonical, Kind.FLAG, names);
  }

  private static void value(String canonical, String... names) {
    define(canonical, Kind.VALUE, names);
  }

  private static void list(String canonical, String... names) {
    define(canonical, Kind.LIST, names);
  }

  private static void define(String canonical, Kind kind, String... names) {
    KIND.put(canonical, kind);
    for (String n : names) {
      CANONICAL.put(n, canonical);
    }
  }
}
