package dev.smtpdane.dns;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One DNS answer with its DNSSEC state (dane-rules.md §1). NXDOMAIN and NODATA are answers too
 * and carry a state: a secure denial means "provably nothing there".
 *
 * @param qname the name asked for (lower-case, absolute)
 * @param qtype the type asked for (dnsjava {@code Type} constant)
 * @param state the DNSSEC state of the whole answer, CNAME chain included
 * @param rcode the (extended) RCODE of the answer used, or {@link #NO_RCODE} when no resolver
 *     answered at all
 * @param records the records of type {@code qtype} at the end of the CNAME chain, owners
 *     lower-cased
 * @param cnameChain the aliases followed from {@code qname}, in order, each with its own state
 * @param reason why the state is not secure (empty when secure)
 * @param ede the Extended DNS Error the resolver attached, if any
 * @param resolver the resolver whose answer this is; empty when none answered
 * @param stateFromAdBit true when the state was taken from the resolver's AD bit (RFC 4035
 *     §4.9.3: only as trustworthy as the path to that resolver); also for an indeterminate
 *     answer where one resolver's AD=1 contradicts another's bogus SERVFAIL
 * @param resolverClaim when we validated ourselves: what the resolver said about the same
 *     question when asked without CD, to be compared with {@code state}; when trusting AD bits,
 *     the bogus SERVFAIL that a later resolver's AD=1 contradicted
 */
public record Answer(
    Name qname,
    int qtype,
    DnssecState state,
    int rcode,
    List<Record> records,
    List<CnameLink> cnameChain,
    String reason,
    Optional<ExtendedDnsError> ede,
    Optional<InetSocketAddress> resolver,
    boolean stateFromAdBit,
    Optional<ResolverClaim> resolverClaim) {

  /** The {@link #rcode()} of an answer no resolver gave (timeouts, unreachable resolvers). */
  public static final int NO_RCODE = -1;

  public Answer {
    Objects.requireNonNull(qname, "qname");
    Objects.requireNonNull(state, "state");
    records = List.copyOf(records);
    cnameChain = List.copyOf(cnameChain);
    reason = reason == null ? "" : reason;
    Objects.requireNonNull(ede, "ede");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(resolverClaim, "resolverClaim");
  }

  /** An answer without a resolver's claim to compare (every answer of {@link StubResolver}). */
  public Answer(Name qname, int qtype, DnssecState state, int rcode, List<Record> records,
      List<CnameLink> cnameChain, String reason, Optional<ExtendedDnsError> ede,
      Optional<InetSocketAddress> resolver, boolean stateFromAdBit) {
    this(qname, qtype, state, rcode, records, cnameChain, reason, ede, resolver, stateFromAdBit,
        Optional.empty());
  }

  /** This answer with the resolver's own claim about it attached. */
  public Answer withResolverClaim(ResolverClaim claim) {
    return new Answer(qname, qtype, state, rcode, records, cnameChain, reason, ede, resolver,
        stateFromAdBit, Optional.of(claim));
  }

  /** An answer that could not be judged, for lookups that never got a usable reply. */
  public static Answer failed(
      Name qname, int qtype, DnssecState state, int rcode, String reason) {
    return new Answer(
        qname, qtype, state, rcode, List.of(), List.of(), reason, Optional.empty(),
        Optional.empty(), false);
  }

  /** True when the answer is data or a denial we can judge (secure or insecure). */
  public boolean isJudged() {
    return state == DnssecState.SECURE || state == DnssecState.INSECURE;
  }

  /** True when the resolver could not give a usable answer (bogus or indeterminate). */
  public boolean isFailure() {
    return !isJudged();
  }

  /** True when records of the asked type were returned. */
  public boolean hasRecords() {
    return isJudged() && !records.isEmpty();
  }

  /** The name (at the end of the CNAME chain) does not exist. */
  public boolean isNxdomain() {
    return isJudged() && rcode == Rcode.NXDOMAIN;
  }

  /** The name exists but has no records of the asked type. */
  public boolean isNodata() {
    return isJudged() && rcode == Rcode.NOERROR && records.isEmpty();
  }

  /** A secure NXDOMAIN or NODATA: provably nothing of this type there. */
  public boolean isSecureDenial() {
    return state == DnssecState.SECURE && (isNxdomain() || isNodata());
  }

  /** The name the records belong to: the last CNAME target, or the name asked for. */
  public Name finalName() {
    return cnameChain.isEmpty() ? qname : cnameChain.get(cnameChain.size() - 1).target();
  }

  /** True when the aliases loop back to a name already visited. */
  public boolean hasCnameLoop() {
    Name end = finalName();
    return !cnameChain.isEmpty()
        && cnameChain.stream().anyMatch(link -> link.owner().equals(end));
  }

  /** The records as their dnsjava class, e.g. {@code records(MXRecord.class)}. */
  public <T extends Record> List<T> records(Class<T> type) {
    return records.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** True when every CNAME followed was secure (vacuously true without aliases). */
  public boolean chainSecure() {
    return cnameChain.stream().allMatch(link -> link.state() == DnssecState.SECURE);
  }

  /** The RCODE as text ("NOERROR", "SERVFAIL"), or "no answer". */
  public String rcodeText() {
    return rcode == NO_RCODE ? "no answer" : Rcode.string(rcode);
  }

  @Override
  public String toString() {
    return qname + " " + Type.string(qtype) + ": " + state.label() + " " + rcodeText()
        + " " + records.size() + " record(s)" + (cnameChain.isEmpty() ? "" : " via " + cnameChain)
        + (reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
