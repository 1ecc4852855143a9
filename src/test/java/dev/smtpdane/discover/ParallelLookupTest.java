package dev.smtpdane.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.dns.DnssecState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Discovery waits for no answer it does not need before asking the next question (issue 9:
 * the round-trip floor is MX, then A, AAAA and TLSA at once, for every MX host at once). The
 * scripted DNS here holds every A, AAAA and TLSA question until all of them have been asked
 * (or 5 s pass) and notes whether they all were: asked one after the other, the first would
 * wait alone. No timing is measured.
 */
@Timeout(30)
class ParallelLookupTest {
  private static final String TLSA = "3 1 1 " + "AB".repeat(32);

  /** Holds the host questions until {@code expected} of them are in flight. */
  private static final class HeldDns implements DnsLookup {
    private final FakeDns answers;
    private final CountDownLatch inFlight;
    private final Map<String, Boolean> together = new ConcurrentHashMap<>();

    HeldDns(FakeDns answers, int expected) {
      this.answers = answers;
      this.inFlight = new CountDownLatch(expected);
    }

    @Override
    public Answer lookup(Name name, int type) {
      if (type != Type.MX) {
        inFlight.countDown();
        try {
          together.put(name + " " + Type.string(type), inFlight.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return answers.lookup(name, type);
    }
  }

  @Test
  void tlsaIsAskedWithTheAddressesOfEveryMxHostAtOnce() {
    FakeDns dns = new FakeDns().secure("x.test", "MX", "10 mx1.x.test.", "20 mx2.x.test.",
            "30 mx3.x.test.");
    for (String h : List.of("mx1", "mx2", "mx3")) {
      dns.host(h + ".x.test", "192.0.2.1", "192.0.2.2")
          .secure("_25._tcp." + h + ".x.test", "TLSA", TLSA);
    }
    HeldDns held = new HeldDns(dns, 9); // 3 hosts x (A, AAAA, TLSA)
    Plan plan = new Discovery(held).discover(DiscoveryRequest.mx(List.of(
        HostSpec.parse("x.test"))));
    assertThat(plan.targets()).hasSize(6);
    assertThat(held.together).hasSize(9);
    assertThat(Set.copyOf(held.together.values())).containsExactly(true);
  }

  @Test
  void insecureCnameCostsNoExtraRoundTrip_Rfc7672_2_2_2() {
    // The alias's own CNAME state comes with the address answers (the resolver asks for it);
    // the TLSA answer at the original name, asked with them, is the one that decides.
    List<String> chain = List.of("mx.x.test", "real.y.test");
    List<DnssecState> secureFirst = List.of(DnssecState.SECURE);
    FakeDns dns = new FakeDns()
        .viaLinks(DnssecState.INSECURE, "mx.x.test", "A", chain, secureFirst, "192.0.2.1")
        .viaLinks(DnssecState.INSECURE, "mx.x.test", "AAAA", chain, secureFirst)
        .secure("_25._tcp.mx.x.test", "TLSA", TLSA);
    HeldDns held = new HeldDns(dns, 3);
    Plan plan = new Discovery(held).discover(DiscoveryRequest.hosts(List.of(
        HostSpec.parse("mx.x.test"))));
    assertThat(plan.targets()).singleElement()
        .satisfies(t -> assertThat(t.daneApplicable()).isTrue());
    assertThat(dns.asked()).containsExactlyInAnyOrder("mx.x.test A", "mx.x.test AAAA",
        "_25._tcp.mx.x.test TLSA");
    assertThat(Set.copyOf(held.together.values())).containsExactly(true);
  }
}
