package dev.smtpdane.tls;

import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * SHA-2 with ECDSA ({@link BcEcProvider}): Bouncy Castle verifies with a valid P-256 or P-384
 * public key; anything else (another curve, a point off its curve, signing) is handed to the
 * JDK's own implementation in this same object, so the answer never depends on which provider
 * the JCA happened to pick first. Accepts what the JDK accepts: a SEQUENCE of two INTEGERs in
 * DER, read exactly as ECUtil.decodeSignature reads it ({@link #decode}), with r and s in
 * [1, n-1] (FIPS 186-5 §6.4.2, checked by ECDSASigner).
 */
final class BcEcdsaVerifier extends SignatureSpi {
  private final String algorithm;
  private final String digestName;
  private MessageDigest digest; // while Bouncy Castle verifies
  private ECPublicKeyParameters key;
  private Signature jdk; // while the JDK does the work

  BcEcdsaVerifier(String algorithm, String digestName) {
    this.algorithm = algorithm;
    this.digestName = digestName;
  }

  @Override
  protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
    reset();
    if (publicKey instanceof ECPublicKey ec
        && BcCurves.of(ec.getParams()).orElse(null) instanceof ECDomainParameters curve) {
      try {
        // ECPublicKeyParameters validates the point: coordinates in [0, p-1], on the curve,
        // not infinity. The JDK answers false for such a key, so it gets to answer.
        key = new ECPublicKeyParameters(curve.getCurve().createPoint(
            ec.getW().getAffineX(), ec.getW().getAffineY()), curve);
        digest = MessageDigest.getInstance(digestName);
        return;
      } catch (IllegalArgumentException invalidPoint) {
        // left to the JDK, below
      } catch (NoSuchAlgorithmException e) {
        throw new InvalidKeyException(e);
      }
    }
    jdk().initVerify(publicKey);
  }

  @Override
  protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
    reset();
    jdk().initSign(privateKey);
  }

  @Override
  protected void engineInitSign(PrivateKey privateKey, SecureRandom random)
      throws InvalidKeyException {
    reset();
    jdk().initSign(privateKey, random);
  }

  @Override
  protected void engineUpdate(byte b) throws SignatureException {
    if (jdk != null) {
      jdk.update(b);
    } else {
      ready().update(b);
    }
  }

  @Override
  protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
    if (jdk != null) {
      jdk.update(b, off, len);
    } else {
      ready().update(b, off, len);
    }
  }

  @Override
  protected byte[] engineSign() throws SignatureException {
    if (jdk == null) {
      throw new SignatureException("not initialized for signing");
    }
    return jdk.sign();
  }

  @Override
  protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
    if (jdk != null) {
      return jdk.verify(sigBytes);
    }
    // Decoded first, as SunEC does: a malformed signature leaves the data for another try.
    BigInteger[] rs = decode(sigBytes);
    byte[] hash = ready().digest(); // digest() also resets, for the next verification
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, key);
    return signer.verifySignature(hash, rs[0], rs[1]);
  }

  /**
   * r and s of a DER ECDSA-Sig-Value (RFC 3279 §2.2.3), by the JDK's rules (ECUtil
   * .decodeSignature with DerInputStream in DER mode): definite lengths in their shortest
   * form, nothing after the SEQUENCE or inside it after s, no INTEGER of zero length or with a
   * redundant leading 00, and each INTEGER read as unsigned (DerValue.getPositiveBigInteger).
   */
  static BigInteger[] decode(byte[] sig) throws SignatureException {
    int[] pos = {0};
    int end = header(sig, pos, 0x30);
    if (end != sig.length) {
      throw invalid();
    }
    BigInteger r = integer(sig, pos);
    BigInteger s = integer(sig, pos);
    if (pos[0] != end) {
      throw invalid();
    }
    return new BigInteger[] {r, s};
  }

  /** Reads a tag and a DER length at pos; returns where the value ends. */
  private static int header(byte[] b, int[] pos, int tag) throws SignatureException {
    int p = pos[0];
    if (p + 2 > b.length || (b[p] & 0xff) != tag) {
      throw invalid();
    }
    int len = b[p + 1] & 0xff;
    p += 2;
    if (len >= 0x80) {
      int n = len & 0x7f; // 0x80 (indefinite, BER only) is n == 0
      if (n == 0 || n > 4 || p + n > b.length || b[p] == 0) {
        throw invalid();
      }
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (b[p++] & 0xff);
      }
      if (len < 0x80) { // also a 4-byte length past 2^31
        throw invalid();
      }
    }
    if (len > b.length - p) {
      throw invalid();
    }
    pos[0] = p;
    return p + len;
  }

  /** An INTEGER at pos (the SEQUENCE ends where the array does: header keeps it inside). */
  private static BigInteger integer(byte[] b, int[] pos) throws SignatureException {
    int end = header(b, pos, 0x02);
    int start = pos[0];
    if (end == start || (end - start >= 2 && b[start] == 0 && b[start + 1] >= 0)) {
      throw invalid();
    }
    pos[0] = end;
    return new BigInteger(1, b, start, end - start);
  }

  private static SignatureException invalid() {
    return new SignatureException("Invalid encoding for signature");
  }

  private void reset() {
    key = null;
    digest = null;
    jdk = null;
  }

  private Signature jdk() throws InvalidKeyException {
    try {
      jdk = Signature.getInstance(algorithm, "SunEC");
      return jdk;
    } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
      throw new InvalidKeyException("no JDK " + algorithm + " to hand this key to", e);
    }
  }

  /** Whether Bouncy Castle, not the JDK, answers for the key given (for the tests). */
  boolean byBouncyCastle() {
    return key != null;
  }

  private MessageDigest ready() throws SignatureException {
    if (digest == null) {
      throw new SignatureException("not initialized for verification");
    }
    return digest;
  }

  /** As SunEC: no parameters, or the key's own curve (some certificates name it). */
  @Override
  protected void engineSetParameter(AlgorithmParameterSpec params)
      throws InvalidAlgorithmParameterException {
    if (jdk != null) {
      jdk.setParameter(params);
    } else if (params != null && !(params instanceof ECParameterSpec)) {
      throw new InvalidAlgorithmParameterException("Parameters must be of type ECParameterSpec");
    } else if (params != null && key != null
        && BcCurves.of((ECParameterSpec) params).orElse(null) != key.getParameters()) {
      throw new InvalidAlgorithmParameterException("Signature params does not match key params");
    }
  }

  @Override
  protected java.security.AlgorithmParameters engineGetParameters() {
    return null; // as SunEC: RFC 3279 §2.2.3 and RFC 5758 §3.2 define none for ECDSA
  }

  @Override
  @Deprecated
  protected void engineSetParameter(String param, Object value) {
    throw new InvalidParameterException("no parameters");
  }

  @Override
  @Deprecated
  protected Object engineGetParameter(String param) {
    throw new InvalidParameterException("no parameters");
  }
}
