package dev.smtpdane.dane;

import java.util.List;
import java.util.OptionalInt;

/** Decides one DANE-EE(3) record against the presented chain (RFC 7672 §3.1.1). */
final class DaneEeCheck {
  private DaneEeCheck() {}

  /**
   * RFC 7672 §3.1.1 / RFC 7671 §5.1: DANE-EE matches the leaf alone. No chain, no names, no
   * dates: the TLSA record's DNSSEC signature is what vouches for the key. A match elsewhere in
   * the chain is reported, since it usually means the usage should have been DANE-TA.
   */
  static RecordResult check(TlsaRecord record, PresentedChain chain) {
    if (chain.size() > 0 && chain.content(0).matches(record)) {
      return new RecordResult.Matched(List.of(0), false, null, null);
    }
    int other = chain.firstMatch(record, 1);
    return new RecordResult.DigestMismatch(
        other < 0 ? OptionalInt.empty() : OptionalInt.of(other));
  }
}
