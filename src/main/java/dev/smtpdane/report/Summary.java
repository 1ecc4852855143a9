package dev.smtpdane.report;

import java.util.List;

/** The last line of text output: counts of verified and failed things, warnings, errors. */
public final class Summary {
  private Summary() {}

  /** The closing line: counts of what verified and failed, warnings and errors. */
  public static String line(RunReport run, Style style) {
    long domainsOk = run.domains().stream().filter(d -> d.verdict() == Verdict.VERIFIED).count();
    List<HostReport> hosts =
        run.domains().stream().flatMap(d -> d.hosts().stream()).toList();
    long hostsOk = hosts.stream().filter(h -> h.verdict() == Verdict.VERIFIED).count();
    List<AddressReport> addrs = run.addresses().toList();
    long addrOk = addrs.stream().filter(a -> a.verdict() == Verdict.VERIFIED).count();
    long addrFailed = addrs.stream().filter(a -> a.verdict() == Verdict.FAILED).count();
    long warnings = count(run, Severity.WARNING);
    long errors = count(run, Severity.ERROR);
    String s = "Summary: " + domainsOk + "/" + run.domains().size() + " targets verified, "
        + hostsOk + "/" + hosts.size() + " hosts, " + addrOk + "/" + addrs.size()
        + " addresses (" + addrFailed + " failed); " + warnings + " warning"
        + (warnings == 1 ? "" : "s") + ", " + errors + " error" + (errors == 1 ? "" : "s");
    Severity worst = run.worst();
    return worst == Severity.ERROR ? style.error(s)
        : worst == Severity.WARNING ? style.warning(s) : style.ok(s);
  }

  static long count(RunReport run, Severity s) {
    return run.allFindings().stream().filter(f -> f.severity() == s).count();
  }
}
