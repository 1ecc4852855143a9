package dev.smtpdane.lab.dns;

import java.util.List;
import java.util.Locale;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Rewrites the question, owner names, and CNAME and MX targets of an answer in mixed case, as
 * answers look from servers using 0x20 randomisation (draft-vixie-dnsext-dns0x20) or keeping
 * the case of their zone files. DNS names compare case-insensitively (RFC 4343), so clients
 * must cope. The pattern alternates letter case, so it always differs from the lower case.
 */
final class CaseRandomizer {
  private CaseRandomizer() {}

  static Message apply(Message reply) {
    // The question too: DNS compression would otherwise point every owner name at the
    // question's spelling and undo the mixing on the wire.
    for (int section : new int[] {Section.QUESTION, Section.ANSWER, Section.AUTHORITY}) {
      List<Record> records = reply.getSection(section);
      reply.removeAllRecords(section);
      records.forEach(r -> reply.addRecord(mixed(r), section));
    }
    return reply;
  }

  private static Record mixed(Record r) {
    Name owner = mixed(r.getName());
    if (r.getType() == Type.OPT) {
      return r;
    }
    if (r instanceof CNAMERecord c) {
      return new CNAMERecord(owner, c.getDClass(), c.getTTL(), mixed(c.getTarget()));
    }
    if (r instanceof MXRecord m) {
      return new MXRecord(owner, m.getDClass(), m.getTTL(), m.getPriority(), mixed(m.getTarget()));
    }
    return r.withName(owner);
  }

  static Name mixed(Name name) {
    String text = name.toString().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(text.length());
    boolean upper = false;
    for (char c : text.toCharArray()) {
      if (Character.isLetter(c)) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = !upper;
      } else {
        out.append(c);
      }
    }
    return Name.fromConstantString(out.toString());
  }
}
