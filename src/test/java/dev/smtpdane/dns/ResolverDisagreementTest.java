package dev.smtpdane.dns;

import static dev.smtpdane.dns.ScriptedResolver.reply;
import static dev.smtpdane.dns.ScriptedResolver.withEde;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class ResolverDisagreementTest {
  private static final Name MX = DomainName.parse("mx.example.test.");
  private static final String MX_A = "mx.example.test. 300 A 127.0.0.25";
  private final List<ScriptedResolver> servers = new ArrayList<>();

  @AfterEach
  void close() {
    servers.forEach(ScriptedResolver::close);
  }

  @ParameterizedTest(name = "resolver {0}, ours {1}: {2}")
  @CsvSource({
    "SECURE,        SECURE,        false",
    "SECURE,        BOGUS,         true",
    "SECURE,        INSECURE,      true",
    "SECURE,        INDETERMINATE, false",
    "BOGUS,         SECURE,        true",
    "BOGUS,         INSECURE,      true",
    "BOGUS,         BOGUS,         false",
    "BOGUS,         INDETERMINATE, false",
    "INSECURE,      SECURE,        false",
    "INSECURE,      BOGUS,         false",
    "INSECURE,      INSECURE,      false",
    "INDETERMINATE, SECURE,        false",
  })
  void onlyAVouchOrARejectionThatOurValidationContradictsCounts(
      DnssecState resolver, DnssecState ours, boolean disagree) {
    assertThat(ResolverDisagreement.disagree(resolver, ours)).isEqualTo(disagree);
    Answer a = new Answer(MX, Type.A, ours, Rcode.NOERROR,
        List.of(), List.of(), "", Optional.empty(), Optional.empty(), false)
        .withResolverClaim(new ResolverClaim("127.0.0.1:53", resolver, "detail"));
    assertThat(ResolverDisagreement.among(List.of(a, a))).hasSize(disagree ? 1 : 0);
  }

  /** How the first of two resolvers fails the question the second then answers. */
  enum FirstResolver {
    /** A validator that rejects the data and says why (RFC 8914 §4.7). */
    SERVFAIL_EDE_BOGUS(q -> withEde(reply(q, Rcode.SERVFAIL, false), 6, "RRSIG A bad")),
    /** A validator that rejects the data silently, but delivers it with CD=1 (RFC 4035). */
    SERVFAIL_DATA_WITH_CD(q -> q.getHeader().getFlag(Flags.CD)
        ? reply(q, Rcode.NOERROR, false, MX_A) : reply(q, Rcode.SERVFAIL, false)),
    /** A resolver that cannot reach the authority and says so (RFC 8914 §4.23). */
    SERVFAIL_EDE_UNREACHABLE(q -> withEde(reply(q, Rcode.SERVFAIL, false), 22, "")),
    /** A resolver that cannot get the data even with CD=1: nothing says it is bogus. */
    SERVFAIL_ALSO_WITH_CD(q -> reply(q, Rcode.SERVFAIL, false)),
    /** A resolver that will not serve us. */
    REFUSED(q -> reply(q, Rcode.REFUSED, false));

    final Function<Message, Message> script;

    FirstResolver(Function<Message, Message> script) {
      this.script = script;
    }
  }

  /**
   * Resolver 1 fails the question, resolver 2 answers it. An answer without AD cannot clear
   * data that resolver 1, a validator, rejected as bogus: the zone is then bogus, not unsigned
   * (RFC 4033 §5, RFC 4035 §4.9.3). When resolver 1 merely could not answer, resolver 2's
   * answer stands, with or without AD.
   */
  @ParameterizedTest(name = "{0}, then AD={1}: {2}")
  @CsvSource({
    "SERVFAIL_EDE_BOGUS,       false, BOGUS",
    "SERVFAIL_DATA_WITH_CD,    false, BOGUS",
    "SERVFAIL_EDE_UNREACHABLE, false, INSECURE",
    "SERVFAIL_ALSO_WITH_CD,    false, INSECURE",
    "REFUSED,                  false, INSECURE",
  })
  void answerWithoutAdCannotClearAnEarlierValidatorsBogus_Rfc4033_5(
      FirstResolver first, boolean ad, DnssecState expected) {
    ScriptedResolver one = server(first.script);
    ScriptedResolver two = server(q -> reply(q, Rcode.NOERROR, ad, MX_A));
    Answer a = new StubResolver(List.of(one.address(), two.address()), Duration.ofSeconds(2), 1)
        .lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(expected);
    assertThat(a.hasRecords()).isEqualTo(expected != DnssecState.BOGUS);
    if (expected == DnssecState.BOGUS) {
      String rejecter = ResolverExchange.describe(one.address());
      String answerer = ResolverExchange.describe(two.address());
      assertThat(a.resolver()).contains(one.address());
      assertThat(a.rcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat(a.reason()).contains("resolver " + rejecter + " answered SERVFAIL")
          .contains("resolver " + answerer + " then answered NOERROR without AD")
          .contains("list only validating resolvers").doesNotContain("did not set AD");
    } else {
      assertThat(a.resolver()).contains(two.address());
    }
  }

  /**
   * Resolver 1 fails the question, resolver 2 answers it with AD=1. When resolver 1's SERVFAIL
   * means bogus data, two validators contradict each other and trusting AD bits cannot tell
   * which is right: never a false pass, so the answer is indeterminate, with resolver 1's claim
   * for the run's warning. When resolver 1 merely could not answer, the secure answer stands.
   */
  @ParameterizedTest(name = "{0}, then AD=1: {1}")
  @CsvSource({
    "SERVFAIL_EDE_BOGUS,       INDETERMINATE",
    "SERVFAIL_DATA_WITH_CD,    INDETERMINATE",
    "SERVFAIL_EDE_UNREACHABLE, SECURE",
    "SERVFAIL_ALSO_WITH_CD,    SECURE",
    "REFUSED,                  SECURE",
  })
  void adAfterAnEarlierValidatorsBogusIsIndeterminateAndNamesBoth(
      FirstResolver first, DnssecState expected) {
    ScriptedResolver one = server(first.script);
    ScriptedResolver two = server(q -> reply(q, Rcode.NOERROR, true, MX_A));
    Answer a = new StubResolver(List.of(one.address(), two.address()), Duration.ofSeconds(2), 1)
        .lookup(MX, Type.A);
    assertThat(a.state()).isEqualTo(expected);
    List<ResolverDisagreement> warnings = ResolverDisagreement.among(List.of(a));
    if (expected == DnssecState.SECURE) {
      assertThat(a.hasRecords()).isTrue();
      assertThat(a.resolver()).contains(two.address());
      assertThat(warnings).isEmpty();
      return;
    }
    String rejecter = ResolverExchange.describe(one.address());
    String answerer = ResolverExchange.describe(two.address());
    assertThat(a.hasRecords()).isFalse();
    assertThat(a.resolverClaim()).map(ResolverClaim::state).contains(DnssecState.BOGUS);
    assertThat(a.reason()).contains("resolver " + rejecter + " answered SERVFAIL")
        .contains("resolver " + answerer + " then answered NOERROR with AD=1")
        .contains("check the clock and trust anchor of " + rejecter)
        .contains("List only resolvers that agree");
    assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message())
        .startsWith("resolvers contradict each other about mx.example.test A: ")
        .contains(rejecter, answerer, "SERVFAIL", "AD=1"));
  }

  @ParameterizedTest(name = "AD-derived {0}: warned {1}")
  @CsvSource({"true, true", "false, false"})
  void bogusClaimAgainstIndeterminateIsAContradictionOnlyWhenAdBitsDecided(
      boolean fromAdBits, boolean warned) {
    // Our own validator's indeterminate answer (could not get the data) is no disagreement.
    Answer a = new Answer(MX, Type.A, DnssecState.INDETERMINATE, Rcode.SERVFAIL, List.of(),
        List.of(), "both said", Optional.empty(), Optional.empty(), fromAdBits)
        .withResolverClaim(new ResolverClaim("127.0.0.1:53", DnssecState.BOGUS, "SERVFAIL"));
    assertThat(ResolverDisagreement.among(List.of(a))).hasSize(warned ? 1 : 0);
  }

  /**
   * In --dnssec validate mode the claim to compare is resolver 1's SERVFAIL, not resolver 2's
   * answer without AD, which claims nothing.
   */
  @ParameterizedTest(name = "{0}: claim {1}")
  @CsvSource({
    "SERVFAIL_EDE_BOGUS,       BOGUS",
    "SERVFAIL_EDE_UNREACHABLE, INDETERMINATE",
    "REFUSED,                  INSECURE",
  })
  void earlierServfailIsTheClaimWhenTheAnswerLacksAd(FirstResolver first, DnssecState claim) {
    ScriptedResolver one = server(first.script);
    ScriptedResolver two = server(q -> reply(q, Rcode.NOERROR, false, MX_A));
    Failover failover = Failover.of(List.of(one.address(), two.address()),
        Duration.ofSeconds(2), 1);
    Optional<ResolverClaim> c = ResolverClaim.of(failover.ask(MX, Type.A, false));
    assertThat(c).map(ResolverClaim::state).contains(claim);
    assertThat(c).map(ResolverClaim::resolver).contains(ResolverExchange.describe(
        (claim == DnssecState.INSECURE ? two : one).address()));
  }

  private ScriptedResolver server(Function<Message, Message> script) {
    ScriptedResolver s = new ScriptedResolver((q, t) -> Optional.of(script.apply(q)));
    servers.add(s);
    return s;
  }
}
