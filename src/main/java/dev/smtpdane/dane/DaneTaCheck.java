package dev.smtpdane.dane;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides one DANE-TA(2) record against the presented chain (RFC 7672 §3.1.2, RFC 7671 §5.2;
 * dane-rules.md §5). The trust anchor is either a certificate on the leaf's issuer path that
 * matches the record, or the key or certificate carried whole in a {@code 2 1 0} / {@code 2 0
 * 0} record, which must then have signed a certificate on that path. Never a local CA store.
 *
 * <p>From the leaf up to the anchor, in this order, the first problem found is the outcome:
 * signatures (and their strength), CA flags, critical extensions, validity dates, the extended
 * key usage of every certificate (leaf first), the leaf's key usage and Netscape cert type, the
 * CAs' name constraints on the leaf's names, the leaf's names. A certificate carried in a
 * {@code 2 0 0} record counts for the CA flags, critical extensions, dates, extended key usage
 * and name constraints, as in OpenSSL, which puts that certificate on the path it builds
 * ({@link #anchoredByRecord}); like any anchor's, its self-signature is not checked.
 */
final class DaneTaCheck {
  private final PresentedChain chain;
  private final ServiceIdentity identity;
  private final Instant now;

  DaneTaCheck(PresentedChain chain, ServiceIdentity identity, Instant now) {
    this.chain = chain;
    this.identity = identity;
    this.now = now;
  }

  /**
   * A presented certificate on an issuer path that matches is the anchor; the first such path
   * that validates wins, else the failure on the best path is reported. Only when no presented
   * certificate matches may a Full(0) record's own key anchor the path: a presented anchor
   * certificate, dates included, is never bypassed by its bare key (the stricter reading).
   */
  RecordResult check(TlsaRecord record) {
    RecordResult firstFailure = null;
    for (List<Integer> path : chain.issuerPaths()) {
      for (int i = 1; i < path.size(); i++) {
        if (chain.content(path.get(i)).matches(record)) {
          RecordResult r = validate(path, i, null, Optional.empty());
          if (r.matched()) {
            return r;
          }
          firstFailure = firstFailure == null ? r : firstFailure;
        }
      }
    }
    if (firstFailure != null) {
      return firstFailure;
    }
    for (int p = 1; p < chain.size(); p++) {
      if (!chain.onIssuerPath(p) && chain.content(p).matches(record)) {
        return new RecordResult.AnchorNotOnPath(p);
      }
    }
    return anchoredByRecord(record).orElseGet(() -> notAnchored(record));
  }

  private RecordResult notAnchored(TlsaRecord record) {
    if (chain.size() > 0 && chain.content(0).matches(record)) {
      // dane-rules.md §5: the anchor is a certificate above the leaf.
      return new RecordResult.DigestMismatch(OptionalInt.of(0));
    }
    return new RecordResult.TaNotInChain();
  }

  /**
   * RFC 7671 §5.2.2 ({@code 2 0 0}), §5.2.3 ({@code 2 1 0}): a Full(0) DANE-TA record carries
   * the anchor itself, so the server need not send it; the highest path certificate its key
   * signed anchors the path. For {@code 2 0
   * 0} the certificate must also be that certificate's issuer by name; a {@code 2 1 0} key has
   * no name.
   *
   * <p>Decision: the certificate of a {@code 2 0 0} record is judged like a trust anchor the
   * server sent: its CA flag ({@link #caFlags}) and its validity dates ({@link #dates}) count.
   * OpenSSL, which Postfix and Exim use, does so: ssl/ssl_lib.c {@code dane_tlsa_add} keeps
   * the certificate in {@code dane->certs}, crypto/x509/x509_vfy.c {@code build_chain} adds
   * those to the untrusted issuers, {@code check_dane_issuer} makes the one that issued the
   * top certificate sent the top of the chain, {@code check_extensions} then requires {@code
   * X509_check_ca} of it, and {@code internal_verify} checks its dates ("do also for trust
   * anchor cert") when it is self-issued, as a root is. A {@code 2 1 0} key has no dates
   * ({@code check_dane_pkeys}, {@code bare_ta_signed}): only the certificate it signed is
   * checked, as every path certificate is.
   */
  private Optional<RecordResult> anchoredByRecord(TlsaRecord record) {
    Optional<PublicKey> key = FullAssociationData.anchorKey(record);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<X509Certificate> anchorCert =
        record.selector() == Selector.CERT.value()
            ? FullAssociationData.certificate(record.data())
            : Optional.empty();
    Map<Integer, SignatureStatus> checked = new HashMap<>(); // positions shared by paths
    RecordResult firstFailure = null;
    for (List<Integer> path : chain.issuerPaths()) {
      for (int i = path.size() - 1; i >= 0; i--) {
        X509Certificate signed = chain.cert(path.get(i));
        if (anchorCert.isPresent() && !signed.getIssuerX500Principal()
            .equals(anchorCert.get().getSubjectX500Principal())) {
          continue;
        }
        SignatureStatus status =
            checked.computeIfAbsent(path.get(i), p -> SignatureCheck.check(signed, key.get()));
        if (status != SignatureStatus.BROKEN) {
          RecordResult r = validate(path, i, status, anchorCert);
          if (r.matched()) {
            return Optional.of(r);
          }
          firstFailure = firstFailure == null ? r : firstFailure;
        }
      }
    }
    return Optional.ofNullable(firstFailure);
  }

  /**
   * Validates {@code fullPath} from the leaf to index {@code top}: the anchor itself, or, when
   * {@code byRecordKey} is given, the certificate the record's key signed with that status
   * ({@code recordCert} is then the certificate a {@code 2 0 0} record carries, if it does).
   */
  private RecordResult validate(List<Integer> fullPath, int top, SignatureStatus byRecordKey,
      Optional<X509Certificate> recordCert) {
    List<Integer> path = fullPath.subList(0, top + 1);
    X509Certificate leaf = chain.cert(0);
    Optional<RecordResult> problem =
        signatures(path, byRecordKey)
            .or(() -> caFlags(path, recordCert))
            .or(() -> criticalExtensions(path, recordCert))
            .or(() -> dates(path, recordCert))
            .or(() -> extendedKeyUsages(path, recordCert))
            .or(() -> PathChecks.keyUsage(leaf))
            .or(() -> NetscapeCertType.leafProblem(leaf))
            .or(() -> nameConstraints(path, recordCert));
    if (problem.isPresent()) {
      return problem.get();
    }
    return identity
        .match(leaf)
        .<RecordResult>map(m -> new RecordResult.Matched(
            path, byRecordKey != null, m.referenceName(), m.presentedName()))
        .orElseGet(() -> new RecordResult.NameMismatch(
            identity.referenceNames(), ServiceIdentity.presentedNames(leaf)));
  }

  private Optional<RecordResult> signatures(List<Integer> path, SignatureStatus byRecordKey) {
    for (int k = 0; k + 1 < path.size(); k++) {
      SignatureStatus status = chain.signedBy(path.get(k), path.get(k + 1));
      Optional<RecordResult> p = signature(path.get(k), status);
      if (p.isPresent()) {
        return p;
      }
    }
    return byRecordKey == null
        ? Optional.empty()
        : signature(path.get(path.size() - 1), byRecordKey);
  }

  private Optional<RecordResult> signature(int position, SignatureStatus status) {
    return switch (status) {
      case VALID -> Optional.empty();
      case BROKEN -> Optional.of(new RecordResult.SignatureBroken(position));
      case WEAK -> Optional.of(
          new RecordResult.WeakSignature(position, chain.cert(position).getSigAlgName()));
    };
  }

  /**
   * RFC 5280 §6.1.4 (k), (l), (n): every issuer on the path is a CA within its path length,
   * the trust anchor included, and so is the certificate of a {@code 2 0 0} record above it:
   * OpenSSL's {@code check_extensions} requires {@code X509_check_ca} of every certificate above
   * the leaf, the top one too, which alone may lack basicConstraints ({@link
   * PathChecks#caProblem}).
   */
  private Optional<RecordResult> caFlags(
      List<Integer> path, Optional<X509Certificate> recordCert) {
    int intermediatesBelow = 0;
    for (int k = 1; k < path.size(); k++) {
      X509Certificate cert = chain.cert(path.get(k));
      boolean top = k == path.size() - 1 && recordCert.isEmpty();
      Optional<RecordResult.CaProblem> problem =
          PathChecks.caProblem(cert, intermediatesBelow, top);
      if (problem.isPresent()) {
        return Optional.of(new RecordResult.NotCa(path.get(k), problem.get()));
      }
      intermediatesBelow += PresentedChain.selfIssued(cert) ? 0 : 1;
    }
    int below = intermediatesBelow;
    return recordCert.flatMap(c -> PathChecks.caProblem(c, below, true))
        .map(p -> new RecordResult.NotCa(RecordResult.RECORD_CERTIFICATE, p));
  }

  /**
   * RFC 5280 §4.2: no certificate from the leaf to the anchor has a critical extension this
   * check does not process ({@link PathChecks#unhandledCriticalExtension}).
   */
  private Optional<RecordResult> criticalExtensions(
      List<Integer> path, Optional<X509Certificate> recordCert) {
    for (int position : path) {
      Optional<String> oid = PathChecks.unhandledCriticalExtension(chain.cert(position));
      if (oid.isPresent()) {
        return Optional.of(new RecordResult.UnhandledCriticalExtension(position, oid.get()));
      }
    }
    return recordCert.flatMap(PathChecks::unhandledCriticalExtension).map(oid ->
        new RecordResult.UnhandledCriticalExtension(RecordResult.RECORD_CERTIFICATE, oid));
  }

  /**
   * The leaf's extended key usage ({@link PathChecks#extendedKeyUsage}), then that of every CA
   * above it up to the anchor, and of the certificate a {@code 2 0 0} record carries ({@link
   * PathChecks#caExtendedKeyUsage}): OpenSSL checks the TLS-server purpose of every certificate
   * on the chain it builds, from the leaf up, and Postfix and Exim verify DANE-TA with it.
   */
  private Optional<RecordResult> extendedKeyUsages(
      List<Integer> path, Optional<X509Certificate> recordCert) {
    Optional<RecordResult> problem = PathChecks.extendedKeyUsage(chain.cert(0));
    for (int k = 1; k < path.size() && problem.isEmpty(); k++) {
      problem = PathChecks.caExtendedKeyUsage(chain.cert(path.get(k)), path.get(k));
    }
    return problem.or(() -> recordCert.flatMap(c ->
        PathChecks.caExtendedKeyUsage(c, RecordResult.RECORD_CERTIFICATE)));
  }

  /**
   * RFC 5280 §6.1.3 (b), (c): every CA above the leaf, the anchor included (as in OpenSSL: an
   * anchor that states constraints expects them obeyed), constrains the leaf's DNS names.
   * Checked from the top down, as OpenSSL does.
   */
  private Optional<RecordResult> nameConstraints(
      List<Integer> path, Optional<X509Certificate> recordCert) {
    List<String> names = DnsNameConstraints.constrainedNames(chain.cert(0));
    Optional<RecordResult> problem = recordCert.flatMap(c ->
        DnsNameConstraints.violation(c, RecordResult.RECORD_CERTIFICATE, names));
    for (int k = path.size() - 1; k >= 1 && problem.isEmpty(); k--) {
      problem = DnsNameConstraints.violation(chain.cert(path.get(k)), path.get(k), names);
    }
    return problem;
  }

  /**
   * dane-rules.md §5: every certificate from the leaf to the anchor is valid now, the anchor
   * included, whether the server sent it or a {@code 2 0 0} record carries it.
   *
   * <p>Decision: stricter than OpenSSL for an anchor that is not self-issued (an intermediate
   * CA matched by {@code 2 x y}, or carried by {@code 2 0 0}). OpenSSL's {@code internal_verify}
   * checks the top certificate's dates only if {@code ossl_x509_likely_issued(top, top)} holds
   * (or with {@code X509_V_FLAG_PARTIAL_CHAIN}, which {@code SSL_dane_enable} does not set), so
   * Postfix and Exim accept an expired intermediate anchor. RFC 7671 and 7672 are silent, and a
   * sender that checks every certificate of the chain, as this spec does, refuses it: a false
   * failure for OpenSSL senders does less harm than a false pass for such senders would.
   */
  private Optional<RecordResult> dates(List<Integer> path, Optional<X509Certificate> recordCert) {
    for (int position : path) {
      Optional<RecordResult> p = PathChecks.validity(chain.cert(position), position, now);
      if (p.isPresent()) {
        return p;
      }
    }
    return recordCert.flatMap(c -> PathChecks.validity(c, RecordResult.RECORD_CERTIFICATE, now));
  }
}
