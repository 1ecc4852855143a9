package dev.smtpdane.health;

import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Judges the OCSP response(s) a server stapled (RFC 6066 §8 on TLS 1.2, RFC 8446 §4.4.2.1 on
 * TLS 1.3) for the leaf certificate, and turns the result into a finding.
 *
 * <p>DANE does not need OCSP (RFC 7672 §3: the TLSA records are the trust; §4: no OCSP support
 * is expected of SMTP clients), so a staple is information unless the user asked for it with
 * {@code -expect-ocsp}; a revoked leaf is always an error, because the certificate's owner has
 * said not to trust its key.
 *
 * <p>This class touches no Bouncy Castle class: parsing happens in a class loaded only when a
 * staple exists, so a run that sees none never loads Bouncy Castle's OCSP classes.
 */
public final class OcspCheck {
  private OcspCheck() {}

  /**
   * Decides what the staples say about the leaf ({@code presentedChain.get(0)}). In order: no
   * staple is {@link OcspResult.Missing}; a staple about the leaf (matching CertID: serial and,
   * when the issuer was sent, issuer name and key hashes) is chosen, and without one the result
   * is {@link OcspResult.Unparsable}, {@link OcspResult.ErrorResponse} or {@link
   * OcspResult.WrongCertificate}; then a leaf whose issuer was not sent is {@link
   * OcspResult.Unverifiable}; then the signer must be the issuer or a delegated responder it
   * issued with the OCSP-signing key usage ({@link OcspResult.BadSignature}); then a revoked
   * status wins; then freshness ({@link OcspResult.NotYetValid}, {@link OcspResult.Stale}, with
   * five minutes' tolerance for clock skew); then unknown or good.
   *
   * @param staples DER OCSP responses with empty entries already dropped; on TLS 1.3 there may
   *     be one per chain certificate, so the one about the leaf is looked for
   * @param presentedChain the chain as the server sent it, leaf first
   * @param now the time to judge freshness against
   */
  public static OcspResult check(
      List<byte[]> staples, List<X509Certificate> presentedChain, Instant now) {
    if (staples.isEmpty()) {
      return new OcspResult.Missing();
    }
    if (presentedChain.isEmpty()) {
      return new OcspResult.Unverifiable("the server presented no certificate to check it for",
          Optional.empty());
    }
    return StapledResponse.check(staples, presentedChain, issuerOf(presentedChain), now);
  }

  /**
   * The certificate in the chain that issued the leaf: its subject is the leaf's issuer name,
   * preferring one whose key verifies the leaf's signature. A self-signed leaf is its own issuer.
   * The chain is searched in any order, because servers send sloppy chains.
   */
  static Optional<X509Certificate> issuerOf(List<X509Certificate> chain) {
    X509Certificate leaf = chain.get(0);
    List<X509Certificate> named = chain.stream()
        .filter(c -> c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()))
        .filter(c -> c != leaf || signs(leaf, leaf))
        .toList();
    return named.stream().filter(c -> signs(c, leaf)).findFirst()
        .or(() -> named.stream().findFirst());
  }

  private static boolean signs(X509Certificate issuer, X509Certificate subject) {
    try {
      subject.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The finding for {@code result}: with {@code expectOcsp}, anything but a good response is an
   * error; without it, a revoked leaf is an error and everything else is information (shown
   * with {@code -show-cert-info}).
   */
  public static Finding finding(OcspResult result, boolean expectOcsp) {
    Severity problem = expectOcsp ? Severity.ERROR : Severity.INFO;
    return switch (result) {
      case OcspResult.Missing m -> new Finding(problem, FindingCode.OCSP_MISSING, expectOcsp
          ? "the server stapled no OCSP response, and -expect-ocsp requires one: enable OCSP"
              + " stapling on the server, or drop -expect-ocsp (DANE does not need OCSP)"
          : "the server stapled no OCSP response (not needed for DANE)");
      case OcspResult.Unparsable u -> new Finding(problem, FindingCode.OCSP_UNPARSABLE,
          "the stapled OCSP response cannot be parsed: " + u.reason());
      case OcspResult.ErrorResponse e -> new Finding(problem, FindingCode.OCSP_ERROR_RESPONSE,
          "the server stapled an OCSP error response (" + e.status() + ") instead of a"
              + " certificate status: its responder did not answer properly");
      // An unchecked "revoked" is still worth a warning: the server's own responder said so.
      case OcspResult.Unverifiable u -> new Finding(u.claimedStatus().equals(
          Optional.of("revoked")) ? problem.max(Severity.WARNING) : problem,
          FindingCode.OCSP_UNVERIFIABLE, "the stapled OCSP response cannot be verified: "
              + u.reason() + u.claimedStatus().map(c -> " (unverified, it says: " + c + ")")
                  .orElse(""));
      case OcspResult.BadSignature b -> new Finding(problem, FindingCode.OCSP_BAD_SIGNATURE,
          "the stapled OCSP response is not signed by an authorised responder: " + b.reason());
      case OcspResult.WrongCertificate w -> new Finding(problem,
          FindingCode.OCSP_WRONG_CERTIFICATE, wrongCertificate(w));
      case OcspResult.Stale s -> new Finding(problem, FindingCode.OCSP_STALE,
          "the stapled OCSP response is stale: its nextUpdate " + s.nextUpdate() + " has passed"
              + " (thisUpdate " + s.thisUpdate() + "); the server keeps stapling an old"
              + " response, check that it can reach its OCSP responder");
      case OcspResult.NotYetValid n -> new Finding(problem, FindingCode.OCSP_NOT_YET_VALID,
          "the stapled OCSP response is not yet valid: thisUpdate " + n.thisUpdate()
              + " is in the future; the responder's or this machine's clock is wrong");
      case OcspResult.Revoked r -> Finding.error(FindingCode.OCSP_REVOKED,
          "the leaf certificate is REVOKED since " + r.revocationTime()
              + r.reason().map(x -> " (" + x + ")").orElse("") + ", per " + r.responder()
              + ": replace the certificate and key, and publish TLSA records for the new one");
      case OcspResult.Unknown u -> new Finding(problem, FindingCode.OCSP_UNKNOWN,
          "the OCSP responder (" + u.responder() + ") does not know the leaf certificate"
              + " (status unknown, thisUpdate " + u.thisUpdate() + ")");
      case OcspResult.Good g -> new Finding(expectOcsp ? Severity.OK : Severity.INFO,
          FindingCode.OCSP_GOOD, "stapled OCSP response: good, signed by " + g.responder()
              + ", thisUpdate " + g.thisUpdate()
              + g.nextUpdate().map(n -> ", nextUpdate " + n).orElse(", no nextUpdate"));
    };
  }

  private static String wrongCertificate(OcspResult.WrongCertificate w) {
    String about =
        "the stapled OCSP response is about serial " + String.join(", ", w.coveredSerials());
    return w.coveredSerials().contains(w.leafSerial())
        ? about + " issued by another CA, not about this leaf (same serial, different issuer)"
        : about + ", not about the leaf (serial " + w.leafSerial() + "): the server staples a"
            + " response for another certificate, perhaps one from before a renewal";
  }
}
