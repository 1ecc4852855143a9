package dev.smtpdane.health;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The Bouncy Castle side of {@link OcspCheck}: parses the staples, picks the response about the
 * leaf, and judges it. Loaded only when a server stapled something (see {@link OcspCheck}).
 */
final class StapledResponse {
  // OpenSSL's OCSP_check_validity allows five minutes of skew (its default nsec); so do we.
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final String[] STATUS = {"successful", "malformedRequest", "internalError",
      "tryLater", "(unused)", "sigRequired", "unauthorized"};

  private StapledResponse() {}

  /** A parsed staple: the basic response, or why there is none. */
  private record Parsed(BasicOCSPResp basic, OcspResult failure) {}

  /** A single response about the leaf, and the basic response that carries it. */
  private record AboutLeaf(BasicOCSPResp basic, SingleResp single) {}

  static OcspResult check(List<byte[]> staples, List<X509Certificate> chain,
      Optional<X509Certificate> issuer, Instant now) {
    X509Certificate leaf = chain.get(0);
    List<Parsed> parsed = staples.stream().map(StapledResponse::parse).toList();
    Optional<AboutLeaf> about = aboutLeaf(parsed, leaf, issuer);
    if (about.isEmpty()) {
      return noneAboutLeaf(parsed, leaf);
    }
    if (issuer.isEmpty()) {
      return new OcspResult.Unverifiable(missingIssuer(chain),
          Optional.of(claimed(about.get().single().getCertStatus())));
    }
    ResponderAuthority.Decision signer = ResponderAuthority.decide(about.get().basic(),
        issuer.get(), now);
    if (signer.problem().isPresent()) {
      return new OcspResult.BadSignature(signer.problem().get());
    }
    return judge(about.get().single(), signer.responder(), now);
  }

  private static Parsed parse(byte[] der) {
    try {
      OCSPResp resp = new OCSPResp(der);
      if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
        return new Parsed(null, new OcspResult.ErrorResponse(statusName(resp.getStatus())));
      }
      if (resp.getResponseObject() instanceof BasicOCSPResp basic) {
        return new Parsed(basic, null);
      }
      return new Parsed(null, new OcspResult.Unparsable("not a basic OCSP response"
          + " (RFC 6960 §4.2.1 id-pkix-ocsp-basic)"));
    } catch (Exception e) { // hostile bytes: any parser failure is an outcome, never a crash
      return new Parsed(null, new OcspResult.Unparsable(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  private static String statusName(int status) {
    String name = status >= 0 && status < STATUS.length ? STATUS[status] : "unassigned";
    return name + " (" + status + ")";
  }

  private static Optional<AboutLeaf> aboutLeaf(List<Parsed> parsed, X509Certificate leaf,
      Optional<X509Certificate> issuer) {
    for (Parsed p : parsed) {
      if (p.basic() == null) {
        continue;
      }
      for (SingleResp s : p.basic().getResponses()) {
        if (s.getCertID().getSerialNumber().equals(leaf.getSerialNumber())
            && (issuer.isEmpty() || sameIssuer(s, issuer.get()))) {
          return Optional.of(new AboutLeaf(p.basic(), s));
        }
      }
    }
    return Optional.empty();
  }

  // RFC 6960 §4.1.1: a CertID names the issuer by hashes of its name and key, in the
  // response's own hash algorithm (SHA-1 usually, SHA-256 sometimes).
  private static boolean sameIssuer(SingleResp s, X509Certificate issuer) {
    try {
      return s.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer),
          new JcaDigestCalculatorProviderBuilder().build());
    } catch (Exception e) {
      return false; // an unknown hash algorithm or an unreadable issuer: not a match
    }
  }

  private static OcspResult noneAboutLeaf(List<Parsed> parsed, X509Certificate leaf) {
    List<String> serials = new ArrayList<>();
    OcspResult failure = null;
    for (Parsed p : parsed) {
      if (p.basic() == null) {
        failure = failure instanceof OcspResult.ErrorResponse ? failure : p.failure();
        continue;
      }
      for (SingleResp s : p.basic().getResponses()) {
        serials.add(Hex.serial(s.getCertID().getSerialNumber()));
      }
    }
    return serials.isEmpty() && failure != null ? failure
        : new OcspResult.WrongCertificate(serials, Hex.serial(leaf.getSerialNumber()));
  }

  private static String missingIssuer(List<X509Certificate> chain) {
    String issuer = chain.get(0).getIssuerX500Principal().getName();
    return chain.size() == 1
        ? "the server sent only its leaf, so the issuer (" + issuer + ") that vouches for the"
            + " response is not available: a DANE-EE server that sends only its leaf cannot"
            + " have its staple checked; send the issuing CA certificate after the leaf"
        : "the leaf's issuer (" + issuer + ") is not in the presented chain, so the response's"
            + " signature cannot be checked; send the issuing CA certificate after the leaf";
  }

  private static String claimed(Object status) {
    return status == null ? "good" : status instanceof RevokedStatus ? "revoked" : "unknown";
  }

  private static OcspResult judge(SingleResp single, String responder, Instant now) {
    Instant thisUpdate = single.getThisUpdate().toInstant();
    Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate())
        .map(java.util.Date::toInstant);
    Object status = single.getCertStatus();
    if (status instanceof RevokedStatus r) {
      // Revocation is final (bar certificateHold), so even an old response stands.
      Optional<String> reason = r.hasRevocationReason()
          ? Optional.of(reasonName(r.getRevocationReason())) : Optional.empty();
      return new OcspResult.Revoked(r.getRevocationTime().toInstant(), reason, responder);
    }
    if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
      return new OcspResult.NotYetValid(thisUpdate);
    }
    if (nextUpdate.isPresent() && nextUpdate.get().plus(CLOCK_SKEW).isBefore(now)) {
      return new OcspResult.Stale(thisUpdate, nextUpdate.get());
    }
    if (status == null) { // Bouncy Castle: CertificateStatus.GOOD is null
      return new OcspResult.Good(thisUpdate, nextUpdate, responder);
    }
    // UnknownStatus, or a status this library does not model: not good either way.
    return new OcspResult.Unknown(thisUpdate, responder + (status instanceof UnknownStatus ? ""
        : ", with an unrecognised status"));
  }

  // RFC 5280 §5.3.1 CRLReason names; 7 is unused.
  private static final String[] REASONS = {"unspecified", "keyCompromise", "cACompromise",
      "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold", "7",
      "removeFromCRL", "privilegeWithdrawn", "aACompromise"};

  private static String reasonName(int reason) {
    return reason >= 0 && reason < REASONS.length ? REASONS[reason] : "reason " + reason;
  }
}
