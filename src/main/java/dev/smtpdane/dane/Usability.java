package dev.smtpdane.dane;

import java.util.Objects;

/**
 * Whether one TLSA record can take part in DANE authentication for SMTP (dane-rules.md §4;
 * RFC 7672 §3.1.3, RFC 6698 §2.1, §4.1, RFC 7671 §4.1). Judged on the record alone; digest
 * agility across the RRset is {@link UsableRecords}'s job.
 */
public sealed interface Usability {

  /** The record can be used. */
  record Usable() implements Usability {}

  /** The record cannot be used; {@code detail} says precisely why, in English. */
  record Unusable(UnusableReason reason, String detail) implements Usability {
    public Unusable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Decides whether {@code record} is usable, and if not, why. */
  static Usability of(TlsaRecord record) {
    int usage = record.usage();
    if (usage == 0 || usage == 1) {
      // RFC 7672 §3.1.3: PKIX-TA(0) and PKIX-EE(1) do not fit SMTP (no agreed CA set);
      // clients MAY treat them as unusable, and Postfix, OpenSSL and danecheck all do.
      return new Unusable(UnusableReason.PKIX_USAGE, "usage " + usage + " ("
          + record.knownUsage().orElseThrow().mnemonic() + ") is not used for SMTP");
    }
    if (usage != 2 && usage != 3) {
      return new Unusable(UnusableReason.UNKNOWN_USAGE, "unknown usage " + usage);
    }
    if (record.knownSelector().isEmpty()) {
      return new Unusable(UnusableReason.UNKNOWN_SELECTOR,
          "unknown selector " + record.selector());
    }
    if (record.knownMatchingType().isEmpty()) {
      return new Unusable(UnusableReason.UNKNOWN_MATCHING_TYPE,
          "unknown matching type " + record.matchingType());
    }
    return ofData(record, record.knownSelector().get(), record.knownMatchingType().get());
  }

  private static Usability ofData(TlsaRecord record, Selector selector, MatchingType type) {
    if (type != MatchingType.FULL) {
      // RFC 6698 §2.1.3 / RFC 7671 §9: a digest of the wrong length can never match.
      if (record.dataLength() != type.digestLength()) {
        return new Unusable(UnusableReason.DIGEST_LENGTH, type.mnemonic() + " data is "
            + record.dataLength() + " bytes, not " + type.digestLength());
      }
      return new Usable();
    }
    boolean parses =
        selector == Selector.CERT
            ? FullAssociationData.certificate(record.data()).isPresent()
            : FullAssociationData.publicKey(record.data()).isPresent();
    if (!parses) {
      return new Unusable(UnusableReason.FULL_DATA_UNPARSABLE, "Full(0) data of "
          + record.dataLength() + " bytes is not a DER "
          + (selector == Selector.CERT ? "certificate" : "SubjectPublicKeyInfo of a known key"));
    }
    return new Usable();
  }
}
