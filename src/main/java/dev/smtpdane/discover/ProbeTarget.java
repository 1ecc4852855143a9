package dev.smtpdane.discover;

import dev.smtpdane.dns.AddressText;
import dev.smtpdane.dns.DnssecState;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.TLSARecord;

/**
 * One address to probe, with everything the TLS and DANE steps need.
 *
 * @param hostName the host as found (MX/SRV target or argument), no trailing dot
 * @param address the address to connect to
 * @param port the TCP port
 * @param tlsOnConnect TLS at once instead of STARTTLS
 * @param addressState the DNSSEC state of the address RRset this address came from
 * @param tlsaBaseDomain the TLSA base domain (RFC 7672 §2.2.2); empty for an IP literal
 * @param sniName the SNI to send: the TLSA base domain without trailing dot (dane-rules §5);
 *     empty for an IP literal
 * @param tlsa what the TLSA lookup means for this address; only {@link TlsaOutcome.Records}
 *     lets DANE apply
 * @param referenceIdentifiers names a DANE-TA certificate may carry: TLSA base domain,
 *     original host, MX/SRV domain, {@code -aka} names (lower case, no trailing dot)
 * @param secureFirstCname the address RRset is insecure, but the host name is an alias whose
 *     first CNAME is secure: TLSA records at the original name apply (RFC 7672 §2.2.2,
 *     "Insecure CNAME")
 */
public record ProbeTarget(
    String hostName,
    InetAddress address,
    int port,
    boolean tlsOnConnect,
    DnssecState addressState,
    Optional<Name> tlsaBaseDomain,
    Optional<String> sniName,
    TlsaOutcome tlsa,
    List<String> referenceIdentifiers,
    boolean secureFirstCname) {
  public ProbeTarget {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(tlsa, "tlsa");
    referenceIdentifiers = List.copyOf(referenceIdentifiers);
  }

  /** A target whose addresses were not reached through an insecure CNAME chain. */
  public ProbeTarget(String hostName, InetAddress address, int port, boolean tlsOnConnect,
      DnssecState addressState, Optional<Name> tlsaBaseDomain, Optional<String> sniName,
      TlsaOutcome tlsa, List<String> referenceIdentifiers) {
    this(hostName, address, port, tlsOnConnect, addressState, tlsaBaseDomain, sniName, tlsa,
        referenceIdentifiers, false);
  }

  /**
   * True when DANE applies: secure TLSA records, and secure addresses or insecure ones reached
   * through a secure first CNAME (RFC 7672 §2.2.2). When false the probe still runs (the
   * operator wants the TLS result) but the verdict can never be a pass.
   */
  public boolean daneApplicable() {
    boolean addressesCount = addressState == DnssecState.SECURE
        || addressState == DnssecState.INSECURE && secureFirstCname;
    return addressesCount && tlsa.daneApplies();
  }

  /** The TLSA records to authenticate with; empty unless {@link #daneApplicable()}. */
  public List<TLSARecord> tlsaRecords() {
    return daneApplicable() ? tlsa.records() : List.of();
  }

  /** {@code 192.0.2.1:25} or {@code [2001:db8::1]:25}. */
  public String endpoint() {
    String host = AddressText.of(address);
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
