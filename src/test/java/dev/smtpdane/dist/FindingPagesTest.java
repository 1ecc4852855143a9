package dev.smtpdane.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.report.FindingCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/findings has one page per {@link FindingCode}, each saying what the code means, why it
 * matters to a sender and how to fix it, and README.md indexes them all. When a code is added,
 * the failure message names the page to write.
 */
class FindingPagesTest {
  static final Path DIR = Path.of("docs/findings");
  static final List<String> SECTIONS = List.of(
      "## What it means", "## Why it matters to a sender", "## How to fix", "## References");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+\\.md)(#[^)]*)?\\)");

  static Set<String> codes() {
    return Arrays.stream(FindingCode.values()).map(FindingCode::code)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The codes without a page in {@code dir}, e.g. ["new-code"] -> write new-code.md. */
  static Set<String> missingPages(Set<String> codes, Path dir) {
    return codes.stream().filter(c -> !Files.isRegularFile(dir.resolve(c + ".md")))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Pages in {@code dir} that document no code (a renamed or mistyped code). */
  static Set<String> orphanPages(Set<String> codes, Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
          .map(n -> n.substring(0, n.length() - 3))
          .filter(c -> !codes.contains(c))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** What a page lacks: its title, a section, an RFC citation. Empty when complete. */
  static List<String> pageProblems(String code, String text) {
    List<String> problems = new ArrayList<>();
    if (!text.startsWith("# `" + code + "`: ")) {
      problems.add("first line must be \"# `" + code + "`: <title>\"");
    }
    for (String section : SECTIONS) {
      if (!text.contains("\n" + section + "\n")) {
        problems.add("missing \"" + section + "\"");
      }
    }
    if (!text.matches("(?s).*RFC \\d{4}.*")) {
      problems.add("cites no RFC");
    }
    return problems;
  }

  @Test
  void everyFindingCodeHasAPage() {
    assertThat(missingPages(codes(), DIR))
        .as("write docs/findings/<code>.md (and a line in docs/findings/README.md) for").isEmpty();
  }

  @Test
  void noPageDocumentsACodeThatDoesNotExist() throws IOException {
    assertThat(orphanPages(codes(), DIR)).as("pages without a FindingCode").isEmpty();
  }

  @Test
  void everyPageSaysWhatWhyAndHowAndCitesAnRfc() {
    List<String> problems = new ArrayList<>();
    for (String code : codes()) {
      Path page = DIR.resolve(code + ".md");
      if (Files.isRegularFile(page)) {
        pageProblems(code, read(page)).forEach(p -> problems.add(code + ".md: " + p));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void readmeLinksEveryPageAndEveryLinkResolves() throws IOException {
    String index = read(DIR.resolve("README.md"));
    assertThat(codes().stream().filter(c -> !index.contains("](" + c + ".md)")).toList())
        .as("codes missing from docs/findings/README.md").isEmpty();

    List<String> broken = new ArrayList<>();
    try (Stream<Path> pages = Files.list(DIR)) {
      for (Path page : pages.toList()) {
        Matcher m = LINK.matcher(read(page));
        while (m.find()) {
          if (!Files.isRegularFile(DIR.resolve(m.group(1)))) {
            broken.add(page.getFileName() + " -> " + m.group(1));
          }
        }
      }
    }
    assertThat(broken).as("links to pages that do not exist").isEmpty();
  }

  @Test
  void missingAndOrphanPagesAreNamedByCode(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("no-tlsa.md"), "x");
    Files.writeString(dir.resolve("old-code.md"), "x");
    Files.writeString(dir.resolve("README.md"), "x");
    Set<String> codes = Set.of("no-tlsa", "new-code");

    assertThat(missingPages(codes, dir)).containsExactly("new-code");
    assertThat(orphanPages(codes, dir)).containsExactly("old-code");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "complete|",
    "no title|first line must be",
    "no how|missing \"## How to fix\"",
    "no rfc|cites no RFC",
  })
  void pageProblemsNameWhatIsMissing(String variant, String expected) {
    String page = "# `x-code`: a title\n\n## What it means\n\nm\n\n## Why it matters to a sender\n"
        + "\nw\n\n## How to fix\n\nf\n\n## References\n\n- RFC 7672 §3\n";
    String text = switch (variant) {
      case "no title" -> page.replace("# `x-code`", "# x-code");
      case "no how" -> page.replace("## How to fix", "## How");
      case "no rfc" -> page.replace("RFC 7672", "the spec");
      default -> page;
    };
    List<String> problems = pageProblems("x-code", text);
    if (expected == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).singleElement().asString().contains(expected);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
