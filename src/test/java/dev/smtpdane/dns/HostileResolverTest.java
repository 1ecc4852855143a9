package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.hostile.RawDnsServer;
import dev.smtpdane.hostile.RawDnsServer.Bytes;
import dev.smtpdane.hostile.RawDnsServer.RawStream;
import dev.smtpdane.hostile.RawDnsServer.Transport;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Issue 8, hostile DNS answers at the stub resolver: every broken reply becomes an
 * indeterminate answer that says why, within the per-try timeout, and never an exception;
 * the same script answering well is the passing twin of each case. The class timeout is only
 * a safety net against a hang.
 */
@Timeout(60)
class HostileResolverTest {
  private static final Name HOST = Name.fromConstantString("mx.hostile.test.");
  private static final Duration TRY = Duration.ofMillis(800);

  private static Answer ask(RawDnsServer.Script script) {
    try (RawDnsServer server = RawDnsServer.start(script)) {
      Answer a = new StubResolver(List.of(server.address()), TRY, 1).lookup(HOST, Type.A);
      assertThat(server.scriptErrors()).as("script errors").isZero();
      return a;
    }
  }

  /** A well-formed, secure answer: {@code mx.hostile.test A 192.0.2.1}. */
  static Message good(Message query) throws Exception {
    Message m = RawDnsServer.replyTo(query);
    m.getHeader().setFlag(Flags.AD);
    m.addRecord(new ARecord(HOST, DClass.IN, 60, InetAddress.getByName("192.0.2.1")),
        Section.ANSWER);
    return m;
  }

  static Stream<Arguments> brokenReplies() {
    return Stream.of(
        Arguments.of("random bytes", (RawDnsServer.Script) (q, raw, t) ->
            new Bytes(new byte[] {raw[0], raw[1], 1, 2, 3}), "invalid DNS header"),
        Arguments.of("empty datagram", (RawDnsServer.Script) (q, raw, t) ->
            new Bytes(new byte[0]), "no reply from"),
        Arguments.of("wrong ID", (RawDnsServer.Script) (q, raw, t) -> {
          Message m = good(q.orElseThrow());
          m.getHeader().setID(q.orElseThrow().getHeader().getID() ^ 0x5555);
          return new Bytes(m.toWire());
        }, "invalid message id"),
        Arguments.of("answer to another question", (RawDnsServer.Script) (q, raw, t) -> {
          Message m = new Message(q.orElseThrow().getHeader().getID());
          m.getHeader().setFlag(Flags.QR);
          m.getHeader().setFlag(Flags.AD);
          m.addRecord(Record.newRecord(Name.fromConstantString("other.test."), Type.A,
              DClass.IN), Section.QUESTION);
          return new Bytes(m.toWire());
        }, "invalid name in message"),
        Arguments.of("no question section", (RawDnsServer.Script) (q, raw, t) -> {
          Message m = new Message(q.orElseThrow().getHeader().getID());
          m.getHeader().setFlag(Flags.QR);
          return new Bytes(m.toWire());
        }, "question section missing"),
        Arguments.of("TCP answer cut short, then closed", (RawDnsServer.Script) (q, raw, t) ->
            t == Transport.UDP ? truncatedUdp(q.orElseThrow()) : cutShort(good(q.orElseThrow())),
            "no reply from"),
        Arguments.of("TCP answer cut short, then silent", (RawDnsServer.Script) (q, raw, t) ->
            t == Transport.UDP ? truncatedUdp(q.orElseThrow())
                : new RawStream(new byte[] {0, 50, 1, 2}, false), "timed out after 800 ms"),
        Arguments.of("truncated even over TCP", (RawDnsServer.Script) (q, raw, t) ->
            truncatedUdp(q.orElseThrow()), "truncated (TC=1) even over TCP"),
        Arguments.of("not a response (QR=0)", (RawDnsServer.Script) (q, raw, t) -> {
          Message m = good(q.orElseThrow());
          m.getHeader().unsetFlag(Flags.QR);
          return new Bytes(m.toWire());
        }, "not a response"),
        Arguments.of("response with another opcode", (RawDnsServer.Script) (q, raw, t) -> {
          Message m = good(q.orElseThrow());
          m.getHeader().setOpcode(Opcode.NOTIFY);
          return new Bytes(m.toWire());
        }, "opcode NOTIFY"),
        Arguments.of("no answer at all", (RawDnsServer.Script) (q, raw, t) ->
            new RawDnsServer.Silence(), "timed out after 800 ms"));
  }

  private static Bytes truncatedUdp(Message query) {
    Message m = RawDnsServer.replyTo(query);
    m.getHeader().setFlag(Flags.TC);
    return new Bytes(m.toWire());
  }

  /** A length prefix promising 100 octets more than follow. */
  private static RawStream cutShort(Message m) {
    byte[] w = m.toWire();
    byte[] s = new byte[2 + w.length / 2];
    s[0] = (byte) ((w.length + 100) >> 8);
    s[1] = (byte) (w.length + 100);
    System.arraycopy(w, 0, s, 2, s.length - 2);
    return new RawStream(s, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenReplies")
  void brokenReplyIsIndeterminateAndSaysWhy(String name, RawDnsServer.Script script,
      String why) {
    Answer a = ask(script);
    assertThat(a.state()).as(a.toString()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.records()).isEmpty();
    assertThat(a.reason()).contains(why);
  }

  @Test
  void wellFormedTwinOfTheBrokenRepliesIsSecure() {
    Answer a = ask((q, raw, t) -> new Bytes(good(q.orElseThrow()).toWire()));
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.records()).hasSize(1);
  }

  @Test
  void brokenFirstResolverFallsThroughToTheNextOne() {
    try (RawDnsServer broken = RawDnsServer.start((q, raw, t) -> new Bytes(new byte[] {1, 2}));
        RawDnsServer fine = RawDnsServer.start(
            (q, raw, t) -> new Bytes(good(q.orElseThrow()).toWire()))) {
      Answer a = new StubResolver(List.of(broken.address(), fine.address()), TRY, 1)
          .lookup(HOST, Type.A);
      assertThat(a.state()).isEqualTo(DnssecState.SECURE);
      assertThat(a.resolver()).contains(fine.address());
    }
  }

  @Test
  void oversizedTxtPaddingDoesNotHideTheAnswer() {
    // A reply padded to nearly 64 KiB with TXT strings in the additional section (over TCP).
    Answer a = ask((q, raw, t) -> {
      Message m = good(q.orElseThrow());
      if (t == Transport.UDP) {
        return truncatedUdp(q.orElseThrow());
      }
      for (int i = 0; i < 250; i++) {
        m.addRecord(new TXTRecord(Name.fromConstantString("pad" + i + ".hostile.test."),
            DClass.IN, 60, List.of("x".repeat(200))), Section.ADDITIONAL);
      }
      assertThat(m.toWire().length).isGreaterThan(50_000);
      return new Bytes(m.toWire());
    });
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.records()).hasSize(1);
  }

  @Test
  void hundredsOfAddressRecordsArriveWhole() {
    Answer a = ask((q, raw, t) -> {
      if (t == Transport.UDP) {
        return truncatedUdp(q.orElseThrow());
      }
      Message m = RawDnsServer.replyTo(q.orElseThrow());
      m.getHeader().setFlag(Flags.AD);
      for (int i = 0; i < 600; i++) {
        m.addRecord(new ARecord(HOST, DClass.IN, 60, InetAddress.getByAddress(
            new byte[] {127, 1, (byte) (i >> 8), (byte) i})), Section.ANSWER);
      }
      return new Bytes(m.toWire());
    });
    assertThat(a.state()).isEqualTo(DnssecState.SECURE);
    assertThat(a.records()).hasSize(600);
  }

  static Stream<Arguments> cnameChains() {
    return Stream.of(
        Arguments.of(16, false, DnssecState.SECURE, ""),
        Arguments.of(17, false, DnssecState.INDETERMINATE, "longer than 16 links"),
        Arguments.of(200, false, DnssecState.INDETERMINATE, "longer than 16 links"),
        Arguments.of(2, true, DnssecState.INDETERMINATE, "CNAME loop"),
        Arguments.of(1, true, DnssecState.INDETERMINATE, "CNAME loop"),
        Arguments.of(12, true, DnssecState.INDETERMINATE, "CNAME loop"));
  }

  @ParameterizedTest(name = "{0} links, loop={1} -> {2}")
  @MethodSource("cnameChains")
  void cnameChainsAreBoundedAndLoopsStop(int links, boolean loop, DnssecState state,
      String why) {
    Answer a = ask((q, raw, t) -> {
      Message m = RawDnsServer.replyTo(q.orElseThrow());
      m.getHeader().setFlag(Flags.AD);
      Name owner = HOST;
      for (int i = 1; i <= links; i++) {
        Name target = loop && i == links ? HOST
            : Name.fromConstantString("c" + i + ".hostile.test.");
        m.addRecord(new org.xbill.DNS.CNAMERecord(owner, DClass.IN, 60, target),
            Section.ANSWER);
        owner = target;
      }
      if (!loop) {
        m.addRecord(new ARecord(owner, DClass.IN, 60, InetAddress.getByName("192.0.2.1")),
            Section.ANSWER);
      }
      return t == Transport.UDP && m.toWire().length > 512 ? truncatedUdp(q.orElseThrow())
          : new Bytes(m.toWire());
    });
    assertThat(a.state()).as(a.toString()).isEqualTo(state);
    assertThat(a.reason()).contains(why);
    assertThat(a.hasCnameLoop()).isEqualTo(loop);
    assertThat(a.records()).hasSize(state == DnssecState.SECURE ? 1 : 0);
    assertThat(a.cnameChain().size()).isLessThanOrEqualTo(17);
  }

  @Test
  void malformedQueryDataNeverReachesTheCaller() {
    // A reply whose A record has 3 bytes of RDATA: dnsjava rejects it as malformed.
    Answer a = ask((q, raw, t) -> {
      byte[] w = good(q.orElseThrow()).toWire();
      byte[] bad = java.util.Arrays.copyOf(w, w.length - 1);
      bad[bad.length - 6] = 0;
      bad[bad.length - 5] = 3; // RDLENGTH 3 instead of 4
      return new Bytes(bad);
    });
    assertThat(a.state()).isEqualTo(DnssecState.INDETERMINATE);
    assertThat(a.reason()).contains("malformed reply");
    assertThat(Optional.of(a.rcode())).contains(Answer.NO_RCODE);
  }
}
