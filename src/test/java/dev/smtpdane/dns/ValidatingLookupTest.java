package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.dns.LabDns;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Our own DNSSEC validation against the lab, side by side with the lab's validating resolver
 * (trust-AD mode): the same verdicts wherever both can judge, and precise reasons.
 */
class ValidatingLookupTest {
  private static LabDns lab;
  private static ValidatingLookup validating;
  private static ValidatingLookup overPlainResolver;
  private static StubResolver trusting;

  @BeforeAll
  static void start() {
    lab = ValidationLab.start();
    validating = ValidationLab.validating(lab, lab.resolver());
    overPlainResolver =
        ValidationLab.validating(lab, lab.failingResolver(Fault.NON_VALIDATING));
    trusting = ValidationLab.trusting(lab);
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static Name n(String name) {
    return DomainName.parse(name);
  }

  @ParameterizedTest(name = "{0} {1}: {2} {3} ({4})")
  @CsvSource(delimiter = '|', textBlock = """
      example.test.            | MX   | secure   | NOERROR  | ''
      mx.example.test.         | A    | secure   | NOERROR  | ''
      _25._tcp.mx.example.test.| TLSA | secure   | NOERROR  | ''
      nothing.example.test.    | A    | secure   | NXDOMAIN | ''
      mx.example.test.         | TLSA | secure   | NOERROR  | ''
      _tcp.mx.example.test.    | TLSA | secure   | NOERROR  | ''
      x.wild.example.test.     | A    | secure   | NOERROR  | ''
      x.wild.example.test.     | TXT  | secure   | NOERROR  | ''
      hashed.test.             | MX   | secure   | NOERROR  | ''
      nothing.hashed.test.     | A    | secure   | NXDOMAIN | ''
      a.b.nothing.hashed.test. | A    | secure   | NXDOMAIN | ''
      mx.hashed.test.          | TLSA | secure   | NOERROR  | ''
      x.wild.hashed.test.      | A    | secure   | NOERROR  | ''
      mx.optout.test.          | A    | secure   | NOERROR  | ''
      www.insecure.test.       | A    | insecure | NOERROR  | test. proves with NSEC that it has
      nothing.insecure.test.   | A    | insecure | NXDOMAIN | insecure.test. is an unsigned
      www.open.optout.test.    | A    | insecure | NOERROR  | with an NSEC3 opt-out span
      bad-sig.example.test.    | A    | bogus    | SERVFAIL | over bad-sig.example.test. A (key tag
      old-sig.example.test.    | A    | bogus    | SERVFAIL | expired at
      future-sig.example.test. | A    | bogus    | SERVFAIL | is not valid before
      stray-key.example.test.  | A    | bogus    | SERVFAIL | not in the DNSKEY RRset of example.
      mx.wrong-ds.test.        | A    | bogus    | SERVFAIL | DS mismatch: no DNSKEY of wrong-ds.
      denied.example.test.     | TLSA | bogus    | SERVFAIL | the RRSIG over denied.example.test. NSEC
      denied.example.test.     | A    | secure   | NOERROR  | ''
      alias.example.test.      | A    | secure   | NOERROR  | ''
      to-unsigned.example.test.| A    | insecure | NOERROR  | www.insecure.test A: insecure.test. is
      back.insecure.test.      | A    | insecure | NOERROR  | back.insecure.test CNAME: insecure.te
      to-bogus.example.test.   | A    | bogus    | SERVFAIL | bad-sig.example.test A: the RRSIG over
      servfail.example.test.   | A    | indeterminate | SERVFAIL | answered SERVFAIL
      """)
  void validatesEveryLabCaseAsTheValidatingResolverDoes_Rfc4035_5(
      String name, String type, String state, String rcode, String reason) {
    Answer ours = validating.lookup(n(name), Type.value(type));
    assertThat(ours.state().label()).as(ours.toString()).isEqualTo(state);
    assertThat(ours.rcodeText()).isEqualTo(rcode);
    assertThat(ours.reason()).contains(reason);
    assertThat(ours.stateFromAdBit()).isFalse();
    assertThat(ours.resolver()).contains(lab.resolver());
    Answer theirs = trusting.lookup(n(name), Type.value(type));
    assertThat(theirs.state()).as(theirs.toString()).isEqualTo(ours.state());
    assertThat(theirs.records()).containsExactlyInAnyOrderElementsOf(ours.records());
    Answer overPlain = overPlainResolver.lookup(n(name), Type.value(type));
    assertThat(overPlain.state()).as("through a non-validating resolver: " + overPlain)
        .isEqualTo(ours.state());
    assertThat(overPlain.records()).containsExactlyInAnyOrderElementsOf(ours.records());
  }

  @Test
  void wildcardAnswerIsSynthesisedForTheAskedName_Rfc4035_5_3_4() {
    Answer a = validating.lookup(n("deep.x.wild.example.test."), Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.records(ARecord.class)).singleElement().satisfies(r -> {
      assertThat(r.getName()).isEqualTo(n("deep.x.wild.example.test."));
      assertThat(r.getAddress().getHostAddress()).isEqualTo("127.0.0.31");
    });
  }

  @Test
  void cnameChainsCarryOneStatePerLink_Rfc7672_2_2_2() {
    Answer out = validating.lookup(n("to-unsigned.example.test."), Type.A);
    assertThat(out.cnameChain()).extracting(CnameLink::state)
        .containsExactly(DnssecState.SECURE);
    assertThat(out.records()).hasSize(1);
    Answer in = validating.lookup(n("back.insecure.test."), Type.A);
    assertThat(in.cnameChain()).extracting(CnameLink::state)
        .containsExactly(DnssecState.INSECURE);
    assertThat(in.finalName()).isEqualTo(n("mx.example.test."));
    Answer secure = validating.lookup(n("alias.example.test."), Type.A);
    assertThat(secure.chainSecure()).isTrue();
    assertThat(secure.records()).hasSize(1);
  }

  @Test
  void unsignedAliasForBogusDataIsBogusNotInsecure_Rfc4035_5() {
    // dnsjava's validator (the lab's resolver) stops at the first unsigned RRset of the chain
    // and calls the whole answer insecure; judged part by part, the address is forged data.
    Answer a = validating.lookup(n("to-bogus.insecure.test."), Type.A);
    assertThat(a.state()).as(a.toString()).isEqualTo(DnssecState.BOGUS);
    assertThat(a.cnameChain()).extracting(CnameLink::state)
        .containsExactly(DnssecState.INSECURE);
    assertThat(a.reason()).startsWith("bad-sig.example.test A: the RRSIG over");
    assertThat(a.records()).isEmpty();
    assertThat(overPlainResolver.lookup(n("to-bogus.insecure.test."), Type.A).state())
        .isEqualTo(DnssecState.BOGUS);
    assertThat(trusting.lookup(n("to-bogus.insecure.test."), Type.A).state())
        .isEqualTo(DnssecState.INSECURE);
  }

  @Test
  void bogusAnswersCarryARefinedExtendedError_Rfc8914_4() {
    assertThat(validating.lookup(n("old-sig.example.test."), Type.A).ede())
        .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(7));
    assertThat(validating.lookup(n("future-sig.example.test."), Type.A).ede())
        .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(8));
    assertThat(validating.lookup(n("stray-key.example.test."), Type.A).ede())
        .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(9));
    assertThat(validating.lookup(n("bad-sig.example.test."), Type.A).ede())
        .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(6));
  }

  @Test
  void negativeAnswerWithoutSoaUnderAnUnsignedDelegationIsInsecure_DnsjavaIssue402() {
    Answer direct = validating.lookup(n("www.nosoa.test."), Type.AAAA);
    assertThat(direct.state()).as(direct.toString()).isEqualTo(DnssecState.INSECURE);
    assertThat(direct.isNodata()).isTrue();
    assertThat(direct.reason()).contains("nosoa.test. is an unsigned delegation")
        .contains("dnsjava issue #402");
    Answer viaCname = validating.lookup(n("to-nosoa.example.test."), Type.AAAA);
    assertThat(viaCname.state()).as(viaCname.toString()).isEqualTo(DnssecState.INSECURE);
    assertThat(viaCname.cnameChain()).extracting(CnameLink::state)
        .containsExactly(DnssecState.SECURE);
    // The lab's resolver is dnsjava's validator and has the bug: it says bogus, and the
    // disagreement is reported.
    assertThat(trusting.lookup(n("www.nosoa.test."), Type.AAAA).state())
        .isEqualTo(DnssecState.BOGUS);
    assertThat(ResolverDisagreement.among(List.of(direct))).singleElement()
        .satisfies(d -> assertThat(d.claim().state()).isEqualTo(DnssecState.BOGUS));
  }

  @Test
  void missingKeysAreIndeterminateNotBogus() {
    Answer a = validating.lookup(n("mx.nokeys.test."), Type.A);
    assertThat(a.state()).as(a.toString()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.reason()).contains("could not get the DNSKEY records of nokeys.test.");
    assertThat(a.rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(a.records()).isEmpty();
  }
}
