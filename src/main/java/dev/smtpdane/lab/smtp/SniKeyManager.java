package dev.smtpdane.lab.smtp;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the chain for the SNI name the client asked for (or the default chain), and records
 * the name in the connection's transcript. One instance per connection.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
  static final String DEFAULT = "default";
  private static final String PREFIX = "sni:";

  private final ServerChain fallback;
  private final Map<String, ServerChain> byName;
  private final LabTranscript transcript;

  SniKeyManager(ServerChain fallback, Map<String, ServerChain> byName, LabTranscript transcript) {
    this.fallback = fallback;
    this.byName = byName;
    this.transcript = transcript;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return choose(keyType, socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return choose(keyType, engine == null ? null : engine.getHandshakeSession());
  }

  private String choose(String keyType, SSLSession handshake) {
    List<String> names = requested(handshake);
    transcript.serverNames(names); // JSSE may ask once per key type; the names are the same
    String alias = names.stream().filter(byName::containsKey).map(n -> PREFIX + n)
        .findFirst().orElse(DEFAULT);
    ServerChain c = chain(alias);
    return c != null && keyType != null && c.fits(keyType) ? alias : null;
  }

  private static List<String> requested(SSLSession handshake) {
    if (!(handshake instanceof ExtendedSSLSession ext)) {
      return List.of();
    }
    return ext.getRequestedServerNames().stream()
        .filter(n -> n instanceof SNIHostName)
        .map(n -> ((SNIHostName) n).getAsciiName().toLowerCase(Locale.ROOT))
        .toList();
  }

  private ServerChain chain(String alias) {
    if (alias == null) {
      return null;
    }
    return alias.startsWith(PREFIX) ? byName.get(alias.substring(PREFIX.length()))
        : alias.equals(DEFAULT) ? fallback : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    ServerChain c = chain(alias);
    return c == null ? null : c.chain().toArray(new X509Certificate[0]);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    ServerChain c = chain(alias);
    return c == null ? null : c.key();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return fallback.fits(keyType) ? new String[] {DEFAULT} : null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
