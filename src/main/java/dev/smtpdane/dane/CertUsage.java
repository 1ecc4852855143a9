package dev.smtpdane.dane;

import java.util.Optional;

/** TLSA certificate usage field (RFC 6698 §2.1.1), named as in RFC 7218 §2.1. */
public enum CertUsage {
  PKIX_TA(0, "PKIX-TA"),
  PKIX_EE(1, "PKIX-EE"),
  DANE_TA(2, "DANE-TA"),
  DANE_EE(3, "DANE-EE");

  private final int value;
  private final String mnemonic;

  CertUsage(int value, String mnemonic) {
    this.value = value;
    this.mnemonic = mnemonic;
  }

  /** The wire value, 0 to 3. */
  public int value() {
    return value;
  }

  /** The RFC 7218 acronym, e.g. {@code DANE-EE}. */
  public String mnemonic() {
    return mnemonic;
  }

  /** The usage with this wire value, or empty for values no RFC defines for SMTP. */
  public static Optional<CertUsage> of(int value) {
    for (CertUsage u : values()) {
      if (u.value == value) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }
}
