package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpdane.health.Pem;
import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.lab.ocsp.LabOcspResponder;
import dev.smtpdane.lab.ocsp.OcspResponseBuilder;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.LabSmtpServer;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 through the real command line: expiry warnings and -expiration-warning, stapled
 * OCSP (good, revoked, missing with -expect-ocsp), and CA names from SSL_CERT_FILE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateHealthEndToEndTest {
  private final List<AutoCloseable> running = new ArrayList<>();
  private final HeldCertificate ca = HeldCertificate.builder().commonName("Health Lab CA").ca()
      .build();
  private LabDns dns;
  private int port;
  @TempDir Path dir;

  @BeforeAll
  void start() throws Exception {
    LabOcspResponder ocsp = LabOcspResponder.start();
    running.add(ocsp);
    HeldCertificate soon = leaf("mx.soon.test", Duration.ofDays(3), null);
    HeldCertificate good = leaf("mx.good.test", Duration.ofDays(60), ocsp.url());
    HeldCertificate revoked = leaf("mx.revoked.test", Duration.ofDays(60), ocsp.url());
    ocsp.answer(good.certificate().getSerialNumber(), OcspResponseBuilder.signedBy(ca).good());
    ocsp.answer(revoked.certificate().getSerialNumber(), OcspResponseBuilder.signedBy(ca)
        .revoked(Instant.now().minus(Duration.ofDays(1)), 1));
    LabSmtpServer first = server("127.0.0.1", 0, soon, false);
    port = first.address().getPort();
    server("127.0.0.2", port, good, true);
    server("127.0.0.3", port, revoked, true);
    String tlsa = "_" + port + "._tcp.";
    byte[] caSpki = spki(ca);
    byte[] soonSpki = spki(soon);
    dns = LabDns.builder()
        .zone("soon.test.", z -> z.a("soon.test.", "127.0.0.1")
            .tlsa(tlsa + "soon.test.", 3, 1, 1, soonSpki))
        .zone("good.test.", z -> z.a("good.test.", "127.0.0.2")
            .tlsa(tlsa + "good.test.", 2, 1, 1, caSpki))
        .zone("revoked.test.", z -> z.a("revoked.test.", "127.0.0.3")
            .tlsa(tlsa + "revoked.test.", 2, 1, 1, caSpki))
        .start();
  }

  private HeldCertificate leaf(String name, Duration left, String ocspUrl) {
    var b = HeldCertificate.builder().commonName(name).dnsNames(name, name.substring(3))
        .signedBy(ca).validity(Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(left));
    return (ocspUrl == null ? b : b.ocspUrl(ocspUrl)).build();
  }

  private LabSmtpServer server(String address, int port, HeldCertificate leaf, boolean staple)
      throws Exception {
    var b = LabSmtpServer.builder().bindAddress(InetAddress.getByName(address)).port(port)
        .chain(leaf, ca);
    LabSmtpServer s = (staple ? b.ocspStapling() : b).start();
    running.add(s);
    return s;
  }

  private static byte[] spki(HeldCertificate c) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(c.certificate().getPublicKey()
        .getEncoded());
  }

  @AfterAll
  void stop() throws Exception {
    dns.close();
    for (AutoCloseable c : running) {
      c.close();
    }
  }

  private record Outcome(int exit, String out) {}

  private Outcome run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--resolver",
        "127.0.0.1:" + dns.resolver().getPort(), "-port", Integer.toString(port), "-nocolor",
        "-nocertnames"));
    if (env.containsKey("SSL_CERT_FILE")) {
      all.remove("-nocertnames");
    }
    all.addAll(List.of(args));
    int exit = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), env,
        all.toArray(String[]::new));
    return new Outcome(exit, out.toString());
  }

  private Outcome run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void leafExpiringWithinTheWindowWarnsAndASmallerWindowDoesNot() {
    Outcome dflt = run("soon.test");
    assertThat(dflt.exit()).isEqualTo(1);
    assertThat(dflt.out()).contains("address verified", "[cert-expiring]");
    Outcome narrow = run("-expiration-warning", "48h", "soon.test");
    assertThat(narrow.exit()).as(narrow.out()).isZero();
    assertThat(run("-expiration-warning", "0", "soon.test").exit()).isZero();
  }

  @Test
  void goodStapleIsShownWithShowCertInfoAndSatisfiesExpectOcsp() {
    assertThat(run("good.test").out()).doesNotContain("ocsp");
    Outcome info = run("-show-cert-info", "good.test");
    assertThat(info.exit()).isZero();
    assertThat(info.out()).contains("[ocsp-good]", "key     EC P-256");
    assertThat(run("-expect-ocsp", "good.test").exit()).isZero();
  }

  @Test
  void revokedIsAlwaysAnErrorAndMissingOnlyWithExpectOcsp() {
    Outcome revoked = run("revoked.test");
    assertThat(revoked.exit()).isEqualTo(1);
    assertThat(revoked.out()).contains("[ocsp-revoked]", "address failed");
    assertThat(run("soon.test", "-expiration-warning", "0").exit()).isZero();
    Outcome missing = run("-expect-ocsp", "-expiration-warning", "0", "soon.test");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.out()).contains("[ocsp-missing]");
  }

  @Test
  void taRecordIsLabelledWithTheCaNameFromSslCertFile() throws Exception {
    Path bundle = dir.resolve("cas.pem");
    Files.writeString(bundle, Pem.encode(ca.certificate()));
    Outcome text = run(Map.of("SSL_CERT_FILE", bundle.toString()), "good.test");
    assertThat(text.out()).contains("[CA: Health Lab CA]");
    Outcome json = run(Map.of("SSL_CERT_FILE", bundle.toString()), "--json", "good.test");
    JsonNode tlsa = assertJson(json.out()).get("targets").get(0).get("hosts").get(0)
        .get("tlsa").get(0);
    assertThat(tlsa.get("caName").asText()).isEqualTo("Health Lab CA");
    assertThat(run("good.test").out()).doesNotContain("[CA:");
  }

  @Test
  void showCertsPrintsThePresentedChainAsPem() {
    Outcome r = run("-showcerts", "good.test");
    assertThat(r.out().split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
  }

  private static JsonNode assertJson(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }
}
