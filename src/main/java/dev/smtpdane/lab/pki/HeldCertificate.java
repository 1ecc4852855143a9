package dev.smtpdane.lab.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A certificate together with its private key, as the lab's CAs and servers hold them. */
public record HeldCertificate(X509Certificate certificate, KeyPair keyPair) {

  /** Starts a builder for a new certificate. */
  public static CertificateBuilder builder() {
    return new CertificateBuilder();
  }
}
