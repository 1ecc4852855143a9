package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real main entry point against an in-process signed DNS and SMTP server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndSmokeTest {
  private LabSmtpServer smtp;
  private LabDns dns;
  private int port;

  @BeforeAll
  void start() throws Exception {
    HeldCertificate ca = HeldCertificate.builder().commonName("Lab CA").ca().build();
    HeldCertificate leaf = HeldCertificate.builder().commonName("mx.good.test")
        .dnsNames("mx.good.test").signedBy(ca).build();
    smtp = LabSmtpServer.builder().bindAddress("127.0.0.1").chain(leaf, ca).start();
    port = smtp.address().getPort();
    byte[] spki = MessageDigest.getInstance("SHA-256")
        .digest(leaf.certificate().getPublicKey().getEncoded());
    byte[] wrong = spki.clone();
    wrong[0] ^= 1;
    dns = LabDns.builder()
        .zone("good.test.", z -> z.mx("good.test.", 10, "mx.good.test.")
            .a("mx.good.test.", "127.0.0.1")
            .tlsa("_" + port + "._tcp.mx.good.test.", 3, 1, 1, spki))
        .zone("bad.test.", z -> z.mx("bad.test.", 10, "mx.bad.test.")
            .a("mx.bad.test.", "127.0.0.1")
            .tlsa("_" + port + "._tcp.mx.bad.test.", 3, 1, 1, wrong))
        .start();
  }

  @AfterAll
  void stop() {
    smtp.close();
    dns.close();
  }

  private record Outcome(int exit, String out, String err) {}

  private Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 4];
    all[0] = "--resolver";
    all[1] = dns.resolver().getAddress().getHostAddress() + ":" + dns.resolver().getPort();
    all[2] = "-port";
    all[3] = Integer.toString(port);
    System.arraycopy(args, 0, all, 4, args.length);
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void daneEeMatchVerifiesWithExitZero() {
    Outcome r = run("-mx", "-nocolor", "good.test");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("[mx.good.test 127.0.0.1] match 3 1 1", "domain verified");
    assertThat(r.exit()).as(r.out()).isZero();
  }

  @Test
  void wrongDigestFailsAndShowsWhatTheServerPresents() {
    Outcome r = run("-mx", "-nocolor", "bad.test");
    assertThat(r.exit()).as(r.out()).isEqualTo(1);
    assertThat(r.out()).contains("[no-tlsa-match]", "the server presents 3 1 1 ",
        "server presented 2 certificates:");
    Outcome nagios = run("-mx", "-nagios", "bad.test");
    assertThat(nagios.exit()).isEqualTo(2);
    assertThat(nagios.out()).startsWith("DANE CRITICAL - 0/1 addresses verified for bad.test");
  }
}
