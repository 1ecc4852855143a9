package dev.smtpdane.lab;

import static dev.smtpdane.lab.ChainSpec.Twist.KEY_NOT_HELD;
import static dev.smtpdane.lab.ChainSpec.Twist.LEAF_EXPIRED;
import static dev.smtpdane.lab.ChainSpec.Twist.LEAF_NOT_YET_VALID;
import static dev.smtpdane.lab.ChainSpec.Twist.RSA_LEAF;
import static dev.smtpdane.lab.ChainSpec.Twist.SELF_SIGNED;
import static dev.smtpdane.lab.ServerSpec.server;
import static dev.smtpdane.lab.TlsaSpec.Subject.INTERMEDIATE;
import static dev.smtpdane.lab.TlsaSpec.Subject.NEXT_LEAF;
import static dev.smtpdane.lab.TlsaSpec.ee;
import static dev.smtpdane.lab.TlsaSpec.ta;
import static dev.smtpdane.lab.TlsaSpec.tlsa;
import static dev.smtpdane.report.FindingCode.DANE_VERIFIED;
import static dev.smtpdane.report.FindingCode.DIGEST_AGILITY;
import static dev.smtpdane.report.FindingCode.EE_LEAF_EXPIRED;
import static dev.smtpdane.report.FindingCode.EE_LEAF_NOT_YET_VALID;
import static dev.smtpdane.report.FindingCode.HANDSHAKE_FAILED;
import static dev.smtpdane.report.FindingCode.NO_TLSA_MATCH;
import static dev.smtpdane.report.FindingCode.TLSA_CERT_SELECTOR_FULL;
import static dev.smtpdane.report.FindingCode.TLSA_SINGLE_RECORD;
import static dev.smtpdane.report.Verdict.FAILED;
import static dev.smtpdane.report.Verdict.VERIFIED;

import java.util.List;

/**
 * DANE-EE (usage 3) scenarios: RFC 7672 §3.1.1 — the leaf certificate or its key matches; no
 * name check and no date check, so an expired leaf still verifies (with a warning).
 */
final class DaneEeScenarios {
  private static final String THEME = "DANE-EE";

  private DaneEeScenarios() {}

  /** A domain with one MX host {@code mx} served by {@code server}. */
  static ScenarioBuilder mxHost(String name, String description, ServerSpec server) {
    return ScenarioBuilder.scenario(THEME, name, description).mx(10, "mx").host("mx", server);
  }

  static List<ScenarioDefinition> all() {
    return List.of(
        mxHost("ee-311-good", "DANE-EE 3 1 1 matches the server key", server())
            .tlsa("mx", ee(1, 1))
            .expect(VERIFIED, 0, DANE_VERIFIED, TLSA_SINGLE_RECORD).build(),
        mxHost("ee-301-good", "DANE-EE 3 0 1 (SHA2-256 of the certificate)", server())
            .tlsa("mx", ee(0, 1))
            .expect(VERIFIED, 0, DANE_VERIFIED, TLSA_CERT_SELECTOR_FULL).build(),
        mxHost("ee-312-good", "DANE-EE 3 1 2 (SHA2-512 of the key)", server())
            .tlsa("mx", ee(1, 2))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ee-300-good", "DANE-EE 3 0 0 (the whole certificate)", server())
            .tlsa("mx", ee(0, 0))
            .expect(VERIFIED, 0, DANE_VERIFIED, TLSA_CERT_SELECTOR_FULL).build(),
        mxHost("ee-310-good", "DANE-EE 3 1 0 (the whole public key)", server())
            .tlsa("mx", ee(1, 0))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ee-rsa-good", "DANE-EE 3 1 1 with an RSA 2048 server key",
            server().with(RSA_LEAF))
            .tlsa("mx", ee(1, 1))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ee-self-signed", "DANE-EE 3 1 1 with a self-signed certificate",
            server().with(SELF_SIGNED))
            .tlsa("mx", ee(1, 1))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ee-name-ignored", "DANE-EE ignores names: certificate for another host",
            server().chain(ChainSpec.chain().names("www.elsewhere.example")))
            .tlsa("mx", ee(1, 1))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        // scenarios.md lists this under "must verify (exit 0)", but cli.md makes any warning
        // exit 1: the verdict is verified, the exit code 1 (RFC 7672 §3.1.1).
        mxHost("ee-expired-leaf", "DANE-EE with an expired leaf: verified, with a warning",
            server().with(LEAF_EXPIRED))
            .tlsa("mx", ee(1, 1))
            .expect(VERIFIED, 1, DANE_VERIFIED, EE_LEAF_EXPIRED).build(),
        mxHost("ee-future-leaf", "DANE-EE with a not-yet-valid leaf: verified, warning",
            server().with(LEAF_NOT_YET_VALID))
            .tlsa("mx", ee(1, 1))
            .expect(VERIFIED, 1, DANE_VERIFIED, EE_LEAF_NOT_YET_VALID).build(),
        mxHost("rollover-ee-ee", "rollover pair: 3 1 1 current key + 3 1 1 next key", server())
            .tlsa("mx", ee(1, 1), new TlsaSpec(3, 1, 1, NEXT_LEAF, TlsaSpec.Defect.NONE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("rollover-ee-ta", "rollover pair: 3 1 1 of the key + 2 1 1 of the CA", server())
            .tlsa("mx", ee(1, 1), ta(1, 1, INTERMEDIATE))
            .expect(VERIFIED, 0, DANE_VERIFIED).build(),
        mxHost("ee-311-wrong", "3 1 1 with a wrong digest", server())
            .tlsa("mx", ee(1, 1).wrong())
            .expect(FAILED, 1, NO_TLSA_MATCH).build(),
        mxHost("ee-next-key-only", "only the next key published, server still on the old",
            server())
            .tlsa("mx", new TlsaSpec(3, 1, 1, NEXT_LEAF, TlsaSpec.Defect.NONE))
            .expect(FAILED, 1, NO_TLSA_MATCH).build(),
        // The record matches the certificate sent, but the server cannot prove it holds the key
        // (RFC 8446 §4.4.3): a copied certificate must not pass, whatever DNS says.
        mxHost("ee-311-key-not-held", "3 1 1 matches, but the server lacks the key to it",
            server().with(KEY_NOT_HELD))
            .tlsa("mx", ee(1, 1))
            .expect(FAILED, 1, HANDSHAKE_FAILED).build(),
        mxHost("ee-matches-ca", "3 1 1 of the issuing CA's key, not the server's", server())
            .tlsa("mx", tlsa(3, 1, 1, INTERMEDIATE))
            .expect(FAILED, 1, NO_TLSA_MATCH).build(),
        mxHost("agility-512-wrong", "3 1 2 wrong and 3 1 1 right: the stronger digest rules",
            server())
            .tlsa("mx", ee(1, 2).wrong(), ee(1, 1))
            .expect(FAILED, 1, DIGEST_AGILITY).build());
  }
}
