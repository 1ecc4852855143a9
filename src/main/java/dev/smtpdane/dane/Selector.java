package dev.smtpdane.dane;

import java.util.Optional;

/** TLSA selector field (RFC 6698 §2.1.2), named as in RFC 7218 §2.2. */
public enum Selector {
  /** The whole DER certificate. */
  CERT(0, "Cert"),
  /** The DER SubjectPublicKeyInfo of the certificate. */
  SPKI(1, "SPKI");

  private final int value;
  private final String mnemonic;

  Selector(int value, String mnemonic) {
    this.value = value;
    this.mnemonic = mnemonic;
  }

  public int value() {
    return value;
  }

  /** The RFC 7218 acronym, e.g. {@code SPKI}. */
  public String mnemonic() {
    return mnemonic;
  }

  /** The selector with this wire value, or empty if unknown. */
  public static Optional<Selector> of(int value) {
    for (Selector s : values()) {
      if (s.value == value) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
