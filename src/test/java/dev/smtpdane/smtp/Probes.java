package dev.smtpdane.smtp;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import dev.smtpdane.lab.smtp.LabSmtpServerBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** Shared test fixtures: a small PKI and requests with short, test-friendly time limits. */
final class Probes {
  static final String HELO = "probe.smtpdane.invalid";
  static final String MX = "mx.example.test";
  static final HeldCertificate ROOT =
      HeldCertificate.builder().commonName("Lab Root").ca().keyType(KeyType.ECDSA_P256).build();
  static final HeldCertificate INTERMEDIATE = HeldCertificate.builder()
      .commonName("Lab Intermediate").ca().signedBy(ROOT).build();
  static final HeldCertificate LEAF = HeldCertificate.builder().commonName(MX).dnsNames(MX)
      .signedBy(INTERMEDIATE).build();

  private Probes() {}

  /** A lab server builder presenting [leaf, intermediate] (no root, as real servers do). */
  static LabSmtpServerBuilder server() {
    return LabSmtpServer.builder().hostname(MX).chain(LEAF, INTERMEDIATE);
  }

  static ProbeRequest request(LabSmtpServer server, boolean tlsOnConnect) {
    return request(server.address(), MX + ".", tlsOnConnect);
  }

  static ProbeRequest request(InetSocketAddress address, String sni, boolean tlsOnConnect) {
    return new ProbeRequest(address, sni, tlsOnConnect, HELO, Duration.ofSeconds(2),
        Duration.ofSeconds(1), Duration.ofSeconds(4), Optional.empty());
  }

  static SessionOutcome.Completed completed(SessionOutcome outcome) {
    if (outcome instanceof SessionOutcome.Completed c) {
      return c;
    }
    throw new AssertionError("expected a completed session, got " + outcome);
  }

  static SessionOutcome.Failed failed(SessionOutcome outcome) {
    if (outcome instanceof SessionOutcome.Failed f) {
      return f;
    }
    throw new AssertionError("expected a failed session, got " + outcome);
  }
}
