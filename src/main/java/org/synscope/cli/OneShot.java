package org.synscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.synscope.wordnet.WordNetVersion;

/**
 * Runs a synscope command in a JVM of its own, on the C1 JIT, as the launcher runs every one-shot command
 * (a build is over before C2's work pays for itself: on 2 cores C1 alone cuts an import's CPU time by
 * about 40%). {@code serve} builds its first-run default this way, and the bench times builds this way.
 */
final class OneShot {
  /** The launcher's options for one-shot commands. */
  static final List<String> JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
      "-Xmx2g");

  private OneShot() {}

  /** The command line of {@code synscope args...} in a new JVM: this one's java, class path and home. */
  static List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_OPTIONS);
    String home = System.getProperty("synscope.home");
    if (home != null) {
      cmd.add("-Dsynscope.home=" + home);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    return cmd;
  }

  /** The arguments of {@code build-default} for an index (and the WordNet of a new index, when given). */
  static List<String> buildDefault(Path index, WordNetVersion wordnet) {
    List<String> args = new ArrayList<>(List.of("build-default", "--index", index.toString()));
    if (wordnet != null) {
      args.addAll(List.of("--wordnet", wordnet.label()));
    }
    return args;
  }

  /**
   * Runs it and waits. Its progress (standard error) shows as this process's; its standard output too,
   * unless {@code quiet}. Returns its exit code, or -1 when it could not be started.
   */
  static int run(List<String> args, boolean quiet) {
    ProcessBuilder pb = new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectInput(ProcessBuilder.Redirect.INHERIT)
        .redirectOutput(quiet ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.INHERIT);
    try {
      return pb.start().waitFor();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
