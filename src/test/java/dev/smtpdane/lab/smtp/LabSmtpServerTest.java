package dev.smtpdane.lab.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LabSmtpServerTest {

  @Test
  void listensOnLoopbackOnly() {
    assertThatThrownBy(() -> LabSmtpServer.builder().bindAddress("192.0.2.1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LabSmtpServer.builder().bindAddress("mx.example.test"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void speaksSmtpAndRecordsCommands() throws Exception {
    try (LabSmtpServer server = LabSmtpServer.builder().bindAddress("127.0.0.3")
            .hostname("mx.lab.test").start();
        Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
      assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.3");
      BufferedReader in = new BufferedReader(
          new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      assertThat(in.readLine()).isEqualTo("220 mx.lab.test ESMTP smtpdane lab");
      out.write("EHLO client.test\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("250-mx.lab.test");
      String line;
      StringBuilder rest = new StringBuilder();
      while ((line = in.readLine()) != null) {
        rest.append(line).append('\n');
      }
      assertThat(rest.toString())
          .isEqualTo("250-PIPELINING\n250-SIZE 10240000\n250-8BITMIME\n250 STARTTLS\n"
              + "221 2.0.0 Bye\n");
      assertThat(server.lastTranscript().awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(server.lastTranscript().commands()).containsExactly("EHLO client.test", "QUIT");
    }
  }

  @Test
  void closeEndsOpenConnectionsPromptly() throws Exception {
    LabSmtpServer server = LabSmtpServer.builder().behaviour(Behaviour.SILENT).start();
    try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
      s.setSoTimeout(10_000);
      while (server.transcripts().isEmpty()) {
        Thread.sleep(10);
      }
      server.close();
      assertThat(server.lastTranscript().awaitEnd(Duration.ofSeconds(10))).isTrue();
      try {
        assertThat(s.getInputStream().read()).isEqualTo(-1);
      } catch (SocketException reset) {
        // a reset is as good as a close here
      }
    }
    assertThatThrownBy(() -> new Socket(server.address().getAddress(),
        server.address().getPort()).close()).isInstanceOf(java.io.IOException.class);
  }
}
