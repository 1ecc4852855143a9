package dev.smtpdane.lab.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The lab world answers as a signed DNS behind a validating resolver does. */
class LabDnsTest {
  private static LabDns lab;

  @BeforeAll
  static void start() {
    lab = LabDns.builder()
        .zone("example.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.25")
            .tlsa("_25._tcp.mx", 3, 1, 1, new byte[32]).a("bad-sig", "127.0.0.26")
            .a("old-sig", "127.0.0.27").a("servfail", "127.0.0.28").a("refused", "127.0.0.29")
            .a("notimp", "127.0.0.30").a("big", "127.0.0.31").cname("alias", "mx"))
        .unsignedZone("insecure.test.", z -> z.a("mx", "127.0.0.40"))
        .zone("wrong-ds.test.", z -> z.a("mx", "127.0.0.41"))
        .zone("cut.test.", z -> z.a("mx", "127.0.0.42"))
        .nsec3Zone("hashed.test.", z -> z.mx("@", 10, "mx").a("mx", "127.0.0.43")
            .tlsa("_25._tcp.mx", 3, 1, 1, new byte[32]))
        .unsignedZone("open.hashed.test.", z -> z.a("www", "127.0.0.44"))
        .fault("cut.test.", Type.DS, Fault.UNSIGNED_DELEGATION)
        .fault("bad-sig.example.test", Type.A, Fault.CORRUPT_SIGNATURE)
        .fault("old-sig.example.test", Type.A, Fault.EXPIRED_SIGNATURE)
        .fault("servfail.example.test", Type.A, Fault.SERVFAIL)
        .fault("refused.example.test", Type.A, Fault.REFUSED)
        .fault("notimp.example.test", Type.A, Fault.NOTIMP)
        .fault("big.example.test", Type.A, Fault.TRUNCATE)
        .fault("wrong-ds.test", Type.DS, Fault.DS_MISMATCH)
        .start();
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static Message ask(InetSocketAddress server, String name, int type, boolean cd)
      throws IOException {
    SimpleResolver r = new SimpleResolver(server);
    r.setTimeout(Duration.ofSeconds(3));
    r.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    Message q = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    if (cd) {
      q.getHeader().setFlag(Flags.CD);
    }
    return r.send(q);
  }

  private static int ede(Message m) {
    List<EDNSOption> options = m.getOPT().getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR);
    return options.isEmpty() ? -1 : ((ExtendedErrorCodeOption) options.get(0)).getErrorCode();
  }

  @ParameterizedTest(name = "{0} {1}: {2} AD={3} EDE={4}")
  @CsvSource({
    "example.test.,             MX,   NOERROR,  true,  -1",
    "mx.example.test.,          A,    NOERROR,  true,  -1",
    "_25._tcp.mx.example.test., TLSA, NOERROR,  true,  -1",
    "alias.example.test.,       A,    NOERROR,  true,  -1",
    "nothing.example.test.,     A,    NXDOMAIN, true,  -1",
    "mx.example.test.,          TLSA, NOERROR,  true,  -1",
    "_tcp.mx.example.test.,     TLSA, NOERROR,  true,  -1",
    "mx.insecure.test.,         A,    NOERROR,  false, -1",
    "nothing.insecure.test.,    A,    NXDOMAIN, false, -1",
    "bad-sig.example.test.,     A,    SERVFAIL, false, 6",
    "old-sig.example.test.,     A,    SERVFAIL, false, 6",
    "mx.wrong-ds.test.,         A,    SERVFAIL, false, 9",
    "mx.cut.test.,              A,    NOERROR,  false, -1",
    "hashed.test.,              MX,   NOERROR,  true,  -1",
    "_25._tcp.mx.hashed.test.,  TLSA, NOERROR,  true,  -1",
    "nothing.hashed.test.,      A,    NXDOMAIN, true,  -1",
    "mx.hashed.test.,           TLSA, NOERROR,  true,  -1",
    "_tcp.mx.hashed.test.,      TLSA, NOERROR,  true,  -1",
    "a.b.nothing.hashed.test.,  A,    NXDOMAIN, true,  -1",
    "www.open.hashed.test.,     A,    NOERROR,  false, -1",
    "servfail.example.test.,    A,    SERVFAIL, false, 22",
    "refused.example.test.,     A,    SERVFAIL, false, 22",
    "notimp.example.test.,      A,    SERVFAIL, false, 22",
    "big.example.test.,         A,    NOERROR,  true,  -1",
  })
  void resolverAnswersLikeAValidatingResolver(
      String name, String type, String rcode, boolean ad, int ede) throws IOException {
    Message m = ask(lab.resolver(), name, Type.value(type), false);
    assertThat(Rcode.string(m.getRcode())).isEqualTo(rcode);
    assertThat(m.getHeader().getFlag(Flags.AD)).isEqualTo(ad);
    assertThat(ede(m)).isEqualTo(ede);
    assertThat(m.getSection(Section.ADDITIONAL))
        .noneMatch(r -> r.getDClass() != DClass.IN && r.getType() != Type.OPT);
  }

  @Test
  void bogusAnswerCarriesTheValidatorsReasonAsEdeText_Rfc8914_2() throws IOException {
    Message m = ask(lab.resolver(), "bad-sig.example.test.", Type.A, false);
    ExtendedErrorCodeOption e = (ExtendedErrorCodeOption)
        m.getOPT().getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR).get(0);
    assertThat(e.getText()).contains("failed ANSWER rrset").contains("bad-sig.example.test.");
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void checkingDisabledReturnsBogusDataUnvalidated_Rfc4035_3_2_2() throws IOException {
    Message m = ask(lab.resolver(), "bad-sig.example.test.", Type.A, true);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getHeader().getFlag(Flags.AD)).isFalse();
    assertThat(m.getSection(Section.ANSWER)).anyMatch(r -> r.getType() == Type.A);
  }

  @Test
  void truncatedOverUdpIsCompleteOverTcp() throws IOException {
    SimpleResolver udpOnly = new SimpleResolver(lab.resolver());
    udpOnly.setIgnoreTruncation(true);
    Message q = Message.newQuery(
        Record.newRecord(Name.fromString("big.example.test."), Type.A, DClass.IN));
    assertThat(udpOnly.send(q).getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(ask(lab.resolver(), "big.example.test.", Type.A, false)
        .getSection(Section.ANSWER)).isNotEmpty();
  }

  @Test
  void authorityServesSignaturesDsFromTheParentAndNsecDenials_Rfc4035_3_1() throws IOException {
    Message key = ask(lab.authoritative(), "example.test.", Type.DNSKEY, false);
    assertThat(key.getSection(Section.ANSWER)).hasAtLeastOneElementOfType(DNSKEYRecord.class)
        .hasAtLeastOneElementOfType(RRSIGRecord.class);
    Message ds = ask(lab.authoritative(), "example.test.", Type.DS, false);
    assertThat(ds.getSection(Section.ANSWER)).hasAtLeastOneElementOfType(DSRecord.class);
    assertThat(((RRSIGRecord) ds.getSection(Section.ANSWER).stream()
        .filter(RRSIGRecord.class::isInstance).findFirst().orElseThrow()).getSigner())
        .isEqualTo(Name.fromString("test."));
    Message noDs = ask(lab.authoritative(), "insecure.test.", Type.DS, false);
    NSECRecord nsec = (NSECRecord) noDs.getSection(Section.AUTHORITY).stream()
        .filter(NSECRecord.class::isInstance).findFirst().orElseThrow();
    assertThat(nsec.hasType(Type.NS)).isTrue();
    assertThat(nsec.hasType(Type.DS)).isFalse();
  }

  @Test
  void nsec3ZoneDeniesWithHashedOwners_Rfc5155_7_2_2() throws IOException {
    Message nx = ask(lab.authoritative(), "a.b.nothing.hashed.test.", Type.A, false);
    assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    List<Record> authority = nx.getSection(Section.AUTHORITY);
    assertThat(authority).noneMatch(NSECRecord.class::isInstance);
    // closest encloser match, next closer cover, wildcard cover (two may coincide)
    assertThat(authority).filteredOn(NSEC3Record.class::isInstance).hasSizeBetween(2, 3)
        .allMatch(r -> r.getName().labels() == 4); // <hash>.hashed.test.
    Message param = ask(lab.authoritative(), "hashed.test.", Type.NSEC3PARAM, false);
    assertThat(param.getSection(Section.ANSWER)).hasAtLeastOneElementOfType(
        org.xbill.DNS.NSEC3PARAMRecord.class);
  }

  @Test
  void trustAnchorIsTheLabRootDs() {
    assertThat(lab.trustAnchor()).matches("\\.\\s+300\\s+IN\\s+DS\\s+\\d+ 13 2 [0-9A-F]{64}");
  }

  @Test
  void caseRandomisedAnswersHaveMixedCaseOwners() throws IOException {
    try (LabDns mixed = LabDns.builder()
        .zone("example.test.", z -> z.a("mx", "127.0.0.25")).randomizeCase(true).start()) {
      Message m = ask(mixed.resolver(), "mx.example.test.", Type.A, false);
      Record a = m.getSection(Section.ANSWER).stream().filter(r -> r.getType() == Type.A)
          .findFirst().orElseThrow();
      assertThat(a.getName().toString()).isEqualTo("mX.eXaMpLe.TeSt.");
      assertThat(m.getHeader().getFlag(Flags.AD)).isTrue();
    }
  }

  @Test
  void failingResolversAnswerEveryQueryTheSameWay() throws IOException {
    Message m = ask(lab.failingResolver(Fault.REFUSED), "mx.example.test.", Type.A, false);
    assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThatThrownBy(() -> lab.failingResolver(Fault.CORRUPT_SIGNATURE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyLoopbackCanBeBound() throws IOException {
    assertThatThrownBy(() -> LabDns.builder()
        .bindAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1})).start())
        .hasMessageContaining("loopback only");
    assertThat(lab.resolver().getAddress().isLoopbackAddress()).isTrue();
    assertThat(lab.authoritative().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void recordsInsideAChildZoneAreRejected() {
    assertThatThrownBy(() -> LabDns.builder().zone("example.test.", z -> z.a("x", "127.0.0.1"))
        .zone("test.", z -> z.a("y.example", "127.0.0.2")).start())
        .hasMessageContaining("inside child zone example.test.");
  }
}
