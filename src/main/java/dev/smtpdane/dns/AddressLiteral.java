package dev.smtpdane.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises IP address literals without ever asking DNS: {@link InetAddress#getByName} would
 * look up anything that is not a literal, so the shape is checked first.
 */
public final class AddressLiteral {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 =
      Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?");

  private AddressLiteral() {}

  /** The address if {@code text} is an IPv4 or IPv6 literal (no brackets), else empty. */
  public static Optional<InetAddress> parse(String text) {
    boolean v4 = IPV4.matcher(text).matches() && octetsInRange(text);
    boolean v6 = !v4 && text.indexOf(':') != text.lastIndexOf(':') && IPV6.matcher(text).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      // Safe: the text has the shape of a literal, so getByName parses and never looks up.
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean octetsInRange(String text) {
    for (String octet : text.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
