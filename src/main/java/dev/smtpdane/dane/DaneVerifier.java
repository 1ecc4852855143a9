package dev.smtpdane.dane;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Authenticates one TLS session with DANE (dane-rules.md §4 and §5; RFC 7672 §3, RFC 7671 §5
 * and §9). Pure: the chain, the records, the names and the time come in; a {@link DaneResult}
 * that explains itself comes out. A hostile chain or record is an outcome, never an exception.
 */
public final class DaneVerifier {
  private DaneVerifier() {}

  /**
   * Verifies the chain a server presented against its TLSA records.
   *
   * @param presentedChain the certificates as the server sent them, leaf first; only the
   *     first {@value PresentedChain#MAX_CERTIFICATES} are examined
   * @param records the TLSA RRset (secure, as looked up at the TLSA base domain)
   * @param referenceIdentifiers names a DANE-TA leaf may match (dane-rules.md §5: TLSA base
   *     domain, original host name, MX/SRV domain, each {@code -aka}); case and a trailing dot
   *     do not matter
   * @param now the time at which DANE-TA validity dates are judged
   */
  public static DaneResult verify(
      List<X509Certificate> presentedChain,
      List<TlsaRecord> records,
      List<String> referenceIdentifiers,
      Instant now) {
    Objects.requireNonNull(now, "now");
    PresentedChain chain = new PresentedChain(presentedChain);
    ServiceIdentity identity = ServiceIdentity.of(referenceIdentifiers);
    UsableRecords usable = UsableRecords.of(records);
    DaneTaCheck ta = new DaneTaCheck(chain, identity, now);
    List<RecordOutcome> outcomes = new ArrayList<>();
    for (TlsaRecord r : records) {
      outcomes.add(new RecordOutcome(r, outcome(r, usable, chain, ta)));
    }
    return new DaneResult(
        verdict(usable, outcomes),
        outcomes,
        warnings(chain, outcomes, now),
        presented(chain),
        () -> suggestions(chain, ta), // only a failure's report reads them (DaneResult)
        identity.referenceNames());
  }

  private static RecordResult outcome(
      TlsaRecord r, UsableRecords usable, PresentedChain chain, DaneTaCheck ta) {
    Usability.Unusable unusable = usable.unusable().get(r);
    if (unusable != null) {
      return new RecordResult.Unusable(unusable.reason(), unusable.detail());
    }
    RecordResult result = r.usage() == CertUsage.DANE_EE.value()
        ? DaneEeCheck.check(r, chain)
        : ta.check(r); // usable records are DANE-TA or DANE-EE only
    List<TlsaRecord> stronger = usable.weakerIgnored().get(r);
    // RFC 7671 §9: judged all the same, so the output can say the weaker one would match.
    return stronger == null ? result : new RecordResult.WeakerDigestIgnored(stronger,
        result.matched());
  }

  /** Authenticated if any counted record matched; weaker digests set aside never count. */
  private static DaneVerdict verdict(UsableRecords usable, List<RecordOutcome> outcomes) {
    if (!usable.anyUsable()) {
      return new DaneVerdict.NoUsableRecords();
    }
    List<RecordOutcome> matches = outcomes.stream().filter(RecordOutcome::matched).toList();
    if (!matches.isEmpty()) {
      return new DaneVerdict.Authenticated(matches);
    }
    boolean weakerWouldMatch = outcomes.stream()
        .anyMatch(o -> o.result() instanceof RecordResult.WeakerDigestIgnored w
            && w.wouldHaveMatched());
    return new DaneVerdict.NotAuthenticated(weakerWouldMatch);
  }

  /**
   * RFC 7672 §3.1.1: a DANE-EE match ignores the leaf's dates, but say so, since senders that
   * do not do DANE will reject such a certificate.
   */
  private static List<DaneWarning> warnings(
      PresentedChain chain, List<RecordOutcome> outcomes, Instant now) {
    List<DaneWarning> warnings = new ArrayList<>();
    if (chain.presentedCount() > chain.size()) {
      warnings.add(new DaneWarning.ChainTooLong(chain.presentedCount(), chain.size()));
    }
    boolean eeMatched = outcomes.stream()
        .anyMatch(o -> o.matched() && o.record().usage() == CertUsage.DANE_EE.value());
    if (eeMatched) {
      X509Certificate leaf = chain.cert(0);
      Instant notBefore = leaf.getNotBefore().toInstant();
      Instant notAfter = leaf.getNotAfter().toInstant();
      if (now.isAfter(notAfter)) {
        warnings.add(new DaneWarning.EeLeafExpired(notAfter));
      } else if (now.isBefore(notBefore)) {
        warnings.add(new DaneWarning.EeLeafNotYetValid(notBefore));
      }
    }
    return warnings;
  }

  private static List<PresentedCertificate> presented(PresentedChain chain) {
    List<PresentedCertificate> list = new ArrayList<>();
    for (int p = 0; p < chain.size(); p++) {
      list.add(PresentedCertificate.of(chain, p));
    }
    return list;
  }

  /**
   * What an operator could publish: {@code 3 1 1} for the leaf, {@code 2 1 1} for each issuer
   * on its path, each judged as if it were the only record.
   */
  private static List<SuggestedRecord> suggestions(PresentedChain chain, DaneTaCheck ta) {
    List<SuggestedRecord> list = new ArrayList<>();
    for (int position = 0; position < chain.size(); position++) {
      if (!chain.onIssuerPath(position)) {
        continue;
      }
      SelectedContent content = chain.content(position);
      if (!content.readable()) {
        continue;
      }
      CertUsage usage = position == 0 ? CertUsage.DANE_EE : CertUsage.DANE_TA;
      TlsaRecord r = new TlsaRecord(usage.value(), Selector.SPKI.value(),
          MatchingType.SHA2_256.value(),
          content.associationData(Selector.SPKI, MatchingType.SHA2_256));
      RecordResult outcome = position == 0 ? DaneEeCheck.check(r, chain) : ta.check(r);
      list.add(new SuggestedRecord(position,
          chain.cert(position).getSubjectX500Principal().getName(), r, outcome));
    }
    return list;
  }
}
