package dev.smtpdane.dns;

import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.dns.LabDns;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Type;

/**
 * The lab world the validator tests share: signed zones with NSEC and NSEC3, unsigned and
 * opt-out delegations, wildcards, CNAME chains in and out of signed DNS, and every signature
 * and key fault a validator must catch.
 */
final class ValidationLab {
  static final byte[] DIGEST = new byte[32];
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private ValidationLab() {}

  static LabDns start() {
    return LabDns.builder()
        .zone("example.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.25")
            .aaaa("mx", "::1").tlsa("_25._tcp.mx", 3, 1, 1, DIGEST)
            .a("bad-sig", "127.0.0.26").a("old-sig", "127.0.0.27")
            .a("future-sig", "127.0.0.28").a("stray-key", "127.0.0.29")
            .a("servfail", "127.0.0.30").cname("alias", "mx")
            .cname("to-unsigned", "www.insecure.test.").cname("to-nosoa", "www.nosoa.test.")
            .cname("to-bogus", "bad-sig").a("*.wild", "127.0.0.31").a("denied", "127.0.0.32"))
        .unsignedZone("insecure.test.", z -> z.a("www", "127.0.0.40")
            .cname("back", "mx.example.test.").cname("to-bogus", "bad-sig.example.test."))
        .unsignedZone("nosoa.test.", z -> z.a("www", "127.0.0.41"))
        .zone("wrong-ds.test.", z -> z.a("mx", "127.0.0.42"))
        .zone("nokeys.test.", z -> z.a("mx", "127.0.0.43"))
        .nsec3Zone("hashed.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.44")
            .tlsa("_25._tcp.mx", 3, 1, 1, DIGEST).a("*.wild", "127.0.0.45"))
        .nsec3OptOutZone("optout.test.", z -> z.a("mx", "127.0.0.46"))
        .unsignedZone("open.optout.test.", z -> z.a("www", "127.0.0.47"))
        .fault("bad-sig.example.test.", Type.A, Fault.CORRUPT_SIGNATURE)
        .fault("old-sig.example.test.", Type.A, Fault.EXPIRED_SIGNATURE)
        .fault("future-sig.example.test.", Type.A, Fault.NOT_YET_VALID_SIGNATURE)
        .fault("stray-key.example.test.", Type.A, Fault.MISSING_DNSKEY)
        .fault("servfail.example.test.", Type.A, Fault.SERVFAIL)
        .fault("denied.example.test.", Type.NSEC, Fault.CORRUPT_SIGNATURE)
        .fault("www.nosoa.test.", Type.AAAA, Fault.DENIAL_WITHOUT_SOA)
        .fault("wrong-ds.test.", Type.DS, Fault.DS_MISMATCH)
        .fault("nokeys.test.", Type.DNSKEY, Fault.SERVFAIL)
        .start();
  }

  /** Our validator asking {@code resolvers}, anchored at the lab root. */
  static ValidatingLookup validating(LabDns lab, InetSocketAddress... resolvers) {
    return new ValidatingLookup(List.of(resolvers), TIMEOUT, 1,
        TrustAnchors.parse(lab.trustAnchor()));
  }

  /** The AD-trusting stub asking the lab's validating resolver. */
  static StubResolver trusting(LabDns lab) {
    return new StubResolver(List.of(lab.resolver()), TIMEOUT, 1);
  }
}
