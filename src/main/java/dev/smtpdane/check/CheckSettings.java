package dev.smtpdane.check;

import dev.smtpdane.smtp.ProxySpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How sessions are run and judged.
 *
 * @param heloName the EHLO/HELO name ({@code -helo})
 * @param connectTimeout TCP connect timeout ({@code -connect-timeout})
 * @param readTimeout the longest wait for any one reply or handshake step
 * @param sessionLimit the longest one SMTP session may take, connect to QUIT
 * @param runTimeout the deadline for the whole run ({@code --timeout})
 * @param proxy SOCKS5 proxy for the SMTP connections ({@code -proxy-tcp})
 * @param maxConnections how many sessions may be open at once
 * @param maxConnectionsPerAddress how many of them to one server address
 * @param expirationWarning warn about certificates expiring within this; zero disables
 * @param expectOcsp a missing or bad OCSP staple is an error ({@code -expect-ocsp})
 */
public record CheckSettings(
    String heloName,
    Duration connectTimeout,
    Duration readTimeout,
    Duration sessionLimit,
    Duration runTimeout,
    Optional<ProxySpec> proxy,
    int maxConnections,
    int maxConnectionsPerAddress,
    Duration expirationWarning,
    boolean expectOcsp) {
  /** SMTP sessions open at once in one run, whatever --parallel and --per-address say. */
  public static final int MAX_CONNECTIONS = 64;
  /** Sessions open at once to one server address unless --per-address says otherwise. */
  public static final int DEFAULT_PER_ADDRESS = 4;

  public CheckSettings {
    Objects.requireNonNull(heloName, "heloName");
    Objects.requireNonNull(proxy, "proxy");
    if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
      throw new IllegalArgumentException("connection limits must be positive");
    }
  }

  /** Defaults as the command line has them: 10 s connect, 30 s replies, 60 s per run. */
  public static CheckSettings defaults() {
    return new CheckSettings("smtpdane.invalid", Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60), Duration.ofSeconds(60), Optional.empty(), MAX_CONNECTIONS,
        DEFAULT_PER_ADDRESS,
        Duration.ofHours(168), false);
  }
}
