package dev.smtpdane.discover;

import dev.smtpdane.dns.DnssecState;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.TLSARecord;

/**
 * What the TLSA lookup means for one address (dane-rules.md §3, RFC 7672 §2.2). Only
 * {@link Records} lets DANE apply; every other variant means the address can never verify.
 */
public sealed interface TlsaOutcome {
  /** Secure TLSA records: DANE applies, even if none of them turns out usable. */
  record Records(Name owner, List<TLSARecord> records) implements TlsaOutcome {
    public Records {
      records = List.copyOf(records);
    }
  }

  /** A secure NODATA or NXDOMAIN: provably no TLSA records, so no DANE for this host. */
  record NoRecords(Name owner) implements TlsaOutcome {}

  /** The TLSA answer is not signed (insecure): it cannot be trusted, so no DANE. */
  record Insecure(Name owner, String reason) implements TlsaOutcome {}

  /**
   * The lookup failed (bogus or indeterminate): DANE-enforcing senders defer mail to this host
   * (RFC 7672 §2.1.2), since they can neither use nor rule out TLSA records.
   */
  record Failed(Name owner, DnssecState state, String reason) implements TlsaOutcome {}

  /** TLSA does not count for this address: it was not found securely, or is an IP literal. */
  record NotApplicable(String reason) implements TlsaOutcome {}

  /** True only for {@link Records}. */
  default boolean daneApplies() {
    return this instanceof Records;
  }

  /** The records when DANE applies, else an empty list. */
  default List<TLSARecord> records() {
    return this instanceof Records r ? r.records() : List.of();
  }
}
