package dev.smtpdane.smtp;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal RFC 1928 SOCKS5 server for tests: no authentication, CONNECT to IPv4/IPv6
 * addresses only, then a byte relay. It records the targets clients asked for, and can refuse
 * every request with a given reply code.
 */
final class Socks5Relay implements AutoCloseable {
  private final ServerSocket listener;
  private final int refuseWith; // 0: serve; else the RFC 1928 §6 REP code to answer
  private final List<InetSocketAddress> targets = new CopyOnWriteArrayList<>();

  Socks5Relay(int refuseWith) throws IOException {
    this.refuseWith = refuseWith;
    this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  ProxySpec spec() {
    return new ProxySpec("127.0.0.1", listener.getLocalPort());
  }

  List<InetSocketAddress> targets() {
    return List.copyOf(targets);
  }

  private void accept() {
    while (true) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      in.readUnsignedByte(); // version 5
      in.readNBytes(in.readUnsignedByte()); // offered methods
      out.write(new byte[] {5, 0}); // "no authentication required"
      in.readNBytes(3); // VER CMD RSV (CMD is CONNECT from the JDK)
      int atyp = in.readUnsignedByte();
      byte[] addr = in.readNBytes(atyp == 1 ? 4 : 16);
      int port = in.readUnsignedShort();
      InetSocketAddress target = new InetSocketAddress(InetAddress.getByAddress(addr), port);
      targets.add(target);
      if (refuseWith != 0) {
        out.write(new byte[] {5, (byte) refuseWith, 0, 1, 0, 0, 0, 0, 0, 0});
        return;
      }
      try (Socket upstream = new Socket(target.getAddress(), target.getPort())) {
        out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        Thread up = Thread.ofVirtual().start(() -> pump(in, upstream));
        pump(upstream.getInputStream(), client);
        up.join();
      }
    } catch (IOException | InterruptedException e) {
      // client or upstream went away
    }
  }

  private static void pump(InputStream from, Socket to) {
    try {
      from.transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
