package dev.smtpdane.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one TLS handshake showed: the negotiated protocol and cipher suite, the certificate
 * chain exactly as the server sent it (leaf first, order and duplicates preserved), any stapled
 * OCSP responses, and the SNI host name we sent.
 *
 * <p>A partial session (handshake failed after the server's Certificate message) may have an
 * empty protocol or cipher suite string when JSSE had not reported them yet.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param presentedChain the server's Certificate message, leaf first
 * @param stapledOcsp DER OCSP responses stapled by the server, empty entries dropped
 * @param serverName the SNI host name sent (no trailing dot), empty if none was sent
 */
public record TlsSession(
    String protocol,
    String cipherSuite,
    List<X509Certificate> presentedChain,
    List<byte[]> stapledOcsp,
    Optional<String> serverName) {

  public TlsSession {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    Objects.requireNonNull(serverName, "serverName");
    presentedChain = List.copyOf(presentedChain);
    stapledOcsp = stapledOcsp.stream().map(byte[]::clone).toList();
  }

  /** The stapled responses, each a copy (byte arrays are mutable). */
  @Override
  public List<byte[]> stapledOcsp() {
    return stapledOcsp.stream().map(byte[]::clone).toList();
  }

  /** A summary for logs: protocol, suite, chain subjects, staple count (not whole certs). */
  @Override
  public String toString() {
    return "TlsSession[" + protocol + " " + cipherSuite + ", sni=" + serverName.orElse("-")
        + ", chain=" + presentedChain.stream()
            .map(c -> c.getSubjectX500Principal().getName()).toList()
        + ", staples=" + stapledOcsp.size() + "]";
  }

  /** Whether the protocol is older than TLS 1.2 (a warning: RFC 8996 deprecates 1.0/1.1). */
  public boolean legacyProtocol() {
    return switch (protocol) {
      case "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1" -> true;
      default -> false;
    };
  }

  /**
   * Whether the cipher suite authenticates no server (anonymous Diffie-Hellman or NULL).
   * RFC 7672 §2.2, §8.2: such suites cannot be authenticated, so DANE cannot apply. We never offer
   * them; this guards against a JDK configuration that does.
   */
  public boolean anonymousCipher() {
    return cipherSuite.contains("_anon_") || cipherSuite.contains("_NULL_WITH_");
  }
}
