package dev.smtpdane.dns;

import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * One alias followed while answering: {@code owner} is a CNAME for {@code target}, and that
 * CNAME RRset had the given DNSSEC state (RFC 7672 §2.2.2 needs to know whether the whole chain
 * is secure before the expanded name may serve as TLSA base domain).
 */
public record CnameLink(Name owner, Name target, DnssecState state) {
  public CnameLink {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(state, "state");
  }

  @Override
  public String toString() {
    return owner + " CNAME " + target + " (" + state.label() + ")";
  }
}
