package dev.smtpdane.smtp;

import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.tls.TlsHandshake;
import dev.smtpdane.tls.TlsSession;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/** The state of one running session; {@link SmtpProbe#run} is its only user. */
final class ProbeSession {
  private static final int MAX_INJECTED_SHOWN = 40;

  private final ProbeRequest request;
  private final TlsHandshake tls;
  private final List<Finding> findings = new ArrayList<>();
  private Step step = Step.CONNECT;
  private Socket plain;
  private SSLSocket secured;
  private ReplyReader reader;
  private OutputStream out;

  ProbeSession(ProbeRequest request) {
    this.request = request;
    this.tls = TlsHandshake.withServerName(request.sniName());
  }

  SessionOutcome run() {
    plain = new Socket(request.socks5().map(ProxySpec::toProxy).orElse(Proxy.NO_PROXY));
    SessionDeadline deadline = SessionDeadline.start(request.sessionDeadline(), plain);
    try {
      connect(deadline);
      return request.tlsOnConnect() ? tlsOnConnect(deadline) : startTls(deadline);
    } catch (IOException e) {
      if (e instanceof ProbeFailure && step != Step.HANDSHAKE) {
        quit(); // the server is talking SMTP to us: end politely (RFC 5321 §4.1.1.10)
      }
      return FailureClassifier.classify(
          step, e, request, deadline, step.tlsDone() || step == Step.HANDSHAKE
              ? tls.session() : Optional.empty(), findings);
    } finally {
      readNothingMore();
      closeQuietly(secured); // while the watchdog still runs: a close_notify could block
      closeQuietly(plain);
      deadline.close();
    }
  }

  /**
   * JSSE's close() of a TLS socket that has a read timeout first waits for one more byte from
   * the server (SSLSocketInputRecord.deplete): after QUIT that is the 221 reply, one round trip
   * the verdict does not need (RFC 5321 §4.1.1.10: the client MUST NOT close before sending
   * QUIT, and SHOULD, not MUST, wait for the reply). Without a read timeout it only discards
   * what has already arrived.
   */
  private void readNothingMore() {
    if (secured != null) {
      try {
        plain.setSoTimeout(0);
      } catch (IOException ignored) {
        // already closed: nothing will be read anyway
      }
    }
  }

  private void connect(SessionDeadline deadline) throws IOException {
    step = Step.CONNECT;
    Duration limit = min(request.connectTimeout(), deadline.remaining());
    plain.connect(request.address(), millis(limit));
    plain.setSoTimeout(millis(request.readTimeout()));
    plain.setTcpNoDelay(true);
    reader = new ReplyReader(plain.getInputStream(), deadline);
    out = plain.getOutputStream();
  }

  private SessionOutcome startTls(SessionDeadline deadline) throws IOException {
    step = Step.GREETING;
    String greeting = greeting();
    step = Step.EHLO;
    SmtpReply ehlo = ehlo();
    step = Step.STARTTLS;
    // RFC 3207 §3: the STARTTLS keyword in the EHLO reply is how a server offers TLS.
    if (!ehlo.offers("STARTTLS")) {
      throw new ProbeFailure(FindingCode.STARTTLS_NOT_OFFERED,
          "server does not offer STARTTLS (EHLO keywords: "
              + (ehlo.ehloKeywords().isEmpty() ? "none" : String.join(", ", ehlo.ehloKeywords()))
              + ")");
    }
    send("STARTTLS");
    SmtpReply reply = reader.read();
    if (reply.code() != 220) {
      throw new ProbeFailure(FindingCode.STARTTLS_REFUSED, "STARTTLS answered " + reply.oneLine());
    }
    discardInjected();
    TlsSession session = handshake(deadline);
    step = Step.EHLO_IN_TLS;
    // RFC 3207 §4.2: the client discards what it knew and sends EHLO again inside TLS.
    SmtpReply after = ehlo();
    quit();
    return new SessionOutcome.Completed(
        session, greeting, ehlo.ehloKeywords(), after.ehloKeywords(), findings);
  }

  private SessionOutcome tlsOnConnect(SessionDeadline deadline) throws IOException {
    TlsSession session = handshake(deadline);
    step = Step.GREETING_IN_TLS;
    String greeting = greeting();
    step = Step.EHLO_IN_TLS;
    SmtpReply ehlo = ehlo();
    quit();
    return new SessionOutcome.Completed(
        session, greeting, List.of(), ehlo.ehloKeywords(), findings);
  }

  private String greeting() throws IOException {
    SmtpReply reply = reader.read();
    if (reply.code() != 220) {
      // RFC 5321 §3.1: 554 here means "no SMTP service"; anything but 220 is a refusal.
      throw new ProbeFailure(FindingCode.GREETING_BAD,
          "server greeted with " + reply.oneLine() + " instead of 220: it refuses the session");
    }
    return String.join("\n", reply.lines());
  }

  /** EHLO, and HELO if EHLO is refused (RFC 5321 §4.1.4); HELO offers no extensions. */
  private SmtpReply ehlo() throws IOException {
    send("EHLO " + request.heloName());
    SmtpReply reply = reader.read();
    if (reply.positive()) {
      return reply;
    }
    if (reply.code() / 100 == 5) {
      send("HELO " + request.heloName());
      SmtpReply helo = reader.read();
      if (helo.positive()) {
        return new SmtpReply(helo.code(), List.of(helo.firstLine())); // no keywords
      }
      throw new ProbeFailure(FindingCode.EHLO_FAILED, "server refused EHLO ("
          + reply.oneLine() + ") and HELO (" + helo.oneLine() + ")");
    }
    throw new ProbeFailure(FindingCode.EHLO_FAILED, "EHLO answered " + reply.oneLine());
  }

  /**
   * Bytes already waiting after the 220 to STARTTLS were sent before the server could have
   * seen our ClientHello: a man in the middle or a buggy server pipelining plaintext into the
   * TLS session (RFC 3207 §6, CVE-2011-0411 class). They are discarded, never parsed as TLS or
   * SMTP, and reported. The reader consumed nothing past the 220, so {@code available()} on
   * the unbuffered socket stream sees exactly these bytes (those that arrived by now; any that
   * arrive later break the handshake, which is reported as plaintext after STARTTLS).
   */
  private void discardInjected() throws IOException {
    InputStream raw = plain.getInputStream();
    int waiting = raw.available();
    if (waiting > 0) {
      byte[] junk = raw.readNBytes(Math.min(waiting, 65536));
      findings.add(Finding.error(FindingCode.STARTTLS_INJECTION, "server sent " + junk.length
          + " bytes after its 220 to STARTTLS and before the TLS handshake (\""
          + ReplyText.preview(junk, MAX_INJECTED_SHOWN) + "\"): discarded; a man in the middle"
          + " or a broken server is injecting plaintext into the TLS session"));
    }
  }

  private TlsSession handshake(SessionDeadline deadline) throws IOException {
    step = Step.HANDSHAKE;
    deadline.check();
    secured = tls.perform(plain);
    TlsSession session = tls.session().orElseThrow();
    if (session.anonymousCipher()) {
      throw new ProbeFailure(FindingCode.ANONYMOUS_CIPHER, "server negotiated the anonymous "
          + "cipher suite " + session.cipherSuite() + ": nothing to authenticate");
    }
    if (session.legacyProtocol()) {
      findings.add(Finding.warning(FindingCode.LEGACY_TLS_VERSION, "server negotiated "
          + session.protocol() + " (" + session.cipherSuite() + "); TLS 1.0 and 1.1 are"
          + " deprecated (RFC 8996): enable TLS 1.2 or 1.3"));
    }
    reader = new ReplyReader(secured.getInputStream(), deadline);
    out = secured.getOutputStream();
    return session;
  }

  /** RFC 5321 §4.1.1.10: QUIT; its 221 reply is not awaited, the verdict does not need it. */
  private void quit() {
    try {
      send("QUIT");
    } catch (IOException ignored) {
      // the session's result is already known
    }
  }

  private void send(String command) throws IOException {
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** A socket timeout in milliseconds: at least 1 (0 would mean "forever"), at most int. */
  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing left to learn from this connection
      }
    }
  }
}
