package dev.smtpdane.dane;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The English sentence for each {@link RecordResult}, for renderers that want one. {@link #of}
 * only dispatches; the sentences follow in three families: the record against the chain as a
 * whole, one certificate on the DANE-TA path, and the leaf's usages and names.
 */
final class RecordExplanation {
  private static final String TA_NOT_IN_CHAIN =
      "trust anchor not in the chain the server sent: no certificate above the leaf matches;"
          + " the server must send the CA certificate the record names";

  private RecordExplanation() {}

  static String of(RecordResult result) {
    return switch (result) {
      case RecordResult.Matched m -> matched(m);
      case RecordResult.DigestMismatch d -> mismatch(d.matchesOtherPosition());
      case RecordResult.TaNotInChain t -> TA_NOT_IN_CHAIN;
      case RecordResult.AnchorNotOnPath a -> notOnPath(a);
      case RecordResult.WeakerDigestIgnored w -> ignored(w);
      case RecordResult.Unusable u -> "unusable: " + u.detail();
      case RecordResult.SignatureBroken s -> signatureBroken(s);
      case RecordResult.WeakSignature w -> weakSignature(w);
      case RecordResult.NotCa n -> notCa(n);
      case RecordResult.Expired e -> expired(e);
      case RecordResult.NotYetValid n -> notYetValid(n);
      case RecordResult.UnhandledCriticalExtension u -> unhandledCritical(u);
      case RecordResult.CaEkuNotServerAuth c -> caEku(c);
      case RecordResult.EkuNotServerAuth e -> leafEku(e);
      case RecordResult.KeyUsageNotTlsServer k -> leafKeyUsage(k);
      case RecordResult.NsCertTypeNotServer n -> leafNsCertType(n);
      case RecordResult.NameConstraintViolation n -> nameConstraint(n);
      case RecordResult.NameMismatch n -> nameMismatch(n);
    };
  }

  // --- The record against the chain as a whole.

  private static String matched(RecordResult.Matched m) {
    if (m.referenceName() == null) {
      return "matches the server certificate";
    }
    String anchor =
        m.anchorFromRecord()
            ? "the record's own key signed the certificate at position " + m.chainPosition()
            : "trust anchor at position " + m.chainPosition();
    String path = m.path().stream().map(String::valueOf).collect(Collectors.joining(" -> "));
    return "matches (" + anchor + "; path " + path + "); name " + m.referenceName()
        + " matched " + m.presentedName();
  }

  private static String mismatch(OptionalInt other) {
    if (other.isEmpty()) {
      return "matches no certificate the server sent";
    }
    return other.getAsInt() == 0
        ? "matches only the leaf certificate, which cannot be a trust anchor: publish it with"
            + " usage 3 (DANE-EE)"
        : "matches the certificate at position " + other.getAsInt()
            + ", but DANE-EE matches only the leaf; for a CA use usage 2 (DANE-TA)";
  }

  private static String notOnPath(RecordResult.AnchorNotOnPath a) {
    return "matches the certificate at position " + a.anchorPosition()
        + ", but that certificate did not issue the leaf or its issuers";
  }

  private static String ignored(RecordResult.WeakerDigestIgnored w) {
    String base = "ignored: a stronger digest of the same usage and selector is published"
        + " (RFC 7671 §9)";
    return w.wouldHaveMatched()
        ? base + "; this record would match, the stronger one does not, so agility-aware"
            + " senders such as Postfix fail"
        : base;
  }

  // --- One certificate on the DANE-TA path, the anchor included.

  private static String signatureBroken(RecordResult.SignatureBroken s) {
    return "the signature on the certificate at position " + s.position()
        + " does not verify with its issuer's key";
  }

  private static String weakSignature(RecordResult.WeakSignature w) {
    return "the certificate at position " + w.position() + " is signed with " + w.algorithm()
        + ", which DANE senders reject as too weak";
  }

  private static String notCa(RecordResult.NotCa n) {
    return where(n.position()) + " may not issue certificates ("
        + n.problem().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"
        + recordAdvice(n.position(), "publish the 2 0 0 record of the CA certificate"
            + " that issued the chain (basicConstraints CA:TRUE, keyCertSign)");
  }

  private static String expired(RecordResult.Expired e) {
    return where(e.position()) + " expired at " + e.notAfter()
        + recordAdvice(e.position(), "renew the CA certificate and publish the new one"
            + " in the 2 0 0 record, or have the server send it and publish 2 1 1 for"
            + " its key");
  }

  private static String notYetValid(RecordResult.NotYetValid n) {
    return where(n.position()) + " is not valid until " + n.notBefore()
        + recordAdvice(n.position(), "keep the record of the CA certificate valid now"
            + " published until then");
  }

  private static String unhandledCritical(RecordResult.UnhandledCriticalExtension u) {
    return where(u.position()) + " has critical extension " + u.oid() + ", which DANE"
        + " verifiers cannot process and must reject (RFC 5280 §4.2)";
  }

  private static String caEku(RecordResult.CaEkuNotServerAuth c) {
    String fix = c.position() == RecordResult.RECORD_CERTIFICATE
        ? "re-issue that CA certificate without extendedKeyUsage (or with serverAuth in it) and"
            + " publish the new one in the 2 0 0 record"
        : "re-issue that CA certificate without extendedKeyUsage (or with serverAuth in it)";
    return where(c.position()) + " has an extended key usage that allows only "
        + KeyPurpose.describe(c.purposes()) + ", not serverAuth: OpenSSL-based senders"
        + " (Postfix, Exim) require every CA on the chain, the trust anchor included, to allow"
        + " it; " + fix + ", or publish 3 1 1 for the server's key";
  }

  private static String where(int position) {
    return position == RecordResult.RECORD_CERTIFICATE
        ? "the trust anchor certificate in the 2 0 0 record"
        : "the certificate at position " + position;
  }

  /**
   * What to do about the certificate a {@code 2 0 0} record carries, which the chain listing
   * does not show; the server's own certificates have their fix in the finding's page.
   */
  private static String recordAdvice(int position, String advice) {
    return position == RecordResult.RECORD_CERTIFICATE ? "; " + advice : "";
  }

  // --- The leaf: what it may be used for, and its names.

  private static String leafEku(RecordResult.EkuNotServerAuth e) {
    return "the server certificate's extended key usage allows only "
        + KeyPurpose.describe(e.purposes()) + ", not serverAuth";
  }

  private static String leafKeyUsage(RecordResult.KeyUsageNotTlsServer k) {
    return "the server certificate's key usage " + k.usages() + " allows none of"
        + " digitalSignature, keyEncipherment, keyAgreement, so it cannot serve TLS";
  }

  private static String leafNsCertType(RecordResult.NsCertTypeNotServer n) {
    String types = n.types().isEmpty()
        ? "nothing (the extension is empty or cannot be read)" : String.join(", ", n.types());
    return "the server certificate's Netscape cert type (nsCertType) allows only " + types
        + ", not sslServer: OpenSSL-based senders (Postfix, Exim) refuse it under DANE-TA;"
        + " re-issue it without nsCertType (or with sslServer), or publish 3 1 1 for its key";
  }

  private static String nameConstraint(RecordResult.NameConstraintViolation n) {
    return "the server certificate name " + n.name() + " breaks the name constraints of "
        + where(n.position()) + " (" + n.constraint() + ")";
  }

  private static String nameMismatch(RecordResult.NameMismatch n) {
    if (n.namesInCert().isEmpty()) {
      return "the server certificate presents no name to match " + n.namesTried()
          + " (its subjectAltName cannot be read, or it has neither DNS names nor a CN):"
          + " reissue it with the host names as DNS subjectAltNames";
    }
    return "the server certificate names " + n.namesInCert() + " match none of "
        + n.namesTried();
  }
}
