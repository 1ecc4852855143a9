package dev.smtpdane.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.dns.StubResolver;
import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.lab.dns.LabZone;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Type;

/**
 * The DNS side of the scenario catalogue (shared/spec/scenarios.md) as lab zones, and the
 * helpers the lab discovery tests share.
 */
final class LabWorlds {
  static final byte[] KEY_DIGEST = sha256("mail server key");

  private LabWorlds() {}

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Discovers with a stub resolver asking {@code resolvers}, else the lab's resolver. */
  static Plan discover(LabDns lab, DiscoveryRequest request, InetSocketAddress... resolvers) {
    List<InetSocketAddress> list =
        resolvers.length == 0 ? List.of(lab.resolver()) : List.of(resolvers);
    return new Discovery(new StubResolver(list, Duration.ofSeconds(3), 1)).discover(request);
  }

  static List<FindingCode> codes(Plan plan) {
    return plan.allFindings().stream().map(Finding::code).toList();
  }

  static List<FindingCode> errors(Plan plan) {
    return plan.allFindings().stream().filter(f -> f.severity() == Severity.ERROR)
        .map(Finding::code).toList();
  }

  static HostPlan onlyHost(Plan plan) {
    assertThat(plan.domains()).hasSize(1);
    assertThat(plan.domains().get(0).hosts()).hasSize(1);
    return plan.domains().get(0).hosts().get(0);
  }

  static LabDns.Builder scenarios(LabDns.Builder b) {
    return b
        .zone("secure.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.10").aaaa("mx", "::1")
            .tlsa("_25._tcp.mx", 3, 1, 1, KEY_DIGEST))
        .unsignedZone("insecure-mx.test.", z -> z.mx("@", 10, "mx.secure.test."))
        .zone("bogus-mx.test.", z -> z.mx("@", 10, "mx.secure.test."))
        .fault("bogus-mx.test.", Type.MX, Fault.CORRUPT_SIGNATURE)
        .zone("wrong-ds.test.", z -> z.mx("@", 10, "mx.secure.test."))
        .fault("wrong-ds.test.", Type.DS, Fault.DS_MISMATCH)
        .zone("implicit.test.", z -> z.a("@", "127.0.0.11")
            .tlsa("_25._tcp", 3, 1, 1, KEY_DIGEST))
        .zone("null-mx.test.", z -> z.nullMx("@"))
        .zone("submit.test.", z -> z.srv("_submission._tcp", 0, 1, 587, "mail")
            .srv("_submissions._tcp", 0, 1, 465, "mail").a("mail", "127.0.0.12")
            .tlsa("_587._tcp.mail", 3, 1, 1, KEY_DIGEST)
            .tlsa("_465._tcp.mail", 3, 1, 1, KEY_DIGEST))
        .zone("no-submission.test.", z -> z.srv("_submission._tcp", 0, 0, 0, "."))
        .zone("srv-no-host.test.", z -> z.srv("_submission._tcp", 0, 1, 587, "127.0.0.1.")
            .srv("_submission._tcp", 0, 1, 587, "localhost.")
            .srv("_submission._tcp", 10, 1, 587, "mail.submit.test."))
        .zone("alias.test.", z -> z.cname("mx", "host.provider.test.")
            .cname("mx2", "host2.provider.test.").tlsa("_25._tcp.mx2", 3, 1, 1, KEY_DIGEST)
            .cname("mx3", "www.unsigned.test.").tlsa("_25._tcp.mx3", 3, 1, 1, KEY_DIGEST)
            .cname("mx4", "www.unsigned.test.").cname("mx5", "mid.provider.test.")
            .cname("mx6", "bad.provider.test.").tlsa("_25._tcp.mx6", 3, 1, 1, KEY_DIGEST))
        .zone("provider.test.", z -> z.a("host", "127.0.0.13")
            .tlsa("_25._tcp.host", 3, 1, 1, KEY_DIGEST).a("host2", "127.0.0.14")
            .cname("mid", "www.unsigned.test.").tlsa("_25._tcp.mid", 3, 1, 1, KEY_DIGEST)
            .cname("bad", "www.unsigned.test."))
        .fault("bad.provider.test.", Type.CNAME, Fault.CORRUPT_SIGNATURE)
        .unsignedZone("unsigned.test.", z -> z.a("www", "127.0.0.15").a("mx", "127.0.0.20")
            .tlsa("_25._tcp.mx", 3, 1, 1, KEY_DIGEST).tlsa("_25._tcp.www", 3, 1, 1, KEY_DIGEST)
            .cname("alias", "host.provider.test.").tlsa("_25._tcp.alias", 3, 1, 1, KEY_DIGEST))
        .zone("no-tlsa.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.16"))
        .nsec3Zone("no-tlsa3.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.26"))
        .zone("bogus-tlsa.test.", z -> withTlsa(z.mx("@", 10, "mx"), "127.0.0.17"))
        .fault("_25._tcp.mx.bogus-tlsa.test.", Type.TLSA, Fault.CORRUPT_SIGNATURE)
        .zone("expired-tlsa.test.", z -> withTlsa(z.mx("@", 10, "mx"), "127.0.0.18"))
        .fault("_25._tcp.mx.expired-tlsa.test.", Type.TLSA, Fault.EXPIRED_SIGNATURE)
        .zone("servfail-tlsa.test.", z -> withTlsa(z.mx("@", 10, "mx"), "127.0.0.19"))
        .fault("_25._tcp.mx.servfail-tlsa.test.", Type.TLSA, Fault.SERVFAIL)
        .zone("slow-tlsa.test.", z -> withTlsa(z.mx("@", 10, "mx"), "127.0.0.22"))
        .fault("_25._tcp.mx.slow-tlsa.test.", Type.TLSA, Fault.DROP)
        .zone("dual.test.", z -> withTlsa(z.mx("@", 10, "mx"), "127.0.0.21").aaaa("mx", "::1"))
        .fault("mx.dual.test.", Type.AAAA, Fault.CORRUPT_SIGNATURE)
        .zone("bogus-a.test.", z -> withTlsa(z.mx("@", 10, "mx"), "127.0.0.23"))
        .fault("mx.bogus-a.test.", Type.A, Fault.CORRUPT_SIGNATURE)
        .zone("two-mx.test.", z -> withTlsa(z.mx("@", 20, "mx").mx("@", 10, "mx2"), "127.0.0.24")
            .a("mx2", "127.0.0.25").tlsa("_25._tcp.mx2", 3, 1, 1, KEY_DIGEST));
  }

  private static LabZone withTlsa(LabZone z, String address) {
    return z.a("mx", address).tlsa("_25._tcp.mx", 3, 1, 1, KEY_DIGEST);
  }
}
