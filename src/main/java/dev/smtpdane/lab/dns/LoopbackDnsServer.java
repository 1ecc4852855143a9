package dev.smtpdane.lab.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * A DNS server socket pair (UDP and TCP on the same loopback port) that hands each query to a
 * {@link Handler}. UDP answers larger than the client's EDNS buffer (512 octets without EDNS)
 * are truncated with TC=1, as RFC 1035 §4.2.1 and RFC 6891 §6.2.5 require, so the client
 * retries over TCP. Each query runs on its own virtual thread; nothing here ever blocks a
 * client for longer than the handler does.
 */
public final class LoopbackDnsServer implements AutoCloseable {
  /** How a query arrived; a handler may answer differently (e.g. truncate only over UDP). */
  public enum Transport {
    UDP,
    TCP
  }

  /** Answers one query; an empty result means "send nothing" (the client will time out). */
  @FunctionalInterface
  public interface Handler {
    Optional<Message> answer(Message query, Transport transport);
  }

  private static final int BIND_ATTEMPTS = 20;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Handler handler;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private LoopbackDnsServer(DatagramSocket udp, ServerSocket tcp, Handler handler) {
    this.udp = udp;
    this.tcp = tcp;
    this.handler = handler;
  }

  /**
   * Binds UDP and TCP on one free port of {@code address} (which must be a loopback address)
   * and starts serving.
   */
  public static LoopbackDnsServer start(InetAddress address, Handler handler) {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("lab DNS binds loopback only, not " + address);
    }
    for (int attempt = 1; ; attempt++) {
      DatagramSocket udp = null;
      try {
        udp = new DatagramSocket(new InetSocketAddress(address, 0));
        ServerSocket tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        try {
          tcp.bind(new InetSocketAddress(address, udp.getLocalPort()), 64);
        } catch (BindException taken) {
          tcp.close();
          udp.close();
          if (attempt < BIND_ATTEMPTS) {
            continue;
          }
          throw taken;
        }
        LoopbackDnsServer server = new LoopbackDnsServer(udp, tcp, handler);
        server.serve();
        return server;
      } catch (IOException e) {
        if (udp != null) {
          udp.close();
        }
        throw new UncheckedIOException("cannot bind lab DNS on " + address, e);
      }
    }
  }

  /** Starts on 127.0.0.1 with a free port. */
  public static LoopbackDnsServer start(Handler handler) {
    return start(InetAddress.getLoopbackAddress(), handler);
  }

  /** The address and port clients send queries to (UDP and TCP). */
  public InetSocketAddress address() {
    return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
  }

  @Override
  public void close() {
    closed = true;
    udp.close();
    try {
      tcp.close();
    } catch (IOException ignored) {
      // closing a listening socket cannot lose data
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  private void serve() {
    Thread.ofPlatform().daemon().name("lab-dns-udp-" + udp.getLocalPort()).start(this::udpLoop);
    Thread.ofPlatform().daemon().name("lab-dns-tcp-" + udp.getLocalPort()).start(this::tcpLoop);
  }

  private void udpLoop() {
    byte[] buffer = new byte[65535];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException e) {
        return; // socket closed
      }
      byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
      InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
      Thread.ofVirtual().start(() -> answerUdp(data, client));
    }
  }

  private void answerUdp(byte[] data, InetSocketAddress client) {
    Optional<Message> query = parse(data);
    Optional<Message> reply =
        query.isPresent() ? handle(query.get(), Transport.UDP) : formErr(data);
    if (reply.isEmpty()) {
      return;
    }
    byte[] wire = reply.get().toWire(udpLimit(query));
    try {
      udp.send(new DatagramPacket(wire, wire.length, client));
    } catch (IOException ignored) {
      // the lab is closing, or the client went away: nothing to tell it
    }
  }

  private void tcpLoop() {
    while (!closed) {
      try {
        Socket socket = tcp.accept();
        connections.add(socket);
        Thread.ofVirtual().start(() -> serveConnection(socket));
      } catch (IOException e) {
        return; // socket closed
      }
    }
  }

  private void serveConnection(Socket socket) {
    try (socket) {
      socket.setSoTimeout(30_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      while (!closed) {
        byte[] data = new byte[in.readUnsignedShort()]; // RFC 1035 §4.2.2 length prefix
        in.readFully(data);
        Optional<Message> query = parse(data);
        Optional<Message> reply =
            query.isPresent() ? handle(query.get(), Transport.TCP) : formErr(data);
        if (reply.isPresent()) {
          byte[] wire = reply.get().toWire(Message.MAXLENGTH);
          out.writeShort(wire.length);
          out.write(wire);
          out.flush();
        }
      }
    } catch (EOFException | SocketException e) {
      // client closed the connection, or the lab is closing
    } catch (IOException e) {
      // a timeout or broken peer ends this connection only
    } finally {
      connections.remove(socket);
    }
  }

  private Optional<Message> handle(Message query, Transport transport) {
    try {
      return handler.answer(query, transport);
    } catch (RuntimeException e) {
      // A lab bug must show as an answer the test can see, never as a silent timeout.
      Message reply = reply(query);
      reply.getHeader().setRcode(Rcode.SERVFAIL);
      return Optional.of(reply);
    }
  }

  /** An empty response to {@code query}: same ID, question and RD, QR set. */
  public static Message reply(Message query) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    if (query.getHeader().getFlag(Flags.RD)) {
      reply.getHeader().setFlag(Flags.RD);
    }
    if (query.getQuestion() != null) {
      reply.addRecord(query.getQuestion(), Section.QUESTION);
    }
    return reply;
  }

  private static Optional<Message> parse(byte[] data) {
    try {
      return Optional.of(new Message(data));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Message> formErr(byte[] data) {
    if (data.length < 2) {
      return Optional.empty();
    }
    Message reply = new Message(((data[0] & 0xff) << 8) | (data[1] & 0xff));
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setRcode(Rcode.FORMERR);
    return Optional.of(reply);
  }

  private static int udpLimit(Optional<Message> query) {
    OPTRecord opt = query.map(Message::getOPT).orElse(null);
    // RFC 6891 §6.2.3: values below 512 are treated as 512.
    return opt == null ? 512 : Math.max(512, opt.getPayloadSize());
  }
}
