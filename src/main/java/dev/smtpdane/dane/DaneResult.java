package dev.smtpdane.dane;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything DANE verification of one TLS session found (style.md §7: verdicts explain
 * themselves).
 *
 * <p>The {@link #suggestions} are worked out on first use: judging a {@code 2 1 1} for each
 * issuer checks signatures a DANE-EE pass never needs, and only a failure's report reads them
 * (issue 9: a passing check should not pay for the advice a failing one prints).
 */
public final class DaneResult {
  private final DaneVerdict verdict;
  private final List<RecordOutcome> records;
  private final List<DaneWarning> warnings;
  private final List<PresentedCertificate> chain;
  private final List<String> referenceNames;
  private Supplier<List<SuggestedRecord>> pending;
  private List<SuggestedRecord> suggestions;

  /**
   * @param verdict authenticated (by which records), not authenticated, or no usable records
   * @param records every TLSA record in the order given, with what it did
   * @param warnings findings that do not change the verdict
   * @param chain what the server presented, position by position (at most {@link
   *     PresentedChain#MAX_CERTIFICATES})
   * @param suggestions works out the {@code 3 1 1} / {@code 2 1 1} records that would match
   *     this chain; called at most once, when they are first asked for
   * @param referenceNames the reference identifiers tried for DANE-TA, normalised
   */
  DaneResult(DaneVerdict verdict, List<RecordOutcome> records, List<DaneWarning> warnings,
      List<PresentedCertificate> chain, Supplier<List<SuggestedRecord>> suggestions,
      List<String> referenceNames) {
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.records = List.copyOf(records);
    this.warnings = List.copyOf(warnings);
    this.chain = List.copyOf(chain);
    this.pending = Objects.requireNonNull(suggestions, "suggestions");
    this.referenceNames = List.copyOf(referenceNames);
  }

  /** Authenticated (by which records), not authenticated, or no usable records. */
  public DaneVerdict verdict() {
    return verdict;
  }

  /** Every TLSA record in the order given, with what it did. */
  public List<RecordOutcome> records() {
    return records;
  }

  /** Findings that do not change the verdict. */
  public List<DaneWarning> warnings() {
    return warnings;
  }

  /** What the server presented, position by position. */
  public List<PresentedCertificate> chain() {
    return chain;
  }

  /**
   * {@code 3 1 1} for the leaf and {@code 2 1 1} for each issuer on its path, each judged as if
   * it were the only record. Safe to call from any thread; worked out once.
   */
  public synchronized List<SuggestedRecord> suggestions() {
    if (suggestions == null) {
      suggestions = List.copyOf(pending.get());
      pending = null; // the verification's chain and caches can go
    }
    return suggestions;
  }

  /** The reference identifiers tried for DANE-TA, normalised. */
  public List<String> referenceNames() {
    return referenceNames;
  }

  /** True if the verdict is {@link DaneVerdict.Authenticated}. */
  public boolean authenticated() {
    return verdict instanceof DaneVerdict.Authenticated;
  }

  @Override
  public String toString() {
    return "DaneResult[" + verdict + ", " + records.size() + " records, " + chain.size()
        + " certificates]";
  }
}
