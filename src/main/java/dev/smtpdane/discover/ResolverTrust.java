package dev.smtpdane.discover;

import dev.smtpdane.dns.AddressText;
import dev.smtpdane.dns.Answer;
import dev.smtpdane.dns.DnsLookup;
import dev.smtpdane.dns.DnssecState;
import dev.smtpdane.dns.ResolverDisagreement;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.xbill.DNS.Name;

/**
 * Watches every answer of a discovery run to judge the DNS path itself: a secure verdict taken
 * from the AD bit of a resolver that is not on loopback can be forged on the way (RFC 4035
 * §4.9.3), and when no resolver ever answered, the run says nothing about the domain.
 */
final class ResolverTrust implements DnsLookup {
  private final DnsLookup dns;
  private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

  ResolverTrust(DnsLookup dns) {
    this.dns = dns;
  }

  @Override
  public Answer lookup(Name name, int type) {
    Answer answer = dns.lookup(name, type);
    answers.add(answer);
    return answer;
  }

  List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    Set<InetSocketAddress> untrusted = new LinkedHashSet<>();
    for (Answer a : answers) {
      if (a.state() == DnssecState.SECURE && a.stateFromAdBit()) {
        a.resolver().filter(r -> !r.getAddress().isLoopbackAddress()).ifPresent(untrusted::add);
      }
    }
    for (InetSocketAddress r : untrusted) {
      out.add(Finding.warning(FindingCode.RESOLVER_NOT_LOOPBACK, "secure answers were taken"
          + " from the AD bit of " + AddressText.of(r.getAddress()) + ", which is not on this"
          + " host: anyone on the path could forge that bit (RFC 4035 §4.9.3). Use a"
          + " validating resolver on localhost"));
    }
    // Issue 6: in validate mode, say where the resolver's own verdict differs from ours.
    ResolverDisagreement.among(answers).forEach(d -> out.add(
        Finding.warning(FindingCode.DNSSEC_DISAGREEMENT, d.message())));
    if (!answers.isEmpty() && answers.stream().allMatch(
        a -> a.resolver().isEmpty() && a.state() == DnssecState.INDETERMINATE)) {
      out.add(Finding.error(FindingCode.RESOLVER_UNREACHABLE, "no DNS resolver answered any"
          + " query (" + answers.peek().reason() + "); nothing could be checked"));
    }
    return out;
  }
}
