package dev.smtpdane.dane;

/** Why a TLSA record cannot be used to authenticate an SMTP server (dane-rules.md §4). */
public enum UnusableReason {
  /** Usage 0 or 1: RFC 7672 §3.1.3 lets SMTP clients treat PKIX-TA/PKIX-EE as unusable. */
  PKIX_USAGE,
  /** A usage other than 0-3 (e.g. 255, PrivCert). */
  UNKNOWN_USAGE,
  /** A selector other than 0 (Cert) or 1 (SPKI). */
  UNKNOWN_SELECTOR,
  /** A matching type other than 0 (Full), 1 (SHA2-256) or 2 (SHA2-512). */
  UNKNOWN_MATCHING_TYPE,
  /** SHA2-256 data that is not 32 bytes, or SHA2-512 data that is not 64 bytes. */
  DIGEST_LENGTH,
  /** Full(0) data that is not a DER certificate (selector 0) or public key (selector 1). */
  FULL_DATA_UNPARSABLE
}
