package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Issue 8, bad command lines (shared/spec/cli.md): every invalid value of every option, unknown
 * and conflicting options, empty arguments, bad host:port forms and bad names give one line on
 * standard error naming the problem, the usage exit code (2; 3 with -nagios), and nothing on
 * standard output. No DNS or SMTP is touched: the command line is rejected first.
 */
class BadCommandLineTest {
  private static final String LONG_NAME =
      String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62));
  private static final String LONG_LABEL = "x".repeat(64) + ".test";

  private record Outcome(int exit, String out, String err) {}

  private static Outcome run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Outcome(exit, out.toString(), err.toString());
  }

  private static Arguments bad(String fragment, String... args) {
    String shown = args.length == 0 ? "(no arguments)" : String.join(" ", Stream.of(args)
        .map(a -> a.isBlank() ? "'" + a + "'" : a).toList());
    return Arguments.of(shown.replace("\n", "\\n").replace("\r", "\\r"), List.of(args),
        fragment);
  }

  static Stream<Arguments> badCommandLines() {
    return Stream.of(
        // unknown options and missing or malformed values
        bad("Unknown option: '-bogus'", "-bogus", "h.test"),
        bad("Unknown option: '--no-such=1'", "--no-such=1", "h.test"),
        bad("Missing required parameter for option '--port' (PORT)", "h.test", "-port"),
        bad("Invalid value for option '--mx': 'maybe' is not a boolean", "-mx=maybe", "h.test"),
        // -port
        bad("-port: port out of range (1-65535): '0'", "-port", "0", "h.test"),
        bad("-port: port out of range (1-65535): '70000'", "-port", "70000", "h.test"),
        bad("-port: unknown service name 'abc'", "-port", "abc", "h.test"),
        bad("-port: empty port", "-port", "", "h.test"),
        bad("-port: unknown service name '-1'", "-port=-1", "h.test"),
        bad("-port: invalid port '25 26'", "-port", "25 26", "h.test"),
        // --parallel and --per-address
        bad("--parallel must be from 1 to 1024 (got 0)", "--parallel", "0", "h.test"),
        bad("--per-address must be from 1 to 64 (got 0)", "--per-address", "0", "h.test"),
        bad("--per-address must be from 1 to 64 (got 65)", "-per-address=65", "h.test"),
        // -srv
        bad("-srv needs a service name", "-srv", "", "example.test"),
        bad("-srv: invalid service name '_imap'", "-srv", "_imap", "example.test"),
        bad("-srv: invalid service name 'a b'", "-srv", "a b", "example.test"),
        // -helo
        bad("-helo needs a host name", "-helo", "", "h.test"),
        bad("-helo needs a host name", "-helo", "a b", "h.test"),
        bad("-helo needs a host name", "-helo", "x\r\nMAIL FROM:<a@b>", "h.test"),
        bad("-helo needs a host name", "-helo", "bad..name", "h.test"),
        bad("-helo needs a host name", "-helo", " client.test", "h.test"),
        bad("-helo: '[192.0.2]' is not an address literal", "-helo", "[192.0.2]", "h.test"),
        // -aka
        bad("-aka: empty domain name", "-aka", "", "h.test"),
        bad("-aka: domain name \"a..b\" has an empty label", "-aka", "a..b", "h.test"),
        bad("-aka: label \"" + "x".repeat(64) + "\"", "-aka", LONG_LABEL, "h.test"),
        // durations
        bad("invalid duration '10'", "-connect-timeout", "10", "h.test"),
        bad("-connect-timeout must be more than 0 (got -1s)", "-connect-timeout", "-1s",
            "h.test"),
        bad("-connect-timeout must be more than 0 (got 0s)", "-connect-timeout", "0", "h.test"),
        bad("invalid duration '1d'", "-connect-timeout", "1d", "h.test"),
        bad("--read-timeout must be more than 0", "--read-timeout", "0s", "h.test"),
        bad("invalid duration 'xs'", "--read-timeout", "xs", "h.test"),
        bad("--timeout must be more than 0 (got -5s)", "--timeout", "-5s", "h.test"),
        bad("invalid duration '1y'", "--timeout", "1y", "h.test"),
        bad("invalid duration '1\\n2s'", "--timeout", "1\n2s", "h.test"),
        bad("duration out of range", "--timeout", "9999999999h", "h.test"),
        bad("invalid duration '3d'", "-expiration-warning", "3d", "h.test"),
        bad("-expiration-warning must be 0 or more (got -1h0m0s)", "-expiration-warning",
            "-1h", "h.test"),
        // -proxy-tcp and --resolver
        bad("-proxy-tcp: ", "-proxy-tcp", "http://x:1", "h.test"),
        bad("-proxy-tcp: ", "-proxy-tcp", "socks5://", "h.test"),
        bad("-proxy-tcp: ", "-proxy-tcp", "socks5://h.test:0", "h.test"),
        bad("-proxy-tcp: ", "-proxy-tcp", "socks5://h.test:70000", "h.test"),
        bad("--resolver: ", "--resolver", "nonsense", "h.test"),
        bad("--resolver: ", "--resolver", "127.0.0.1:0", "h.test"),
        bad("--resolver: ", "--resolver", "[::1", "h.test"),
        bad("--resolver: no resolver address in ''", "--resolver", "", "h.test"),
        bad("--resolver: no resolver address in ' , '", "--resolver", " , ", "h.test"),
        // conflicts
        bad("conflicting options: -mx and -submission", "-mx", "-submission", "d.test"),
        bad("conflicting options: -submission and -submissions", "-submission",
            "-submissions", "d.test"),
        bad("conflicting options: -mx and -srv", "-mx", "-srv", "imap", "d.test"),
        bad("conflicting options: -4 and -6", "-4", "-6", "h.test"),
        bad("conflicting options: -nagios and --json", "-nagios", "--json", "h.test"),
        bad("is an IP address; -mx needs a domain name", "-mx", "127.0.0.1"),
        // empty arguments
        bad("no hosts or domains given"),
        bad("no hosts or domains given", "-mx"),
        bad("empty host or domain argument", ""),
        bad("empty host or domain argument", "h.test", "  "),
        // host:port and IPv6 brackets
        bad("\"h.test:0\": port \"0\" is not a number from 1 to 65535", "h.test:0"),
        bad("\"h.test:70000\": port \"70000\" is not a number", "h.test:70000"),
        bad("\"h.test:abc\": unknown service name 'abc'", "h.test:abc"),
        bad("\"h.test:\": port \"\" is not a number from 1 to 65535", "h.test:"),
        bad("\"127.0.0.1:99999\": port \"99999\"", "127.0.0.1:99999"),
        bad("\"[::1\": missing ']' after the IPv6 address", "[::1"),
        bad("\"[::1]x\": expected ':port' after ']'", "[::1]x"),
        bad("\"::1]:25\": not an IPv6 address", "::1]:25"),
        bad("\"[::1]:0\": port \"0\"", "[::1]:0"),
        bad("\"[mx.test]:25\": not an IP address inside [ ]", "[mx.test]:25"),
        bad("\"[::1]:\": port \"\" is not a number", "[::1]:"),
        // names
        bad("is 256 octets long; DNS allows at most 255", LONG_NAME),
        bad("is 64 octets long; DNS allows at most 63", LONG_LABEL),
        bad("is 64 octets long; DNS allows at most 63", "-mx", LONG_LABEL),
        bad("has an empty label", "a..test"),
        bad("contains U+0020", "-mx", "bad name.test"),
        bad("contains '\\'", "mx\\.test"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCommandLines")
  void badCommandLineIsOneLineAndTheUsageExitCode(String shown, List<String> args,
      String fragment) {
    Outcome r = run(args);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("smtpdane: ").endsWith("(see -help)" + System.lineSeparator())
        .contains(fragment);
    assertThat(r.exit()).isEqualTo(args.contains("-nagios") ? ExitCode.NAGIOS_UNKNOWN
        : ExitCode.USAGE);
    List<String> nagios = new ArrayList<>(List.of("-nagios"));
    nagios.addAll(args);
    Outcome n = run(nagios);
    assertThat(n.out()).isEmpty();
    assertThat(n.err().lines()).hasSize(1);
    assertThat(n.exit()).isEqualTo(ExitCode.NAGIOS_UNKNOWN);
  }

  @Test
  void overlongValueIsCutNotEchoedWhole() {
    Outcome r = run(List.of("-port", "9".repeat(5_000), "h.test"));
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err().length()).isLessThan(UsageExit.MAX_MESSAGE + 40);
    assertThat(r.err()).contains("...").endsWith("(see -help)" + System.lineSeparator());
  }

  @Test
  void badDnsResolverEnvironmentIsAUsageErrorNamingTheVariable() {
    for (String value : List.of("nonsense", "127.0.0.1:70000", "[::1", "1.2.3.4:x")) {
      CommandLine cl = Cli.newCommandLine();
      cl.parseArgs("h.test");
      assertThatThrownBy(() -> RunOptions.from(cl.getCommand(), Map.of("DNS_RESOLVER", value)))
          .isInstanceOf(ParameterException.class).hasMessageStartingWith("DNS_RESOLVER: ");
    }
    CommandLine cl = Cli.newCommandLine();
    cl.parseArgs("--resolver", "127.0.0.1", "h.test");
    assertThat(RunOptions.from(cl.getCommand(), Map.of("DNS_RESOLVER", "nonsense"))
        .resolvers()).as("--resolver wins, so the variable is not read").containsExactly(
            "127.0.0.1");
  }

  private static RunOptions parse(String... args) {
    CommandLine cl = Cli.newCommandLine();
    cl.parseArgs(args);
    return RunOptions.from(cl.getCommand(), Map.of());
  }

  @Test
  void idnNamesBecomeALabels() {
    RunOptions o = parse("-mx", "bücher.test", "-aka", "bücher.test");
    assertThat(o.targets().get(0).display()).isEqualTo("xn--bcher-kva.test");
    assertThat(parse("bücher.test:587").targets().get(0).port()).hasValue(587);
  }

  @Test
  void goodTwinsOfTheBadValuesAreAccepted() {
    RunOptions o = parse("-helo", "client.example.test", "-port", "submission(587)",
        "--timeout", "1m30s", "-expiration-warning", "0", "-aka", "alt.test",
        "-proxy-tcp", "socks5://127.0.0.1:1080", "--resolver", "[::1]:53",
        "[::1]:25", "h.test:2525", "127.0.0.1", LONG_NAME.substring(1));
    assertThat(o.heloName()).isEqualTo("client.example.test");
    assertThat(o.targets()).hasSize(4);
    assertThat(parse("-helo", "[192.0.2.1]", "h.test").heloName()).isEqualTo("[192.0.2.1]");
    assertThat(parse("-helo", "[IPv6:2001:db8::1]", "h.test").heloName())
        .isEqualTo("[IPv6:2001:db8::1]");
    assertThat(parse("-helo", "bücher.test", "h.test").heloName())
        .isEqualTo("xn--bcher-kva.test");
    assertThat(parse("-port", "smtp", "mx.test:submission").targets().get(0).port())
        .hasValue(587);
  }
}
