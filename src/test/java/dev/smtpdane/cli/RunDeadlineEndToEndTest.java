package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpdane.hostile.ScriptedZone;
import dev.smtpdane.lab.dns.LoopbackDnsServer;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.Behaviour;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8: the run deadline (--timeout) always yields a complete report of what finished and
 * what did not. A domain whose DNS answers at once is reported in full even when another
 * domain's DNS never answers, and a silent SMTP server is reported as timed out beside it.
 */
@Timeout(60)
class RunDeadlineEndToEndTest {

  @Test
  void finishedDomainsAreReportedInFullBesideTheOnesTheDeadlineCut() throws Exception {
    HeldCertificate ca = HeldCertificate.builder().commonName("Deadline CA").ca().build();
    HeldCertificate leaf = HeldCertificate.builder().commonName("mx.quick.test")
        .dnsNames("mx.quick.test").signedBy(ca).build();
    try (LabSmtpServer good = LabSmtpServer.builder().bindAddress("127.0.0.1")
            .chain(leaf, ca).start();
        LabSmtpServer silent = LabSmtpServer.builder().bindAddress("127.0.0.4")
            .port(good.address().getPort()).chain(leaf, ca).behaviour(Behaviour.SILENT)
            .start()) {
      int port = good.address().getPort();
      String spki = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(leaf.certificate().getPublicKey().getEncoded()));
      ScriptedZone zone = new ScriptedZone()
          .add("quick.test.", "MX", "10 mx.quick.test.").add("mx.quick.test.", "A", "127.0.0.1")
          .add("_" + port + "._tcp.mx.quick.test.", "TLSA", "3 1 1 " + spki)
          .add("mute.test.", "MX", "10 mx.mute.test.").add("mx.mute.test.", "A", "127.0.0.4")
          .add("_" + port + "._tcp.mx.mute.test.", "TLSA", "3 1 1 " + spki);
      // slow.test: its resolver never answers, so only the run deadline ends its discovery.
      LoopbackDnsServer.Handler handler = (q, t) -> q.getQuestion().getName().toString()
          .toLowerCase(java.util.Locale.ROOT).endsWith("slow.test.") ? Optional.empty()
              : zone.answer(q, t);
      try (LoopbackDnsServer dns = LoopbackDnsServer.start(handler)) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "--resolver",
            "127.0.0.1:" + dns.address().getPort(), "--json", "--timeout", "3s",
            "--read-timeout", "20s", "-port", Integer.toString(port), "-mx",
            "quick.test", "slow.test", "mute.test");
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(1);
        JsonNode targets = new ObjectMapper().readTree(out.toString()).get("targets");
        assertThat(targets).hasSize(3);
        assertThat(targets.get(0).get("verdict").asText()).as(out.toString())
            .isEqualTo("verified");
        assertThat(targets.get(1).findValuesAsText("code")).contains("run-deadline-expired");
        assertThat(targets.get(1).findValuesAsText("message").toString())
            .contains("DNS lookups were still running");
        assertThat(targets.get(2).get("hosts").get(0).get("addresses")).hasSize(1);
        assertThat(targets.get(2).findValuesAsText("code"))
            .containsAnyOf("timeout", "run-deadline-expired");
      }
    }
  }
}
