package dev.smtpdane.report;

/**
 * Stable finding codes. The string form ({@link #code()}) is the JSON contract and what tests
 * assert; never rename one. Where an RFC 8460 (TLS-RPT) result type fits, the code uses it.
 * Add new codes at the end of their group.
 */
public enum FindingCode {
  // --- DNS and discovery (dane-rules.md §1-§3)
  MX_LOOKUP_BOGUS("mx-lookup-bogus"),
  MX_LOOKUP_FAILED("mx-lookup-failed"),
  MX_INSECURE("mx-insecure"),
  DOMAIN_NXDOMAIN("domain-nxdomain"),
  NULL_MX("null-mx"),
  NULL_MX_MIXED("null-mx-mixed"),
  IMPLICIT_MX("implicit-mx"),
  SRV_LOOKUP_BOGUS("srv-lookup-bogus"),
  SRV_LOOKUP_FAILED("srv-lookup-failed"),
  SRV_INSECURE("srv-insecure"),
  SRV_SERVICE_NOT_OFFERED("srv-service-not-offered"),
  HOST_NXDOMAIN("host-nxdomain"),
  ADDRESS_LOOKUP_BOGUS("address-lookup-bogus"),
  ADDRESS_LOOKUP_FAILED("address-lookup-failed"),
  ADDRESS_INSECURE("address-insecure"),
  NO_ADDRESSES("no-addresses"),
  CNAME_CHAIN_INSECURE("cname-chain-insecure"),
  CNAME_LOOP("cname-loop"),
  TLSA_LOOKUP_BOGUS("tlsa-lookup-bogus"),
  TLSA_LOOKUP_FAILED("tlsa-lookup-failed"),
  TLSA_INSECURE("tlsa-insecure"),
  NO_TLSA("no-tlsa"),
  RESOLVER_NOT_LOOPBACK("resolver-ad-untrusted-path"),
  RESOLVER_UNREACHABLE("resolver-unreachable"),
  FAN_OUT_CAPPED("fan-out-capped"),
  NO_SRV("no-srv-records"),
  ADDRESS_LITERAL("address-literal-no-dane"),
  /** The resolver's AD bit or SERVFAIL contradicts our own validation (--dnssec validate). */
  DNSSEC_DISAGREEMENT("dnssec-resolver-disagrees"),
  MX_TARGET_IP_LITERAL("mx-target-ip-literal"),
  MX_TARGET_LOCALHOST("mx-target-localhost"),
  SRV_TARGET_IP_LITERAL("srv-target-ip-literal"),
  SRV_TARGET_LOCALHOST("srv-target-localhost"),

  // --- TLSA records (dane-rules.md §4)
  TLSA_UNUSABLE("tlsa-unusable"),
  DANE_NOT_EFFECTIVE("dane-not-effective"),
  TLSA_SINGLE_RECORD("tlsa-no-rollover-partner"),
  TLSA_CERT_SELECTOR_FULL("tlsa-3-0-x-fragile"),

  // --- SMTP and TLS session (dane-rules.md §5)
  CONNECT_FAILED("connect-failed"),
  GREETING_BAD("greeting-bad"),
  EHLO_FAILED("ehlo-failed"),
  STARTTLS_NOT_OFFERED("starttls-not-offered"),
  STARTTLS_REFUSED("starttls-refused"),
  STARTTLS_INJECTION("starttls-response-injection"),
  HANDSHAKE_FAILED("validation-failure"),
  PROTOCOL_ERROR("smtp-protocol-error"),
  TIMEOUT("timeout"),
  LEGACY_TLS_VERSION("tls-legacy-version"),
  ANONYMOUS_CIPHER("tls-anonymous-cipher"),
  DANE_NOT_APPLICABLE("dane-not-applicable"),

  // --- DANE authentication (dane-rules.md §5)
  DANE_VERIFIED("dane-verified"),
  NO_TLSA_MATCH("no-tlsa-match"),
  TA_NOT_IN_CHAIN("ta-not-in-chain"),
  CERT_NAME_MISMATCH("certificate-host-mismatch"),
  CERT_EXPIRED("certificate-expired"),
  CERT_NOT_YET_VALID("certificate-not-yet-valid"),
  CHAIN_SIGNATURE_BROKEN("chain-signature-broken"),
  CHAIN_NOT_CA("chain-intermediate-not-ca"),
  LEAF_EKU_NOT_SERVER_AUTH("leaf-eku-not-server-auth"),
  DIGEST_AGILITY("tlsa-digest-agility"),
  EE_LEAF_EXPIRED("dane-ee-leaf-expired"),
  CERT_EXPIRING("cert-expiring"),
  EE_LEAF_NOT_YET_VALID("dane-ee-leaf-not-yet-valid"),
  CHAIN_SIGNATURE_WEAK("chain-signature-weak"),
  TA_NOT_ON_PATH("ta-not-issuer-of-chain"),
  CHAIN_TOO_LONG("chain-too-long"),
  LEAF_KEY_USAGE_NOT_TLS_SERVER("leaf-key-usage-not-tls-server"),
  CHAIN_UNHANDLED_CRITICAL_EXTENSION("chain-unhandled-critical-extension"),
  NAME_CONSTRAINT_VIOLATION("leaf-name-constraint-violation"),
  CA_EKU_NOT_SERVER_AUTH("ca-eku-not-server-auth"),
  LEAF_NS_CERT_TYPE_NOT_SERVER("leaf-ns-cert-type-not-server"),

  // --- run level
  RUN_DEADLINE("run-deadline-expired"),
  INTERNAL_ERROR("internal-error"),

  // --- Certificate health: stapled OCSP (issue 7; RFC 6066 §8, RFC 8446 §4.4.2.1, RFC 6960)
  OCSP_GOOD("ocsp-good"),
  OCSP_MISSING("ocsp-missing"),
  OCSP_UNPARSABLE("ocsp-unparsable"),
  OCSP_ERROR_RESPONSE("ocsp-error-response"),
  OCSP_UNVERIFIABLE("ocsp-unverifiable"),
  OCSP_BAD_SIGNATURE("ocsp-bad-signature"),
  OCSP_WRONG_CERTIFICATE("ocsp-wrong-certificate"),
  OCSP_STALE("ocsp-stale"),
  OCSP_NOT_YET_VALID("ocsp-not-yet-valid"),
  OCSP_REVOKED("ocsp-revoked"),
  OCSP_UNKNOWN("ocsp-unknown");

  private final String code;

  FindingCode(String code) {
    this.code = code;
  }

  /** The stable machine-readable code, e.g. {@code tlsa-lookup-bogus}. */
  public String code() {
    return code;
  }

  /** True for the OCSP stapling codes. */
  public boolean isOcsp() {
    return code.startsWith("ocsp-");
  }

  @Override
  public String toString() {
    return code;
  }
}
