package dev.smtpdane.cli;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The one piece of a check's work worth starting on the other core the moment the JVM is up
 * (issue 9: a one-shot check is mostly a cold JVM). Every TLS 1.3 handshake JSSE makes needs
 * the JDK's precomputed table of P-256 generator multiples: its ClientHello carries a P-256 key
 * share, and a server's ECDSA P-256 signature is verified with it. Building that table is
 * ~120 ms of arithmetic in a cold JVM, the longest single step of a check; begun here it is
 * ready by the time DNS and the SMTP dialogue reach STARTTLS.
 *
 * <p>Nothing else is started early on purpose: warming JSSE and dnsjava here too was measured
 * (bench/cold-start.sh) to slow a check down on two cores, by taking CPU from this table and
 * from the main thread. A failure here only loses the head start.
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
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec("secp256r1"));
      ec.generateKeyPair(); // the first P-256 generator multiplication builds the table
    } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
      // only a head start: the handshake does the same work itself when it gets there
    }
  }
}
