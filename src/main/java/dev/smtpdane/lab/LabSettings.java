package dev.smtpdane.lab;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DaneLab} is started.
 *
 * <p>Issue 9 ({@code demo --latency MS}) adds its delay here: the SMTP servers already take a
 * reply delay ({@code LabSmtpServer.Builder#replyDelay}); the DNS servers need a delaying
 * handler in lab.dns first.
 *
 * @param addressing how SMTP servers get their addresses
 * @param dnsUpstreamTimeout how long the lab's validating resolver waits for the lab's
 *     authoritative server before answering SERVFAIL (what a "timing out" zone costs)
 */
public record LabSettings(Addressing addressing, Duration dnsUpstreamTimeout) {
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
  }

  public static LabSettings defaults() {
    return new LabSettings(Addressing.AUTO, Duration.ofSeconds(3));
  }

  public LabSettings withAddressing(Addressing a) {
    return new LabSettings(a, dnsUpstreamTimeout);
  }
}
