package dev.smtpdane.smtp;

import static dev.smtpdane.smtp.Probes.INTERMEDIATE;
import static dev.smtpdane.smtp.Probes.LEAF;
import static dev.smtpdane.smtp.Probes.MX;
import static dev.smtpdane.smtp.Probes.ROOT;
import static dev.smtpdane.smtp.Probes.request;
import static dev.smtpdane.smtp.Probes.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PresentedChainTest {

  @Test
  void sloppyChainIsCapturedInTheOrderSentWithDuplicates() throws Exception {
    // Servers send chains out of order or with repeats; DANE-TA must judge what was sent.
    try (LabSmtpServer server = server().chain(LEAF, ROOT, INTERMEDIATE, LEAF).start()) {
      var done = Probes.completed(SmtpProbe.run(request(server, false)));
      assertThat(done.tls().presentedChain()).containsExactly(LEAF.certificate(),
          ROOT.certificate(), INTERMEDIATE.certificate(), LEAF.certificate());
    }
  }

  @Test
  void concurrentSessionsEachDoAFullHandshake() throws Exception {
    // A shared SSLContext would resume sessions and skip the certificate callback; with a
    // fresh one per session every probe sees the chain.
    int n = 40;
    try (LabSmtpServer server = server().start();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<SessionOutcome>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // Generous limits: 40 handshakes at once on a loaded 2-core machine are slow, and this
        // test is about resumption, not speed.
        ProbeRequest patient = new ProbeRequest(server.address(), Probes.MX + ".", false,
            "smtpdane.invalid", Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(60), Optional.empty());
        results.add(pool.submit(() -> SmtpProbe.run(patient)));
      }
      for (Future<SessionOutcome> r : results) {
        assertThat(Probes.completed(r.get()).tls().presentedChain())
            .containsExactly(LEAF.certificate(), INTERMEDIATE.certificate());
      }
      assertThat(server.transcripts()).hasSize(n)
          .allSatisfy(t -> assertThat(t.serverName()).contains(MX));
    }
  }
}
