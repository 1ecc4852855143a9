package dev.smtpdane.lab;

import static dev.smtpdane.lab.ServerSpec.server;
import static dev.smtpdane.lab.TlsaSpec.Subject.INTERMEDIATE;
import static dev.smtpdane.lab.TlsaSpec.Subject.LEAF;
import static dev.smtpdane.lab.TlsaSpec.ee;
import static dev.smtpdane.lab.TlsaSpec.tlsa;
import static dev.smtpdane.report.FindingCode.DANE_NOT_EFFECTIVE;
import static dev.smtpdane.report.FindingCode.DANE_VERIFIED;
import static dev.smtpdane.report.FindingCode.TLSA_UNUSABLE;
import static dev.smtpdane.report.Verdict.FAILED;
import static dev.smtpdane.report.Verdict.VERIFIED;

import java.util.List;

/**
 * TLSA RRsets with unusable or malformed records (RFC 7672 §3.1.3, RFC 6698 §2.1): with no
 * usable record a sender must still use TLS but can authenticate nothing ("DANE not
 * effective"); unusable records beside usable ones are ignored, with a warning.
 */
final class TlsaRecordScenarios {
  private static final String THEME = "TLSA records";

  private TlsaRecordScenarios() {}

  private static ScenarioBuilder mxHost(String name, String description) {
    return ScenarioBuilder.scenario(THEME, name, description).mx(10, "mx")
        .host("mx", server());
  }

  static List<ScenarioDefinition> all() {
    return List.of(
        mxHost("pkix-only", "only PKIX-TA 0 1 1 and PKIX-EE 1 1 1: unusable for SMTP")
            .tlsa("mx", tlsa(0, 1, 1, INTERMEDIATE), tlsa(1, 1, 1, LEAF))
            .expect(FAILED, 1, DANE_NOT_EFFECTIVE, TLSA_UNUSABLE).build(),
        mxHost("digest-31-bytes", "malformed: SHA2-256 data of 31 bytes")
            .tlsa("mx", ee(1, 1).truncated())
            .expect(FAILED, 1, DANE_NOT_EFFECTIVE, TLSA_UNUSABLE).build(),
        mxHost("unknown-mtype", "malformed: unknown matching type 3 1 9")
            .tlsa("mx", tlsa(3, 1, 9, LEAF))
            .expect(FAILED, 1, DANE_NOT_EFFECTIVE, TLSA_UNUSABLE).build(),
        mxHost("unknown-selector", "malformed: unknown selector 3 7 1")
            .tlsa("mx", tlsa(3, 7, 1, LEAF))
            .expect(FAILED, 1, DANE_NOT_EFFECTIVE, TLSA_UNUSABLE).build(),
        mxHost("unusable-beside-usable", "1 1 1 next to a good 3 1 1: verified, warning")
            .tlsa("mx", ee(1, 1), tlsa(1, 1, 1, LEAF))
            .expect(VERIFIED, 1, DANE_VERIFIED, TLSA_UNUSABLE).build());
  }
}
