package dev.smtpdane.report;

import dev.smtpdane.dns.DnssecState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built result trees for renderer tests: one good MX host and one that fails. */
final class ReportFixtures {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private ReportFixtures() {}

  static DnsAnswerView answer(String name, String type, DnssecState state, String... records) {
    return new DnsAnswerView(name, type, state, "NOERROR", List.of(records), List.of(),
        "127.0.0.1:53", state == DnssecState.SECURE ? "" : "resolver did not set AD", "");
  }

  static CertView leaf(String digest) {
    return new CertView(0, "CN=mx2.example.test", "CN=Lab CA", List.of("mx2.example.test"),
        NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(30)), "EC 256",
        "SHA256withECDSA", "0A", Map.of("3 1 1", digest), "-----BEGIN CERTIFICATE-----\n");
  }

  static AddressReport goodAddress() {
    return new AddressReport("127.0.0.1", false, 25, false, true, true,
        Optional.of(new TlsView("TLSv1.3", "TLS_AES_128_GCM_SHA256", "mx1.example.test")),
        List.of(leaf("AA".repeat(32))),
        List.of(new RecordResultView("3 1 1 " + "AA".repeat(32), true, "matched",
            "matches the certificate at position 0 (DANE-EE)")),
        List.of(Finding.ok(FindingCode.DANE_VERIFIED, "DANE-EE 3 1 1 matched")));
  }

  static AddressReport badAddress() {
    return new AddressReport("::1", true, 25, false, false, true,
        Optional.of(new TlsView("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "mx2.example.test")),
        List.of(leaf("BB".repeat(32))),
        List.of(new RecordResultView("3 1 1 " + "CC".repeat(32), false, "digest-mismatch",
            "the leaf's SPKI SHA2-256 digest is " + "BB".repeat(32))),
        List.of(Finding.error(FindingCode.NO_TLSA_MATCH,
            "no usable TLSA record matched the chain; the server presents 3 1 1 "
                + "BB".repeat(32))));
  }

  static HostReport host(String name, int pref, AddressReport... addrs) {
    return new HostReport(name, pref, 25,
        List.of(answer(name, "A", DnssecState.SECURE, "127.0.0.1")),
        name, List.of(name, "example.test"),
        List.of(new TlsaView("3 1 1 " + "AA".repeat(32), "DANE-EE SPKI SHA2-256", true, "", "")),
        List.of(addrs), List.of());
  }

  static RunReport run(HostReport... hosts) {
    DomainReport d = new DomainReport("example.test", "mx",
        Optional.of(answer("example.test", "MX", DnssecState.SECURE, "10 mx1.example.test.")),
        false, List.of(hosts), List.of());
    return new RunReport("test", NOW, Duration.ofMillis(42), Map.of("mode", "mx"),
        List.of(d), List.of());
  }

  static RunReport good() {
    return run(host("mx1.example.test", 10, goodAddress()));
  }

  static RunReport mixed() {
    return run(host("mx1.example.test", 10, goodAddress()),
        host("mx2.example.test", 20, badAddress()));
  }
}
