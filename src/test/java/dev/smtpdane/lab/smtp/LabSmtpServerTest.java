package dev.smtpdane.lab.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpdane.lab.pki.HeldCertificate;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
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

  /**
   * With a simulated round trip the dialogue still works, TLS included, and no answer comes
   * before its round trip: the greeting after two (the TCP handshake's and its own), each reply
   * and the TLS server flight after one. Lower bounds only: a sleep guarantees them however busy
   * the machine is, so this cannot fail by chance.
   */
  @Test
  void latencyDelaysEveryTurnByOneRoundTrip() throws Exception {
    Duration rtt = Duration.ofMillis(200);
    HeldCertificate self = HeldCertificate.builder().commonName("mx.lab.test").build();
    try (LabSmtpServer server = LabSmtpServer.builder().hostname("mx.lab.test").chain(self)
            .latency(rtt).start();
        Socket s = new Socket()) {
      long t0 = System.nanoTime();
      s.connect(server.address());
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      assertThat(line(in)).startsWith("220 ");
      assertThat(Duration.ofNanos(System.nanoTime() - t0))
          .isGreaterThanOrEqualTo(rtt.multipliedBy(2));
      long t1 = System.nanoTime();
      out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(line(in)).startsWith("220 ");
      assertThat(Duration.ofNanos(System.nanoTime() - t1)).isGreaterThanOrEqualTo(rtt);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new TrustingManager()}, null);
      try (SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(s, "mx.lab.test",
          s.getPort(), true)) {
        long t2 = System.nanoTime();
        secured.startHandshake(); // TLS 1.3: one flight each way before the client is done
        assertThat(Duration.ofNanos(System.nanoTime() - t2)).isGreaterThanOrEqualTo(rtt);
        long t3 = System.nanoTime();
        secured.getOutputStream().write("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(line(secured.getInputStream())).isEqualTo("250 2.0.0 OK");
        assertThat(Duration.ofNanos(System.nanoTime() - t3)).isGreaterThanOrEqualTo(rtt);
      }
    }
  }

  private static String line(InputStream in) throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  /** The client side of this test checks nothing: it only needs the handshake to complete. */
  private static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
