package dev.smtpdane.dane;

import dev.smtpdane.report.FindingCode;
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
   * authenticated (RFC 7672 §2.2; "DANE not effective").
   */
  record NoUsableRecords() implements DaneVerdict {}

  /**
   * The stable code: {@code dane-verified}, {@code tlsa-digest-agility} when only a record set
   * aside by agility would match, {@code no-tlsa-match}, or {@code dane-not-effective}.
   */
  default FindingCode code() {
    return switch (this) {
      case Authenticated a -> FindingCode.DANE_VERIFIED;
      case NotAuthenticated n ->
          n.onlyWeakerDigestMatches() ? FindingCode.DIGEST_AGILITY : FindingCode.NO_TLSA_MATCH;
      case NoUsableRecords n -> FindingCode.DANE_NOT_EFFECTIVE;
    };
  }
}
