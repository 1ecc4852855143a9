package dev.smtpdane.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.WireParseException;

/**
 * Sends one question to one resolver: RD=1, EDNS0 with DO=1 (RFC 3225) so that the resolver
 * reports AD, up to {@code tries} times on timeout. A truncated UDP answer is retried over TCP by
 * dnsjava. This is the only class that sees dnsjava's exceptions; they become a reason.
 */
final class ResolverExchange {
  /** What came back from the resolver. */
  sealed interface Outcome {}

  /** The resolver answered (any RCODE). */
  record Reply(Message message) implements Outcome {}

  /** No usable reply: timeout, network error or a malformed message. */
  record NoReply(String reason) implements Outcome {}

  // RFC 9715 / DNS flag day 2020: 1232 octets avoids IP fragmentation.
  private static final int EDNS_PAYLOAD = 1232;
  private final InetSocketAddress address;
  private final Duration timeout;
  private final int tries;
  private final SimpleResolver resolver;

  ResolverExchange(InetSocketAddress address, Duration timeout, int tries) {
    this.address = address;
    this.timeout = timeout;
    this.tries = tries;
    this.resolver = new SimpleResolver(address);
    resolver.setTimeout(timeout);
    resolver.setEDNS(0, EDNS_PAYLOAD, ExtendedFlags.DO, List.of());
  }

  InetSocketAddress address() {
    return address;
  }

  /** Asks {@code name}/{@code type}; with {@code checkingDisabled} the CD bit is set. */
  Outcome send(Name name, int type, boolean checkingDisabled) {
    String lastError = "";
    for (int attempt = 1; attempt <= tries; attempt++) {
      Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
      // RFC 6840 §5.7: ask for AD explicitly; RFC 4035 §3.2.2: CD asks for unvalidated data.
      query.getHeader().setFlag(Flags.AD);
      if (checkingDisabled) {
        query.getHeader().setFlag(Flags.CD);
      }
      try {
        Message reply = resolver.send(query);
        String unusable = unusable(reply);
        return unusable.isEmpty() ? new Reply(reply)
            : new NoReply("malformed reply from " + where() + ": " + unusable);
      } catch (WireParseException e) {
        return new NoReply("malformed reply from " + where() + ": " + e.getMessage());
      } catch (IOException e) {
        if (!isTimeout(e)) {
          return new NoReply("no reply from " + where() + ": " + describe(e));
        }
        lastError = "timed out after " + seconds(timeout) + " at " + where();
      }
    }
    return new NoReply(lastError + ", " + tries + (tries == 1 ? " try" : " tries"));
  }

  /**
   * What makes a parsed message no answer at all (empty when usable). dnsjava checks the ID and
   * question; a message that is not a response, not to a QUERY, or still truncated after the
   * TCP retry (RFC 1035 §4.1.1, RFC 7766 §5) would otherwise read as an empty NOERROR.
   */
  private static String unusable(Message reply) {
    Header h = reply.getHeader();
    if (!h.getFlag(Flags.QR)) {
      return "the message is not a response (QR=0)";
    }
    if (h.getOpcode() != Opcode.QUERY) {
      return "opcode " + Opcode.string(h.getOpcode()) + " in the response to a QUERY";
    }
    if (h.getFlag(Flags.TC)) {
      return "the answer is truncated (TC=1) even over TCP";
    }
    return "";
  }

  String where() {
    return describe(address);
  }

  /** An address as people write it: {@code 127.0.0.1:53}, {@code [::1]:53}. */
  static String describe(InetSocketAddress address) {
    String host = AddressText.of(address.getAddress());
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static boolean isTimeout(IOException e) {
    return e instanceof java.net.SocketTimeoutException || e.getCause() instanceof TimeoutException;
  }

  private static String describe(IOException e) {
    if (e instanceof PortUnreachableException) {
      return "port unreachable (nothing listens there)";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  static String seconds(Duration d) {
    if (d.toMillis() % 1000 == 0) {
      return d.toSeconds() + " s";
    }
    return d.toMillis() + " ms";
  }
}
