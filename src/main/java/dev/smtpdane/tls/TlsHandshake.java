package dev.smtpdane.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * One client TLS handshake over an already connected socket, recording what the server
 * presented. Use a new instance per session: each owns a fresh {@link SSLContext}, because a
 * shared one resumes sessions, and a resumed handshake carries no certificates to check.
 *
 * <p>Not thread-safe; one session's thread uses it.
 */
public final class TlsHandshake {
  private final RecordingTrustManager recorder = new RecordingTrustManager();
  private final Optional<String> serverName;
  private final SSLContext context;
  private TlsSession completed;

  private TlsHandshake(Optional<String> serverName) {
    this.serverName = serverName;
    try {
      context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {recorder}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no usable TLS implementation", e);
    }
  }

  /**
   * Prepares a handshake that sends {@code sniName} as SNI (RFC 7672 §8.1: the TLSA base
   * domain). A trailing dot is removed; null, empty, or a name SNI cannot carry (an IP
   * literal, an underscore label) sends no SNI.
   */
  public static TlsHandshake withServerName(String sniName) {
    return new TlsHandshake(serverNameFor(sniName));
  }

  /** The SNI host name that {@code name} gives: lower case, no trailing dot, if valid. */
  public static Optional<String> serverNameFor(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (n.isEmpty() || n.indexOf(':') >= 0 || n.matches("[0-9.]+")) {
      return Optional.empty(); // RFC 6066 §3: literal IPv4 and IPv6 addresses are not permitted
    }
    return AsciiHostName.of(n);
  }

  /** The SNI host name this handshake sends, if any. */
  public Optional<String> serverName() {
    return serverName;
  }

  /**
   * Layers TLS over {@code plain} (closing it when the TLS socket is closed) and completes the
   * handshake. Read timeouts set on {@code plain} apply to the handshake.
   *
   * @throws IOException any handshake failure; runtime exceptions from JSSE on hostile input are
   *     wrapped in an {@link SSLException} so the caller can classify them
   */
  public SSLSocket perform(Socket plain) throws IOException {
    // The address, not the name, as JSSE's peer host: from a name JSSE would make its own SNI
    // entry with SNIHostName (see AsciiHostName); ours replaces it anyway.
    String peer = plain.getInetAddress().getHostAddress();
    SSLSocket tls =
        (SSLSocket) context.getSocketFactory().createSocket(plain, peer, plain.getPort(), true);
    SSLParameters p = tls.getSSLParameters();
    p.setEndpointIdentificationAlgorithm(null); // DANE decides; RFC 7672 §3.1.1 has no name check
    p.setServerNames(serverName.map(n -> List.<SNIServerName>of(new AsciiHostName(n))).orElse(
        List.of()));
    p.setCipherSuites(authenticatedOnly(p.getCipherSuites()));
    tls.setSSLParameters(p);
    try {
      tls.startHandshake();
      completed = capture(tls.getSession());
    } catch (RuntimeException e) {
      throw new SSLException("the TLS library failed on the server's data: " + e, e);
    }
    return tls;
  }

  /**
   * The session once the handshake completed; before that, what the server had presented when
   * the handshake failed (empty if it never sent a certificate).
   */
  public Optional<TlsSession> session() {
    if (completed != null) {
      return Optional.of(completed);
    }
    if (recorder.chain().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TlsSession(recorder.protocol(), recorder.cipherSuite(),
        recorder.chain(), List.of(), serverName));
  }

  private TlsSession capture(SSLSession s) {
    List<byte[]> staples = List.of();
    if (s instanceof ExtendedSSLSession ext) {
      // On TLS 1.2 JSSE returns one entry per chain certificate, empty where none was stapled.
      staples = ext.getStatusResponses().stream().filter(r -> r.length > 0).toList();
    }
    return new TlsSession(s.getProtocol(), s.getCipherSuite(), recorder.chain(), staples,
        serverName);
  }

  private static String[] authenticatedOnly(String[] suites) {
    // RFC 7672 §2.2, §8.2: anonymous suites give nothing to authenticate; never offer them.
    return Arrays.stream(suites)
        .filter(s -> !s.contains("_anon_") && !s.contains("_NULL_"))
        .toArray(String[]::new);
  }
}
