package dev.smtpdane.tls;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * The two curves {@link BcEcProvider} computes on, P-256 and P-384 (nearly every ECDSA server
 * key), as Bouncy Castle's dedicated implementations; a key on any other curve is left to the
 * JDK. Keys are matched by their parameters, not by a name: dnsjava builds DNSSEC keys with
 * explicit, unnamed parameters, and the JDK's named ones expose no name through the API.
 */
final class BcCurves {
  private BcCurves() {}

  static final ECDomainParameters P256 = domain("secp256r1");
  static final ECDomainParameters P384 = domain("secp384r1");

  private static ECDomainParameters domain(String name) {
    X9ECParameters x9 = CustomNamedCurves.getByName(name);
    return new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
  }

  /** The curve of these JDK parameters, if it is one of ours. */
  static Optional<ECDomainParameters> of(ECParameterSpec spec) {
    if (spec == null) {
      return Optional.empty();
    }
    for (ECDomainParameters d : new ECDomainParameters[] {P256, P384}) {
      if (same(spec, d)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static boolean same(ECParameterSpec spec, ECDomainParameters d) {
    if (!(spec.getCurve().getField() instanceof ECFieldFp field)) {
      return false;
    }
    var g = d.getG().normalize();
    return field.getP().equals(d.getCurve().getField().getCharacteristic())
        && spec.getCurve().getA().equals(d.getCurve().getA().toBigInteger())
        && spec.getCurve().getB().equals(d.getCurve().getB().toBigInteger())
        && spec.getGenerator().getAffineX().equals(g.getAffineXCoord().toBigInteger())
        && spec.getGenerator().getAffineY().equals(g.getAffineYCoord().toBigInteger())
        && spec.getOrder().equals(d.getN())
        && BigInteger.valueOf(spec.getCofactor()).equals(d.getH());
  }
}
