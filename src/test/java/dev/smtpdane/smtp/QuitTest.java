package dev.smtpdane.smtp;

import static dev.smtpdane.smtp.Probes.HELO;
import static dev.smtpdane.smtp.Probes.MX;
import static dev.smtpdane.smtp.Probes.completed;
import static dev.smtpdane.smtp.Probes.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.smtp.Behaviour;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import dev.smtpdane.lab.smtp.LabSmtpServer.Mode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The session sends QUIT and closes without waiting for anything back (RFC 5321 §4.1.1.10: the
 * verdict needs nothing after QUIT, and waiting costs a round trip; JSSE's close() would wait
 * for one byte). The server here never answers QUIT nor the TLS close, and holds the connection
 * open, while the session's read timeout is an hour: a session that waited for the server would
 * only end when the test's timeout fails it.
 */
// A separate thread: a session blocked in a socket read ignores the interrupt of the same-thread
// mode, and the test must fail, not hang, if it waits.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QuitTest {
  private static final Duration HOUR = Duration.ofHours(1);

  /** The server's last recorded command, once it has read QUIT (or after 10 s of waiting). */
  private static String lastCommandSoon(LabSmtpServer server) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var commands = server.lastTranscript().commands();
      if (!commands.isEmpty() && commands.get(commands.size() - 1).equals("QUIT")) {
        return "QUIT";
      }
      Thread.sleep(100);
    }
    var commands = server.lastTranscript().commands();
    return commands.isEmpty() ? "(none)" : commands.get(commands.size() - 1);
  }

  @ParameterizedTest(name = "tlsOnConnect={0}")
  @ValueSource(booleans = {false, true})
  void sessionEndsWithoutWaitingForTheQuitReply_Rfc5321_4_1_1_10(boolean tlsOnConnect)
      throws Exception {
    try (LabSmtpServer server = server().behaviour(Behaviour.SILENT_AFTER_QUIT)
        .mode(tlsOnConnect ? Mode.TLS_ON_CONNECT : Mode.STARTTLS).start()) {
      ProbeRequest request = new ProbeRequest(server.address(), MX, tlsOnConnect, HELO, HOUR,
          HOUR, HOUR, Optional.empty());

      var done = completed(SmtpProbe.run(request));

      assertThat(done.tls().protocol()).isEqualTo("TLSv1.3");
      // The session is over on our side; the server may still be reading our last bytes.
      assertThat(lastCommandSoon(server)).isEqualTo("QUIT");
    }
  }
}
