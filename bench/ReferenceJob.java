import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * A fixed CPU-only job, to tell how fast this machine is right now (bench/reference.sh): the
 * JDK's first two P-256 key pairs (the first builds its table of generator multiples), run in
 * the interpreter so that no compiler timing enters. The same code, the same work, every time.
 */
public final class ReferenceJob {
  public static void main(String[] args) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "SunEC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    g.generateKeyPair();
    g.generateKeyPair();
  }
}
