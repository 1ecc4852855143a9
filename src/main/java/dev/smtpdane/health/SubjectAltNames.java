package dev.smtpdane.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * A certificate's subjectAltNames as {@code -show-cert-info} lists them, each with its type as
 * OpenSSL prints it ({@code DNS:mx.example.com}, {@code IP:192.0.2.1}). Decoded by Bouncy
 * Castle, as the DANE name check does (dane.ServiceIdentity): the JDK's parser refuses the whole
 * extension over one name it judges invalid (a URI without a scheme), and a certificate like
 * that is the one whose names an operator most needs to see.
 */
final class SubjectAltNames {
  private static final String OID = "2.5.29.17"; // RFC 5280 §4.2.1.6

  private SubjectAltNames() {}

  /** Every SAN, typed; empty without the extension or when Bouncy Castle cannot decode it. */
  static List<String> of(X509Certificate cert) {
    byte[] extension = cert.getExtensionValue(OID);
    if (extension == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try {
      byte[] der = ASN1OctetString.getInstance(extension).getOctets();
      for (GeneralName name : GeneralNames.getInstance(der).getNames()) {
        out.add(type(name.getTagNo()) + ":" + value(name));
      }
    } catch (RuntimeException e) {
      return List.of(); // a malformed extension; the chain listing still shows the rest
    }
    return out;
  }

  private static String value(GeneralName name) {
    return switch (name.getTagNo()) {
      case GeneralName.rfc822Name, GeneralName.dNSName, GeneralName.uniformResourceIdentifier ->
          ASN1IA5String.getInstance(name.getName()).getString();
      case GeneralName.iPAddress ->
          address(ASN1OctetString.getInstance(name.getName()).getOctets());
      case GeneralName.directoryName ->
          new X500Principal(encoded(X500Name.getInstance(name.getName()))).getName();
      case GeneralName.registeredID -> ASN1ObjectIdentifier.getInstance(name.getName()).getId();
      default -> "(binary)";
    };
  }

  private static String address(byte[] octets) {
    try {
      return octets.length == 4 || octets.length == 16
          ? InetAddress.getByAddress(octets).getHostAddress() : "(binary)";
    } catch (UnknownHostException e) {
      return "(binary)";
    }
  }

  private static byte[] encoded(X500Name name) {
    try {
      return name.getEncoded();
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  // RFC 5280 §4.2.1.6 GeneralName choices, spelled as OpenSSL prints them.
  private static String type(int tag) {
    return switch (tag) {
      case 0 -> "othername";
      case 1 -> "email";
      case 2 -> "DNS";
      case 4 -> "DirName";
      case 6 -> "URI";
      case 7 -> "IP";
      case 8 -> "RID";
      default -> "type" + tag;
    };
  }
}
