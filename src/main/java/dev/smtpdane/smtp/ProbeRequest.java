package dev.smtpdane.smtp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One SMTP session to probe: which address, which SNI name, which mode, and its time limits.
 *
 * @param address the resolved server address and port (never resolved again here)
 * @param sniName the TLSA base domain for SNI (RFC 7672 §8.1); a trailing dot is removed; null
 *     sends no SNI
 * @param tlsOnConnect TLS first (port 465, RFC 8314) instead of STARTTLS
 * @param heloName the EHLO/HELO argument, in both modes ({@code -helo})
 * @param connectTimeout TCP connect timeout ({@code -connect-timeout})
 * @param readTimeout the longest wait for any single read
 * @param sessionDeadline the longest the whole session may take, connect to QUIT
 * @param socks5 an optional SOCKS5 proxy ({@code -proxy-tcp})
 */
public record ProbeRequest(
    InetSocketAddress address,
    String sniName,
    boolean tlsOnConnect,
    String heloName,
    Duration connectTimeout,
    Duration readTimeout,
    Duration sessionDeadline,
    Optional<ProxySpec> socks5) {

  // A domain or an address literal (RFC 5321 §4.1.1.1); above all no CR, LF or space, which
  // would let a command-line value inject SMTP commands.
  private static final Pattern HELO = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,255}");

  /** True for a name EHLO may carry; the command line checks with this before probing. */
  public static boolean validHeloName(String name) {
    return HELO.matcher(name).matches();
  }

  public ProbeRequest {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(heloName, "heloName");
    Objects.requireNonNull(socks5, "socks5");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("the SMTP probe needs a resolved address: " + address);
    }
    if (!validHeloName(heloName)) {
      throw new IllegalArgumentException("not a valid EHLO name: " + heloName);
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    requirePositive(sessionDeadline, "sessionDeadline");
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
