package dev.smtpdane.dns;

import static dev.smtpdane.dns.ScriptedResolver.reply;
import static dev.smtpdane.dns.ScriptedResolver.withEde;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.dns.LoopbackDnsServer.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class StubResolverTest {
  private static final Name MX = DomainName.parse("mx.example.test");
  private static final String MX_A = "mx.example.test. 300 A 127.0.0.25";
  private final List<ScriptedResolver> servers = new java.util.ArrayList<>();

  @AfterEach
  void close() {
    servers.forEach(ScriptedResolver::close);
  }

  private ScriptedResolver server(
      java.util.function.BiFunction<Message, Transport, Optional<Message>> script) {
    ScriptedResolver s = new ScriptedResolver(script);
    servers.add(s);
    return s;
  }

  private static StubResolver stub(ScriptedResolver... resolvers) {
    List<InetSocketAddress> addresses =
        java.util.Arrays.stream(resolvers).map(ScriptedResolver::address).toList();
    return new StubResolver(addresses, Duration.ofMillis(300), 2);
  }

  @Test
  void adBitMakesTheAnswerSecureAndTheQueryAsksForDnssec_Rfc4035_3_2_3() {
    ScriptedResolver r = server((q, t) -> Optional.of(reply(q, Rcode.NOERROR, true, MX_A)));
    Answer a = stub(r).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.records(ARecord.class)).extracting(x -> x.getAddress().getHostAddress())
        .containsExactly("127.0.0.25");
    assertThat(a.reason()).isEmpty();
    assertThat(a.resolver()).contains(r.address());
    assertThat(a.stateFromAdBit()).isTrue();
    Message sent = r.queries().get(0).message();
    assertThat(sent.getHeader().getFlag(Flags.RD)).isTrue();
    assertThat(sent.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
    assertThat(sent.getHeader().getFlag(Flags.CD)).isFalse();
  }

  @Test
  void noAdBitMeansInsecureWithAReason() {
    ScriptedResolver r = server((q, t) -> Optional.of(reply(q, Rcode.NOERROR, false, MX_A)));
    Answer a = stub(r).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.INSECURE);
    assertThat(a.hasRecords()).isTrue();
    assertThat(a.reason()).contains("did not set AD");
  }

  @Test
  void secureNxdomainAndNodataAreAnswersWithAState() {
    ScriptedResolver nx = server((q, t) -> Optional.of(reply(q, Rcode.NXDOMAIN, true)));
    Answer a = stub(nx).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.isNxdomain()).isTrue();
    assertThat(a.isSecureDenial()).isTrue();
    ScriptedResolver nodata = server((q, t) -> Optional.of(reply(q, Rcode.NOERROR, false)));
    Answer b = stub(nodata).lookup(MX, Type.AAAA);
    assertThat(b.isNodata()).isTrue();
    assertThat(b.isSecureDenial()).isFalse();
    assertThat(b.state()).isEqualTo(DnssecState.INSECURE);
  }

  @Test
  void truncatedUdpAnswerIsRetriedOverTcp() {
    ScriptedResolver r = server((q, t) -> {
      Message m = reply(q, Rcode.NOERROR, true);
      if (t == Transport.UDP) {
        m.getHeader().setFlag(Flags.TC);
      } else {
        m.addRecord(ScriptedResolver.record(MX_A), org.xbill.DNS.Section.ANSWER);
      }
      return Optional.of(m);
    });
    Answer a = stub(r).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.records()).hasSize(1);
    assertThat(r.queries()).extracting(ScriptedResolver.Query::transport)
        .containsExactly(Transport.UDP, Transport.TCP);
  }

  @Test
  void silenceIsIndeterminateAfterTheGivenTries() {
    ScriptedResolver r = server((q, t) -> Optional.empty());
    Answer a = stub(r).lookup(MX, Type.TLSA);
    assertThat(a.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.rcode()).isEqualTo(Answer.NO_RCODE);
    assertThat(a.resolver()).isEmpty();
    assertThat(a.reason()).isEqualTo("timed out after 300 ms at "
        + ResolverExchange.describe(r.address()) + ", 2 tries");
    assertThat(r.queries()).hasSize(2);
  }

  @Test
  void servfailWithDnssecEdeIsBogus_Rfc8914_4_7() {
    ScriptedResolver r = server((q, t) -> Optional.of(
        withEde(reply(q, Rcode.SERVFAIL, false), 6, "signature over TLSA does not verify")));
    Answer a = stub(r).lookup(MX, Type.TLSA);
    assertThat(a.state()).isEqualTo(DnssecState.BOGUS);
    assertThat(a.rcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(a.records()).isEmpty();
    assertThat(a.ede()).contains(new ExtendedDnsError(6, "signature over TLSA does not verify"));
    assertThat(a.reason()).contains("answered SERVFAIL, EDE 6 DNSSEC Bogus: signature over");
  }

  @Test
  void servfailWithUnreachableAuthorityEdeIsIndeterminate_Rfc8914_4_23() {
    ScriptedResolver r = server((q, t) -> Optional.of(
        withEde(reply(q, Rcode.SERVFAIL, false), 22, "")));
    Answer a = stub(r).lookup(MX, Type.TLSA);
    assertThat(a.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.reason()).contains("EDE 22 No Reachable Authority");
    assertThat(r.queries()).hasSize(1); // the EDE settles it: no CD=1 probe
  }

  @Test
  void servfailWithoutEdeIsBogusWhenCheckingDisabledReturnsTheData_Rfc4035_3_2_2() {
    ScriptedResolver r = server((q, t) -> Optional.of(q.getHeader().getFlag(Flags.CD)
        ? reply(q, Rcode.NOERROR, false, MX_A,
            "mx.example.test. 300 RRSIG A 13 3 300 20200102000000 20200101000000 1 example.test."
                + " AAAA")
        : reply(q, Rcode.SERVFAIL, false)));
    Answer a = stub(r).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.BOGUS);
    assertThat(a.records()).isEmpty();
    assertThat(a.reason()).contains("with checking disabled (CD=1)")
        .contains("RRSIG over mx.example.test. A expired at 2020-01-02T00:00:00Z");
    assertThat(r.queries()).extracting(ScriptedResolver.Query::cd).containsExactly(false, true);
  }

  @Test
  void servfailAlsoWithCheckingDisabledIsIndeterminate() {
    ScriptedResolver r = server((q, t) -> Optional.of(reply(q, Rcode.SERVFAIL, false)));
    Answer a = stub(r).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.reason()).contains("also fails with checking disabled");
  }

  @Test
  void failingFirstResolverMovesToTheNextAndTheAnswererIsRecorded() {
    ScriptedResolver refused = server((q, t) -> Optional.of(reply(q, Rcode.REFUSED, false)));
    ScriptedResolver silent = server((q, t) -> Optional.empty());
    ScriptedResolver good = server((q, t) -> Optional.of(reply(q, Rcode.NOERROR, true, MX_A)));
    Answer a = stub(refused, silent, good).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.resolver()).contains(good.address());
    assertThat(refused.queries()).hasSize(1);
    assertThat(silent.queries()).hasSize(2);
  }

  @Test
  void nxdomainIsFinalAndTheNextResolverIsNotAsked() {
    ScriptedResolver nx = server((q, t) -> Optional.of(reply(q, Rcode.NXDOMAIN, true)));
    ScriptedResolver other = server((q, t) -> Optional.of(reply(q, Rcode.NOERROR, true, MX_A)));
    Answer a = stub(nx, other).lookup(MX, Type.A);
    assertThat(a.isNxdomain()).isTrue();
    assertThat(other.queries()).isEmpty();
  }

  @Test
  void allResolversFailingGivesEveryReason() {
    ScriptedResolver refused = server((q, t) -> Optional.of(reply(q, Rcode.REFUSED, false)));
    ScriptedResolver notimp = server((q, t) -> Optional.of(reply(q, Rcode.NOTIMP, false)));
    Answer a = stub(refused, notimp).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.rcode()).isEqualTo(Rcode.NOTIMP);
    assertThat(a.reason()).contains("answered REFUSED").contains("answered NOTIMP");
  }

  @Test
  void caseRandomisedAnswersAreMatchedAndLowerCased() {
    ScriptedResolver r = server((q, t) -> Optional.of(reply(q, Rcode.NOERROR, true,
        "mX.ExAMple.tEsT. 300 A 127.0.0.25")));
    Answer a = stub(r).lookup(DomainName.parse("MX.example.TEST."), Type.A);
    assertThat(a.records()).hasSize(1);
    assertThat(a.records().get(0).getName().toString()).isEqualTo("mx.example.test.");
    assertThat(a.qname().toString()).isEqualTo("mx.example.test.");
  }

  @Test
  void secureCnameChainIsFollowedAndEveryLinkSecure() {
    ScriptedResolver r = server((q, t) -> Optional.of(reply(q, Rcode.NOERROR, true,
        "mx.example.test. 300 CNAME Mail.Provider.test.",
        "mail.provider.test. 300 A 127.0.0.26")));
    Answer a = stub(r).lookup(MX, Type.A);
    assertThat(a.finalName().toString()).isEqualTo("mail.provider.test.");
    assertThat(a.cnameChain()).extracting(CnameLink::state).containsExactly(DnssecState.SECURE);
    assertThat(a.chainSecure()).isTrue();
    assertThat(a.records()).hasSize(1);
    assertThat(r.queries()).hasSize(1);
  }

  @Test
  void insecureAnswerThroughCnameAsksEachLinkForItsOwnState_Rfc7672_2_2_2() {
    ScriptedResolver r = server((q, t) -> {
      if (q.getQuestion().getType() == Type.CNAME) {
        return Optional.of(reply(q, Rcode.NOERROR, true,
            "mx.example.test. 300 CNAME mail.unsigned.test."));
      }
      return Optional.of(reply(q, Rcode.NOERROR, false,
          "mx.example.test. 300 CNAME mail.unsigned.test.",
          "mail.unsigned.test. 300 A 127.0.0.27"));
    });
    Answer a = stub(r).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.INSECURE);
    assertThat(a.cnameChain()).extracting(CnameLink::state).containsExactly(DnssecState.SECURE);
    assertThat(a.records()).hasSize(1);
  }

  /**
   * The links of an insecure chain are asked about all at once: the server holds each CNAME
   * question until all three have arrived (or 5 s pass), and notes whether they all did. Asked
   * one after the other, the first would wait alone.
   */
  @Test
  void insecureChainLinksAreAskedAtOnce() {
    java.util.concurrent.CountDownLatch links = new java.util.concurrent.CountDownLatch(3);
    List<Boolean> together = new java.util.concurrent.CopyOnWriteArrayList<>();
    ScriptedResolver r = server((q, t) -> {
      if (q.getQuestion().getType() == Type.CNAME) {
        links.countDown();
        try {
          together.add(links.await(5, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Optional.of(reply(q, Rcode.NOERROR, true));
      }
      return Optional.of(reply(q, Rcode.NOERROR, false,
          "mx.example.test. 300 CNAME a.example.test.",
          "a.example.test. 300 CNAME b.example.test.",
          "b.example.test. 300 CNAME mail.unsigned.test.",
          "mail.unsigned.test. 300 A 127.0.0.27"));
    });
    Answer a = new StubResolver(List.of(r.address()), Duration.ofSeconds(10), 1)
        .lookup(MX, Type.A);
    assertThat(a.cnameChain()).hasSize(3);
    assertThat(together).containsExactly(true, true, true);
  }

  @Test
  void cnameLoopIsIndeterminate() {
    ScriptedResolver r = server((q, t) -> Optional.of(reply(q, Rcode.NOERROR, true,
        "mx.example.test. 300 CNAME b.example.test.",
        "b.example.test. 300 CNAME mx.example.test.")));
    Answer a = stub(r).lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.hasCnameLoop()).isTrue();
    assertThat(a.reason()).contains("CNAME loop");
  }
}
