package dev.smtpdane.tls;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;

/**
 * An SNI host_name (RFC 6066 §3) for a name already in ASCII (A-label) form, as every name from
 * DNS is. {@link SNIHostName} runs each name through {@link java.net.IDN}, whose Unicode tables
 * cost a cold one-shot check ~15 ms (issue 9) for names that need no conversion; JSSE sends any
 * {@link SNIServerName} of type host_name as its bytes.
 */
final class AsciiHostName extends SNIServerName {
  private static final int MAX_LABEL = 63; // RFC 1035 §2.3.4

  AsciiHostName(String asciiName) {
    super(StandardConstants.SNI_HOST_NAME, asciiName.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The host name SNI can carry for {@code name} (no trailing dot), lower case: letters,
   * digits and hyphens in labels of 1 to 63 characters, no label beginning or ending with a
   * hyphen (RFC 1123 §2.1, the rules {@link SNIHostName} applies); empty if it is not one.
   * Names with non-ASCII characters go through {@link SNIHostName}, which converts them.
   */
  static Optional<String> of(String name) {
    if (!name.chars().allMatch(c -> c < 0x80)) {
      try {
        return Optional.of(new SNIHostName(name).getAsciiName().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    for (String label : name.split("\\.", -1)) {
      if (!isLdhLabel(label)) {
        return Optional.empty();
      }
    }
    return Optional.of(name.toLowerCase(Locale.ROOT));
  }

  private static boolean isLdhLabel(String label) {
    if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-")
        || label.endsWith("-")) {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ldh = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-';
      if (!ldh) {
        return false;
      }
    }
    return true;
  }
}
