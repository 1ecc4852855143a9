package dev.smtpdane.report;

import java.io.PrintWriter;

/**
 * {@code -quiet} for cron (cli.md): nothing at all unless something is an error; then the full
 * text output of the targets that have an error, and the summary. Warnings alone print
 * nothing (the exit code still says 1).
 */
public final class QuietRenderer {
  private final TextRenderer text;
  private final Style style;

  public QuietRenderer(Style style, boolean showCertInfo, boolean showCerts) {
    this.style = style;
    this.text = new TextRenderer(style, false, showCertInfo, showCerts);
  }

  public void render(RunReport run, PrintWriter out) {
    if (run.worst() != Severity.ERROR) {
      return;
    }
    run.findings().forEach(f -> out.println(f.severity() + " " + Safe.text(f.message())
        + " [" + f.code() + "]"));
    for (DomainReport d : run.domains()) {
      if (d.verdict() == Verdict.FAILED || RollUp.worst(d.allFindings()) == Severity.ERROR) {
        text.domain(d, out);
      }
    }
    out.println(Summary.line(run, style));
    out.flush();
  }
}
