package dev.smtpdane.lab.ocsp;

import dev.smtpdane.lab.pki.HeldCertificate;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes DER OCSP responses (RFC 6960 §4.2) for tests and the lab: good, revoked or unknown, with
 * chosen thisUpdate/nextUpdate, signed by the issuer, a delegated responder, or any wrong key.
 * Defaults: good, thisUpdate an hour ago, nextUpdate in seven days, no embedded certificates.
 *
 * <pre>{@code
 * byte[] der = OcspResponseBuilder.signedBy(issuer).revoked(when, 1)
 *     .build(leaf, issuer.certificate());
 * }</pre>
 *
 * <p>Mutable and not thread-safe while being configured; the tests' {@code LabOcspResponder}
 * only reads it.
 */
public final class OcspResponseBuilder {
  /** RFC 6960 §4.2.1 responseStatus values, for {@link #errorStatus(int)}. */
  public static final int TRY_LATER = OCSPRespBuilder.TRY_LATER;

  public static final int UNAUTHORIZED = OCSPRespBuilder.UNAUTHORIZED;

  private final HeldCertificate signer;
  private CertificateStatus status = CertificateStatus.GOOD;
  private Instant thisUpdate = Instant.now().minus(Duration.ofHours(1));
  private Instant nextUpdate = Instant.now().plus(Duration.ofDays(7));
  private final List<X509Certificate> embedded = new ArrayList<>();
  private int errorStatus = OCSPRespBuilder.SUCCESSFUL;

  private OcspResponseBuilder(HeldCertificate signer) {
    this.signer = signer;
  }

  /**
   * Responses signed with {@code signer}'s key and naming it as responder (by name): the issuer
   * of the certificate asked about, a delegated responder (add its certificate with {@link
   * #embed}), or an unrelated key for a forgery.
   */
  public static OcspResponseBuilder signedBy(HeldCertificate signer) {
    return new OcspResponseBuilder(signer);
  }

  public OcspResponseBuilder good() {
    this.status = CertificateStatus.GOOD;
    return this;
  }

  /** Revoked at {@code when} with a CRLReason code (RFC 5280 §5.3.1; 1 = keyCompromise). */
  public OcspResponseBuilder revoked(Instant when, int reason) {
    this.status = new RevokedStatus(Date.from(when), reason);
    return this;
  }

  public OcspResponseBuilder unknown() {
    this.status = new UnknownStatus();
    return this;
  }

  public OcspResponseBuilder thisUpdate(Instant when) {
    this.thisUpdate = when;
    return this;
  }

  /** The nextUpdate; null leaves it out (RFC 6960 §2.4: newer information always available). */
  public OcspResponseBuilder nextUpdate(Instant when) {
    this.nextUpdate = when;
    return this;
  }

  /** Adds a certificate to the response's certs field, e.g. a delegated responder's. */
  public OcspResponseBuilder embed(X509Certificate certificate) {
    embedded.add(certificate);
    return this;
  }

  /** Makes an error response with this responseStatus and no body (e.g. {@link #TRY_LATER}). */
  public OcspResponseBuilder errorStatus(int status) {
    this.errorStatus = status;
    return this;
  }

  /** The DER response about {@code subject}, whose issuer is {@code issuer} (SHA-1 CertID). */
  public byte[] build(X509Certificate subject, X509Certificate issuer) {
    try {
      return build(new CertificateID(
          new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
          new JcaX509CertificateHolder(issuer), subject.getSerialNumber()));
    } catch (OperatorCreationException | OCSPException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a CertID for " + subject, e);
    }
  }

  /** The DER response about exactly this CertID (a responder echoes the request's). */
  byte[] build(CertificateID id) {
    try {
      OCSPRespBuilder outer = new OCSPRespBuilder();
      if (errorStatus != OCSPRespBuilder.SUCCESSFUL) {
        return outer.build(errorStatus, null).getEncoded();
      }
      X500Name name = X500Name.getInstance(
          signer.certificate().getSubjectX500Principal().getEncoded());
      BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(name));
      b.addResponse(id, status, Date.from(thisUpdate),
          nextUpdate == null ? null : Date.from(nextUpdate), null);
      List<X509CertificateHolder> certs = new ArrayList<>();
      for (X509Certificate c : embedded) {
        certs.add(new JcaX509CertificateHolder(c));
      }
      String alg = switch (signer.keyPair().getPrivate().getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC" -> "SHA256withECDSA";
        default -> "Ed25519";
      };
      BasicOCSPResp basic = b.build(new JcaContentSignerBuilder(alg)
              .build(signer.keyPair().getPrivate()),
          certs.toArray(X509CertificateHolder[]::new), Date.from(thisUpdate));
      return outer.build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (OperatorCreationException | OCSPException | GeneralSecurityException
        | IOException e) {
      throw new IllegalStateException("cannot make an OCSP response", e);
    }
  }
}
