package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.dns.Fault;
import dev.smtpdane.lab.dns.LabDns;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What the validator puts on the wire: CD=1 for the data, one query per DS and DNSKEY RRset
 * for the whole run however many lookups run at once, and a plain query whose AD bit is
 * compared with our verdict.
 */
class ValidatingLookupWireTest {
  private static LabDns lab;

  @BeforeAll
  static void start() {
    lab = ValidationLab.start();
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static Name n(String name) {
    return DomainName.parse(name);
  }

  private static List<Forwarder.Asked> keyQueries(Forwarder f) {
    return f.asked().stream().filter(a -> a.type() == Type.DS || a.type() == Type.DNSKEY)
        .toList();
  }

  @Test
  void dataGoesOutWithCheckingDisabledAndTheClaimWithout_Rfc4035_3_2_2() {
    try (Forwarder f = new Forwarder(lab.resolver())) {
      ValidationLab.validating(lab, f.address()).lookup(n("mx.example.test."), Type.A);
      assertThat(f.asked()).contains(new Forwarder.Asked(n("mx.example.test."), Type.A, true),
          new Forwarder.Asked(n("mx.example.test."), Type.A, false));
      assertThat(f.asked()).filteredOn(a -> !a.cd()).hasSize(1);
      assertThat(keyQueries(f)).allMatch(Forwarder.Asked::cd);
    }
  }

  @Test
  void keysOfAZoneAreFetchedOncePerRun() {
    try (Forwarder f = new Forwarder(lab.resolver())) {
      ValidatingLookup v = ValidationLab.validating(lab, f.address());
      assertThat(v.lookup(n("mx.example.test."), Type.A).state()).isEqualTo(DnssecState.SECURE);
      List<Forwarder.Asked> first = keyQueries(f);
      assertThat(first).extracting(a -> a.name() + " " + Type.string(a.type()))
          .contains(". DNSKEY", "test. DS", "test. DNSKEY", "example.test. DS",
              "example.test. DNSKEY");
      f.forget();
      for (String q : List.of("_25._tcp.mx.example.test. TLSA", "mx.example.test. AAAA",
          "example.test. MX", "nothing.example.test. A")) {
        String[] p = q.split(" ");
        assertThat(v.lookup(n(p[0]), Type.value(p[1])).state()).isEqualTo(DnssecState.SECURE);
      }
      assertThat(keyQueries(f)).as("DS/DNSKEY asked again").isEmpty();
      // A sibling zone costs its own DS and DNSKEY only; the root and test. are known.
      v.lookup(n("mx.hashed.test."), Type.A);
      assertThat(keyQueries(f)).extracting(a -> a.name() + " " + Type.string(a.type()))
          .containsExactlyInAnyOrder("hashed.test. DS", "hashed.test. DNSKEY");
    }
  }

  @Test
  void concurrentLookupsShareEveryKeyQuery() throws Exception {
    try (Forwarder f = new Forwarder(lab.resolver());
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      ValidatingLookup v = ValidationLab.validating(lab, f.address());
      List<String> names = List.of("mx.example.test.", "mx.hashed.test.", "www.insecure.test.",
          "mx.optout.test.", "x.wild.example.test.", "alias.example.test.");
      List<Future<Answer>> answers = names.stream()
          .flatMap(name -> java.util.stream.Stream.of(name, name, name, name))
          .map(name -> pool.submit(() -> v.lookup(n(name), Type.A))).toList();
      for (Future<Answer> a : answers) {
        assertThat(a.get().state()).isIn(DnssecState.SECURE, DnssecState.INSECURE);
      }
      assertThat(keyQueries(f).stream()
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
          .as("each DS and DNSKEY question once").allSatisfy((q, count) ->
              assertThat(count).as(q.toString()).isEqualTo(1L));
    }
  }

  @Test
  void forgedAdBitOnTamperedDataIsCaughtAndNamed_Rfc4035_4_9_3() {
    ValidatingLookup v = ValidationLab.validating(lab, lab.failingResolver(Fault.FORGE_AD));
    Answer bogus = v.lookup(n("bad-sig.example.test."), Type.A);
    assertThat(bogus.state()).isEqualTo(DnssecState.BOGUS);
    assertThat(bogus.resolverClaim()).hasValueSatisfying(c -> {
      assertThat(c.state()).isEqualTo(DnssecState.SECURE);
      assertThat(c.detail()).isEqualTo("NOERROR with AD=1");
    });
    Answer fine = v.lookup(n("mx.example.test."), Type.A);
    assertThat(fine.state()).isEqualTo(DnssecState.SECURE);
    assertThat(ResolverDisagreement.among(List.of(bogus, fine))).singleElement()
        .satisfies(d -> {
          assertThat(d.qname()).isEqualTo(n("bad-sig.example.test."));
          assertThat(d.message()).contains("says bad-sig.example.test A is secure (NOERROR with"
              + " AD=1), but smtpdane's own DNSSEC validation finds it bogus (the RRSIG over");
        });
  }

  @Test
  void resolverRejectingGoodDataIsNamed() {
    // A resolver whose validation is broken: SERVFAIL (EDE 6) whenever asked without CD.
    try (Forwarder f = new Forwarder(lab.resolver(), ValidatingLookupWireTest::servfailUnlessCd)) {
      Answer a = ValidationLab.validating(lab, f.address()).lookup(n("mx.example.test."), Type.A);
      assertThat(a.state()).isEqualTo(DnssecState.SECURE);
      assertThat(a.resolverClaim()).map(ResolverClaim::state).contains(DnssecState.BOGUS);
      assertThat(ResolverDisagreement.among(List.of(a))).hasSize(1);
    }
  }

  @Test
  void resolverRejectingGoodDataIsNamedThoughANonValidatingOneAnswersNext() {
    try (Forwarder f = new Forwarder(lab.resolver(), ValidatingLookupWireTest::servfailUnlessCd)) {
      Answer a = ValidationLab.validating(lab, f.address(),
          lab.failingResolver(Fault.NON_VALIDATING)).lookup(n("mx.example.test."), Type.A);
      assertThat(a.state()).isEqualTo(DnssecState.SECURE);
      assertThat(a.resolverClaim()).map(ResolverClaim::resolver)
          .contains(ResolverExchange.describe(f.address()));
      assertThat(ResolverDisagreement.among(List.of(a))).singleElement()
          .satisfies(d -> assertThat(d.claim().state()).isEqualTo(DnssecState.BOGUS));
    }
  }

  private static Message servfailUnlessCd(Message reply) {
    if (reply.getHeader().getFlag(Flags.CD)) {
      return reply;
    }
    Message broken = new Message(reply.getHeader().getID());
    broken.getHeader().setFlag(Flags.QR);
    broken.getHeader().setRcode(Rcode.SERVFAIL);
    broken.addRecord(reply.getQuestion(), Section.QUESTION);
    broken.addRecord(new OPTRecord(1232, 0, 0, 0, List.<EDNSOption>of(
        new ExtendedErrorCodeOption(ExtendedErrorCodeOption.DNSSEC_BOGUS, "broken"))),
        Section.ADDITIONAL);
    return broken;
  }

  @Test
  void nonValidatingResolverMakesNoClaimToDisagreeWith() {
    ValidatingLookup v =
        ValidationLab.validating(lab, lab.failingResolver(Fault.NON_VALIDATING));
    Answer a = v.lookup(n("bad-sig.example.test."), Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.BOGUS);
    assertThat(a.resolverClaim()).map(ResolverClaim::state).contains(DnssecState.INSECURE);
    assertThat(ResolverDisagreement.among(List.of(a))).isEmpty();
  }

  @Test
  void failingFirstResolverMovesToTheNextForDataAndKeys() {
    ValidatingLookup v = ValidationLab.validating(lab, lab.failingResolver(Fault.REFUSED),
        lab.resolver());
    Answer a = v.lookup(n("_25._tcp.mx.example.test."), Type.TLSA);
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.resolver()).contains(lab.resolver());
  }

  @Test
  void silentResolverIsIndeterminateWithinItsTimeout() {
    ValidatingLookup v = new ValidatingLookup(List.of(lab.failingResolver(Fault.DROP)),
        Duration.ofMillis(200), 2, TrustAnchors.parse(lab.trustAnchor()));
    Answer a = v.lookup(n("mx.example.test."), Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.rcode()).isEqualTo(Answer.NO_RCODE);
    assertThat(a.reason()).startsWith("timed out after 200 ms at").endsWith("2 tries");
    assertThat(a.resolverClaim()).isEmpty();
  }

  @Test
  void mixedCaseAnswersValidate_Rfc4343() {
    try (LabDns mixed = LabDns.builder()
        .zone("example.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.25")
            .cname("alias", "mx").tlsa("_25._tcp.mx", 3, 1, 1, ValidationLab.DIGEST))
        .nsec3Zone("hashed.test.", z -> z.a("mx", "127.0.0.26"))
        .randomizeCase(true).start()) {
      ValidatingLookup v = ValidationLab.validating(mixed, mixed.resolver());
      Answer a = v.lookup(n("ALIAS.example.test."), Type.A);
      assertThat(a.state()).as(a.toString()).isEqualTo(DnssecState.SECURE);
      assertThat(a.records()).singleElement()
          .satisfies(r -> assertThat(r.getName().toString()).isEqualTo("mx.example.test."));
      for (String q : List.of("Example.TEST. MX", "_25._tcp.mx.example.test. TLSA",
          "mx.example.test. TLSA", "nothing.example.test. A", "nothing.hashed.test. A")) {
        String[] p = q.split(" ");
        Answer b = v.lookup(n(p[0]), Type.value(p[1]));
        assertThat(b.state()).as(b.toString()).isEqualTo(DnssecState.SECURE);
      }
    }
  }

  @Test
  void wrongTrustAnchorMakesEverythingBogusAndSaysSo() {
    ValidatingLookup v = new ValidatingLookup(List.of(lab.resolver()), ValidationLab.TIMEOUT, 1,
        TrustAnchors.builtInRoot());
    Answer a = v.lookup(n("www.insecure.test."), Type.A);
    assertThat(a.state()).isEqualTo(DnssecState.BOGUS);
    assertThat(a.reason()).startsWith("DS mismatch: no DNSKEY of . (key tag")
        .contains("matches the trust anchor (DS . key tag 20326 (algorithm 8, digest type 2),"
            + " DS . key tag 38696");
  }

  @Test
  void dnskeyTrustAnchorWorksLikeItsDs() throws Exception {
    Message keys = new org.xbill.DNS.SimpleResolver(lab.authoritative())
        .send(Message.newQuery(org.xbill.DNS.Record.newRecord(Name.root, Type.DNSKEY, 1)));
    String text = keys.getSection(Section.ANSWER).stream()
        .filter(r -> r.getType() == Type.DNSKEY).map(Object::toString)
        .collect(Collectors.joining("\n"));
    ValidatingLookup v = new ValidatingLookup(List.of(lab.resolver()), ValidationLab.TIMEOUT, 1,
        TrustAnchors.parse(text));
    assertThat(v.lookup(n("mx.example.test."), Type.A).state()).isEqualTo(DnssecState.SECURE);
    assertThat(v.lookup(n("bad-sig.example.test."), Type.A).state())
        .isEqualTo(DnssecState.BOGUS);
  }
}
