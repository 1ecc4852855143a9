package dev.smtpdane.lab.smtp;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** A certificate chain (sent exactly in this order, leaf first) and the leaf's private key. */
record ServerChain(List<X509Certificate> chain, PrivateKey key) {
  ServerChain {
    chain = List.copyOf(chain);
    Objects.requireNonNull(key, "key");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a server chain needs at least a leaf certificate");
    }
  }

  /** Whether JSSE's requested key type (e.g. "EC", "RSA", "EdDSA") fits this key. */
  boolean fits(String keyType) {
    String alg = key.getAlgorithm();
    return keyType.equalsIgnoreCase(alg)
        || (keyType.equals("EdDSA") && alg.equals("Ed25519"))
        || (keyType.equals("Ed25519") && alg.equals("EdDSA"));
  }
}
