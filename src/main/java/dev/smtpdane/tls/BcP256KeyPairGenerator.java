package dev.smtpdane.tls;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * EC key pairs on P-256 only ({@link BcEcProvider}): the ephemeral key share of a TLS handshake
 * (RFC 8446 §4.2.8; JSSE initializes with the JDK's named ECParameterSpec). Bouncy Castle picks
 * the private scalar and multiplies the generator; the pair is handed back as the JDK's own key
 * objects, so JSSE and the JDK's ECDH agreement use it as if the JDK had made it. Any other
 * size or curve is refused, and the JCA moves on to the JDK's generator.
 */
final class BcP256KeyPairGenerator extends KeyPairGeneratorSpi {
  // The JDK's names for P-256 (CurveDB, KnownOIDs), which it matches ignoring case.
  private static final Set<String> NAMES =
      Set.of("secp256r1", "nist p-256", "x9.62 prime256v1", "1.2.840.10045.3.1.7");

  private SecureRandom random; // set once initialized

  @Override
  public void initialize(int keysize, SecureRandom random) {
    if (keysize != 256) {
      throw new InvalidParameterException("P-256 only");
    }
    use(random);
  }

  @Override
  public void initialize(AlgorithmParameterSpec params, SecureRandom random)
      throws InvalidAlgorithmParameterException {
    boolean p256 = switch (params) {
      case ECGenParameterSpec gen -> NAMES.contains(gen.getName().toLowerCase(Locale.ROOT));
      case ECParameterSpec spec -> BcCurves.of(spec).orElse(null) == BcCurves.P256;
      case null, default -> false;
    };
    if (!p256) {
      throw new InvalidAlgorithmParameterException("P-256 only");
    }
    use(random);
  }

  private void use(SecureRandom given) {
    random = given != null ? given : new SecureRandom();
  }

  @Override
  public KeyPair generateKeyPair() {
    if (random == null) {
      // Not initialized: the JDK's generator, next in line, applies its own default.
      throw new IllegalStateException("not initialized");
    }
    ECKeyPairGenerator bc = new ECKeyPairGenerator();
    bc.init(new ECKeyGenerationParameters(BcCurves.P256, random));
    AsymmetricCipherKeyPair pair = bc.generateKeyPair();
    var q = ((ECPublicKeyParameters) pair.getPublic()).getQ().normalize();
    try {
      ECParameterSpec spec = JdkP256.SPEC;
      KeyFactory factory = KeyFactory.getInstance("EC");
      return new KeyPair(
          factory.generatePublic(new ECPublicKeySpec(new ECPoint(
              q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), spec)),
          factory.generatePrivate(new ECPrivateKeySpec(
              ((ECPrivateKeyParameters) pair.getPrivate()).getD(), spec)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK refused a P-256 key: " + e.getMessage(), e);
    }
  }

  /** The JDK's own P-256 parameters, named, as its key objects and encoders expect them. */
  private static final class JdkP256 {
    static final ECParameterSpec SPEC = load();

    private static ECParameterSpec load() {
      try {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec("secp256r1"));
        return p.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("no P-256 in this JDK", e);
      }
    }
  }
}
