package dev.smtpdane.dane;

import dev.smtpdane.report.FindingCode;
import java.time.Instant;

/** Something worth telling the operator that does not change the DANE verdict. */
public sealed interface DaneWarning {

  /**
   * A DANE-EE record matched, but the leaf expired at {@code notAfter}. RFC 7672 §3.1.1 says
   * DANE-EE senders ignore the dates, but senders that fall back to PKIX will not.
   */
  record EeLeafExpired(Instant notAfter) implements DaneWarning {}

  /** A DANE-EE record matched, but the leaf is valid only from {@code notBefore}. */
  record EeLeafNotYetValid(Instant notBefore) implements DaneWarning {}

  /**
   * The server sent {@code presented} certificates; only the first {@code examined} were
   * looked at ({@link PresentedChain#MAX_CERTIFICATES}).
   */
  record ChainTooLong(int presented, int examined) implements DaneWarning {}

  default FindingCode code() {
    return switch (this) {
      case EeLeafExpired e -> FindingCode.EE_LEAF_EXPIRED;
      case EeLeafNotYetValid n -> FindingCode.EE_LEAF_NOT_YET_VALID;
      case ChainTooLong c -> FindingCode.CHAIN_TOO_LONG;
    };
  }

  /** One English sentence. */
  default String explain() {
    return switch (this) {
      case EeLeafExpired e ->
          "the server certificate expired at " + e.notAfter()
              + "; DANE-EE ignores this (RFC 7672 §3.1.1), senders without DANE will not";
      case EeLeafNotYetValid n ->
          "the server certificate is not valid until " + n.notBefore()
              + "; DANE-EE ignores this (RFC 7672 §3.1.1), senders without DANE will not";
      case ChainTooLong c ->
          "the server sent " + c.presented() + " certificates; only the first " + c.examined()
              + " were examined";
    };
  }
}
