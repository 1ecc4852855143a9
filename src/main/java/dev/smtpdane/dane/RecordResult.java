package dev.smtpdane.dane;

import dev.smtpdane.report.FindingCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What one TLSA record did against one presented chain (dane-rules.md §5: "report every
 * record: matched, where, by which name, or why not"). Chain positions count from the leaf at
 * 0, in the order the server sent the certificates.
 *
 * <p>Each variant has a stable {@link #code()} and a short English {@link #explain()};
 * renderers may word it their own way from the fields.
 */
public sealed interface RecordResult {

  /**
   * The record authenticates the server. {@code path} is the validated path as chain
   * positions, leaf (0) first: for DANE-EE just {@code [0]}, names null; for DANE-TA the leaf
   * up through its issuers to the trust anchor. If {@code anchorFromRecord}, the anchor is the
   * key or certificate carried in a {@code 2 x 0} record and the path ends at the presented
   * certificate that key signed. Certificates the server sent that are not in {@code path}
   * (extra or cross-signed copies) took no part. {@code referenceName} is the reference
   * identifier that matched and {@code presentedName} the certificate's name (perhaps a
   * wildcard) that it matched.
   */
  record Matched(
      List<Integer> path, boolean anchorFromRecord, String referenceName, String presentedName)
      implements RecordResult {
    public Matched {
      path = List.copyOf(path);
      if (path.isEmpty() || path.get(0) != 0) {
        throw new IllegalArgumentException("a validated path starts at the leaf: " + path);
      }
    }

    /**
     * Where the path ends: 0 for DANE-EE; for DANE-TA the trust anchor's position, or with
     * {@code anchorFromRecord} the certificate the record's key signed.
     */
    public int chainPosition() {
      return path.get(path.size() - 1);
    }
  }

  /**
   * No certificate this usage may use matches. If {@code matchesOtherPosition} is present, the
   * record matches a certificate its usage cannot use: a DANE-EE record that matches a CA
   * (position above 0), or a DANE-TA record that matches only the leaf (position 0).
   */
  record DigestMismatch(OptionalInt matchesOtherPosition) implements RecordResult {
    public DigestMismatch {
      Objects.requireNonNull(matchesOtherPosition, "matchesOtherPosition");
    }
  }

  /**
   * RFC 7672 §3.1.2: the trust anchor must be in the chain the server sends. No certificate
   * above the leaf matches, and for a Full(0) record its key signs none of the chain.
   */
  record TaNotInChain() implements RecordResult {}

  /** A certificate the server sent matches, but it did not issue the leaf or its issuers. */
  record AnchorNotOnPath(int anchorPosition) implements RecordResult {}

  /** The certificate at {@code position} is not signed by the next one up the path. */
  record SignatureBroken(int position) implements RecordResult {}

  /** The certificate at {@code position} is signed with MD5 or SHA-1 ({@link SignatureCheck}). */
  record WeakSignature(int position, String algorithm) implements RecordResult {}

  /**
   * The certificate at {@code position}, above the leaf on the path, may not act as a CA;
   * {@code position} is {@link #RECORD_CERTIFICATE} for the anchor a {@code 2 0 0} record
   * carries.
   */
  record NotCa(int position, CaProblem problem) implements RecordResult {}

  /** Why a certificate on a DANE-TA path cannot be an issuer (RFC 5280 §4.2.1.3, §4.2.1.9). */
  enum CaProblem {
    /**
     * No basicConstraints extension, below the top of the path; at the top, also no keyUsage
     * and no nsCertType sslCA, and not a self-issued version 1 root (PathChecks#caProblem).
     */
    NO_BASIC_CONSTRAINTS,
    /** basicConstraints says cA=false. */
    NOT_A_CA,
    /** A keyUsage extension without keyCertSign. */
    NO_KEY_CERT_SIGN,
    /** More intermediates below it than its pathLenConstraint allows. */
    PATH_LENGTH_EXCEEDED
  }

  /**
   * The certificate at {@code position} on the DANE-TA path expired at {@code notAfter}, or, at
   * {@link #RECORD_CERTIFICATE}, the trust anchor a {@code 2 0 0} record carries.
   */
  record Expired(int position, Instant notAfter) implements RecordResult {}

  /**
   * The certificate at {@code position} on the DANE-TA path (or {@link #RECORD_CERTIFICATE})
   * is valid only from {@code notBefore}.
   */
  record NotYetValid(int position, Instant notBefore) implements RecordResult {}

  /** The DANE-TA leaf has an extendedKeyUsage without serverAuth; {@code purposes} are OIDs. */
  record EkuNotServerAuth(List<String> purposes) implements RecordResult {
    public EkuNotServerAuth {
      purposes = List.copyOf(purposes);
    }
  }

  /**
   * The CA at {@code position} on the DANE-TA path, the trust anchor included, or at {@link
   * #RECORD_CERTIFICATE} the anchor a {@code 2 0 0} record carries, has an extendedKeyUsage
   * that allows neither serverAuth nor Server Gated Crypto ({@link
   * PathChecks#caExtendedKeyUsage}); {@code purposes} are the OIDs it lists, empty if the
   * extension cannot be read. OpenSSL, which Postfix and Exim use, refuses such a chain.
   */
  record CaEkuNotServerAuth(int position, List<String> purposes) implements RecordResult {
    public CaEkuNotServerAuth {
      purposes = List.copyOf(purposes);
    }
  }

  /**
   * The DANE-TA leaf has a keyUsage that allows none of digitalSignature, keyEncipherment and
   * keyAgreement ({@link PathChecks#keyUsage}); {@code usages} are the bits it does set, by
   * their RFC 5280 §4.2.1.3 names.
   */
  record KeyUsageNotTlsServer(List<String> usages) implements RecordResult {
    public KeyUsageNotTlsServer {
      usages = List.copyOf(usages);
    }
  }

  /**
   * The DANE-TA leaf has a Netscape cert type (nsCertType) extension without sslServer ({@link
   * NetscapeCertType}); {@code types} are the bits it does set, empty if it cannot be read.
   */
  record NsCertTypeNotServer(List<String> types) implements RecordResult {
    public NsCertTypeNotServer {
      types = List.copyOf(types);
    }
  }

  /**
   * RFC 5280 §4.2: the certificate at {@code position} on the DANE-TA path has a critical
   * extension ({@code oid}, dotted) this check does not process, so it must be rejected; also
   * a nameConstraints extension that cannot be read. {@code position} is {@link
   * #RECORD_CERTIFICATE} for the certificate carried in a {@code 2 0 0} record.
   */
  record UnhandledCriticalExtension(int position, String oid) implements RecordResult {}

  /**
   * RFC 5280 §4.2.1.10: the nameConstraints of the CA at {@code position} on the DANE-TA path
   * (or {@link #RECORD_CERTIFICATE}) exclude {@code name}, a DNS name of the leaf; {@code
   * constraint} says which subtrees ({@link DnsNameConstraints}).
   */
  record NameConstraintViolation(int position, String name, String constraint)
      implements RecordResult {}

  /**
   * The position given for the trust anchor certificate carried in a {@code 2 0 0} record,
   * which the server did not send and so has no chain position.
   */
  int RECORD_CERTIFICATE = -1;

  /** No reference identifier (those tried) matches a name the DANE-TA leaf presents. */
  record NameMismatch(List<String> namesTried, List<String> namesInCert)
      implements RecordResult {
    public NameMismatch {
      namesTried = List.copyOf(namesTried);
      namesInCert = List.copyOf(namesInCert);
    }
  }

  /**
   * RFC 7671 §9: a stronger digest of the same (usage, selector) pair is published, so this
   * record does not count. {@code wouldHaveMatched} says whether it would have authenticated
   * the server on its own: then agility-aware senders (Postfix) fail where others pass.
   */
  record WeakerDigestIgnored(List<TlsaRecord> strongerRecords, boolean wouldHaveMatched)
      implements RecordResult {
    public WeakerDigestIgnored {
      strongerRecords = List.copyOf(strongerRecords);
    }
  }

  /** The record cannot be used at all (dane-rules.md §4). */
  record Unusable(UnusableReason reason, String detail) implements RecordResult {}

  /** The stable machine code for this outcome. */
  default FindingCode code() {
    return switch (this) {
      case Matched m -> FindingCode.DANE_VERIFIED;
      case DigestMismatch m -> FindingCode.NO_TLSA_MATCH;
      case TaNotInChain t -> FindingCode.TA_NOT_IN_CHAIN;
      case AnchorNotOnPath a -> FindingCode.TA_NOT_ON_PATH;
      case SignatureBroken s -> FindingCode.CHAIN_SIGNATURE_BROKEN;
      case WeakSignature w -> FindingCode.CHAIN_SIGNATURE_WEAK;
      case NotCa n -> FindingCode.CHAIN_NOT_CA;
      case Expired e -> FindingCode.CERT_EXPIRED;
      case NotYetValid n -> FindingCode.CERT_NOT_YET_VALID;
      case EkuNotServerAuth e -> FindingCode.LEAF_EKU_NOT_SERVER_AUTH;
      case CaEkuNotServerAuth e -> FindingCode.CA_EKU_NOT_SERVER_AUTH;
      case KeyUsageNotTlsServer k -> FindingCode.LEAF_KEY_USAGE_NOT_TLS_SERVER;
      case NsCertTypeNotServer n -> FindingCode.LEAF_NS_CERT_TYPE_NOT_SERVER;
      case UnhandledCriticalExtension u -> FindingCode.CHAIN_UNHANDLED_CRITICAL_EXTENSION;
      case NameConstraintViolation n -> FindingCode.NAME_CONSTRAINT_VIOLATION;
      case NameMismatch n -> FindingCode.CERT_NAME_MISMATCH;
      case WeakerDigestIgnored w -> FindingCode.DIGEST_AGILITY;
      case Unusable u -> FindingCode.TLSA_UNUSABLE;
    };
  }

  /** True only for {@link Matched}. */
  default boolean matched() {
    return this instanceof Matched;
  }

  /** One English sentence on what happened (without repeating the record). */
  default String explain() {
    return RecordExplanation.of(this);
  }
}
