package dev.smtpdane.dane;

import java.util.List;
import java.util.Objects;

/**
 * Everything DANE verification of one TLS session found (style.md §7: verdicts explain
 * themselves).
 *
 * @param verdict authenticated (by which records), not authenticated, or no usable records
 * @param records every TLSA record in the order given, with what it did
 * @param warnings findings that do not change the verdict
 * @param chain what the server presented, position by position (at most {@link
 *     PresentedChain#MAX_CERTIFICATES})
 * @param suggestions {@code 3 1 1} / {@code 2 1 1} records that would match this chain
 * @param referenceNames the reference identifiers tried for DANE-TA, normalised
 */
public record DaneResult(
    DaneVerdict verdict,
    List<RecordOutcome> records,
    List<DaneWarning> warnings,
    List<PresentedCertificate> chain,
    List<SuggestedRecord> suggestions,
    List<String> referenceNames) {

  public DaneResult {
    Objects.requireNonNull(verdict, "verdict");
    records = List.copyOf(records);
    warnings = List.copyOf(warnings);
    chain = List.copyOf(chain);
    suggestions = List.copyOf(suggestions);
    referenceNames = List.copyOf(referenceNames);
  }

  /** True if the verdict is {@link DaneVerdict.Authenticated}. */
  public boolean authenticated() {
    return verdict instanceof DaneVerdict.Authenticated;
  }
}
