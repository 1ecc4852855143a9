package dev.smtpdane.dane;

import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Advice about a TLSA RRset as published, independent of any TLS session (dane-rules.md §6):
 * unusable records beside usable ones (a warning), and, as information that does not change
 * the exit code, {@code 3 0 x} records that break on every renewal and a lone record with no
 * rollover partner. The last two are informational because scenarios.md requires a lone
 * {@code 3 1 1} and the {@code 3 0 x} variants to verify with exit 0.
 */
public final class RecordSetAdvice {
  /** One piece of advice: a stable code and the sentence for the operator. */
  public record Advice(Severity severity, FindingCode code, String message) {}

  private RecordSetAdvice() {}

  public static List<Advice> of(List<TlsaRecord> records) {
    List<Advice> advice = new ArrayList<>();
    UsableRecords usable = UsableRecords.of(records);
    if (usable.anyUsable() && !usable.unusable().isEmpty()) {
      // RFC 6698 §4.1, RFC 7672 §3.1.3: senders skip unusable records; noise that hides mistakes.
      advice.add(new Advice(Severity.WARNING, FindingCode.TLSA_UNUSABLE, usable.unusable().size()
          + " of " + records.size() + " TLSA records are unusable for SMTP and are ignored by"
          + " senders; remove them"));
    }
    for (TlsaRecord r : usable.counted()) {
      if (r.usage() == CertUsage.DANE_EE.value() && r.selector() == Selector.CERT.value()) {
        // RFC 7671 §5.1: "3 1 x" survives a renewal that keeps the key; "3 0 x" never does.
        advice.add(new Advice(Severity.INFO, FindingCode.TLSA_CERT_SELECTOR_FULL, "record " + r
            + " pins the whole leaf certificate: it breaks at every renewal, even with the same"
            + " key; prefer 3 1 1 (the public key)"));
      }
    }
    if (usable.counted().size() == 1) {
      // RFC 7671 §8.1: publish the next key (or a 2 1 1 for the issuer) before a rollover.
      advice.add(new Advice(Severity.INFO, FindingCode.TLSA_SINGLE_RECORD,
          "only one usable TLSA record"
          + " (" + usable.counted().get(0) + "): a key or certificate change will break"
          + " delivery unless the next record is published first; consider adding a rollover"
          + " partner (the next key's 3 1 1, or the issuing CA's 2 1 1)"));
    }
    return List.copyOf(advice);
  }
}
