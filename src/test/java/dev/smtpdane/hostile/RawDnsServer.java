package dev.smtpdane.hostile;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * A DNS server in fault mode for the hostile-DNS tests (issue 8): a script sees each query and
 * answers with arbitrary bytes, so it can send what no well-behaved server would: malformed
 * messages, wrong IDs, answers to another question, TCP streams that stop mid-message. UDP and
 * TCP share one port on 127.0.0.1; nothing here ever leaves loopback.
 */
public final class RawDnsServer implements AutoCloseable {
  /** How a query arrived. */
  public enum Transport { UDP, TCP }

  /** What to send back for one query. */
  public sealed interface Reply {}

  /** Send nothing: the client waits for its timeout. */
  public record Silence() implements Reply {}

  /** One DNS message: a datagram over UDP, length-prefixed over TCP. */
  public record Bytes(byte[] wire) implements Reply {}

  /**
   * Over TCP, these bytes verbatim (length prefix included or not), then close the connection
   * or leave it open and silent; over UDP, the bytes as one datagram.
   */
  public record RawStream(byte[] stream, boolean thenClose) implements Reply {}

  /** Answers one query; {@code query} is empty when the bytes did not parse. */
  @FunctionalInterface
  public interface Script {
    Reply answer(Optional<Message> query, byte[] raw, Transport transport) throws Exception;
  }

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Script script;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger queries = new AtomicInteger();
  private final AtomicInteger scriptErrors = new AtomicInteger();
  private volatile boolean closed;

  private RawDnsServer(DatagramSocket udp, ServerSocket tcp, Script script) {
    this.udp = udp;
    this.tcp = tcp;
    this.script = script;
  }

  /** Starts on 127.0.0.1, UDP and TCP on one free port. */
  public static RawDnsServer start(Script script) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
        ServerSocket tcp = new ServerSocket();
        try {
          tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()), 64);
        } catch (IOException taken) {
          tcp.close();
          udp.close();
          continue;
        }
        RawDnsServer server = new RawDnsServer(udp, tcp, script);
        Thread.ofPlatform().daemon().start(server::udpLoop);
        Thread.ofPlatform().daemon().start(server::tcpLoop);
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port for UDP and TCP on 127.0.0.1");
  }

  /** Where clients send queries. */
  public InetSocketAddress address() {
    return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
  }

  /** {@code 127.0.0.1:port}, as the command line takes it. */
  public String resolverArgument() {
    return "127.0.0.1:" + udp.getLocalPort();
  }

  /** How many queries arrived (UDP and TCP). */
  public int queries() {
    return queries.get();
  }

  /** An empty response to {@code query}: same ID, question and RD, QR set. */
  public static Message replyTo(Message query) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.RD);
    reply.getHeader().setFlag(Flags.RA);
    if (query.getQuestion() != null) {
      reply.addRecord(query.getQuestion(), Section.QUESTION);
    }
    return reply;
  }

  @Override
  public void close() {
    closed = true;
    udp.close();
    try {
      tcp.close();
    } catch (IOException ignored) {
      // nothing to lose
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  private void udpLoop() {
    byte[] buffer = new byte[65535];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException e) {
        return;
      }
      byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
      var client = packet.getSocketAddress();
      Thread.ofVirtual().start(() -> {
        byte[] out = switch (answer(data, Transport.UDP)) {
          case Silence s -> null;
          case Bytes b -> b.wire();
          case RawStream r -> r.stream();
        };
        if (out != null) {
          try {
            udp.send(new DatagramPacket(out, Math.min(out.length, 65507), client));
          } catch (IOException ignored) {
            // closing
          }
        }
      });
    }
  }

  private void tcpLoop() {
    while (!closed) {
      try {
        Socket s = tcp.accept();
        connections.add(s);
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(30_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (!closed) {
        byte[] data = new byte[in.readUnsignedShort()];
        in.readFully(data);
        switch (answer(data, Transport.TCP)) {
          case Silence s -> { }
          case Bytes b -> {
            out.write(new byte[] {(byte) (b.wire().length >> 8), (byte) b.wire().length});
            out.write(b.wire());
          }
          case RawStream r -> {
            out.write(r.stream());
            out.flush();
            if (r.thenClose()) {
              return;
            }
          }
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away, timed out, or the server is closing
    } finally {
      connections.remove(socket);
    }
  }

  private Reply answer(byte[] data, Transport transport) {
    queries.incrementAndGet();
    Optional<Message> query;
    try {
      query = Optional.of(new Message(data));
    } catch (IOException e) {
      query = Optional.empty();
    }
    try {
      return script.answer(query, data, transport);
    } catch (Exception | AssertionError e) {
      scriptErrors.incrementAndGet(); // a test bug: tests assert there were none
      return new Silence();
    }
  }

  /** How many times the script itself threw (a bug in the test, not in the tool). */
  public int scriptErrors() {
    return scriptErrors.get();
  }
}
