package dev.smtpdane.dns;

import java.util.Locale;
import org.xbill.DNS.ExtendedErrorCodeOption;

/**
 * An Extended DNS Error (RFC 8914) a resolver attached to its answer: the INFO-CODE and the
 * optional EXTRA-TEXT, which validating resolvers use to say why data is bogus.
 */
public record ExtendedDnsError(int code, String text) {
  public ExtendedDnsError {
    text = text == null ? "" : text;
  }

  /** The RFC 8914 §4 name of the code, e.g. "DNSSEC Bogus" for 6. */
  public String name() {
    String raw = ExtendedErrorCodeOption.text(code);
    if (raw == null || raw.startsWith("EDE")) {
      return "code " + code;
    }
    StringBuilder out = new StringBuilder();
    for (String word : raw.split("_")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(isAcronym(word) ? word : capitalised(word));
    }
    return out.toString();
  }

  /**
   * True for the codes that report a DNSSEC validation failure (RFC 8914 §4.7-§4.13: bogus,
   * signature expired or not yet valid, DNSKEY, RRSIGs or NSEC missing, no zone key bit).
   */
  public boolean isValidationFailure() {
    return code >= ExtendedErrorCodeOption.DNSSEC_BOGUS
        && code <= ExtendedErrorCodeOption.NSEC_MISSING;
  }

  @Override
  public String toString() {
    return "EDE " + code + " " + name() + (text.isEmpty() ? "" : ": " + text);
  }

  private static boolean isAcronym(String word) {
    return word.equals("DNSSEC") || word.equals("DNSKEY") || word.equals("DS")
        || word.equals("NSEC") || word.equals("NSEC3") || word.equals("NXDOMAIN");
  }

  private static String capitalised(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
