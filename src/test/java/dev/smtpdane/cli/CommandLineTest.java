package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Parsing and validation of the Go-compatible command line (shared/spec/cli.md). */
class CommandLineTest {

  private record Outcome(int exit, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  private static RunOptions parse(Map<String, String> env, String... args) {
    CommandLine cl = Cli.newCommandLine();
    cl.parseArgs(args);
    return RunOptions.from(cl.getCommand(), env);
  }

  private static RunOptions parse(String... args) {
    return parse(Map.of(), args);
  }

  @Test
  void defaultsMatchTheGoTool() {
    RunOptions o = parse("mx.example.test");
    assertThat(o.mode()).isEqualTo(RunOptions.LookupMode.HOST);
    assertThat(o.defaultPort()).isEqualTo(25);
    assertThat(o.heloName()).isEqualTo("smtpdane.invalid");
    assertThat(o.connectTimeout()).hasSeconds(10);
    assertThat(o.expirationWarning()).hasHours(168);
    assertThat(o.tlsOnConnect()).isFalse();
    assertThat(o.output()).isEqualTo(RunOptions.OutputMode.TEXT);
  }

  @Test
  void oneOrTwoDashesAndEqualsValuesAreAccepted() {
    RunOptions o = parse("--mx", "-port=587", "--connect-timeout", "2s", "-aka", "a.test",
        "--aka=b.test", "example.test", "-tls-on-connect=false", "-4");
    assertThat(o.mode()).isEqualTo(RunOptions.LookupMode.MX);
    assertThat(o.defaultPort()).isEqualTo(587);
    assertThat(o.connectTimeout()).hasSeconds(2);
    assertThat(o.akaNames()).containsExactly("a.test", "b.test");
    assertThat(o.tlsOnConnect()).isFalse();
    assertThat(o.ipv4()).isTrue();
    assertThat(o.targets()).extracting(h -> h.input()).containsExactly("example.test");
  }

  @Test
  void submissionsImpliesTlsOnConnect() {
    RunOptions o = parse("-submissions", "example.test");
    assertThat(o.mode()).isEqualTo(RunOptions.LookupMode.SRV);
    assertThat(o.srvService()).contains("submissions");
    assertThat(o.tlsOnConnect()).isTrue();
  }

  @Test
  void resolverOptionOverridesEnvironment() {
    Map<String, String> env = Map.of("DNS_RESOLVER", "127.0.0.1:5353, [::1]:53 127.0.0.2");
    assertThat(parse(env, "h.test").resolvers())
        .containsExactly("127.0.0.1:5353", "[::1]:53", "127.0.0.2");
    assertThat(parse(env, "--resolver", "127.0.0.9", "h.test").resolvers())
        .containsExactly("127.0.0.9");
  }

  @Test
  void nagiosImpliesNoColourAndOverridesQuiet() {
    RunOptions o = parse("-nagios", "-q", "h.test");
    assertThat(o.output()).isEqualTo(RunOptions.OutputMode.NAGIOS);
    assertThat(o.color()).isFalse();
    assertThat(o.quiet()).isFalse();
    assertThat(parse(Map.of("NO_COLOR", "1"), "h.test").color()).isFalse();
  }

  @Test
  void conflictsNameEveryPair() {
    Outcome r = run("-mx", "-submission", "-srv", "imap", "-4", "-6", "example.test");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("-mx and -submission", "-mx and -srv",
        "-submission and -srv", "-4 and -6");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "-bogus h.test | Unknown option",
    "-connect-timeout 10 h.test | invalid duration '10'",
    "-expiration-warning 3d h.test | invalid duration '3d'",
    "-port 70000 h.test | port out of range",
    "-port nosuchservice h.test | unknown service name",
    "-srv -mx h.test | -srv",
    "-proxy-tcp http://x:1 h.test | socks5://host:port",
    "-connect-timeout 0 h.test | must be more than 0",
    "-mx | no hosts or domains given",
    "-helo=x;y h.test | -helo",
  })
  void usageErrorsPrintOneLineAndExit2(String argLine, String expected) {
    Outcome r = run(argLine.split(" "));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("smtpdane: ").contains(expected).contains("-help");
  }

  @Test
  void usageErrorUnderNagiosIsUnknown() {
    assertThat(run("-nagios", "-bogus", "h.test").exit()).isEqualTo(3);
    assertThat(run("-nagios").exit()).isEqualTo(3);
  }

  @Test
  void helpAndVersionExitZero() {
    Outcome help = run("-help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("-mx", "-submissions", "-expiration-warning", "--resolver");
    Outcome version = run("-version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("smtpdane ");
  }

  /** The CA store is read only for an output that can show a CA name (a TLSA info line). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "mx.example.test | true",
    "--json mx.example.test | true",
    "-q mx.example.test | true",
    "-q -terse mx.example.test | true",
    "-terse mx.example.test | false",
    "-nagios mx.example.test | false",
    "-nagios -q mx.example.test | false",
  })
  void caStoreOnlyForOutputThatShowsCaNames(String args, boolean shows) {
    assertThat(Run.showsCaNames(parse(args.split(" ")))).isEqualTo(shows);
  }
}
