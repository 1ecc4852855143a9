package dev.smtpdane.lab.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The lab's faults and shapes for validator tests: signatures, keys, denials, resolvers. */
class LabDnsFaultsTest {
  private static LabDns lab;

  @BeforeAll
  static void start() {
    lab = LabDns.builder()
        .zone("example.test.", z -> z.a("future", "127.0.0.1").a("stray", "127.0.0.2")
            .a("good", "127.0.0.3").a("*.wild", "127.0.0.4"))
        .unsignedZone("nosoa.test.", z -> z.a("www", "127.0.0.5"))
        .nsec3OptOutZone("optout.test.", z -> z.a("mx", "127.0.0.6"))
        .unsignedZone("open.optout.test.", z -> z.a("www", "127.0.0.7"))
        .nsec3Zone("hashed.test.", z -> z.a("*.wild", "127.0.0.8"))
        .fault("future.example.test.", Type.A, Fault.NOT_YET_VALID_SIGNATURE)
        .fault("stray.example.test.", Type.A, Fault.MISSING_DNSKEY)
        .fault("www.nosoa.test.", Type.AAAA, Fault.DENIAL_WITHOUT_SOA)
        .start();
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static Message ask(InetSocketAddress server, String name, int type) throws IOException {
    SimpleResolver r = new SimpleResolver(server);
    r.setTimeout(Duration.ofSeconds(3));
    r.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    return r.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
  }

  private static <T extends Record> List<T> section(Message m, int section, Class<T> type) {
    return m.getSection(section).stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void notYetValidSignatureStartsTomorrowAndTheResolverRejectsIt_Rfc4035_5_3_1()
      throws IOException {
    RRSIGRecord sig = section(ask(lab.authoritative(), "future.example.test.", Type.A),
        Section.ANSWER, RRSIGRecord.class).get(0);
    assertThat(sig.getTimeSigned()).isAfter(Instant.now());
    assertThat(ask(lab.resolver(), "future.example.test.", Type.A).getRcode())
        .isEqualTo(Rcode.SERVFAIL);
  }

  @Test
  void missingDnskeySignsWithAKeyTheZoneDoesNotPublish() throws IOException {
    RRSIGRecord sig = section(ask(lab.authoritative(), "stray.example.test.", Type.A),
        Section.ANSWER, RRSIGRecord.class).get(0);
    List<DNSKEYRecord> keys = section(ask(lab.authoritative(), "example.test.", Type.DNSKEY),
        Section.ANSWER, DNSKEYRecord.class);
    assertThat(keys).isNotEmpty().noneMatch(k -> k.getFootprint() == sig.getFootprint());
    assertThat(ask(lab.resolver(), "stray.example.test.", Type.A).getRcode())
        .isEqualTo(Rcode.SERVFAIL);
    assertThat(ask(lab.resolver(), "good.example.test.", Type.A).getRcode())
        .isEqualTo(Rcode.NOERROR);
  }

  @Test
  void denialWithoutSoaLeavesTheAuthoritySectionEmpty() throws IOException {
    Message m = ask(lab.authoritative(), "www.nosoa.test.", Type.AAAA);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
    assertThat(m.getSection(Section.AUTHORITY)).isEmpty();
    Message other = ask(lab.authoritative(), "www.nosoa.test.", Type.TXT);
    assertThat(section(other, Section.AUTHORITY, SOARecord.class)).hasSize(1);
  }

  @Test
  void optOutChainLeavesTheUnsignedDelegationOut_Rfc5155_6() throws IOException {
    Message ds = ask(lab.authoritative(), "open.optout.test.", Type.DS);
    assertThat(ds.getRcode()).isEqualTo(Rcode.NOERROR);
    List<NSEC3Record> proof = section(ds, Section.AUTHORITY, NSEC3Record.class);
    assertThat(proof).isNotEmpty().allMatch(n -> (n.getFlags() & 1) == 1);
    // RFC 5155 §7.2.4: the apex (closest provable encloser) and the opt-out span covering the
    // delegation, which has no NSEC3 of its own (in a small zone they may be one record).
    assertThat(proof).hasSizeBetween(1, 2)
        .noneMatch(n -> n.hasType(Type.NS) && !n.hasType(Type.SOA));
    assertThat(ask(lab.resolver(), "www.open.optout.test.", Type.A).getHeader()
        .getFlag(Flags.AD)).isFalse();
    assertThat(ask(lab.resolver(), "mx.optout.test.", Type.A).getHeader().getFlag(Flags.AD))
        .isTrue();
  }

  @Test
  void wildcardAnswersAreExpandedWithTheirProof_Rfc4035_3_1_3_3() throws IOException {
    Message m = ask(lab.authoritative(), "a.wild.example.test.", Type.A);
    assertThat(m.getSection(Section.ANSWER)).allMatch(
        r -> r.getName().equals(Name.fromConstantString("a.wild.example.test.")));
    RRSIGRecord sig = section(m, Section.ANSWER, RRSIGRecord.class).get(0);
    assertThat(sig.getLabels()).isEqualTo(3); // *.wild.example.test. without the "*"
    assertThat(section(m, Section.AUTHORITY, NSECRecord.class)).hasSize(1);
    Message hashed = ask(lab.authoritative(), "a.wild.hashed.test.", Type.A);
    assertThat(section(hashed, Section.AUTHORITY, NSEC3Record.class)).hasSize(1);
    for (String name : List.of("a.wild.example.test.", "a.wild.hashed.test.")) {
      Message validated = ask(lab.resolver(), name, Type.A);
      assertThat(validated.getHeader().getFlag(Flags.AD)).as(name).isTrue();
    }
    Message nodata = ask(lab.resolver(), "a.wild.example.test.", Type.TXT);
    assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(nodata.getHeader().getFlag(Flags.AD)).isTrue();
  }

  @Test
  void forgingAndNonValidatingResolversPassBogusDataOn_Rfc4035_4_9_3() throws IOException {
    try (LabDns bad = LabDns.builder().zone("example.test.", z -> z.a("bad", "127.0.0.9"))
        .fault("bad.example.test.", Type.A, Fault.CORRUPT_SIGNATURE).start()) {
      Message forged = ask(bad.failingResolver(Fault.FORGE_AD), "bad.example.test.", Type.A);
      assertThat(forged.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(forged.getHeader().getFlag(Flags.AD)).isTrue();
      assertThat(section(forged, Section.ANSWER, RRSIGRecord.class)).hasSize(1);
      Message plain = ask(bad.failingResolver(Fault.NON_VALIDATING), "bad.example.test.",
          Type.A);
      assertThat(plain.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(plain.getHeader().getFlag(Flags.AD)).isFalse();
      assertThat(ask(bad.resolver(), "bad.example.test.", Type.A).getRcode())
          .isEqualTo(Rcode.SERVFAIL);
    }
  }
}
