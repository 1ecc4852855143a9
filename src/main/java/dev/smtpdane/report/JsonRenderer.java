package dev.smtpdane.report;

import java.io.PrintWriter;
import java.util.List;

import java.util.TreeMap;

/**
 * The {@code --json} document (schema in docs/json-schema.md; bump {@link #SCHEMA_VERSION} on
 * any incompatible change). Field names are stable; finding codes are the contract.
 */
public final class JsonRenderer {
  public static final int SCHEMA_VERSION = 1;

  public void render(RunReport run, PrintWriter out) {
    out.println(toJson(run));
    out.flush();
  }

  public String toJson(RunReport run) {
    return toJson(run, true);
  }

  /** One line, for JSON Lines output of bulk runs ({@code --input}). */
  public String toJsonLine(RunReport run) {
    return toJson(run, false);
  }

  private String toJson(RunReport run, boolean pretty) {
    JsonWriter w = new JsonWriter(pretty).beginObject()
        .field("schema", "smtpdane-result")
        .field("schemaVersion", SCHEMA_VERSION)
        .key("tool").beginObject().field("name", "smtpdane")
        .field("version", run.toolVersion()).endObject()
        .field("started", run.started().toString())
        .field("elapsedMs", run.elapsed().toMillis());
    w.key("options").beginObject();
    new TreeMap<>(run.options()).forEach(w::field);
    w.endObject();
    w.field("worstSeverity", run.worst().name().toLowerCase(java.util.Locale.ROOT));
    w.field("nagiosState", NagiosRenderer.state(run).name());
    findings(w, run.findings());
    w.key("targets").beginArray();
    run.domains().forEach(d -> domain(w, d));
    w.endArray();
    return w.endObject().toString();
  }

  private static void domain(JsonWriter w, DomainReport d) {
    w.beginObject().field("target", d.target()).field("mode", d.mode())
        .field("verdict", d.verdict().code()).field("noService", d.noService());
    w.key("lookup");
    d.lookup().ifPresentOrElse(a -> answer(w, a), w::nullValue);
    findings(w, d.findings());
    w.key("hosts").beginArray();
    d.hosts().forEach(h -> host(w, h));
    w.endArray().endObject();
  }

  private static void host(JsonWriter w, HostReport h) {
    w.beginObject().field("name", h.name()).field("preference", h.preference())
        .field("port", h.port()).field("verdict", h.verdict().code());
    w.key("answers").beginArray();
    h.answers().forEach(a -> answer(w, a));
    w.endArray();
    w.field("tlsaBaseDomain", h.tlsaBaseDomain());
    strings(w, "referenceIdentifiers", h.referenceIdentifiers());
    w.key("tlsa").beginArray();
    for (TlsaView t : h.tlsa()) {
      w.beginObject().field("record", t.presentation()).field("mnemonic", t.mnemonic())
          .field("usable", t.usable()).field("unusableReason", t.unusableReason())
          .field("caName", t.caName()).endObject();
    }
    w.endArray();
    findings(w, h.findings());
    w.key("addresses").beginArray();
    h.addresses().forEach(a -> address(w, a));
    w.endArray().endObject();
  }

  private static void address(JsonWriter w, AddressReport a) {
    w.beginObject().field("address", a.address()).field("family", a.ipv6() ? "ipv6" : "ipv4")
        .field("port", a.port()).field("mode", a.tlsOnConnect() ? "tls-on-connect" : "starttls")
        .field("verdict", a.verdict().code());
    w.key("tls");
    a.tls().ifPresentOrElse(t -> w.beginObject().field("protocol", t.protocol())
        .field("cipherSuite", t.cipherSuite()).field("sni", t.sni()).endObject(), w::nullValue);
    w.key("chain").beginArray();
    for (CertView c : a.chain()) {
      w.beginObject().field("position", c.position()).field("subject", c.subject())
          .field("issuer", c.issuer());
      strings(w, "dnsNames", c.dnsNames());
      w.field("notBefore", c.notBefore().toString()).field("notAfter", c.notAfter().toString())
          .field("publicKey", c.publicKey()).field("signatureAlgorithm", c.signatureAlgorithm())
          .field("serial", c.serialHex());
      w.key("digests").beginObject();
      new TreeMap<>(c.digests()).forEach(w::field);
      w.endObject().endObject();
    }
    w.endArray();
    w.key("records").beginArray();
    for (RecordResultView r : a.records()) {
      w.beginObject().field("record", r.record()).field("matched", r.matched())
          .field("result", r.code()).field("detail", r.detail()).endObject();
    }
    w.endArray();
    findings(w, a.findings());
    w.endObject();
  }

  private static void answer(JsonWriter w, DnsAnswerView a) {
    w.beginObject().field("name", a.name()).field("type", a.type())
        .field("dnssec", a.state().label()).field("rcode", a.rcode());
    strings(w, "records", a.records());
    strings(w, "cnameChain", a.cnameChain());
    w.field("resolver", a.resolver()).field("reason", a.reason())
        .field("resolverClaim", a.resolverClaim()).endObject();
  }

  private static void findings(JsonWriter w, List<Finding> findings) {
    w.key("findings").beginArray();
    for (Finding f : findings) {
      w.beginObject().field("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT))
          .field("code", f.code().code()).field("message", f.message()).endObject();
    }
    w.endArray();
  }

  private static void strings(JsonWriter w, String key, List<String> values) {
    w.key(key).beginArray();
    values.forEach(w::value);
    w.endArray();
  }

}
