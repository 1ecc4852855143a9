package dev.smtpdane.tls;

import static dev.smtpdane.tls.DerBytes.concat;
import static dev.smtpdane.tls.DerBytes.der;
import static dev.smtpdane.tls.DerBytes.integer;
import static dev.smtpdane.tls.DerBytes.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECFieldF2m;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider must accept exactly the ECDSA signatures the JDK accepts (a false acceptance
 * would let a server that does not hold its key pass the handshake), and its key pairs must be
 * real P-256 pairs the JDK uses as its own. The JDK's SunEC is the oracle throughout.
 */
class BcEcProviderTest {
  private static final BcEcProvider OURS = new BcEcProvider();
  private static final Random RANDOM = new Random(7672);

  enum Outcome { ACCEPT, REJECT }

  /** Both curves, and a hash longer than P-256's order (truncated, FIPS 186-5 §6.4.2). */
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({"secp256r1, SHA256withECDSA", "secp256r1, SHA512withECDSA",
      "secp384r1, SHA384withECDSA"})
  @interface EachCurveAndHashSize {}

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
      "secp256r1, SHA256withECDSA", "secp256r1, SHA384withECDSA", "secp256r1, SHA512withECDSA",
      "secp384r1, SHA256withECDSA", "secp384r1, SHA384withECDSA", "secp384r1, SHA512withECDSA"})
  void acceptsWhatTheJdkSignedAndRejectsAnyOtherMessageOrKey(String curve, String algorithm)
      throws Exception {
    KeyPair key = jdkKeyPair(curve);
    KeyPair other = jdkKeyPair(curve);
    for (int i = 0; i < 10; i++) {
      byte[] message = randomBytes(1 + RANDOM.nextInt(300));
      byte[] sig = jdkSign(algorithm, key, message);
      assertThat(ours(algorithm, key.getPublic(), message, sig)).isEqualTo(Outcome.ACCEPT);
      byte[] changed = message.clone();
      changed[RANDOM.nextInt(changed.length)] ^= (byte) (1 << RANDOM.nextInt(8));
      assertThat(ours(algorithm, key.getPublic(), changed, sig)).isEqualTo(Outcome.REJECT);
      assertThat(ours(algorithm, other.getPublic(), message, sig)).isEqualTo(Outcome.REJECT);
    }
  }

  @EachCurveAndHashSize
  void everyOneBitChangeOfASignatureGetsTheJdksAnswer(String curve, String algorithm)
      throws Exception {
    KeyPair key = jdkKeyPair(curve);
    byte[] message = randomBytes(64);
    byte[] sig = jdkSign(algorithm, key, message);
    int accepted = 0;
    for (int bit = 0; bit < sig.length * 8; bit++) {
      byte[] flipped = sig.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      Outcome jdk = jdk(algorithm, key.getPublic(), message, flipped);
      assertThat(ours(algorithm, key.getPublic(), message, flipped))
          .as("bit %d of %s", bit, HexFormat.of().formatHex(flipped)).isEqualTo(jdk);
      accepted += jdk == Outcome.ACCEPT ? 1 : 0;
    }
    assertThat(accepted).as("no changed signature verifies").isZero();
  }

  @EachCurveAndHashSize
  void malformedAndOutOfRangeSignaturesGetTheJdksAnswer(String curve, String algorithm)
      throws Exception {
    KeyPair key = jdkKeyPair(curve);
    BigInteger order = ((ECPublicKey) key.getPublic()).getParams().getOrder();
    byte[] message = randomBytes(48);
    BigInteger[] rs = null;
    byte[] sig = null;
    // A signature whose r has its top bit set, to write it without the 00 pad below.
    while (rs == null || rs[0].bitLength() != order.bitLength()) {
      sig = jdkSign(algorithm, key, message);
      rs = BcEcdsaVerifier.decode(sig);
    }
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    byte[] rBytes = r.toByteArray(); // 00 pad first
    byte[] unpadded = Arrays.copyOfRange(rBytes, 1, rBytes.length);
    byte[] sInt = integer(s);
    List<byte[]> cases = new ArrayList<>(List.of(
        concat(sig, new byte[] {0}), // trailing data
        der(r, s, BigInteger.ONE), // a third INTEGER
        seq(integer(r)), // one INTEGER only
        seq(integer(r), sInt, new byte[] {0x02, 0x00}),
        seq(new byte[] {0x02, 0x00}, sInt), // an INTEGER of no bytes
        der(BigInteger.ZERO, s), der(r, BigInteger.ZERO),
        der(r.add(order), s), der(r, s.add(order)), // same residues, out of range
        der(order, s), der(r, order),
        der(r.negate(), s), der(r, s.negate()),
        der(r, order.subtract(s)), // the other valid s (ECDSA is malleable)
        seq(concat(new byte[] {0x02, (byte) (rBytes.length + 1), 0x00}, rBytes), sInt),
        seq(concat(new byte[] {0x02, (byte) (unpadded.length + 1), (byte) 0xff}, unpadded),
            sInt), // a redundant FF: the JDK reads the bytes as unsigned, another number
        seq(concat(new byte[] {0x02, (byte) unpadded.length}, unpadded), sInt), // no 00 pad
        seq(concat(new byte[] {0x02, (byte) 0x81, (byte) rBytes.length}, rBytes), sInt),
        concat(new byte[] {0x30, (byte) 0x82, 0x00, sig[1]}, Arrays.copyOfRange(sig, 2,
            sig.length)), // a length with a leading 00
        concat(new byte[] {0x31}, Arrays.copyOfRange(sig, 1, sig.length)), // a SET
        longFormLength(sig), indefiniteLength(sig),
        new byte[0], new byte[] {0x30, 0x00}, new byte[] {0x30}, new byte[] {0x30, (byte) 0x84,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
        new byte[] {0x04, 0x02, 0x01, 0x01}));
    for (byte[] c : cases) {
      assertThat(ours(algorithm, key.getPublic(), message, c))
          .as(HexFormat.of().formatHex(c))
          .isEqualTo(jdk(algorithm, key.getPublic(), message, c));
    }
    // The two the JDK takes: the other s, and r without its 00 pad (read as unsigned).
    assertThat(ours(algorithm, key.getPublic(), message, der(r, order.subtract(s))))
        .isEqualTo(Outcome.ACCEPT);
    assertThat(ours(algorithm, key.getPublic(), message,
        seq(concat(new byte[] {0x02, (byte) unpadded.length}, unpadded), sInt)))
        .isEqualTo(Outcome.ACCEPT);
  }

  @Test
  void handsTheJdkWhatItDoesNotComputeAndGetsTheJdksAnswer() throws Exception {
    KeyPair p521 = jdkKeyPair("secp521r1");
    KeyPair p256 = jdkKeyPair("secp256r1");
    ECPublicKey pub = (ECPublicKey) p256.getPublic();
    BigInteger p = ((ECFieldFp) pub.getParams().getCurve().getField()).getP();
    byte[] message = randomBytes(20);
    byte[] signed521 = jdkSign("SHA512withECDSA", p521, message);
    byte[] signed256 = jdkSign("SHA256withECDSA", p256, message);
    assertThat(ours("SHA512withECDSA", p521.getPublic(), message, signed521))
        .isEqualTo(Outcome.ACCEPT);
    BcEcdsaVerifier spi = new BcEcdsaVerifier("SHA256withECDSA", "SHA-256");
    spi.engineInitVerify(p256.getPublic());
    assertThat(spi.byBouncyCastle()).as("P-256").isTrue();
    spi.engineInitVerify(jdkKeyPair("secp384r1").getPublic());
    assertThat(spi.byBouncyCastle()).as("P-384").isTrue();
    spi.engineInitVerify(p521.getPublic());
    assertThat(spi.byBouncyCastle()).as("P-521").isFalse();
    spi.engineInitVerify(p256.getPublic());
    spi.engineInitSign(p256.getPrivate());
    assertThat(spi.byBouncyCastle()).as("signing").isFalse();
    // Points the JDK's verification refuses (ECUtil.validatePublicKey): so does this one.
    for (ECPoint bad : List.of(new ECPoint(pub.getW().getAffineX(),
            pub.getW().getAffineY().add(BigInteger.ONE)), // off the curve
        new ECPoint(pub.getW().getAffineX().add(p), pub.getW().getAffineY()), // x >= p
        ECPoint.POINT_INFINITY)) {
      ECPublicKey key = ecKey(bad, pub.getParams());
      spi.engineInitVerify(key);
      assertThat(spi.byBouncyCastle()).as("%s", bad).isFalse();
      assertThat(ours("SHA256withECDSA", key, message, signed256))
          .isEqualTo(jdk("SHA256withECDSA", key, message, signed256)).isEqualTo(Outcome.REJECT);
    }
    Signature direct = Signature.getInstance("SHA256withECDSA", OURS);
    KeyPair rsa = KeyPairGenerator.getInstance("RSA", "SunRsaSign").generateKeyPair();
    assertThatThrownBy(() -> direct.initVerify(rsa.getPublic()))
        .isInstanceOf(InvalidKeyException.class);
    direct.initSign(p256.getPrivate());
    direct.update(message);
    byte[] signedHere = direct.sign();
    assertThat(jdk("SHA256withECDSA", p256.getPublic(), message, signedHere))
        .isEqualTo(Outcome.ACCEPT);

    // Installed: chosen for a P-256 key, skipped for a private key. And a Signature object
    // the JCA has tied to this provider still answers for any key, as the JDK would.
    assertThat(BcEcProvider.install()).isTrue();
    assertThat(Security.getProviders()[0].getName()).isEqualTo(OURS.getName());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(p256.getPrivate());
    assertThat(signer.getProvider().getName()).isEqualTo("SunEC");
    Signature tied = Signature.getInstance("SHA512withECDSA");
    assertThat(tied.getProvider().getName()).isEqualTo(OURS.getName()); // ties it now
    tied.initVerify(p256.getPublic());
    tied.initVerify(p521.getPublic());
    tied.update(message);
    assertThat(tied.verify(signed521)).isTrue();
    tied.initVerify(p256.getPublic());
    tied.update(message);
    assertThat(tied.verify(signed521)).isFalse();
  }

  @Test
  void keysWithExplicitParametersAreMatchedByValueNotByName() throws Exception {
    // dnsjava makes DNSSEC keys (algorithms 13 and 14) with explicit, unnamed parameters.
    KeyPair p256 = jdkKeyPair("secp256r1");
    ECPublicKey named = (ECPublicKey) p256.getPublic();
    ECParameterSpec n = named.getParams();
    ECParameterSpec explicit = new ECParameterSpec(n.getCurve(), n.getGenerator(), n.getOrder(),
        n.getCofactor());
    ECPublicKey key = ecKey(named.getW(), explicit);
    // Bouncy Castle computes for both, and for P-384 (else all of it would be the JDK's again).
    assertThat(BcCurves.of(n)).containsSame(BcCurves.P256);
    assertThat(BcCurves.of(explicit)).containsSame(BcCurves.P256);
    assertThat(BcCurves.of(((ECPublicKey) jdkKeyPair("secp384r1").getPublic()).getParams()))
        .containsSame(BcCurves.P384);
    byte[] message = randomBytes(40);
    byte[] sig = jdkSign("SHA256withECDSA", p256, message);
    assertThat(BcEcProvider.install()).isTrue();
    Signature any = Signature.getInstance("SHA256withECDSA");
    any.initVerify(key);
    assertThat(any.getProvider().getName()).isEqualTo(OURS.getName());
    any.update(message);
    assertThat(any.verify(sig)).isTrue();

    // Near misses are not P-256: the JDK answers for them (and refuses these curves).
    BigInteger p = ((ECFieldFp) n.getCurve().getField()).getP();
    ECFieldFp p384 = (ECFieldFp) ((ECPublicKey) jdkKeyPair("secp384r1").getPublic()).getParams()
        .getCurve().getField();
    List<ECParameterSpec> nearMisses = List.of(
        new ECParameterSpec(new EllipticCurve(n.getCurve().getField(), n.getCurve().getA(),
            n.getCurve().getB().add(BigInteger.ONE)), n.getGenerator(), n.getOrder(), 1),
        new ECParameterSpec(n.getCurve(), new ECPoint(n.getGenerator().getAffineX(),
            p.subtract(n.getGenerator().getAffineY())), n.getOrder(), 1), // -G
        new ECParameterSpec(n.getCurve(), n.getGenerator(), n.getOrder(), 2),
        new ECParameterSpec(new EllipticCurve(n.getCurve().getField(),
            n.getCurve().getA().add(BigInteger.ONE), n.getCurve().getB()), n.getGenerator(),
            n.getOrder(), 1),
        new ECParameterSpec(new EllipticCurve(new ECFieldFp(p384.getP()), n.getCurve().getA(),
            n.getCurve().getB()), n.getGenerator(), n.getOrder(), 1),
        new ECParameterSpec(n.getCurve(), new ECPoint(n.getGenerator().getAffineX()
            .add(BigInteger.ONE), n.getGenerator().getAffineY()), n.getOrder(), 1),
        new ECParameterSpec(n.getCurve(), n.getGenerator(), n.getOrder().add(BigInteger.TWO),
            1),
        new ECParameterSpec(new EllipticCurve(new ECFieldF2m(233, new int[] {74}),
            BigInteger.ONE, BigInteger.ONE), n.getGenerator(), n.getOrder(), 1));
    assertThat(BcCurves.of(null)).isEmpty();
    for (ECParameterSpec spec : nearMisses) {
      assertThat(BcCurves.of(spec)).isEmpty();
      ECPublicKey k = ecKey(named.getW(), spec);
      assertThat(ours("SHA256withECDSA", k, message, sig))
          .isEqualTo(jdk("SHA256withECDSA", k, message, sig));
    }
  }

  @Test
  void parametersAreTheKeysOwnCurveOrNoneAsWithTheJdk() throws Exception {
    KeyPair p256 = jdkKeyPair("secp256r1");
    ECParameterSpec p384 = ((ECPublicKey) jdkKeyPair("secp384r1").getPublic()).getParams();
    Signature v = Signature.getInstance("SHA256withECDSA", OURS);
    v.setParameter(p384); // before a key, any curve, as SunEC
    v.initVerify(p256.getPublic());
    v.setParameter(null);
    v.setParameter(((ECPublicKey) p256.getPublic()).getParams());
    assertThatThrownBy(() -> v.setParameter(p384))
        .isInstanceOf(InvalidAlgorithmParameterException.class);
    assertThatThrownBy(() -> v.setParameter(new ECGenParameterSpec("secp256r1")))
        .isInstanceOf(InvalidAlgorithmParameterException.class);
    assertThat(v.getParameters()).isNull();
    byte[] message = randomBytes(8);
    v.update(message);
    assertThat(v.verify(jdkSign("SHA256withECDSA", p256, message))).isTrue();
  }

  @Test
  void keyPairsAreP256PairsTheJdkUsesAsItsOwn() throws Exception {
    KeyPair jdkPeer = jdkKeyPair("secp256r1");
    ECParameterSpec named = ((ECPublicKey) jdkPeer.getPublic()).getParams();
    KeyPairGenerator byName = KeyPairGenerator.getInstance("EC", OURS);
    byName.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPairGenerator bySpec = KeyPairGenerator.getInstance("EC", OURS); // as JSSE does
    bySpec.initialize(named, null);
    KeyPairGenerator bySize = KeyPairGenerator.getInstance("EC", OURS);
    bySize.initialize(256);
    Set<PublicKey> seen = new HashSet<>();
    for (KeyPairGenerator g : List.of(byName, bySpec, bySize)) {
      KeyPair pair = g.generateKeyPair();
      assertThat(((ECPublicKey) pair.getPublic()).getParams()).hasToString(named.toString());
      assertThat(pair.getPublic().getClass()).isEqualTo(jdkPeer.getPublic().getClass());
      assertThat(pair.getPrivate().getClass()).isEqualTo(jdkPeer.getPrivate().getClass());
      // The public key is the private scalar times G: ECDH with a key pair the JDK made gives
      // the same secret from both sides, and the JDK verifies what the private half signed.
      assertThat(ecdh(pair, jdkPeer)).isEqualTo(ecdh(jdkPeer, pair));
      byte[] message = randomBytes(32);
      assertThat(jdk("SHA256withECDSA", pair.getPublic(), message,
          jdkSign("SHA256withECDSA", pair, message))).isEqualTo(Outcome.ACCEPT);
      assertThat(seen.add(pair.getPublic())).isTrue();
    }

    // Installed: JSSE's key share (KeyPairGenerator "EC", the JDK's named P-256) comes here.
    assertThat(BcEcProvider.install()).isTrue();
    KeyPairGenerator any = KeyPairGenerator.getInstance("EC");
    any.initialize(named, new SecureRandom());
    assertThat(any.getProvider().getName()).isEqualTo(OURS.getName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "SECP256R1", "NIST P-256", "X9.62 prime256v1",
      "1.2.840.10045.3.1.7", "prime256v1", "P-256", "secp384r1", "secp521r1", "secp256k1"})
  void takesTheCurveNamesTheJdkTakesForP256Only(String name) throws Exception {
    boolean jdkTakes;
    try {
      KeyPairGenerator.getInstance("EC", "SunEC").initialize(new ECGenParameterSpec(name));
      jdkTakes = true;
    } catch (InvalidAlgorithmParameterException e) {
      jdkTakes = false;
    }
    KeyPairGenerator ours = KeyPairGenerator.getInstance("EC", OURS);
    boolean p256 = name.toLowerCase(java.util.Locale.ROOT).matches(
        "secp256r1|nist p-256|x9.62 prime256v1|1.2.840.10045.3.1.7");
    if (p256) {
      assertThat(jdkTakes).isTrue();
      ours.initialize(new ECGenParameterSpec(name));
      assertThat(ours.generateKeyPair().getPublic()).isInstanceOf(ECPublicKey.class);
      return;
    }
    assertThatThrownBy(() -> ours.initialize(new ECGenParameterSpec(name)))
        .isInstanceOf(InvalidAlgorithmParameterException.class);
    assertThatThrownBy(() -> ours.initialize(384)).isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> ours.initialize(((ECPublicKey) jdkKeyPair("secp384r1").getPublic())
        .getParams())).isInstanceOf(InvalidAlgorithmParameterException.class);
    assertThatThrownBy(ours::generateKeyPair).isInstanceOf(IllegalStateException.class);
    // Installed, the JCA moves on to the JDK, which takes or refuses the name as it does alone.
    assertThat(BcEcProvider.install()).isTrue();
    KeyPairGenerator any = KeyPairGenerator.getInstance("EC");
    if (jdkTakes) {
      any.initialize(new ECGenParameterSpec(name));
      assertThat(any.getProvider().getName()).isEqualTo("SunEC");
      assertThat(any.generateKeyPair().getPublic()).isInstanceOf(ECPublicKey.class);
    } else {
      assertThatThrownBy(() -> any.initialize(new ECGenParameterSpec(name)))
          .isInstanceOf(InvalidAlgorithmParameterException.class);
    }
  }

  /**
   * This provider's answer. For a valid P-256 or P-384 key it must be Bouncy Castle's own, or
   * comparing it with the JDK's would compare the JDK with itself.
   */
  private static Outcome ours(String algorithm, PublicKey key, byte[] message, byte[] sig)
      throws GeneralSecurityException {
    if (key instanceof ECPublicKey ec && BcCurves.of(ec.getParams()).isPresent()
        && !ec.getW().equals(ECPoint.POINT_INFINITY)) {
      BcEcdsaVerifier spi = new BcEcdsaVerifier(algorithm,
          "SHA-" + algorithm.substring(3, algorithm.indexOf("with")));
      spi.engineInitVerify(key);
      boolean valid = jdkKeyValid(ec);
      assertThat(spi.byBouncyCastle()).as("Bouncy Castle answers for a valid key").isEqualTo(valid);
    }
    return verify(Signature.getInstance(algorithm, OURS), key, message, sig);
  }

  /** The JDK's own test of a public point (ECUtil.validatePublicKey): in range, on the curve. */
  private static boolean jdkKeyValid(ECPublicKey key) {
    BigInteger p = ((ECFieldFp) key.getParams().getCurve().getField()).getP();
    BigInteger x = key.getW().getAffineX();
    BigInteger y = key.getW().getAffineY();
    EllipticCurve c = key.getParams().getCurve();
    return x.signum() >= 0 && x.compareTo(p) < 0 && y.signum() >= 0 && y.compareTo(p) < 0
        && y.modPow(BigInteger.TWO, p).equals(x.pow(3).add(c.getA().multiply(x)).add(c.getB())
            .mod(p));
  }

  private static Outcome jdk(String algorithm, PublicKey key, byte[] message, byte[] sig)
      throws GeneralSecurityException {
    return verify(Signature.getInstance(algorithm, "SunEC"), key, message, sig);
  }

  private static Outcome verify(Signature v, PublicKey key, byte[] message, byte[] sig)
      throws InvalidKeyException {
    v.initVerify(key);
    try {
      v.update(message);
      return v.verify(sig) ? Outcome.ACCEPT : Outcome.REJECT;
    } catch (java.security.SignatureException e) {
      return Outcome.REJECT;
    }
  }

  private static KeyPair jdkKeyPair(String curve) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "SunEC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  private static byte[] jdkSign(String algorithm, KeyPair key, byte[] message)
      throws GeneralSecurityException {
    Signature s = Signature.getInstance(algorithm, "SunEC");
    s.initSign(key.getPrivate());
    s.update(message);
    return s.sign();
  }

  private static byte[] ecdh(KeyPair mine, KeyPair theirs) throws GeneralSecurityException {
    KeyAgreement ka = KeyAgreement.getInstance("ECDH", "SunEC");
    ka.init(mine.getPrivate());
    ka.doPhase(theirs.getPublic(), true);
    return ka.generateSecret();
  }

  /** An EC public key with any point and parameters, as a hostile peer or dnsjava makes. */
  private static ECPublicKey ecKey(ECPoint w, ECParameterSpec params) {
    return new ECPublicKey() {
      @Override public ECPoint getW() {
        return w;
      }

      @Override public ECParameterSpec getParams() {
        return params;
      }

      @Override public String getAlgorithm() {
        return "EC";
      }

      @Override public String getFormat() {
        return "X.509";
      }

      @Override public byte[] getEncoded() {
        return null;
      }
    };
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static byte[] longFormLength(byte[] sig) {
    return concat(new byte[] {0x30, (byte) 0x81, sig[1]}, Arrays.copyOfRange(sig, 2, sig.length));
  }

  private static byte[] indefiniteLength(byte[] sig) {
    return concat(new byte[] {0x30, (byte) 0x80}, Arrays.copyOfRange(sig, 2, sig.length),
        new byte[] {0, 0});
  }
}
