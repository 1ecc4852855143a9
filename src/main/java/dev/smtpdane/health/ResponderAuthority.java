package dev.smtpdane.health;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Decides whether an OCSP response was signed by someone entitled to speak for the leaf (RFC
 * 6960 §4.2.2.2): the CA that issued the leaf, or a delegated responder whose certificate that
 * CA issued with the id-kp-OCSPSigning extended key usage. Bouncy Castle side; see {@link
 * OcspCheck}.
 */
final class ResponderAuthority {
  private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

  private ResponderAuthority() {}

  /**
   * Who signed, or why the signer is not entitled.
   *
   * @param responder a description of the signer, e.g. {@code the issuer CN=Lab CA}
   * @param problem present when the signature cannot be trusted
   */
  record Decision(String responder, Optional<String> problem) {
    static Decision ok(String responder) {
      return new Decision(responder, Optional.empty());
    }

    static Decision bad(String problem) {
      return new Decision("", Optional.of(problem));
    }
  }

  static Decision decide(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
    if (verifies(basic, issuer.getPublicKey())) {
      return Decision.ok("the issuer " + name(issuer));
    }
    for (X509CertificateHolder holder : basic.getCerts()) {
      Optional<X509Certificate> embedded = convert(holder);
      if (embedded.isEmpty() || !verifies(basic, embedded.get().getPublicKey())) {
        continue;
      }
      return delegated(embedded.get(), issuer, now);
    }
    return Decision.bad("it is signed neither by the leaf's issuer (" + name(issuer) + ") nor by"
        + " a delegated responder certificate included in the response");
  }

  /** The response verifies with this embedded certificate's key: is the certificate entitled? */
  private static Decision delegated(X509Certificate responder, X509Certificate issuer,
      Instant now) {
    String who = "delegated responder " + name(responder);
    if (!responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
        || !issuedBy(responder, issuer)) {
      return Decision.bad("it is signed by " + who + ", whose certificate the leaf's issuer ("
          + name(issuer) + ") did not issue");
    }
    if (!ocspSigning(responder)) {
      return Decision.bad("it is signed by " + who + ", whose certificate lacks the"
          + " OCSP-signing extended key usage (RFC 6960 §4.2.2.2)");
    }
    if (now.isBefore(responder.getNotBefore().toInstant())
        || now.isAfter(responder.getNotAfter().toInstant())) {
      return Decision.bad("it is signed by " + who + ", whose certificate is valid only from "
          + responder.getNotBefore().toInstant() + " to " + responder.getNotAfter().toInstant());
    }
    return Decision.ok(who + " (issued by " + name(issuer) + ")");
  }

  private static boolean verifies(BasicOCSPResp basic, PublicKey key) {
    try {
      return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
    } catch (Exception e) { // an unsupported algorithm or a malformed key: not verified
      return false;
    }
  }

  private static boolean issuedBy(X509Certificate subject, X509Certificate issuer) {
    try {
      subject.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean ocspSigning(X509Certificate c) {
    try {
      List<String> eku = c.getExtendedKeyUsage();
      return eku != null && eku.contains(OCSP_SIGNING);
    } catch (CertificateParsingException e) {
      return false;
    }
  }

  private static Optional<X509Certificate> convert(X509CertificateHolder holder) {
    try {
      return Optional.of(new JcaX509CertificateConverter().getCertificate(holder));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static String name(X509Certificate c) {
    return c.getSubjectX500Principal().getName();
  }
}
