package dev.smtpdane.dane;

import java.util.List;

/**
 * The DANE verdict for one TLS session (dane-rules.md §4, §5). Switch over it without a
 * default: the three cases lead to different advice.
 */
public sealed interface DaneVerdict {

  /** At least one counted record authenticates the server; {@code matches} are those. */
  record Authenticated(List<RecordOutcome> matches) implements DaneVerdict {
    public Authenticated {
      matches = List.copyOf(matches);
      if (matches.isEmpty() || !matches.stream().allMatch(RecordOutcome::matched)) {
        throw new IllegalArgumentException("Authenticated needs matching records");
      }
    }
  }

  /**
   * Usable records exist but none authenticates the server: a DANE sender will not deliver
   * (RFC 7672 §2.2). {@code onlyWeakerDigestMatches} is true when a record set aside by digest
   * agility would have matched: agility-unaware senders pass, Postfix fails (RFC 7671 §9).
   */
  record NotAuthenticated(boolean onlyWeakerDigestMatches) implements DaneVerdict {}

  /**
   * TLSA records exist but none is usable: TLS is still mandatory, but nothing can be
   * authenticated (RFC 7672 §3; "DANE not effective").
   */
  record NoUsableRecords() implements DaneVerdict {}
}
