package dev.smtpdane.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
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
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
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
  private static final BigInteger P256_ORDER = new BigInteger(
      "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  enum Outcome { ACCEPT, REJECT }

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

  @Test
  void everyOneBitChangeOfASignatureGetsTheJdksAnswer() throws Exception {
    KeyPair key = jdkKeyPair("secp256r1");
    byte[] message = randomBytes(64);
    byte[] sig = jdkSign("SHA256withECDSA", key, message);
    int accepted = 0;
    for (int bit = 0; bit < sig.length * 8; bit++) {
      byte[] flipped = sig.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      Outcome jdk = jdk("SHA256withECDSA", key.getPublic(), message, flipped);
      assertThat(ours("SHA256withECDSA", key.getPublic(), message, flipped))
          .as("bit %d of %s", bit, HexFormat.of().formatHex(flipped)).isEqualTo(jdk);
      accepted += jdk == Outcome.ACCEPT ? 1 : 0;
    }
    assertThat(accepted).as("no changed signature verifies").isZero();
  }

  @Test
  void malformedAndOutOfRangeSignaturesGetTheJdksAnswer() throws Exception {
    KeyPair key = jdkKeyPair("secp256r1");
    byte[] message = randomBytes(48);
    BigInteger[] rs = null;
    byte[] sig = null;
    // A signature whose r has its top bit set, to write it without the 00 pad below.
    while (rs == null || rs[0].bitLength() != 256) {
      sig = jdkSign("SHA256withECDSA", key, message);
      rs = BcEcdsaVerifier.decode(sig);
    }
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    byte[] rBytes = r.toByteArray(); // 33 bytes: 00 pad first
    byte[] unpadded = Arrays.copyOfRange(rBytes, 1, rBytes.length);
    List<byte[]> cases = new ArrayList<>(List.of(
        concat(sig, new byte[] {0}), // trailing data
        der(r, s, BigInteger.ONE), // a third INTEGER
        seq(integer(r)), // one INTEGER only
        der(BigInteger.ZERO, s), der(r, BigInteger.ZERO),
        der(r.add(P256_ORDER), s), der(r, s.add(P256_ORDER)), // same residues, out of range
        der(P256_ORDER, s), der(r, P256_ORDER),
        der(r.negate(), s), der(r, s.negate()),
        der(r, P256_ORDER.subtract(s)), // the other valid s (ECDSA is malleable)
        seq(concat(new byte[] {0x02, 0x22, 0x00}, rBytes), integer(s)), // a redundant 00
        seq(concat(new byte[] {0x02, (byte) unpadded.length}, unpadded), integer(s)), // no pad
        longFormLength(sig), indefiniteLength(sig),
        new byte[0], new byte[] {0x30, 0x00}, new byte[] {0x30},
        new byte[] {0x04, 0x02, 0x01, 0x01}));
    for (byte[] c : cases) {
      assertThat(ours("SHA256withECDSA", key.getPublic(), message, c))
          .as(HexFormat.of().formatHex(c))
          .isEqualTo(jdk("SHA256withECDSA", key.getPublic(), message, c));
    }
    // The two the JDK takes: the other s, and r without its 00 pad (read as unsigned).
    assertThat(ours("SHA256withECDSA", key.getPublic(), message, der(r,
        P256_ORDER.subtract(s)))).isEqualTo(Outcome.ACCEPT);
    assertThat(ours("SHA256withECDSA", key.getPublic(), message, seq(concat(new byte[] {0x02,
        (byte) unpadded.length}, unpadded), integer(s)))).isEqualTo(Outcome.ACCEPT);
  }

  @Test
  void declinesWhatItDoesNotComputeSoTheJdkDoesIt() throws Exception {
    KeyPair p521 = jdkKeyPair("secp521r1");
    KeyPair p256 = jdkKeyPair("secp256r1");
    KeyPair rsa = KeyPairGenerator.getInstance("RSA", "SunRsaSign").generateKeyPair();
    Signature sig = Signature.getInstance("SHA256withECDSA", OURS);
    assertThatThrownBy(() -> sig.initVerify(p521.getPublic()))
        .isInstanceOf(InvalidKeyException.class).hasMessageContaining("P-256 or P-384");
    assertThatThrownBy(() -> sig.initVerify(rsa.getPublic()))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> sig.initSign(p256.getPrivate()))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> sig.initVerify(offCurve((ECPublicKey) p256.getPublic())))
        .isInstanceOf(InvalidKeyException.class);

    // Installed, the JCA moves on to the JDK for those, and picks this provider otherwise.
    assertThat(BcEcProvider.install()).isTrue();
    assertThat(Security.getProviders()[0].getName()).isEqualTo(OURS.getName());
    byte[] message = randomBytes(20);
    Signature any = Signature.getInstance("SHA512withECDSA");
    any.initSign(p521.getPrivate());
    any.update(message);
    byte[] signed = any.sign();
    assertThat(any.getProvider().getName()).isEqualTo("SunEC");
    Signature verify521 = Signature.getInstance("SHA512withECDSA");
    verify521.initVerify(p521.getPublic());
    verify521.update(message);
    assertThat(verify521.verify(signed)).isTrue();
    assertThat(verify521.getProvider().getName()).isEqualTo("SunEC");
    Signature verify256 = Signature.getInstance("SHA256withECDSA");
    verify256.initVerify(p256.getPublic());
    assertThat(verify256.getProvider().getName()).isEqualTo(OURS.getName());
    Signature offCurve = Signature.getInstance("SHA256withECDSA");
    offCurve.initVerify(offCurve((ECPublicKey) p256.getPublic()));
    offCurve.update(message);
    assertThat(offCurve.verify(jdkSign("SHA256withECDSA", p256, message))).isFalse();
  }

  @Test
  void keyPairsAreP256PairsTheJdkUsesAsItsOwn() throws Exception {
    KeyPairGenerator ours = KeyPairGenerator.getInstance("EC", OURS);
    ours.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair a = ours.generateKeyPair();
    KeyPair b = ours.generateKeyPair();
    ECParameterSpec named = ((ECPublicKey) jdkKeyPair("secp256r1").getPublic()).getParams();
    assertThat(((ECPublicKey) a.getPublic()).getParams()).hasToString(named.toString());
    assertThat(a.getPublic().getClass()).isEqualTo(jdkKeyPair("secp256r1").getPublic()
        .getClass());
    // The public key is the private scalar times G: the JDK verifies what the JDK signed with
    // the private half, and ECDH from both sides agrees.
    byte[] message = randomBytes(32);
    assertThat(jdk("SHA256withECDSA", a.getPublic(), message,
        jdkSign("SHA256withECDSA", a, message))).isEqualTo(Outcome.ACCEPT);
    assertThat(ecdh(a, b)).isEqualTo(ecdh(b, a));
    assertThat(a.getPublic()).isNotEqualTo(b.getPublic());

    KeyPairGenerator bySize = KeyPairGenerator.getInstance("EC", OURS);
    bySize.initialize(256);
    assertThat(((ECPublicKey) bySize.generateKeyPair().getPublic()).getParams())
        .hasToString(named.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp384r1", "secp521r1", "secp256k1"})
  void keyPairsOfOtherCurvesAreLeftToTheJdk(String curve) throws Exception {
    KeyPairGenerator ours = KeyPairGenerator.getInstance("EC", OURS);
    assertThatThrownBy(() -> ours.initialize(new ECGenParameterSpec(curve)))
        .isInstanceOf(InvalidAlgorithmParameterException.class);
    assertThatThrownBy(() -> ours.initialize(384)).isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(ours::generateKeyPair).isInstanceOf(IllegalStateException.class);
    assertThat(BcEcProvider.install()).isTrue();
    KeyPairGenerator any = KeyPairGenerator.getInstance("EC");
    if (!curve.equals("secp256k1")) { // not in the JDK since JDK 16
      any.initialize(new ECGenParameterSpec(curve));
      assertThat(((ECPublicKey) any.generateKeyPair().getPublic()).getParams().toString())
          .contains(curve);
    }
  }

  private static Outcome ours(String algorithm, PublicKey key, byte[] message, byte[] sig)
      throws GeneralSecurityException {
    return verify(Signature.getInstance(algorithm, OURS), key, message, sig);
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

  /** The same key with y + 1: not on the curve. */
  private static ECPublicKey offCurve(ECPublicKey key) {
    ECPoint w = new ECPoint(key.getW().getAffineX(), key.getW().getAffineY().add(BigInteger.ONE));
    return new ECPublicKey() {
      @Override public ECPoint getW() {
        return w;
      }

      @Override public ECParameterSpec getParams() {
        return key.getParams();
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

  private static byte[] der(BigInteger... values) {
    byte[][] parts = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      parts[i] = integer(values[i]);
    }
    return seq(parts);
  }

  private static byte[] integer(BigInteger v) {
    byte[] b = v.toByteArray();
    return concat(new byte[] {0x02, (byte) b.length}, b);
  }

  private static byte[] seq(byte[]... parts) {
    byte[] body = concat(parts);
    return concat(new byte[] {0x30, (byte) body.length}, body);
  }

  private static byte[] longFormLength(byte[] sig) {
    return concat(new byte[] {0x30, (byte) 0x81, sig[1]}, Arrays.copyOfRange(sig, 2, sig.length));
  }

  private static byte[] indefiniteLength(byte[] sig) {
    return concat(new byte[] {0x30, (byte) 0x80}, Arrays.copyOfRange(sig, 2, sig.length),
        new byte[] {0, 0});
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
