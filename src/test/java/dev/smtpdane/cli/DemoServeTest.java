package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * {@code smtpdane demo --serve}, used from outside the tool's own code: plain dnsjava queries
 * to the printed resolver and authoritative server, the anchor file, and a raw SMTP socket.
 */
@Timeout(60)
class DemoServeTest {
  private static final Pattern RESOLVER = Pattern.compile("resolver: +([0-9.]+):(\\d+)");
  private static final Pattern AUTHORITY = Pattern.compile("authoritative: +([0-9.]+):(\\d+)");
  private static final Pattern PORT = Pattern.compile("all on port (\\d+)");

  @Test
  void servedLabAnswersPlainDnsAndSmtpClientsUntilInterrupted(@TempDir Path dir)
      throws Exception {
    Path anchorFile = dir.resolve("lab.ds");
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = Thread.ofPlatform().start(() -> exit.set(Main.run(new PrintWriter(out),
        new PrintWriter(new StringWriter()), "demo", "--serve", "--anchor-file",
        anchorFile.toString())));
    String text = awaitDomainTable(out);
    assertThat(text).contains("ee-311-good.test", "verified, exit 0", "tlsa-bogus.test",
        "failed, exit 1", "written to " + anchorFile.toAbsolutePath());
    SimpleResolver resolver = resolver(RESOLVER, text);
    // RFC 4035 §3.2.3: a validating resolver sets AD on data it proved secure.
    Message mx = ask(resolver, "ee-311-good.test.", Type.MX);
    assertThat(mx.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(mx.getHeader().getFlag(Flags.AD)).isTrue();
    assertThat(mx.getSection(Section.ANSWER)).isNotEmpty();
    int port = Integer.parseInt(find(PORT, text).group(1));
    Message tlsa = ask(resolver, "_" + port + "._tcp.mx.ee-311-good.test.", Type.TLSA);
    assertThat(tlsa.getHeader().getFlag(Flags.AD)).isTrue();
    assertThat(ask(resolver, "_" + port + "._tcp.mx.tlsa-bogus.test.", Type.TLSA).getRcode())
        .isEqualTo(Rcode.SERVFAIL);
    assertAnchorIsTheRootKey(anchorFile, resolver(AUTHORITY, text));
    InetAddress mxAddress = ((ARecord) ask(resolver, "mx.ee-311-good.test.", Type.A)
        .getSection(Section.ANSWER).get(0)).getAddress();
    InetSocketAddress smtp = new InetSocketAddress(mxAddress, port);
    assertThat(ehlo(smtp)).anyMatch(l -> l.equalsIgnoreCase("250 STARTTLS")
        || l.equalsIgnoreCase("250-STARTTLS"));
    serving.interrupt();
    serving.join(Duration.ofSeconds(10));
    assertThat(exit.get()).isZero();
    assertThat(out.toString()).contains("lab stopped");
    assertThatThrownBy(() -> ehlo(smtp)).isInstanceOf(IOException.class);
  }

  /**
   * {@code --domains N} serves N more good domains (issue 9's bulk benchmark), which the real
   * tool checks in one --input run, all verified; {@code --latency} leaves every answer intact.
   */
  @Test
  void servedBulkDomainsAllVerifyInOneInputRun(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = Thread.ofPlatform().start(() -> exit.set(Main.run(new PrintWriter(out),
        new PrintWriter(new StringWriter()), "demo", "--serve", "--domains", "40", "--latency",
        "5", "--anchor-file", dir.resolve("lab.ds").toString())));
    String text = awaitDomainTable(out);
    assertThat(text).contains("40 good domains d00001.bulk.test ... d00040.bulk.test",
        "simulated round trip 5 ms");
    Matcher r = find(RESOLVER, text);
    Path list = dir.resolve("domains");
    List<String> domains = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      domains.add(String.format("d%05d.bulk.test", i));
    }
    Files.write(list, domains);
    StringWriter lines = new StringWriter();
    int code = Main.run(new PrintWriter(lines), new PrintWriter(new StringWriter()), "--json",
        "-mx", "--input", list.toString(), "--resolver", r.group(1) + ":" + r.group(2), "-port",
        find(PORT, text).group(1));
    assertThat(code).isZero();
    assertThat(lines.toString().lines())
        .hasSize(40)
        .allMatch(l -> l.contains("\"verdict\":\"verified\",\"noService\""));
    serving.interrupt();
    serving.join(Duration.ofSeconds(10));
    assertThat(exit.get()).isZero();
  }

  @Test
  void bulkDomainsNeedServeAndLatencyIsBounded() {
    for (String[] args : List.of(new String[] {"demo", "--domains", "5"},
        new String[] {"demo", "--serve", "--latency", "-1"},
        new String[] {"demo", "--serve", "--latency", "10001"},
        new String[] {"demo", "--serve", "--domains", "100000"})) {
      StringWriter err = new StringWriter();
      assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args))
          .as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
      assertThat(err.toString()).contains(args[args.length - 2]);
    }
  }

  /** The anchor file holds the DS of the key the lab root really signs with. */
  private static void assertAnchorIsTheRootKey(Path file, SimpleResolver authority)
      throws IOException {
    List<Record> anchor = new ArrayList<>();
    try (Master m = new Master(Files.newInputStream(file), Name.root)) {
      for (Record r = m.nextRecord(); r != null; r = m.nextRecord()) {
        anchor.add(r);
      }
    }
    assertThat(anchor).singleElement().isInstanceOf(DSRecord.class);
    DSRecord ds = (DSRecord) anchor.get(0);
    assertThat(ds.getName()).isEqualTo(Name.root);
    Message keys = ask(authority, ".", Type.DNSKEY);
    List<DSRecord> fromKeys = keys.getSection(Section.ANSWER).stream()
        .filter(r -> r instanceof DNSKEYRecord)
        .map(r -> new DSRecord(Name.root, DClass.IN, 300, DNSSEC.Digest.SHA256,
            (DNSKEYRecord) r))
        .toList();
    assertThat(fromKeys).anySatisfy(k -> assertThat(k.getDigest()).isEqualTo(ds.getDigest()));
  }

  private static String awaitDomainTable(StringWriter out) throws InterruptedException {
    for (int i = 0; i < 300 && !out.toString().contains("plaintext-expected-tls.test"); i++) {
      Thread.sleep(100);
    }
    return out.toString();
  }

  private static SimpleResolver resolver(Pattern p, String text) throws IOException {
    Matcher m = find(p, text);
    SimpleResolver r = new SimpleResolver(new InetSocketAddress(
        InetAddress.getByAddress(parse(m.group(1))), Integer.parseInt(m.group(2))));
    r.setTimeout(Duration.ofSeconds(5));
    r.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    return r;
  }

  private static byte[] parse(String dotted) {
    String[] parts = dotted.split("\\.");
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      b[i] = (byte) Integer.parseInt(parts[i]);
    }
    return b;
  }

  private static Matcher find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in:%n%s", p, text).isTrue();
    return m;
  }

  private static Message ask(SimpleResolver r, String name, int type) throws IOException {
    Message q = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    return r.send(q);
  }

  /** Greeting, EHLO, QUIT over a plain socket; returns the EHLO reply lines. */
  private static List<String> ehlo(InetSocketAddress smtp) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(smtp, 2000);
      s.setSoTimeout(5000);
      BufferedReader in = new BufferedReader(
          new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
      assertThat(in.readLine()).startsWith("220 mx.ee-311-good.test");
      w.write("EHLO test.invalid\r\n");
      w.flush();
      List<String> lines = new ArrayList<>();
      String line;
      do {
        line = in.readLine();
        lines.add(line);
      } while (line != null && line.startsWith("250-"));
      w.write("QUIT\r\n");
      w.flush();
      return lines;
    }
  }
}
