package dev.smtpdane.lab;

import dev.smtpdane.lab.smtp.Behaviour;
import dev.smtpdane.lab.smtp.LabSmtpServer.Mode;

/**
 * One in-process SMTP server of a scenario host.
 *
 * @param ipv6 listens on {@code ::1} (an AAAA record) instead of a 127.0.0.0/8 address (A)
 * @param mode STARTTLS or TLS-on-connect
 * @param behaviour how it (mis)behaves
 * @param chain its certificate chain
 */
record ServerSpec(boolean ipv6, Mode mode, Behaviour behaviour, ChainSpec chain) {
  /** A well-behaved STARTTLS server on IPv4 with the default chain. */
  static ServerSpec server() {
    return new ServerSpec(false, Mode.STARTTLS, Behaviour.NORMAL, ChainSpec.chain());
  }

  ServerSpec onIpv6() {
    return new ServerSpec(true, mode, behaviour, chain);
  }

  ServerSpec tlsOnConnect() {
    return new ServerSpec(ipv6, Mode.TLS_ON_CONNECT, behaviour, chain);
  }

  ServerSpec behaviour(Behaviour b) {
    return new ServerSpec(ipv6, mode, b, chain);
  }

  ServerSpec chain(ChainSpec c) {
    return new ServerSpec(ipv6, mode, behaviour, c);
  }

  ServerSpec with(ChainSpec.Twist... twists) {
    return chain(chain.with(twists));
  }
}
