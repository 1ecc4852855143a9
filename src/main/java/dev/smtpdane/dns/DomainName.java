package dev.smtpdane.dns;

import java.net.IDN;
import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The one place where user input becomes a DNS name: IDN U-labels become A-labels, letters are
 * lower-cased, and a trailing dot makes no difference (every name is absolute).
 */
public final class DomainName {
  // RFC 1035 §2.3.4: labels are 63 octets or less, names 255 octets or less (wire form).
  private static final int MAX_LABEL = 63;
  private static final int MAX_NAME = 255;

  private DomainName() {}

  /**
   * Parses a host or domain name typed by a user or found in a configuration.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong with the name
   */
  public static Name parse(String input) {
    String text = input == null ? "" : input.strip();
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty domain name");
    }
    if (text.startsWith(".") || text.contains("..")) {
      throw new IllegalArgumentException("domain name \"" + input + "\" has an empty label");
    }
    String ascii = toAscii(input, text).toLowerCase(Locale.ROOT);
    checkCharacters(input, ascii);
    checkLengths(input, ascii);
    try {
      return Name.fromString(ascii + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(
          "domain name \"" + input + "\" is not valid: " + e.getMessage(), e);
    }
  }

  /** The lower-case form of a name that came from DNS (answers may arrive in any case). */
  public static Name canonical(Name name) {
    return name.canonicalize();
  }

  /** The name without its trailing dot, lower-case: for SNI and certificate name checks. */
  public static String text(Name name) {
    return name.canonicalize().toString(true);
  }

  private static String toAscii(String input, String text) {
    if (text.chars().allMatch(c -> c < 0x80)) {
      return text;
    }
    try {
      // RFC 5891 via java.net.IDN (IDNA2003 mapping): no STD3 rules, so "_25._tcp" stays valid.
      return IDN.toASCII(text, IDN.ALLOW_UNASSIGNED);
    } catch (RuntimeException e) { // IllegalArgumentException, or a bare one for long input
      throw new IllegalArgumentException(
          "domain name \"" + input + "\" is not a valid IDN: " + e.getMessage(), e);
    }
  }

  /**
   * Host names are letters, digits and hyphens (RFC 1123 §2.1), service labels add '_'
   * (RFC 6335). Anything else, a backslash above all (dnsjava would read it as an escape and
   * could return a relative name), is a typo or an attack, never a mail host.
   */
  private static void checkCharacters(String input, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
        throw new IllegalArgumentException("domain name \"" + input + "\" contains "
            + (c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c))
            + "; names use letters, digits, '-' and '_'");
      }
    }
  }

  private static void checkLengths(String input, String ascii) {
    int wire = 1;
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty()) {
        throw new IllegalArgumentException("domain name \"" + input + "\" has an empty label");
      }
      if (label.length() > MAX_LABEL) {
        throw new IllegalArgumentException(
            "label \"" + label + "\" of \"" + input + "\" is " + label.length()
                + " octets long; DNS allows at most " + MAX_LABEL);
      }
      wire += label.length() + 1;
    }
    if (wire > MAX_NAME) {
      throw new IllegalArgumentException(
          "domain name \"" + input + "\" is " + wire + " octets long; DNS allows at most "
              + MAX_NAME);
    }
  }
}
