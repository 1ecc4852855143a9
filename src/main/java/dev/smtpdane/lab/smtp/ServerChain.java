package dev.smtpdane.lab.smtp;

import dev.smtpdane.lab.pki.HeldCertificate;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain (sent exactly in this order, leaf first) and the private key the server
 * signs with: the leaf's, unless a scenario wants a server that does not hold it.
 */
record ServerChain(List<X509Certificate> chain, PrivateKey key) {
  ServerChain {
    chain = List.copyOf(chain);
    Objects.requireNonNull(key, "key");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a server chain needs at least a leaf certificate");
    }
  }

  /** {@code leaf}, then {@code issuers} in the order given, with the leaf's key. */
  static ServerChain of(HeldCertificate leaf, HeldCertificate... issuers) {
    List<X509Certificate> all = new ArrayList<>();
    all.add(leaf.certificate());
    for (HeldCertificate i : issuers) {
      all.add(i.certificate());
    }
    return new ServerChain(all, leaf.keyPair().getPrivate());
  }

  /** A self-signed certificate for {@code hostname}: what a server with no chain set sends. */
  static ServerChain selfSigned(String hostname) {
    HeldCertificate self = HeldCertificate.builder().commonName(hostname)
        .dnsNames(hostname).build();
    return new ServerChain(List.of(self.certificate()), self.keyPair().getPrivate());
  }

  /** Whether JSSE's requested key type (e.g. "EC", "RSA", "EdDSA") fits this key. */
  boolean fits(String keyType) {
    String alg = key.getAlgorithm();
    return keyType.equalsIgnoreCase(alg)
        || (keyType.equals("EdDSA") && alg.equals("Ed25519"))
        || (keyType.equals("Ed25519") && alg.equals("EdDSA"));
  }
}
