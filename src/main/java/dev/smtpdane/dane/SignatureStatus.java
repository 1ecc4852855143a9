package dev.smtpdane.dane;

/** The outcome of checking one certificate's signature against a candidate issuer key. */
enum SignatureStatus {
  /** Verifies, with an acceptable algorithm. */
  VALID,
  /** Verifies, but the algorithm is too weak to rely on (see {@link SignatureCheck}). */
  WEAK,
  /** Does not verify with that key (or cannot be checked at all). */
  BROKEN
}
