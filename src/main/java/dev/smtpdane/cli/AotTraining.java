package dev.smtpdane.cli;

import dev.smtpdane.lab.dns.LabDns;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.io.PrintWriter;
import java.io.Writer;
import java.security.MessageDigest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The training run the launcher uses to build a JDK AOT cache (JEP 483/514): one real check of
 * a DANE-EE and a DANE-TA host against an in-process lab on loopback, in every output mode, so
 * the cache holds the classes a normal run loads. Hidden; prints nothing.
 */
@Command(name = "_aot-train", hidden = true,
    description = "Internal: the launcher's AOT cache training run.")
final class AotTraining implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    HeadStart.run();
    HeldCertificate ca = HeldCertificate.builder().commonName("Training CA").ca().build();
    HeldCertificate leaf = HeldCertificate.builder().commonName("mx.train.test")
        .dnsNames("mx.train.test").signedBy(ca).build();
    try (LabSmtpServer smtp = LabSmtpServer.builder().chain(leaf, ca).start()) {
      int port = smtp.address().getPort();
      byte[] ee = MessageDigest.getInstance("SHA-256")
          .digest(leaf.certificate().getPublicKey().getEncoded());
      byte[] ta = MessageDigest.getInstance("SHA-256")
          .digest(ca.certificate().getPublicKey().getEncoded());
      try (LabDns dns = LabDns.builder()
          .zone("train.test.", z -> z.mx("train.test.", 10, "mx.train.test.")
              .a("mx.train.test.", "127.0.0.1")
              .tlsa("_" + port + "._tcp.mx.train.test.", 3, 1, 1, ee)
              .tlsa("_" + port + "._tcp.mx.train.test.", 2, 1, 1, ta))
          .start()) {
        String resolver = "127.0.0.1:" + dns.resolver().getPort();
        for (String mode : new String[] {"-nagios", "--json", "-terse", "-show-cert-info"}) {
          PrintWriter sink = new PrintWriter(Writer.nullWriter());
          Main.run(sink, sink, "--resolver", resolver, "-port", Integer.toString(port), "-mx",
              mode, "train.test");
        }
      }
    }
    return 0;
  }
}
