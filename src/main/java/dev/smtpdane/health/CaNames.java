package dev.smtpdane.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
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
 * CA's name, so "2 1 1 8D02…" reads as "ISRG Root X1".
 *
 * <p><b>Never used for trust.</b> DANE authenticates with the TLSA records alone (RFC 7672 §3);
 * this store only supplies names for output ({@code -nocertnames} turns it off).
 *
 * <p>The store is {@code SSL_CERT_FILE} (a PEM bundle) and/or {@code SSL_CERT_DIR} (directories
 * of PEM files, colon-separated) when either is set, as with OpenSSL and Go; otherwise the first
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
  private final Collection<X509Certificate> given;
  private Map<String, String> index; // "selector/matchingType/HEX" -> name; guarded by this
  private int loaded; // guarded by this

  private CaNames(List<Path> files, List<Path> dirs, Collection<X509Certificate> given) {
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
    return new CaNames(List.of(), List.of(), cas);
  }

  /** No names at all ({@code -nocertnames}). */
  public static CaNames none() {
    return of(List.of());
  }

  /**
   * The CA name for a TLSA record's selector, matching type and data, if the data is that of a
   * CA certificate in the store: its CN, else its O, else its whole DN.
   */
  public Optional<String> nameFor(int selector, int matchingType, byte[] data) {
    if (selector < 0 || selector > 1 || data == null) {
      return Optional.empty();
    }
    String key = switch (matchingType) {
      case 0 -> key(selector, 1, Digest.sha256(data)); // Full: look up by its SHA-256
      case 1, 2 -> key(selector, matchingType, data);
      default -> null;
    };
    return key == null ? Optional.empty() : Optional.ofNullable(index().get(key));
  }

  /** How many distinct CA certificates were loaded (loads them if not done yet). */
  public int size() {
    synchronized (this) {
      index();
      return loaded;
    }
  }

  private synchronized Map<String, String> index() {
    if (index == null) {
      Map<String, String> m = new HashMap<>();
      Set<X509Certificate> cas = load();
      loaded = cas.size();
      for (X509Certificate ca : cas) {
        String name = displayName(ca);
        try {
          byte[] cert = ca.getEncoded();
          byte[] spki = SubjectPublicKeyInfo.of(ca);
          m.putIfAbsent(key(0, 1, Digest.sha256(cert)), name);
          m.putIfAbsent(key(0, 2, Digest.sha512(cert)), name);
          m.putIfAbsent(key(1, 1, Digest.sha256(spki)), name);
          m.putIfAbsent(key(1, 2, Digest.sha512(spki)), name);
        } catch (CertificateEncodingException e) {
          // cannot happen for a parsed certificate; skip it if it does
        }
      }
      index = Map.copyOf(m);
    }
    return index;
  }

  private Set<X509Certificate> load() {
    Set<X509Certificate> cas = new LinkedHashSet<>(given); // equals(): same DER, one entry
    files.forEach(f -> cas.addAll(read(f)));
    for (Path dir : dirs) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        int n = 0;
        for (Path entry : entries) {
          if (++n > MAX_DIR_FILES) {
            break;
          }
          cas.addAll(read(entry));
        }
      } catch (IOException | RuntimeException e) {
        // a missing or unreadable directory names no CAs
      }
    }
    return cas;
  }

  private static List<X509Certificate> read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
        return List.of();
      }
      try (InputStream in = Files.newInputStream(file)) {
        return Pem.certificates(new String(in.readNBytes((int) MAX_FILE_BYTES),
            StandardCharsets.ISO_8859_1));
      }
    } catch (IOException | RuntimeException e) {
      return List.of(); // unreadable: skipped, as the store is only for names
    }
  }

  private static String key(int selector, int matchingType, byte[] digest) {
    return selector + "/" + matchingType + "/" + Hex.of(digest);
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
