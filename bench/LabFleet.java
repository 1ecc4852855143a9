import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark helper (not a test): N lab SMTP servers, one per loopback address 127.1.x.y, all
 * on one port, sharing one certificate chain. Prints "ready PORT" once all listen, then serves
 * until standard input closes or the given seconds pass. Loopback only, by construction.
 */
public final class LabFleet {
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    int port = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    HeldCertificate ca = HeldCertificate.builder().commonName("Bench CA").ca().build();
    HeldCertificate leaf = HeldCertificate.builder().commonName("mx.bench.test")
        .dnsNames("mx.bench.test").signedBy(ca).build();
    List<LabSmtpServer> servers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      InetAddress a = InetAddress.getByAddress(new byte[] {127, 1, (byte) (i / 250),
          (byte) (i % 250 + 1)});
      servers.add(LabSmtpServer.builder().bindAddress(a).port(port).chain(leaf, ca).start());
    }
    System.out.println("ready " + port);
    System.out.flush();
    Thread stdin = Thread.ofPlatform().daemon().start(() -> {
      try {
        while (System.in.read() >= 0) {
          // wait for end of input
        }
      } catch (java.io.IOException ignored) {
        // treat as closed
      }
    });
    stdin.join(seconds * 1000);
    servers.forEach(LabSmtpServer::close);
  }
}
