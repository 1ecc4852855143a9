package dev.smtpdane.lab;

import static dev.smtpdane.lab.ServerSpec.server;
import static dev.smtpdane.lab.TlsaSpec.ee;
import static dev.smtpdane.report.FindingCode.DANE_VERIFIED;
import static dev.smtpdane.report.Verdict.VERIFIED;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Many good domains for bulk runs ({@code smtpdane demo --serve --domains N}, issue 9):
 * {@code d00001.bulk.test} ... each with one MX host, served from one signed zone
 * {@code bulk.test.} (one zone to sign, however many domains). The domains share up to
 * {@link #HOSTS} MX hosts, each its own SMTP server on its own address with a DANE-EE record,
 * as the customers of a mail provider do; not part of the scenario catalogue.
 */
final class BulkDomains {
  /** The scenario-like name of the bulk world (its zone is {@code bulk.test.}). */
  static final String NAME = "bulk";
  /** MX hosts the domains are spread over: enough that per-address limits do not bind. */
  static final int HOSTS = 64;

  private BulkDomains() {}

  /** The domain names, in order. */
  static List<String> names(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(BulkDomains::domain).toList();
  }

  static String domain(int i) {
    return String.format(Locale.ROOT, "d%05d.%s.test", i, NAME);
  }

  static ScenarioDefinition definition(int count) {
    ScenarioBuilder b = ScenarioBuilder.scenario("bulk", NAME,
        count + " good domains sharing " + Math.min(count, HOSTS) + " MX hosts (bulk runs)");
    int hosts = Math.min(count, HOSTS);
    for (int h = 1; h <= hosts; h++) {
      String host = host(h);
      b.host(host, server()).tlsa(host, ee(1, 1));
    }
    for (int i = 1; i <= count; i++) {
      b.mxAt(domain(i) + ".", 10, host((i - 1) % hosts + 1));
    }
    return b.target(domain(1)).expect(VERIFIED, 0, DANE_VERIFIED).build();
  }

  private static String host(int h) {
    return String.format(Locale.ROOT, "mx%02d", h);
  }
}
