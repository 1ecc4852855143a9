package dev.smtpdane.dane;

import java.math.BigInteger;
import java.security.Principal;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate that looks like {@code delegate} but cannot be encoded, whose signature check
 * throws an unchecked exception, and whose extensions cannot be parsed: what a hostile or
 * broken peer could make a provider do. The verifier must turn all of it into outcomes.
 */
final class HostileCertificate extends X509Certificate {
  private final X509Certificate d;

  HostileCertificate(X509Certificate delegate) {
    this.d = delegate;
  }

  @Override
  public byte[] getEncoded() throws CertificateEncodingException {
    throw new CertificateEncodingException("hostile");
  }

  @Override
  public void verify(PublicKey key) {
    throw new ProviderException("hostile");
  }

  @Override
  public void verify(PublicKey key, String sigProvider) {
    throw new ProviderException("hostile");
  }

  @Override
  public Collection<List<?>> getSubjectAlternativeNames() throws CertificateParsingException {
    throw new CertificateParsingException("hostile");
  }

  @Override
  public List<String> getExtendedKeyUsage() throws CertificateParsingException {
    throw new CertificateParsingException("hostile");
  }

  @Override
  public X500Principal getSubjectX500Principal() {
    return d.getSubjectX500Principal();
  }

  @Override
  public X500Principal getIssuerX500Principal() {
    return d.getIssuerX500Principal();
  }

  @Override
  public void checkValidity() {}

  @Override
  public void checkValidity(Date date) {}

  @Override
  public int getVersion() {
    return d.getVersion();
  }

  @Override
  public BigInteger getSerialNumber() {
    return d.getSerialNumber();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Principal getIssuerDN() {
    return d.getIssuerDN();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Principal getSubjectDN() {
    return d.getSubjectDN();
  }

  @Override
  public Date getNotBefore() {
    return d.getNotBefore();
  }

  @Override
  public Date getNotAfter() {
    return d.getNotAfter();
  }

  @Override
  public byte[] getTBSCertificate() throws CertificateEncodingException {
    throw new CertificateEncodingException("hostile");
  }

  @Override
  public byte[] getSignature() {
    return d.getSignature();
  }

  @Override
  public String getSigAlgName() {
    return d.getSigAlgName();
  }

  @Override
  public String getSigAlgOID() {
    return d.getSigAlgOID();
  }

  @Override
  public byte[] getSigAlgParams() {
    return d.getSigAlgParams();
  }

  @Override
  public boolean[] getIssuerUniqueID() {
    return null;
  }

  @Override
  public boolean[] getSubjectUniqueID() {
    return null;
  }

  @Override
  public boolean[] getKeyUsage() {
    return d.getKeyUsage();
  }

  @Override
  public int getBasicConstraints() {
    return d.getBasicConstraints();
  }

  @Override
  public PublicKey getPublicKey() {
    return d.getPublicKey();
  }

  @Override
  public String toString() {
    return "HostileCertificate";
  }

  @Override
  public boolean hasUnsupportedCriticalExtension() {
    return false;
  }

  @Override
  public Set<String> getCriticalExtensionOIDs() {
    return d.getCriticalExtensionOIDs();
  }

  @Override
  public Set<String> getNonCriticalExtensionOIDs() {
    return d.getNonCriticalExtensionOIDs();
  }

  @Override
  public byte[] getExtensionValue(String oid) {
    return d.getExtensionValue(oid);
  }
}
