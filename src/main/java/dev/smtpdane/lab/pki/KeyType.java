package dev.smtpdane.lab.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Key algorithms the lab makes certificates with. */
public enum KeyType {
  RSA_2048("RSA", 2048),
  RSA_4096("RSA", 4096),
  ECDSA_P256("EC", 256),
  ECDSA_P384("EC", 384),
  ED25519("Ed25519", 0);

  private final String algorithm;
  private final int bits;

  KeyType(String algorithm, int bits) {
    this.algorithm = algorithm;
    this.bits = bits;
  }

  /** Generates a fresh key pair of this type. */
  public KeyPair generate() {
    return generate(algorithm, bits);
  }

  /** Generates an RSA key pair of any size (e.g. 16384 bits for hostile-server tests). */
  public static KeyPair rsa(int bits) {
    return generate("RSA", bits);
  }

  /**
   * A 2048-bit DSA key pair, for certificates another key signs. Without parameters the public
   * key carries only y and inherits p, q and g from its issuer (RFC 3279 §2.3.2), so Java's
   * {@code DSAPublicKey.getParams()} returns null for it.
   */
  public static KeyPair dsa(boolean withParameters) {
    KeyPair pair = generate("DSA", 2048);
    if (withParameters) {
      return pair;
    }
    try {
      BigInteger y = ((DSAPublicKey) pair.getPublic()).getY();
      SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
          new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa), new ASN1Integer(y));
      PublicKey bare = KeyFactory.getInstance("DSA")
          .generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
      return new KeyPair(bare, pair.getPrivate());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot make a DSA key without parameters", e);
    }
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("EC")) {
        g.initialize(new ECGenParameterSpec(bits == 384 ? "secp384r1" : "secp256r1"));
      } else if (algorithm.equals("RSA") || algorithm.equals("DSA")) {
        g.initialize(bits);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + algorithm + " key", e);
    }
  }

  /** The default signature algorithm for a certificate signed by a key of this algorithm. */
  static String defaultSignatureAlgorithm(String keyAlgorithm) {
    return switch (keyAlgorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new IllegalArgumentException("no signature algorithm for " + keyAlgorithm);
    };
  }
}
