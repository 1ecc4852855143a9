package dev.smtpdane.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server chain and remembers it exactly as sent, for the {@code dane} package to
 * judge after the handshake (RFC 7672 §3: DANE, not a CA store, decides).
 *
 * <p>It extends {@link X509ExtendedTrustManager} on purpose: JSSE wraps a plain {@code
 * X509TrustManager} and then enforces {@code jdk.certpath.disabledAlgorithms} itself, which
 * would abort the handshake on an MD5- or SHA-1-signed chain that we must report, not refuse.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
  private volatile List<X509Certificate> chain = List.of();
  private volatile String protocol = "";
  private volatile String cipherSuite = "";

  List<X509Certificate> chain() {
    return chain;
  }

  String protocol() {
    return protocol;
  }

  String cipherSuite() {
    return cipherSuite;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
    record(presented, socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine e) {
    record(presented, e == null ? null : e.getHandshakeSession());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType) {
    record(presented, null);
  }

  private void record(X509Certificate[] presented, SSLSession handshake) {
    chain = presented == null ? List.of() : List.of(presented);
    if (handshake != null) {
      // Kept so a handshake that fails after the Certificate message still says what it was.
      protocol = handshake.getProtocol();
      cipherSuite = handshake.getCipherSuite();
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("smtpdane never acts as a TLS server here");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("smtpdane never acts as a TLS server here");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("smtpdane never acts as a TLS server here");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
