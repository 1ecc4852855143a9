package dev.smtpdane.cli;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

/**
 * Work every check needs, begun on another core as soon as the command line is known to be a
 * check, while the main thread reads the options and asks DNS (issue 9: a one-shot check is
 * mostly a cold JVM). Two things dominate: dnsjava's table of record types (~30 ms to build
 * before the first query), and JSSE's first ClientHello, whose P-256 key share first builds the
 * JDK's precomputed table of P-256 points (~90 ms; the server's ECDSA signature needs it too).
 * Nothing is sent anywhere: the ClientHello is made in memory and dropped. A failure here only
 * loses the head start.
 */
final class HeadStart {
  private HeadStart() {}

  /** Starts the work on a daemon thread and returns at once. */
  static void begin() {
    Thread.ofPlatform().daemon().name("smtpdane-head-start").start(HeadStart::run);
  }

  /** Does the work on this thread (the AOT cache's training run calls it, to cache it too). */
  static void run() {
    try {
      Class.forName("org.xbill.DNS.Type", true, HeadStart.class.getClassLoader());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[0], null); // trusts nothing; never reads the CA store
      SSLEngine engine = tls.createSSLEngine("head-start.invalid", 25);
      engine.setUseClientMode(true);
      engine.wrap(ByteBuffer.allocate(0),
          ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
    } catch (Exception | LinkageError e) {
      // only a head start: the check does the same work itself when it gets there
    }
  }
}
