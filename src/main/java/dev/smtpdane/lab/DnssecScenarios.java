package dev.smtpdane.lab;

import static dev.smtpdane.lab.ScenarioBuilder.scenario;
import static dev.smtpdane.lab.ServerSpec.server;
import static dev.smtpdane.lab.TlsaSpec.Subject.INTERMEDIATE;
import static dev.smtpdane.lab.TlsaSpec.ee;
import static dev.smtpdane.lab.TlsaSpec.ta;
import static dev.smtpdane.report.FindingCode.ADDRESS_INSECURE;
import static dev.smtpdane.report.FindingCode.ADDRESS_LOOKUP_BOGUS;
import static dev.smtpdane.report.FindingCode.DANE_VERIFIED;
import static dev.smtpdane.report.FindingCode.DOMAIN_NXDOMAIN;
import static dev.smtpdane.report.FindingCode.HOST_NXDOMAIN;
import static dev.smtpdane.report.FindingCode.MX_INSECURE;
import static dev.smtpdane.report.FindingCode.MX_LOOKUP_BOGUS;
import static dev.smtpdane.report.FindingCode.MX_LOOKUP_FAILED;
import static dev.smtpdane.report.FindingCode.NO_TLSA;
import static dev.smtpdane.report.FindingCode.TLSA_LOOKUP_BOGUS;
import static dev.smtpdane.report.FindingCode.TLSA_LOOKUP_FAILED;
import static dev.smtpdane.report.Verdict.FAILED;
import static dev.smtpdane.report.Verdict.VERIFIED;

import dev.smtpdane.lab.dns.Fault;
import java.util.List;
import org.xbill.DNS.Type;

/**
 * DNSSEC states of the answers DANE depends on (dane-rules.md §1, RFC 7672 §2.1-§2.2): bogus
 * and failed lookups are errors that make DANE senders defer mail; insecure answers mean the
 * destination is not DANE-protected. Every host here has good TLSA records and a good server,
 * so only the DNS is wrong.
 */
final class DnssecScenarios {
  private static final String THEME = "DNSSEC";

  private DnssecScenarios() {}

  /** A domain whose MX host {@code mx} would verify, were it not for the DNS. */
  private static ScenarioBuilder goodMx(String name, String description) {
    return scenario(THEME, name, description).mx(10, "mx").host("mx", server())
        .tlsa("mx", ee(1, 1), ta(1, 1, INTERMEDIATE));
  }

  static List<ScenarioDefinition> all() {
    return List.of(
        goodMx("tlsa-bogus", "TLSA RRset bogus (corrupted signature)")
            .tlsaFault("mx", Fault.CORRUPT_SIGNATURE)
            .expect(FAILED, 1, TLSA_LOOKUP_BOGUS).build(),
        goodMx("tlsa-rrsig-expired", "TLSA RRSIG expired (re-signing stopped)")
            .tlsaFault("mx", Fault.EXPIRED_SIGNATURE)
            .expect(FAILED, 1, TLSA_LOOKUP_BOGUS).build(),
        goodMx("mx-bogus", "MX RRset bogus (corrupted signature)")
            .fault("@", Type.MX, Fault.CORRUPT_SIGNATURE)
            .expect(FAILED, 1, MX_LOOKUP_BOGUS).build(),
        goodMx("a-bogus", "A RRset of the MX host bogus")
            .fault("mx", Type.A, Fault.CORRUPT_SIGNATURE)
            .expect(FAILED, 1, ADDRESS_LOOKUP_BOGUS).build(),
        goodMx("aaaa-bogus", "AAAA bogus: the IPv4 address is still probed and verifies")
            .deadAddress("mx", "::1")
            .fault("mx", Type.AAAA, Fault.CORRUPT_SIGNATURE)
            .expect(FAILED, 1, ADDRESS_LOOKUP_BOGUS, DANE_VERIFIED).build(),
        goodMx("ds-mismatch", "the parent's DS points at a key the zone does not use")
            .fault("@", Type.DS, Fault.DS_MISMATCH)
            .expect(FAILED, 1, MX_LOOKUP_BOGUS).build(),
        goodMx("tlsa-servfail", "TLSA lookup answered SERVFAIL in a signed zone")
            .tlsaFault("mx", Fault.SERVFAIL)
            .expect(FAILED, 1, TLSA_LOOKUP_FAILED).build(),
        goodMx("tlsa-timeout", "TLSA lookup times out (queries for TLSA are dropped)")
            .tlsaFault("mx", Fault.DROP).slow()
            .expect(FAILED, 1, TLSA_LOOKUP_FAILED).build(),
        goodMx("mx-servfail", "MX lookup answered SERVFAIL")
            .fault("@", Type.MX, Fault.SERVFAIL)
            .expect(FAILED, 1, MX_LOOKUP_FAILED).build(),
        scenario(THEME, "mx-insecure", "MX RRset insecure (unsigned zone), signed hosts")
            .unsigned().zone("mx-insecure-hosts.test.", true)
            .mx(10, "mx.mx-insecure-hosts.test.")
            .host("mx.mx-insecure-hosts.test.", server())
            .tlsa("mx.mx-insecure-hosts.test.", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, MX_INSECURE, DANE_VERIFIED)
            .expectHost("mx.mx-insecure-hosts.test.", VERIFIED).build(),
        scenario(THEME, "host-unsigned", "MX host in an unsigned child zone: no DANE possible")
            .zone("unsigned", false)
            .mx(10, "mx.unsigned").host("mx.unsigned", server())
            .tlsa("mx.unsigned", ee(1, 1))
            .expect(FAILED, 1, ADDRESS_INSECURE).build(),
        scenario(THEME, "no-tlsa", "signed zone without TLSA records (secure NODATA)")
            .mx(10, "mx").host("mx", server())
            .expect(FAILED, 1, NO_TLSA).build(),
        scenario(THEME, "nxdomain", "the domain does not exist (NXDOMAIN)")
            .noZone()
            .expect(FAILED, 1, DOMAIN_NXDOMAIN).build(),
        scenario(THEME, "host-nxdomain", "the MX host does not exist")
            .mx(10, "gone")
            .expect(FAILED, 1, HOST_NXDOMAIN).build());
  }
}
