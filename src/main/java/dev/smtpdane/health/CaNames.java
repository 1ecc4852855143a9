package dev.smtpdane.health;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Names well-known CAs in TLSA listings: a record whose data is the digest (any selector and
 * matching type, RFC 6698 §2.1) of a CA certificate in the system store is labelled with that
 * CA's name, so "2 1 1 0B9FA5A5…" reads as "ISRG Root X1".
 *
 * <p><b>Never used for trust.</b> DANE authenticates with the TLSA records alone (RFC 7672 §3);
 * this store only supplies names for output ({@code -nocertnames} turns it off).
 *
 * <p>The store is {@code SSL_CERT_FILE} (a PEM bundle) and/or {@code SSL_CERT_DIR} (directories
 * of PEM files, colon-separated) when either is set, as with OpenSSL; otherwise the first
 * existing of the usual bundle files, or failing those the usual directories. Nothing is read
 * until the first {@link #nameFor} call; unreadable files and anything not a certificate are
 * skipped. Thread-safe.
 */
public final class CaNames {
  static final List<String> DEFAULT_FILES = List.of(
      "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Gentoo, Arch
      "/etc/pki/tls/certs/ca-bundle.crt", // Fedora, RHEL 6
      "/etc/ssl/ca-bundle.pem", // openSUSE
      "/etc/pki/tls/cacert.pem", // OpenELEC
      "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // CentOS, RHEL 7
      "/etc/ssl/cert.pem"); // Alpine, FreeBSD, macOS
  static final List<String> DEFAULT_DIRS = List.of("/etc/ssl/certs", "/etc/pki/tls/certs");
  private static final long MAX_FILE_BYTES = 8L << 20;
  private static final int MAX_DIR_FILES = 5000;

  private final List<Path> files;
  private final List<Path> dirs;
  private final List<byte[]> given;
  // Guarded by this: the distinct CA certificates (DER) once loaded, one digest index per
  // selector/matching type built when first asked for, and the names of matched CAs.
  private List<byte[]> cas;
  private final Map<String, Map<String, Integer>> indexes = new HashMap<>();
  private final Map<Integer, String> names = new HashMap<>();

  private CaNames(List<Path> files, List<Path> dirs, List<byte[]> given) {
    this.files = List.copyOf(files);
    this.dirs = List.copyOf(dirs);
    this.given = List.copyOf(given);
  }

  /** The system store as {@code env} (normally {@code System.getenv()}) locates it. */
  public static CaNames fromEnvironment(Map<String, String> env) {
    return locate(env, DEFAULT_FILES, DEFAULT_DIRS);
  }

  static CaNames locate(Map<String, String> env, List<String> defaultFiles,
      List<String> defaultDirs) {
    String file = env.getOrDefault("SSL_CERT_FILE", "");
    String dir = env.getOrDefault("SSL_CERT_DIR", "");
    if (!file.isEmpty() || !dir.isEmpty()) {
      List<Path> dirs = new ArrayList<>();
      for (String d : dir.split(":")) {
        if (!d.isEmpty()) {
          dirs.add(Path.of(d));
        }
      }
      return new CaNames(file.isEmpty() ? List.of() : List.of(Path.of(file)), dirs, List.of());
    }
    Optional<Path> bundle = defaultFiles.stream().map(Path::of).filter(Files::isReadable)
        .findFirst();
    return bundle.map(b -> new CaNames(List.of(b), List.of(), List.of()))
        .orElseGet(() -> new CaNames(List.of(), defaultDirs.stream().map(Path::of).toList(),
            List.of()));
  }

  /** Names from exactly these CA certificates (tests, or a caller that loaded them itself). */
  public static CaNames of(Collection<X509Certificate> cas) {
    List<byte[]> der = new ArrayList<>();
    for (X509Certificate ca : cas) {
      try {
        der.add(ca.getEncoded());
      } catch (CertificateEncodingException e) {
        // a parsed certificate always encodes; skip it if not
      }
    }
    return new CaNames(List.of(), List.of(), der);
  }

  /** No names at all ({@code -nocertnames}). */
  public static CaNames none() {
    return new CaNames(List.of(), List.of(), List.of());
  }

  /**
   * The CA name for a TLSA record's selector, matching type and data, if the data is that of a
   * CA certificate in the store: its CN, else its O, else its whole DN.
   */
  public Optional<String> nameFor(int selector, int matchingType, byte[] data) {
    if (selector < 0 || selector > 1 || matchingType < 0 || matchingType > 2 || data == null) {
      return Optional.empty();
    }
    // Full (0) data is looked up by its SHA-256, so only digests are ever indexed.
    byte[] digest = matchingType == 0 ? Digest.sha256(data) : data;
    int type = matchingType == 0 ? 1 : matchingType;
    synchronized (this) {
      Integer ca = index(selector, type).get(Hex.of(digest));
      return ca == null ? Optional.empty() : Optional.of(name(ca));
    }
  }

  /** How many distinct CA certificates were loaded (loads them if not done yet). */
  public synchronized int size() {
    return loaded().size();
  }

  private List<byte[]> loaded() {
    if (cas == null) {
      cas = load();
    }
    return cas;
  }

  private Map<String, Integer> index(int selector, int matchingType) {
    return indexes.computeIfAbsent(selector + "/" + matchingType, k -> {
      Map<String, Integer> m = new HashMap<>();
      List<byte[]> all = loaded();
      for (int i = 0; i < all.size(); i++) {
        byte[] data = selector == 0 ? all.get(i) : SubjectPublicKeyInfo.cut(all.get(i));
        m.putIfAbsent(Hex.of(matchingType == 1 ? Digest.sha256(data) : Digest.sha512(data)), i);
      }
      return m;
    });
  }

  private String name(int ca) {
    return names.computeIfAbsent(ca, i -> {
      try {
        return displayName((X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(cas.get(i))));
      } catch (CertificateException | RuntimeException e) {
        return "(unparsable CA certificate)";
      }
    });
  }

  /** The distinct certificates (by DER) whose SubjectPublicKeyInfo can be found. */
  private List<byte[]> load() {
    Set<ByteBuffer> seen = new LinkedHashSet<>();
    given.forEach(d -> seen.add(ByteBuffer.wrap(d)));
    files.forEach(f -> read(f).forEach(d -> seen.add(ByteBuffer.wrap(d))));
    for (Path dir : dirs) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        int n = 0;
        for (Path entry : entries) {
          if (++n > MAX_DIR_FILES) {
            break;
          }
          read(entry).forEach(d -> seen.add(ByteBuffer.wrap(d)));
        }
      } catch (IOException | RuntimeException e) {
        // a missing or unreadable directory names no CAs
      }
    }
    List<byte[]> out = new ArrayList<>();
    for (ByteBuffer b : seen) {
      try {
        SubjectPublicKeyInfo.cut(b.array()); // not a certificate's shape: skip it
        out.add(b.array());
      } catch (IllegalArgumentException e) {
        // skip
      }
    }
    return List.copyOf(out);
  }

  private static List<byte[]> read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
        return List.of();
      }
      try (InputStream in = Files.newInputStream(file)) {
        return Pem.blocks(new String(in.readNBytes((int) MAX_FILE_BYTES),
            StandardCharsets.ISO_8859_1));
      }
    } catch (IOException | RuntimeException e) {
      return List.of(); // unreadable: skipped, as the store is only for names
    }
  }

  /** CN, else O, else the whole DN (RFC 2253). */
  static String displayName(X509Certificate ca) {
    String dn = ca.getSubjectX500Principal().getName();
    try {
      List<Rdn> rdns = new LdapName(dn).getRdns();
      return attribute(rdns, "CN").or(() -> attribute(rdns, "O")).orElse(dn);
    } catch (InvalidNameException e) {
      return dn;
    }
  }

  private static Optional<String> attribute(List<Rdn> rdns, String type) {
    // LdapName lists RDNs right to left, so the most specific (leftmost) one comes last.
    for (Rdn rdn : rdns.reversed()) {
      if (rdn.getType().equalsIgnoreCase(type) && rdn.getValue() instanceof String s
          && !s.isBlank()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
