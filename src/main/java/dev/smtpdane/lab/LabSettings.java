package dev.smtpdane.lab;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DaneLab} is started.
 *
 * @param addressing how SMTP servers get their addresses
 * @param dnsUpstreamTimeout how long the lab's validating resolver waits for the lab's
 *     authoritative server before answering SERVFAIL (what a "timing out" zone costs)
 * @param latency a simulated network round-trip time between the tool and the lab: every
 *     answer of the lab resolver and every SMTP reply and TLS flight waits this long after the
 *     tool spoke (zero: none)
 * @param bulkDomains how many extra good domains to serve for bulk runs ({@link
 *     BulkDomains}); zero: none
 */
public record LabSettings(Addressing addressing, Duration dnsUpstreamTimeout, Duration latency,
    int bulkDomains) {
  /** The most bulk domains a lab serves. */
  public static final int MAX_BULK_DOMAINS = 99_999;

  /** Where the SMTP servers listen. */
  public enum Addressing {
    /**
     * Each scenario on its own 127.0.0.0/8 address, every server on the same port, IPv6 on
     * {@code ::1}; if the system lets only 127.0.0.1 be bound, {@link #ONE_ADDRESS}.
     */
    AUTO,
    /**
     * Every scenario on 127.0.0.1 (and {@code ::1}) with a port of its own; scenarios that need
     * two servers of one address family cannot run.
     */
    ONE_ADDRESS
  }

  public LabSettings {
    Objects.requireNonNull(addressing, "addressing");
    if (dnsUpstreamTimeout.isNegative() || dnsUpstreamTimeout.isZero()) {
      throw new IllegalArgumentException("dnsUpstreamTimeout must be positive");
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    if (bulkDomains < 0 || bulkDomains > MAX_BULK_DOMAINS) {
      throw new IllegalArgumentException("bulkDomains must be from 0 to " + MAX_BULK_DOMAINS);
    }
  }

  public static LabSettings defaults() {
    return new LabSettings(Addressing.AUTO, Duration.ofSeconds(3), Duration.ZERO, 0);
  }

  public LabSettings withAddressing(Addressing a) {
    return new LabSettings(a, dnsUpstreamTimeout, latency, bulkDomains);
  }

  public LabSettings withLatency(Duration roundTrip) {
    return new LabSettings(addressing, dnsUpstreamTimeout, roundTrip, bulkDomains);
  }

  public LabSettings withBulkDomains(int count) {
    return new LabSettings(addressing, dnsUpstreamTimeout, latency, count);
  }
}
