package dev.smtpdane.lab;

import static dev.smtpdane.lab.ChainSpec.Twist.OTHER_KEY;
import static dev.smtpdane.lab.ScenarioBuilder.scenario;
import static dev.smtpdane.lab.ServerSpec.server;
import static dev.smtpdane.lab.TlsaSpec.Subject.INTERMEDIATE;
import static dev.smtpdane.lab.TlsaSpec.ee;
import static dev.smtpdane.lab.TlsaSpec.ta;
import static dev.smtpdane.report.FindingCode.ADDRESS_INSECURE;
import static dev.smtpdane.report.FindingCode.CNAME_CHAIN_INSECURE;
import static dev.smtpdane.report.FindingCode.DANE_VERIFIED;
import static dev.smtpdane.report.FindingCode.IMPLICIT_MX;
import static dev.smtpdane.report.FindingCode.NO_TLSA;
import static dev.smtpdane.report.FindingCode.NO_TLSA_MATCH;
import static dev.smtpdane.report.FindingCode.NULL_MX;
import static dev.smtpdane.report.FindingCode.SRV_SERVICE_NOT_OFFERED;
import static dev.smtpdane.report.Verdict.FAILED;
import static dev.smtpdane.report.Verdict.NO_SERVICE;
import static dev.smtpdane.report.Verdict.VERIFIED;

import java.util.List;

/**
 * Where mail goes (dane-rules.md §2-§3): MX and SRV shapes, CNAMEs and the TLSA base domain
 * (RFC 7672 §2.2.2), implicit and null MX, several hosts and several addresses per host, each
 * judged on its own and rolled up.
 */
final class DestinationScenarios {
  private static final String THEME = "destinations";

  private DestinationScenarios() {}

  private static ScenarioBuilder s(String name, String description) {
    return scenario(THEME, name, description);
  }

  static List<ScenarioDefinition> all() {
    return List.of(
        s("cname-mx-host", "MX host is a secure CNAME; TLSA at the expanded name")
            .mx(10, "mx").cname("mx", "server").host("server", server())
            .tlsa("server", ta(1, 1, INTERMEDIATE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        s("cname-tlsa-original", "secure CNAME, no TLSA at the target, TLSA at the alias")
            .mx(10, "mx").cname("mx", "server").host("server", server())
            .tlsaOf("mx", "server", ee(1, 1))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        // RFC 7672 §2.2.2 "Insecure CNAME": a signed first CNAME makes the original name the
        // TLSA base domain, whose secure records apply to the unsigned target's addresses.
        s("cname-leaves-signed-dns", "signed CNAME into an unsigned zone, TLSA at the alias")
            .zone("unsigned", false)
            .mx(10, "mx").cname("mx", "server.unsigned").host("server.unsigned", server())
            .tlsaOf("mx", "server.unsigned", ee(1, 1))
            .expect(VERIFIED, 0, CNAME_CHAIN_INSECURE, DANE_VERIFIED).build(),
        s("cname-unsigned-no-tlsa", "signed CNAME into an unsigned zone, TLSA only there")
            .zone("unsigned", false)
            .mx(10, "mx").cname("mx", "server.unsigned").host("server.unsigned", server())
            .tlsa("server.unsigned", ee(1, 1))
            .expect(FAILED, 1, CNAME_CHAIN_INSECURE, NO_TLSA).build(),
        s("cname-insecure-first", "unsigned CNAME into a signed zone: no DANE")
            .zone("unsigned", false)
            .mx(10, "mx.unsigned").cname("mx.unsigned", "server").host("server", server())
            .tlsaOf("mx.unsigned", "server", ee(1, 1)).tlsa("server", ee(1, 1))
            .expect(FAILED, 1, CNAME_CHAIN_INSECURE, ADDRESS_INSECURE).build(),
        s("implicit-mx", "no MX: the domain itself has the address and TLSA")
            .host("@", server()).tlsa("@", ee(1, 1))
            .expect(VERIFIED, 0, IMPLICIT_MX, DANE_VERIFIED).build(),
        s("null-mx", "null MX (0 .): accepts no mail, not a DANE failure")
            .nullMx()
            .expect(NO_SERVICE, 0, NULL_MX).build(),
        s("two-mx-good", "two MX hosts at different preferences, both good")
            .mx(10, "mx1").mx(20, "mx2").host("mx1", server()).host("mx2", server())
            .tlsa("mx1", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .tlsa("mx2", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        s("dual-stack-good", "one MX host with IPv4 and IPv6 (::1) addresses, both good")
            .mx(10, "mx").host("mx", server(), server().onIpv6())
            .tlsa("mx", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        s("three-mx-two-addr", "three MX hosts with two IPv4 addresses each, all good")
            .mx(10, "mx1").mx(20, "mx2").mx(30, "mx3")
            .host("mx1", server(), server()).host("mx2", server(), server())
            .host("mx3", server(), server())
            .tlsa("mx1", ee(1, 1)).tlsa("mx2", ee(1, 1)).tlsa("mx3", ee(1, 1))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        s("mixed-mx", "one MX host good, one bad: the good host still verifies")
            .mx(10, "good").mx(20, "bad").host("good", server()).host("bad", server())
            .tlsa("good", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .tlsa("bad", ee(1, 1).wrong())
            .expect(FAILED, 1, DANE_VERIFIED, NO_TLSA_MATCH)
            .expectHost("good", VERIFIED).expectHost("bad", FAILED).build(),
        s("mixed-address", "one address of a host good, the other serves another key")
            .mx(10, "mx").host("mx", server(), server().with(OTHER_KEY))
            .tlsa("mx", ee(1, 1))
            .expect(FAILED, 1, DANE_VERIFIED, NO_TLSA_MATCH).expectHost("mx", FAILED).build(),
        s("submission-587", "_submission._tcp SRV, STARTTLS, TLSA at the SRV port")
            .srv("_submission._tcp", "mail").host("mail", server())
            .tlsa("mail", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .arguments("-submission")
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        s("submissions-465", "_submissions._tcp SRV, TLS-on-connect, TLSA at the SRV port")
            .srv("_submissions._tcp", "mail").host("mail", server().tlsOnConnect())
            .tlsa("mail", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .arguments("-submissions")
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        s("srv-not-offered", "SRV target \".\": the service is not offered")
            .srvNotOffered("_submission._tcp")
            .arguments("-submission")
            .expect(NO_SERVICE, 0, SRV_SERVICE_NOT_OFFERED).build());
  }
}
