package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.Behaviour;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes, output modes and address-family filters of the real command line (cli.md),
 * against in-process DNS and SMTP servers: a good host with an IPv4 and an IPv6 address, a
 * host whose only fault is an expired DANE-EE leaf (warning), a wrong digest (error), and a
 * server that never greets (deadline).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputModesEndToEndTest {
  private final List<LabSmtpServer> servers = new ArrayList<>();
  private LabDns dns;
  private int port;

  @BeforeAll
  void start() throws Exception {
    HeldCertificate ca = HeldCertificate.builder().commonName("Lab CA").ca().build();
    HeldCertificate good = leaf(ca, "mx.good.test", Instant.now().plus(Duration.ofDays(60)));
    HeldCertificate expired = leaf(ca, "mx.warn.test", Instant.now().minus(Duration.ofDays(2)));
    LabSmtpServer v4 = start("127.0.0.1", 0, good, ca, Behaviour.NORMAL);
    port = v4.address().getPort();
    start("::1", port, good, ca, Behaviour.NORMAL);
    start("127.0.0.2", port, expired, ca, Behaviour.NORMAL);
    start("127.0.0.3", port, good, ca, Behaviour.SILENT);
    byte[] goodSpki = spki(good);
    byte[] expiredSpki = spki(expired);
    byte[] wrong = goodSpki.clone();
    wrong[31] ^= 1;
    String tlsa = "_" + port + "._tcp.";
    dns = LabDns.builder()
        .zone("good.test.", z -> z.mx("good.test.", 10, "mx.good.test.")
            .a("mx.good.test.", "127.0.0.1").aaaa("mx.good.test.", "::1")
            .tlsa(tlsa + "mx.good.test.", 3, 1, 1, goodSpki))
        .zone("warn.test.", z -> z.mx("warn.test.", 10, "mx.warn.test.")
            .a("mx.warn.test.", "127.0.0.2").tlsa(tlsa + "mx.warn.test.", 3, 1, 1, expiredSpki))
        .zone("bad.test.", z -> z.mx("bad.test.", 10, "mx.bad.test.")
            .a("mx.bad.test.", "127.0.0.1").tlsa(tlsa + "mx.bad.test.", 3, 1, 1, wrong))
        .zone("silent.test.", z -> z.mx("silent.test.", 10, "mx.silent.test.")
            .a("mx.silent.test.", "127.0.0.3").tlsa(tlsa + "mx.silent.test.", 3, 1, 1, goodSpki))
        .start();
  }

  private static HeldCertificate leaf(HeldCertificate ca, String name, Instant notAfter) {
    return HeldCertificate.builder().commonName(name).dnsNames(name).signedBy(ca)
        .validity(notAfter.minus(Duration.ofDays(90)), notAfter).build();
  }

  private LabSmtpServer start(String address, int port, HeldCertificate leaf,
      HeldCertificate ca, Behaviour behaviour) throws IOException {
    LabSmtpServer s = LabSmtpServer.builder().bindAddress(InetAddress.getByName(address))
        .port(port).chain(leaf, ca).behaviour(behaviour).start();
    servers.add(s);
    return s;
  }

  private static byte[] spki(HeldCertificate c) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(c.certificate().getPublicKey()
        .getEncoded());
  }

  @AfterAll
  void stop() {
    servers.forEach(LabSmtpServer::close);
    dns.close();
  }

  private record Outcome(int exit, String out, String err) {}

  private Outcome run(String... args) {
    List<String> all = new ArrayList<>(List.of("--read-timeout", "2s"));
    all.addAll(List.of(args));
    return runWithoutReadTimeout(all.toArray(String[]::new));
  }

  private Outcome runWithoutReadTimeout(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--resolver",
        "127.0.0.1:" + dns.resolver().getPort(), "-port", Integer.toString(port), "-nocolor"));
    all.addAll(List.of(args));
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void bothAddressFamiliesAreProbedAndIpv6ComesFirst() {
    Outcome r = run("-mx", "good.test");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("[mx.good.test ::1] address verified",
        "[mx.good.test 127.0.0.1] address verified");
    assertThat(r.out().indexOf("[mx.good.test ::1]"))
        .isLessThan(r.out().indexOf("[mx.good.test 127.0.0.1]"));
  }

  @Test
  void dashFourAndDashSixFilterTheAddresses() {
    Outcome v4 = run("-mx", "-4", "good.test");
    assertThat(v4.exit()).isZero();
    assertThat(v4.out()).contains("[mx.good.test 127.0.0.1]").doesNotContain("::1]");
    Outcome v6 = run("-mx", "-6", "good.test");
    assertThat(v6.exit()).isZero();
    assertThat(v6.out()).contains("[mx.good.test ::1]").doesNotContain("127.0.0.1]");
  }

  @Test
  void exitCodesInNormalAndNagiosMode() {
    assertThat(run("-mx", "good.test").exit()).isEqualTo(0);
    assertThat(run("-mx", "warn.test").exit()).isEqualTo(1);
    assertThat(run("-mx", "bad.test").exit()).isEqualTo(1);
    assertThat(run("-mx", "-nagios", "good.test").exit()).isEqualTo(0);
    assertThat(run("-mx", "-nagios", "warn.test").exit()).isEqualTo(1);
    assertThat(run("-mx", "-nagios", "bad.test").exit()).isEqualTo(2);
    assertThat(run("-mx", "-nagios", "good.test", "bad.test").exit()).isEqualTo(2);
  }

  @Test
  void expiredDaneEeLeafVerifiesWithAWarning_Rfc7672_3_1_1() {
    Outcome r = run("-mx", "warn.test");
    assertThat(r.out()).contains("[mx.warn.test 127.0.0.2] address verified",
        "[dane-ee-leaf-expired]");
    Outcome nagios = run("-mx", "-nagios", "warn.test");
    assertThat(nagios.out().lines().findFirst().orElseThrow())
        .startsWith("DANE WARNING - 1/1 addresses verified for warn.test; ");
  }

  @Test
  void unreachableResolverIsAProbeSideFault() {
    StringWriter out = new StringWriter();
    String[] args = {"--resolver", "127.0.0.1:9", "-mx", "-nagios", "good.test"};
    int exit = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    assertThat(exit).as(out.toString()).isEqualTo(3);
    assertThat(out.toString()).startsWith("DANE UNKNOWN - ").contains("[resolver-unreachable]");
    args[3] = "-terse";
    assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        args)).isEqualTo(1);
  }

  @Test
  void nagiosStatusLineCarriesPerfdataAndNoColour() {
    Outcome r = run("-mx", "-nagios", "good.test", "bad.test");
    String status = r.out().lines().findFirst().orElseThrow();
    assertThat(status).matches("DANE CRITICAL - 2/3 addresses verified for good.test, bad.test;"
        + " .*\\|verified=2;;;0 failed=1;;;0 warnings=0;;;0 errors=1;;;0 cert_days=\\d+");
    assertThat(r.out()).doesNotContain("\u001b[").doesNotContain("Summary:");
  }

  @Test
  void quietPrintsNothingOnSuccessOrWarningAndTheFailureOtherwise() {
    Outcome ok = run("-mx", "-q", "good.test");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).isEmpty();
    Outcome warn = run("-mx", "-q", "warn.test");
    assertThat(warn.exit()).isEqualTo(1);
    assertThat(warn.out()).isEmpty();
    Outcome bad = run("-mx", "-q", "good.test", "bad.test");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("ERROR no usable TLSA record matched", "server presented")
        .doesNotContain("good.test: domain verified");
  }

  @Test
  void jsonParsesAndCarriesVerdicts() throws Exception {
    Outcome r = run("-mx", "--json", "good.test", "bad.test");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("targets")).hasSize(2);
    assertThat(root.get("targets").get(0).get("verdict").asText()).isEqualTo("verified");
    assertThat(root.get("targets").get(1).get("verdict").asText()).isEqualTo("failed");
    JsonNode address = root.get("targets").get(1).get("hosts").get(0).get("addresses").get(0);
    assertThat(address.get("findings").findValuesAsText("code")).contains("no-tlsa-match");
    assertThat(address.get("tls").get("protocol").asText()).startsWith("TLSv1.");
  }

  @Test
  void inputFileStreamsOneJsonLinePerTargetAndExitsOverAll(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("domains.txt");
    Files.writeString(list, "# hosting customers\ngood.test\n\nbad.test  # broken since May\n");
    Outcome json = run("-mx", "--json", "--input", list.toString());
    assertThat(json.exit()).isEqualTo(1);
    List<String> lines = json.out().lines().toList();
    assertThat(lines).hasSize(2);
    ObjectMapper mapper = new ObjectMapper();
    List<String> verdicts = new ArrayList<>();
    for (String line : lines) {
      JsonNode t = mapper.readTree(line).get("targets").get(0);
      verdicts.add(t.get("target").asText() + "=" + t.get("verdict").asText());
    }
    assertThat(verdicts).containsExactlyInAnyOrder("good.test=verified", "bad.test=failed");
    Outcome text = run("-mx", "--input", list.toString(), "--parallel", "1");
    assertThat(text.out()).contains("good.test: domain verified", "bad.test: domain failed");
    assertThat(text.out().lines().filter(l -> l.startsWith("Summary:"))).singleElement()
        .asString().startsWith("Summary: 1/2 targets verified");
    Outcome nagios = run("-mx", "-nagios", "--input", list.toString());
    assertThat(nagios.exit()).isEqualTo(2);
    assertThat(nagios.out().lines().filter(l -> l.startsWith("DANE "))).hasSize(1);
  }

  @Test
  void validateModeNeedsNoValidatingResolver(@TempDir Path dir) throws Exception {
    Path anchor = dir.resolve("lab-root.ds");
    Files.writeString(anchor, dns.trustAnchor() + "\n");
    String plain = "127.0.0.1:" + dns.failingResolver(Fault.NON_VALIDATING).getPort();
    List<String> common = List.of("-port", Integer.toString(port), "-nocolor", "-mx");
    // trust-ad through a resolver that never sets AD: nothing is secure, nothing verifies
    Outcome trusting = runArgs(concat(List.of("--resolver", plain), common, "good.test"));
    assertThat(trusting.exit()).isEqualTo(1);
    assertThat(trusting.out()).contains("(insecure");
    // validate mode: we check the signatures ourselves, from the lab root's anchor
    Outcome validating = runArgs(concat(List.of("--resolver", plain, "--trust-anchor",
        anchor.toString()), common, "good.test", "bad.test"));
    assertThat(validating.out()).contains("good.test: domain verified",
        "bad.test: domain failed");
    Outcome alias = runArgs(concat(List.of("--resolver", plain, "-validate", "--trust-anchor",
        anchor.toString()), common, "good.test"));
    assertThat(alias.exit()).as(alias.out()).isZero();
  }

  @Test
  void badTrustAnchorFileIsAUsageError(@TempDir Path dir) throws Exception {
    Path anchor = dir.resolve("junk.ds");
    Files.writeString(anchor, "this is not a DS record\n");
    Outcome r = run("--trust-anchor", anchor.toString(), "good.test");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("smtpdane: --trust-anchor ");
    assertThat(run("--dnssec", "maybe", "good.test").err())
        .contains("invalid DNSSEC mode 'maybe'");
  }

  private static List<String> concat(List<String> a, List<String> b, String... c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(List.of(c));
    return all;
  }

  private Outcome runArgs(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void debugWritesDiagnosticsToStderrOnly() {
    Outcome plain = run("-mx", "good.test");
    Outcome debug = run("-mx", "-debug", "good.test");
    assertThat(debug.exit()).isZero();
    assertThat(debug.err()).contains("smtpdane: debug: ", " MX -> good.test. MX: secure",
        "run took");
    assertThat(debug.out().lines().count()).isEqualTo(plain.out().lines().count());
    assertThat(plain.err()).isEmpty();
  }

  @Test
  void unreadableInputFileIsAUsageError(@TempDir Path dir) {
    Outcome r = run("-mx", "--input", dir.resolve("missing.txt").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("smtpdane: --input: cannot read");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS) // safety net only; the run ends on its own
  void runDeadlineStillYieldsACompleteReport() {
    Outcome r = runWithoutReadTimeout("-mx", "--read-timeout", "20s", "--timeout", "2s",
        "good.test",
        "silent.test");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("good.test: domain verified", "silent.test: domain failed");
    assertThat(r.out()).containsAnyOf("[timeout]", "[run-deadline-expired]");
  }
}
