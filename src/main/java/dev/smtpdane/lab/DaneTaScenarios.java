package dev.smtpdane.lab;

import static dev.smtpdane.lab.ChainSpec.Twist.INTERMEDIATE_CLIENT_AUTH_ONLY;
import static dev.smtpdane.lab.ChainSpec.Twist.INTERMEDIATE_EXPIRED;
import static dev.smtpdane.lab.ChainSpec.Twist.INTERMEDIATE_NOT_CA;
import static dev.smtpdane.lab.ChainSpec.Twist.LEAF_CLIENT_AUTH_ONLY;
import static dev.smtpdane.lab.ChainSpec.Twist.LEAF_EXPIRED;
import static dev.smtpdane.lab.ChainSpec.Twist.LEAF_NOT_YET_VALID;
import static dev.smtpdane.lab.ChainSpec.Twist.NO_SAN;
import static dev.smtpdane.lab.ChainSpec.Twist.ROOT_EXPIRED;
import static dev.smtpdane.lab.ChainSpec.Twist.SAN_URI_BESIDE_OTHER_DNS_ID;
import static dev.smtpdane.lab.ChainSpec.Twist.SEND_ROOT;
import static dev.smtpdane.lab.ChainSpec.Twist.SIGNED_BY_OTHER_KEY;
import static dev.smtpdane.lab.ChainSpec.chain;
import static dev.smtpdane.lab.ServerSpec.server;
import static dev.smtpdane.lab.TlsaSpec.Subject.INTERMEDIATE;
import static dev.smtpdane.lab.TlsaSpec.Subject.LEAF;
import static dev.smtpdane.lab.TlsaSpec.Subject.ROOT;
import static dev.smtpdane.lab.TlsaSpec.ta;
import static dev.smtpdane.report.FindingCode.CA_EKU_NOT_SERVER_AUTH;
import static dev.smtpdane.report.FindingCode.CERT_EXPIRED;
import static dev.smtpdane.report.FindingCode.CERT_NAME_MISMATCH;
import static dev.smtpdane.report.FindingCode.CERT_NOT_YET_VALID;
import static dev.smtpdane.report.FindingCode.CHAIN_NOT_CA;
import static dev.smtpdane.report.FindingCode.CHAIN_SIGNATURE_BROKEN;
import static dev.smtpdane.report.FindingCode.DANE_VERIFIED;
import static dev.smtpdane.report.FindingCode.LEAF_EKU_NOT_SERVER_AUTH;
import static dev.smtpdane.report.FindingCode.NO_TLSA_MATCH;
import static dev.smtpdane.report.FindingCode.TA_NOT_IN_CHAIN;
import static dev.smtpdane.report.Verdict.FAILED;
import static dev.smtpdane.report.Verdict.VERIFIED;

import java.util.List;

/**
 * DANE-TA (usage 2) scenarios: RFC 7672 §3.1.2 — a CA the server sends (or whose key a
 * {@code 2 x 0} record carries) anchors a path to the leaf; every certificate on the path is
 * checked, and the leaf's names must match a reference identifier (§3.2.2).
 */
final class DaneTaScenarios {
  private static final String THEME = "DANE-TA";

  private DaneTaScenarios() {}

  private static ScenarioBuilder mxHost(String name, String description, ServerSpec server) {
    return ScenarioBuilder.scenario(THEME, name, description).mx(10, "mx").host("mx", server);
  }

  static List<ScenarioDefinition> all() {
    return List.of(
        mxHost("ta-211-intermediate", "DANE-TA 2 1 1 on the intermediate the server sends",
            server())
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ta-201-root", "DANE-TA 2 0 1 on the root CA the server sends",
            server().with(SEND_ROOT))
            .tlsa("mx", ta(0, 1, ROOT))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ta-210-unsent-root", "DANE-TA 2 1 0: full key of a root the server does not send",
            server())
            .tlsa("mx", ta(1, 0, ROOT))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ta-nexthop-name", "DANE-TA: only the MX domain is in the certificate",
            server().chain(chain().names("ta-nexthop-name.test")))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ta-aka-name", "DANE-TA: only an -aka name is in the certificate",
            server().chain(chain().names("relay.provider.example")))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .arguments("-mx", "-aka", "relay.provider.example")
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ta-wildcard", "DANE-TA: wildcard *.ta-wildcard.test for mx.ta-wildcard.test",
            server().chain(chain().names("*.ta-wildcard.test")))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ta-cn-only", "DANE-TA: no subjectAltName, host name in the subject CN",
            server().with(NO_SAN))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ta-not-sent", "DANE-TA 2 1 1 digest of a CA the server does not send",
            server())
            .tlsa("mx", ta(1, 1, ROOT))
            .expect(FAILED, 1, NO_TLSA_MATCH, TA_NOT_IN_CHAIN).build(),
        mxHost("ta-name-mismatch", "DANE-TA matches, leaf names match no reference name",
            server().chain(chain().names("www.elsewhere.example")))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CERT_NAME_MISMATCH).build(),
        mxHost("ta-san-uri-hides-dns-id",
            "DANE-TA: host in CN; DNS-ID for another beside a URI SAN",
            server().chain(chain().with(SAN_URI_BESIDE_OTHER_DNS_ID)))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CERT_NAME_MISMATCH).build(),
        ScenarioBuilder.scenario(THEME, "ta-wildcard-depth",
                "DANE-TA: a wildcard covers one label only, not mx.sub")
            .mx(10, "mx.sub")
            .host("mx.sub", server().chain(chain().names("*.ta-wildcard-depth.test")))
            .tlsa("mx.sub", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CERT_NAME_MISMATCH).build(),
        mxHost("ta-leaf-expired", "DANE-TA matches, leaf expired", server().with(LEAF_EXPIRED))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CERT_EXPIRED).build(),
        mxHost("ta-intermediate-expired", "DANE-TA matches, intermediate expired",
            server().with(INTERMEDIATE_EXPIRED))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CERT_EXPIRED).build(),
        mxHost("ta-200-expired-anchor", "DANE-TA 2 0 0: the unsent root in the record expired",
            server().with(ROOT_EXPIRED))
            .tlsa("mx", ta(0, 0, ROOT))
            .expect(FAILED, 1, NO_TLSA_MATCH, CERT_EXPIRED).build(),
        mxHost("ta-leaf-not-yet-valid", "DANE-TA matches, leaf not yet valid",
            server().with(LEAF_NOT_YET_VALID))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CERT_NOT_YET_VALID).build(),
        mxHost("ta-broken-signature", "DANE-TA matches, intermediate is not the leaf's issuer",
            server().with(SIGNED_BY_OTHER_KEY))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CHAIN_SIGNATURE_BROKEN).build(),
        mxHost("ta-issuer-not-ca", "DANE-TA: the leaf's issuer is not a CA",
            server().with(INTERMEDIATE_NOT_CA))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CHAIN_NOT_CA).build(),
        mxHost("ta-eku-client-only", "DANE-TA: leaf EKU allows clientAuth only",
            server().with(LEAF_CLIENT_AUTH_ONLY))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, LEAF_EKU_NOT_SERVER_AUTH).build(),
        mxHost("ta-ca-eku-client-only", "DANE-TA: the intermediate's EKU allows clientAuth only",
            server().with(INTERMEDIATE_CLIENT_AUTH_ONLY))
            .tlsa("mx", ta(1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH, CA_EKU_NOT_SERVER_AUTH).build(),
        mxHost("ta-matches-leaf", "2 1 1 of the leaf: DANE-TA needs a CA", server())
            .tlsa("mx", ta(1, 1, LEAF))
            .expect(FAILED, 1, NO_TLSA_MATCH).build());
  }
}
