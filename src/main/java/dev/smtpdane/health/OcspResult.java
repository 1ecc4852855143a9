package dev.smtpdane.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the stapled OCSP response says about the leaf certificate, after parsing, matching the
 * CertID, checking the signer and checking freshness (RFC 6960). Exactly one variant applies;
 * {@link OcspCheck#check} documents the order in which they are decided.
 */
public sealed interface OcspResult {

  /** The server stapled nothing (it may not support stapling, or had no response cached). */
  record Missing() implements OcspResult {}

  /** A staple that is not a DER OCSPResponse. */
  record Unparsable(String reason) implements OcspResult {
    public Unparsable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A well-formed OCSP error response (RFC 6960 §4.2.1: e.g. tryLater, unauthorized): the
   * responder gave no certificate status, and the server stapled that anyway.
   *
   * @param status the responseStatus name and number, e.g. {@code tryLater (3)}
   */
  record ErrorResponse(String status) implements OcspResult {
    public ErrorResponse {
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * A response about the leaf that cannot be checked, e.g. because its issuer was not sent.
   *
   * @param claimedStatus what the unchecked response says, if it is about the leaf: {@code
   *     good}, {@code revoked} or {@code unknown}
   */
  record Unverifiable(String reason, Optional<String> claimedStatus) implements OcspResult {
    public Unverifiable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(claimedStatus, "claimedStatus");
    }
  }

  /** A response about the leaf not signed by the issuer or a responder the issuer authorised. */
  record BadSignature(String reason) implements OcspResult {
    public BadSignature {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * No staple covers the leaf: every response is about another certificate.
   *
   * @param coveredSerials the serial numbers (upper-case hex) the staples are about
   * @param leafSerial the leaf's serial number (upper-case hex); when it is among {@code
   *     coveredSerials}, the response names the same serial under another issuer
   */
  record WrongCertificate(List<String> coveredSerials, String leafSerial) implements OcspResult {
    public WrongCertificate {
      coveredSerials = List.copyOf(coveredSerials);
      Objects.requireNonNull(leafSerial, "leafSerial");
    }
  }

  /** The response's nextUpdate has passed: the server staples an outdated response. */
  record Stale(Instant thisUpdate, Instant nextUpdate) implements OcspResult {
    public Stale {
      Objects.requireNonNull(thisUpdate, "thisUpdate");
      Objects.requireNonNull(nextUpdate, "nextUpdate");
    }
  }

  /** The response's thisUpdate lies in the future: a clock is wrong somewhere. */
  record NotYetValid(Instant thisUpdate) implements OcspResult {
    public NotYetValid {
      Objects.requireNonNull(thisUpdate, "thisUpdate");
    }
  }

  /**
   * The leaf is not revoked, per a fresh response from an authorised signer.
   *
   * @param responder who signed: the issuer, or a named delegated responder
   */
  record Good(Instant thisUpdate, Optional<Instant> nextUpdate, String responder)
      implements OcspResult {
    public Good {
      Objects.requireNonNull(thisUpdate, "thisUpdate");
      Objects.requireNonNull(nextUpdate, "nextUpdate");
      Objects.requireNonNull(responder, "responder");
    }
  }

  /**
   * The leaf is revoked, per a response from an authorised signer (fresh or not: revocation
   * does not expire).
   *
   * @param reason the CRLReason name (RFC 5280 §5.3.1), e.g. {@code keyCompromise}, if given
   */
  record Revoked(Instant revocationTime, Optional<String> reason, String responder)
      implements OcspResult {
    public Revoked {
      Objects.requireNonNull(revocationTime, "revocationTime");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(responder, "responder");
    }
  }

  /** The responder does not know the leaf (RFC 6960 §2.2 "unknown"). */
  record Unknown(Instant thisUpdate, String responder) implements OcspResult {
    public Unknown {
      Objects.requireNonNull(thisUpdate, "thisUpdate");
      Objects.requireNonNull(responder, "responder");
    }
  }
}
