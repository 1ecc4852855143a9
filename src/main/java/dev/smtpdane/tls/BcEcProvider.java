package dev.smtpdane.tls;

import java.security.Provider;
import java.security.Security;
import java.util.Map;

/**
 * A JCA provider, put first in the JVM's list before the first check (issue 9), that does the
 * elliptic-curve work a check repeats most with Bouncy Castle's arithmetic instead of the JDK's:
 * every ECDSA verification with SHA-256, -384 or -512 on a P-256 or P-384 key (the server's TLS
 * 1.3 CertificateVerify, RFC 8446 §4.4.3, or TLS 1.2 ServerKeyExchange; DANE-TA chain
 * signatures; OCSP responses; DNSSEC algorithms 13 and 14), and P-256 key pairs (the
 * handshake's key share). A check compiles with C1 only, where the JDK's P-256 code is several
 * times slower than Bouncy Castle's, and the JDK's first P-256 key pair builds a table of 60
 * generator multiples (~115 ms of CPU); Bouncy Castle's table costs about one multiplication's
 * worth.
 *
 * <p>Everything else is the JDK's: signing, other curves, RSA, key agreement, and ECDSA with
 * SHA-1 or SHA-224 (TLS 1.0 and 1.1, and some TLS 1.2 servers, sign with SHA-1). Private keys
 * and other key generators skip this provider through the JCA's delayed provider selection; a
 * verifier given a key it does not compute on hands it to the JDK's own. Its answers are the
 * JDK's (the tests compare both on good, tampered, malformed and out-of-range signatures), so
 * it changes how fast a verdict comes, never which.
 */
public final class BcEcProvider extends Provider {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "SmtpdaneBcEc";
  // By name, and no lambdas: installing must load no Bouncy Castle class and start no
  // invokedynamic machinery, which a check that ends before any TLS would pay for too.
  private static final String VERIFIER = "dev.smtpdane.tls.BcEcdsaVerifier";
  private static final String GENERATOR = "dev.smtpdane.tls.BcP256KeyPairGenerator";

  BcEcProvider() {
    super(NAME, "1", "ECDSA P-256/P-384 verification and P-256 key pairs by Bouncy Castle");
    // Only public keys: a private key (signing) skips this provider without an exception.
    Map<String, String> verifyOnly = Map.of("SupportedKeyClasses",
        "java.security.interfaces.ECPublicKey");
    for (String algorithm : new String[] {"SHA256withECDSA", "SHA384withECDSA",
        "SHA512withECDSA"}) {
      putService(new Direct(this, "Signature", algorithm, VERIFIER, verifyOnly));
    }
    putService(new Direct(this, "KeyPairGenerator", "EC", GENERATOR, null));
  }

  /** Puts the provider first, once per JVM; returns whether it is (now) installed. */
  public static synchronized boolean install() {
    if (Security.getProvider(NAME) != null) {
      return true;
    }
    return Security.insertProviderAt(new BcEcProvider(), 1) != -1;
  }

  /** A service that makes its engine directly rather than by reflection on the class name. */
  private static final class Direct extends Service {
    Direct(Provider provider, String type, String algorithm, String className,
        Map<String, String> attributes) {
      super(provider, type, algorithm, className, null, attributes);
    }

    @Override
    public Object newInstance(Object constructorParameter) {
      return switch (getAlgorithm()) {
        case "SHA256withECDSA" -> new BcEcdsaVerifier("SHA256withECDSA", "SHA-256");
        case "SHA384withECDSA" -> new BcEcdsaVerifier("SHA384withECDSA", "SHA-384");
        case "SHA512withECDSA" -> new BcEcdsaVerifier("SHA512withECDSA", "SHA-512");
        default -> new BcP256KeyPairGenerator();
      };
    }
  }
}
