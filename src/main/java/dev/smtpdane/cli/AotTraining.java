package dev.smtpdane.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The training run the launcher uses to build a JDK AOT cache (JEP 483/514): real checks of a
 * host with a DANE-EE and a DANE-TA record, in the output modes people use and as a short
 * --input run, against a lab in another JVM ({@link TrainingLab}), so the cache holds the
 * classes a check loads and little else. Hidden; prints nothing.
 */
@Command(name = "_aot-train", hidden = true,
    description = "Internal: the launcher's AOT cache training run.")
final class AotTraining implements Callable<Integer> {
  private static final List<List<String>> MODES = List.of(List.of("-nagios"),
      List.of("--json"), List.of("-terse"), List.of(), List.of("-show-cert-info"),
      List.of("-q"));

  @Override
  public Integer call() throws Exception {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    try (TrainingLab lab = TrainingLab.start()) {
      List<String> common = List.of("--resolver", lab.resolver(), "-port", lab.smtpPort(), "-mx");
      for (List<String> mode : MODES) {
        run(sink, common, mode, List.of(TrainingWorld.DOMAIN));
      }
      Path list = Files.createTempFile("smtpdane-aot-train", ".txt");
      try {
        Files.writeString(list, TrainingWorld.DOMAIN + "\n" + TrainingWorld.DOMAIN + "\n");
        run(sink, common, List.of("--json", "--input", list.toString()), List.of());
      } finally {
        Files.deleteIfExists(list);
      }
    }
    return 0;
  }

  private static void run(PrintWriter sink, List<String> common, List<String> mode,
      List<String> targets) {
    List<String> args = new java.util.ArrayList<>(common);
    args.addAll(mode);
    args.addAll(targets);
    Main.run(sink, sink, args.toArray(String[]::new));
  }
}
