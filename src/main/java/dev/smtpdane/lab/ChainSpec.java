package dev.smtpdane.lab;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the lab makes one server's certificate chain: by default an ECDSA leaf for the host name,
 * issued by the lab's intermediate CA under the lab root, sent as leaf then intermediate.
 *
 * @param names the leaf's DNS names (the first is also its CN); empty means the host name
 * @param twists what is different from the default
 */
record ChainSpec(List<String> names, Set<Twist> twists) {
  /** One departure from a well-made chain, each a mistake seen in real deployments. */
  enum Twist {
    /** The leaf expired yesterday. */
    LEAF_EXPIRED,
    /** The leaf becomes valid tomorrow. */
    LEAF_NOT_YET_VALID,
    /** The intermediate CA that issued the leaf has expired. */
    INTERMEDIATE_EXPIRED,
    /**
     * The intermediate is current, but the root above it (not sent, so a {@code 2 0 0} record
     * must carry it) has expired: an anchor left in DNS past its date.
     */
    ROOT_EXPIRED,
    /** The "intermediate" has basicConstraints cA=false: a leaf misused as an issuer. */
    INTERMEDIATE_NOT_CA,
    /** The leaf's extended key usage allows clientAuth only. */
    LEAF_CLIENT_AUTH_ONLY,
    /**
     * The intermediate CA that issued the leaf has an extended key usage of clientAuth only (a
     * private CA made for client certificates): RFC 5280 is silent, OpenSSL refuses the chain.
     */
    INTERMEDIATE_CLIENT_AUTH_ONLY,
    /**
     * The leaf was issued by a re-keyed CA of the same name, but the server still sends the old
     * intermediate: the names line up, the signature does not verify.
     */
    SIGNED_BY_OTHER_KEY,
    /** The server also sends the root CA. */
    SEND_ROOT,
    /** The server sends only its leaf. */
    LEAF_ONLY,
    /** A self-signed leaf (common with DANE-EE). */
    SELF_SIGNED,
    /** An RSA 2048 leaf key instead of ECDSA P-256. */
    RSA_LEAF,
    /** No subjectAltName: the name is only in the subject CN. */
    NO_SAN,
    /**
     * The subject CN is the host name, but the subjectAltName holds the host name as a URI
     * without a scheme (valid DER the JDK's parser refuses, hiding every SAN beside it) and a
     * DNS-ID for another host: the DNS-ID rules out the CN (RFC 6125 §6.4.4).
     */
    SAN_URI_BESIDE_OTHER_DNS_ID,
    /** A key of its own, unlike the host's other servers: a forgotten or stale server. */
    OTHER_KEY,
    /**
     * The server sends its own chain but signs the handshake with another key: a certificate
     * copied without its key, or a key and certificate deployed out of step. The TLSA records
     * match what is sent, and TLS itself must fail (RFC 8446 §4.4.3).
     */
    KEY_NOT_HELD
  }

  ChainSpec {
    names = List.copyOf(names);
    twists = twists.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(twists));
  }

  /** The default chain. */
  static ChainSpec chain() {
    return new ChainSpec(List.of(), Set.of());
  }

  /** The leaf carries exactly these DNS names. */
  ChainSpec names(String... dnsNames) {
    return new ChainSpec(List.of(dnsNames), twists);
  }

  ChainSpec with(Twist... more) {
    Set<Twist> all = EnumSet.noneOf(Twist.class);
    all.addAll(twists);
    all.addAll(List.of(more));
    return new ChainSpec(names, all);
  }

  boolean has(Twist twist) {
    return twists.contains(twist);
  }
}
