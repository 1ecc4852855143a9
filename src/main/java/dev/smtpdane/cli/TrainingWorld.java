package dev.smtpdane.cli;

import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The small lab the AOT training checks: {@code train.test} with one MX host whose server
 * presents a leaf and its CA, published as DANE-EE 3 1 1 and DANE-TA 2 1 1, so both ways of
 * authenticating run.
 */
final class TrainingWorld implements AutoCloseable {
  static final String DOMAIN = "train.test";

  private final LabSmtpServer smtp;
  private final LabDns dns;

  private TrainingWorld(LabSmtpServer smtp, LabDns dns) {
    this.smtp = smtp;
    this.dns = dns;
  }

  static TrainingWorld start() throws IOException, GeneralSecurityException {
    HeldCertificate ca = HeldCertificate.builder().commonName("Training CA").ca().build();
    HeldCertificate leaf = HeldCertificate.builder().commonName("mx.train.test")
        .dnsNames("mx.train.test").signedBy(ca).build();
    LabSmtpServer smtp = LabSmtpServer.builder().chain(leaf, ca).start();
    try {
      int port = smtp.address().getPort();
      byte[] ee = MessageDigest.getInstance("SHA-256")
          .digest(leaf.certificate().getPublicKey().getEncoded());
      byte[] ta = MessageDigest.getInstance("SHA-256")
          .digest(ca.certificate().getPublicKey().getEncoded());
      LabDns dns = LabDns.builder()
          .zone("train.test.", z -> z.mx("train.test.", 10, "mx.train.test.")
              .a("mx.train.test.", "127.0.0.1")
              .tlsa("_" + port + "._tcp.mx.train.test.", 3, 1, 1, ee)
              .tlsa("_" + port + "._tcp.mx.train.test.", 2, 1, 1, ta))
          .start();
      return new TrainingWorld(smtp, dns);
    } catch (RuntimeException e) {
      smtp.close();
      throw e;
    }
  }

  int resolverPort() {
    return dns.resolver().getPort();
  }

  int smtpPort() {
    return smtp.address().getPort();
  }

  @Override
  public void close() {
    dns.close();
    smtp.close();
  }
}
