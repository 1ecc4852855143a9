package dev.smtpdane.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * SHA-2 with ECDSA, verification only, on P-256 and P-384 keys ({@link BcEcProvider}). Accepts
 * what the JDK accepts: the signature must be one SEQUENCE of two INTEGERs in DER, re-encoding
 * to the very same bytes (anything else is a SignatureException, as with the JDK's
 * ECUtil.decodeSignature), with r and s in [1, n-1] (FIPS 186-5 §6.4.2, checked by
 * ECDSASigner); the key's point must lie on its curve. A private key or a key on another curve is refused with InvalidKeyException, which the
 * JCA takes as "try the next provider".
 */
final class BcEcdsaVerifier extends SignatureSpi {
  private final String digestName;
  private MessageDigest digest;
  private ECPublicKeyParameters key;

  BcEcdsaVerifier(String digestName) {
    this.digestName = digestName;
  }

  @Override
  protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
    if (!(publicKey instanceof ECPublicKey ec)) {
      throw new InvalidKeyException("not an EC public key");
    }
    ECDomainParameters curve = BcCurves.of(ec.getParams())
        .orElseThrow(() -> new InvalidKeyException("not a P-256 or P-384 key"));
    try {
      // ECPublicKeyParameters validates the point: on the curve, not infinity.
      key = new ECPublicKeyParameters(curve.getCurve().createPoint(
          ec.getW().getAffineX(), ec.getW().getAffineY()), curve);
      digest = MessageDigest.getInstance(digestName);
    } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
      throw new InvalidKeyException("unusable EC public key: " + e.getMessage(), e);
    }
  }

  @Override
  protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
    throw new InvalidKeyException("verification only");
  }

  @Override
  protected void engineUpdate(byte b) throws SignatureException {
    ready().update(b);
  }

  @Override
  protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
    ready().update(b, off, len);
  }

  @Override
  protected byte[] engineSign() throws SignatureException {
    throw new SignatureException("verification only");
  }

  @Override
  protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
    byte[] hash = ready().digest(); // digest() also resets, for the next verification
    BigInteger[] rs = decode(sigBytes);
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, key);
    return signer.verifySignature(hash, rs[0], rs[1]);
  }

  /** r and s of a DER ECDSA-Sig-Value (RFC 3279 §2.2.3), or SignatureException. */
  static BigInteger[] decode(byte[] sig) throws SignatureException {
    try {
      if (ASN1Primitive.fromByteArray(sig) instanceof ASN1Sequence seq && seq.size() == 2
          && seq.getObjectAt(0) instanceof ASN1Integer r
          && seq.getObjectAt(1) instanceof ASN1Integer s
          && Arrays.equals(seq.getEncoded(ASN1Encoding.DER), sig)) {
        // Unsigned, as the JDK reads them (DerValue.getPositiveBigInteger): a value with its
        // top bit set but no 00 pad is taken as the positive number its bytes spell.
        return new BigInteger[] {r.getPositiveValue(), s.getPositiveValue()};
      }
    } catch (IOException | IllegalArgumentException | ClassCastException e) {
      throw new SignatureException("Invalid encoding for signature", e);
    }
    throw new SignatureException("Invalid encoding for signature");
  }

  private MessageDigest ready() throws SignatureException {
    if (digest == null) {
      throw new SignatureException("not initialized for verification");
    }
    return digest;
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
