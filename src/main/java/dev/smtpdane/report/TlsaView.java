package dev.smtpdane.report;

/**
 * A published TLSA record: presentation form ("3 1 1 ABCD..."), RFC 7218 mnemonic
 * ("DANE-EE SPKI SHA2-256"), whether it is usable (and why not), and the name of a
 * well-known CA whose certificate or key it is the digest of, if any ("" otherwise).
 */
public record TlsaView(String presentation, String mnemonic, boolean usable,
    String unusableReason, String caName) {
  public TlsaView {
    unusableReason = unusableReason == null ? "" : unusableReason;
    caName = caName == null ? "" : caName;
  }
}
