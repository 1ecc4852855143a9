package dev.smtpdane.lab.dns;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/**
 * One combined KSK/ZSK for a lab zone: an ECDSA P-256 key (algorithm 13, RFC 6605), generated
 * at start-up so that no key material is ever committed.
 */
record ZoneKey(DNSKEYRecord dnskey, PrivateKey privateKey) {
  // RFC 4034 §2.1.1: flags 257 = Zone Key + Secure Entry Point.
  private static final int KSK_FLAGS = 257;

  static ZoneKey generate(Name origin) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      DNSKEYRecord dnskey = new DNSKEYRecord(origin, DClass.IN, LabZone.TTL, KSK_FLAGS,
          DNSKEYRecord.Protocol.DNSSEC, DNSSEC.Algorithm.ECDSAP256SHA256, pair.getPublic());
      return new ZoneKey(dnskey, pair.getPrivate());
    } catch (GeneralSecurityException | DNSSEC.DNSSECException e) {
      throw new IllegalStateException("cannot make an ECDSA P-256 key (JDK without EC?)", e);
    }
  }

  /** The DS record a parent publishes for this key (SHA-256 digest, RFC 4509). */
  DSRecord ds() {
    return new DSRecord(dnskey.getName(), DClass.IN, LabZone.TTL, DNSSEC.Digest.SHA256, dnskey);
  }
}
