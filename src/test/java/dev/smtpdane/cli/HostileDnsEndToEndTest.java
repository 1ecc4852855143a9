package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpdane.hostile.RawDnsServer;
import dev.smtpdane.hostile.ScriptedZone;
import dev.smtpdane.lab.dns.LoopbackDnsServer;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/**
 * Issue 8, hostile DNS against the whole tool: Main.run with --resolver pointing at a scripted
 * "validating resolver" that answers absurdly (hundreds of MX, A and TLSA records, CNAME loops
 * and long chains, IP-literal and localhost MX targets, padded replies) or brokenly (garbage
 * bytes, silence). Each run ends on its own with a report, the specific finding, exit 1 and
 * nothing on standard error; the class timeout is only a safety net.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileDnsEndToEndTest {
  private final ScriptedZone zone = new ScriptedZone();
  private LoopbackDnsServer dns;
  private LabSmtpServer smtp;
  private int smtpPort;
  private int closedPort;
  private String spkiHex;

  @BeforeAll
  void start() throws Exception {
    HeldCertificate ca = HeldCertificate.builder().commonName("Hostile Lab CA").ca().build();
    HeldCertificate leaf = HeldCertificate.builder().commonName("mx.many-tlsa.test")
        .dnsNames("mx.many-tlsa.test", "mx.padded.test").signedBy(ca).build();
    smtp = LabSmtpServer.builder().bindAddress("127.0.0.1").chain(leaf, ca).start();
    smtpPort = smtp.address().getPort();
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort(); // nothing listens here once closed: connect is refused
    }
    spkiHex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(leaf.certificate().getPublicKey().getEncoded()));
    script();
    dns = LoopbackDnsServer.start(zone);
  }

  private void script() {
    for (int i = 0; i < 300; i++) {
      zone.add("many-mx.test.", "MX", "10 mx" + i + ".many-mx.test.");
      zone.add("many-a.test.", "A", "127.3." + (i / 250) + "." + (i % 250 + 1));
    }
    zone.add("literal.test.", "MX", "10 192.0.2.1.").add("literal.test.", "MX", "20 localhost.")
        .add("literal.test.", "MX", "30 127.0.0.1.");
    zone.add("loop.test.", "MX", "10 mx.loop.test.")
        .add("mx.loop.test.", "CNAME", "a.loop.test.")
        .add("a.loop.test.", "CNAME", "mx.loop.test.");
    zone.add("chain.test.", "MX", "10 c0.chain.test.");
    for (int i = 0; i < 30; i++) {
      zone.add("c" + i + ".chain.test.", "CNAME", "c" + (i + 1) + ".chain.test.");
    }
    zone.add("c30.chain.test.", "A", "127.0.0.1");
    Random random = new Random(8);
    for (String d : List.of("many-tlsa.test", "wrong-tlsa.test")) {
      zone.add(d + ".", "MX", "10 mx." + d + ".").add("mx." + d + ".", "A", "127.0.0.1");
      for (int i = 0; i < 400; i++) {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        zone.add("_" + smtpPort + "._tcp.mx." + d + ".", "TLSA",
            (i % 2 == 0 ? "3 1 1 " : "2 0 1 ") + HexFormat.of().formatHex(digest));
      }
    }
    zone.add("_" + smtpPort + "._tcp.mx.many-tlsa.test.", "TLSA", "3 1 1 " + spkiHex);
  }

  @AfterAll
  void stop() {
    dns.close();
    smtp.close();
  }

  private record Outcome(int exit, String out, String err, JsonNode json) {
    List<String> codes() {
      List<String> out = new ArrayList<>();
      json.findValues("findings").forEach(f -> f.forEach(x -> out.add(x.get("code").asText())));
      return out;
    }

    String messages() {
      return json.findValuesAsText("message").toString();
    }
  }

  private static Outcome runWith(String resolver, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--resolver", resolver, "--json",
        "--timeout", "30s", "--read-timeout", "5s", "-connect-timeout", "2s"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    JsonNode json = out.toString().isEmpty() ? null : new ObjectMapper().readTree(out.toString());
    return new Outcome(exit, out.toString(), err.toString(), json);
  }

  private Outcome run(String... args) throws Exception {
    return runWith("127.0.0.1:" + dns.address().getPort(), args);
  }

  @Test
  void hundredsOfMxHostsAreCappedAndSaySo() throws Exception {
    Outcome r = run("-mx", "many-mx.test");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.json().get("targets").get(0).get("hosts")).hasSize(32);
    assertThat(r.codes()).contains("fan-out-capped");
    assertThat(r.messages()).contains("many-mx.test names 300 hosts; only the first 32");
  }

  @Test
  void hundredsOfAddressesAreCappedAndSaySo() throws Exception {
    Outcome r = run("-port", Integer.toString(closedPort), "many-a.test");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
    JsonNode host = r.json().get("targets").get(0).get("hosts").get(0);
    assertThat(host.get("addresses")).hasSize(16);
    assertThat(r.codes()).contains("fan-out-capped", "connect-failed");
    assertThat(r.messages()).contains("has 300 A records; only the first 16 are probed");
  }

  @Test
  void mxTargetsThatAreNoHostsAreErrorsAndNeverProbed() throws Exception {
    Outcome r = run("-mx", "literal.test");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.json().get("targets").get(0).get("hosts")).isEmpty();
    assertThat(r.codes()).containsOnlyOnce("mx-target-localhost")
        .contains("mx-target-ip-literal").doesNotContain("connect-failed");
    assertThat(r.json().get("targets").get(0).get("verdict").asText()).isNotEqualTo("verified");
  }

  @Test
  void cnameLoopIsReportedAsALoop() throws Exception {
    Outcome r = run("-mx", "loop.test");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.codes()).contains("cname-loop");
  }

  @Test
  void cnameChainLongerThanTheLimitIsAFailedLookup() throws Exception {
    Outcome r = run("-mx", "chain.test");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.codes()).contains("address-lookup-failed");
    assertThat(r.messages()).contains("longer than 16 links");
  }

  @Test
  void hundredsOfTlsaRecordsStillVerifyTheOneThatMatches() throws Exception {
    Outcome ok = run("-mx", "-port", Integer.toString(smtpPort), "many-tlsa.test");
    assertThat(ok.err()).isEmpty();
    assertThat(ok.json().get("targets").get(0).get("verdict").asText()).as(ok.out())
        .isEqualTo("verified");
    assertThat(ok.codes()).contains("dane-verified");
    Outcome bad = run("-mx", "-port", Integer.toString(smtpPort), "wrong-tlsa.test");
    assertThat(bad.err()).isEmpty();
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.codes()).contains("no-tlsa-match");
  }

  @Test
  void repliesPaddedToNearly64KiBStillWork() throws Exception {
    ScriptedZone padded = new ScriptedZone()
        .add("padded.test.", "MX", "10 mx.padded.test.").add("mx.padded.test.", "A", "127.0.0.1")
        .add("_" + smtpPort + "._tcp.mx.padded.test.", "TLSA", "3 1 1 " + spkiHex)
        .finishing(HostileDnsEndToEndTest::pad);
    try (LoopbackDnsServer server = LoopbackDnsServer.start(padded)) {
      Outcome r = runWith("127.0.0.1:" + server.address().getPort(), "-mx", "-port",
          Integer.toString(smtpPort), "padded.test");
      assertThat(r.err()).isEmpty();
      assertThat(r.json().get("targets").get(0).get("verdict").asText()).as(r.out())
          .isEqualTo("verified");
    }
  }

  private static Message pad(Message m) {
    for (int i = 0; i < 250; i++) {
      m.addRecord(new TXTRecord(Name.fromConstantString("pad" + i + ".padded.test."),
          DClass.IN, 60, List.of("p".repeat(200))), Section.ADDITIONAL);
    }
    return m;
  }

  @Test
  void garbageFromTheResolverIsAFailedLookupNotACrash() throws Exception {
    try (RawDnsServer garbage = RawDnsServer.start(
        (q, raw, t) -> new RawDnsServer.Bytes(new byte[] {raw[0], raw[1], (byte) 0x81, 0}))) {
      Outcome r = runWith(garbage.resolverArgument(), "-mx", "example.test");
      assertThat(r.err()).isEmpty();
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.codes()).contains("mx-lookup-failed", "resolver-unreachable");
      assertThat(r.messages()).contains("malformed reply");
    }
  }

  @Test
  void silentResolverEndsAtTheRunDeadlineWithAReport() throws Exception {
    try (RawDnsServer silent = RawDnsServer.start((q, raw, t) -> new RawDnsServer.Silence())) {
      List<String> args = new ArrayList<>(List.of("--resolver", silent.resolverArgument(),
          "--json", "--timeout", "2s", "-mx", "example.test", "other.test"));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.run(new PrintWriter(out), new PrintWriter(err),
          args.toArray(String[]::new));
      assertThat(err.toString()).isEmpty();
      assertThat(exit).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(out.toString());
      assertThat(json.get("targets")).hasSize(2);
      assertThat(json.findValuesAsText("code")).contains("run-deadline-expired");
    }
  }
}
