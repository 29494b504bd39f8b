package org.synscope.cli;

import java.io.PrintWriter;
import org.synscope.risk.RiskWeights;
import org.synscope.risk.Signal;
import org.synscope.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synscope signals}: the sensitive-attribute signals in force, with their definitions. */
@Command(name = "signals", mixinStandardHelpOptions = true,
    description = "List the sensitive-attribute signals (built-in, and --signals FILE on top) with their definitions.")
final class SignalsCommand extends CliCommand {
  @Option(names = "--json", description = "Print them as JSON (the same as /signals.json).")
  boolean json;

  @Override
  int run() throws Exception {
    Workspace ws = workspace();
    var signals = ws.signals(ws.lexicon(false));
    PrintWriter out = out();
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(signals.values()));
      return 0;
    }
    out.printf("%d signals; each marks a category with weight %.2f in its risk score (RiskWeights)%n%n", signals.size(),
        RiskWeights.SIGNAL);
    for (Signal s : signals.values()) {
      out.printf("[%s] %s   (%s)%n  %s%n", s.name(), s.title(), s.source(), s.definition());
      if (!s.basis().isEmpty()) {
        out.printf("  basis: %s%n", s.basis());
      }
      out.printf("  scope: under %s%n", s.scope().name());
      s.anchors().forEach(a -> out.printf("  anchor  %-32s %s%n", a.name(), a.reason()));
      s.excludes().forEach(a -> out.printf("  exclude %-32s %s%n", a.name(), a.reason()));
      s.cues().forEach(c -> out.printf("  cue     %-32s %s%n", "'" + c.text() + "'", c.reason()));
      out.println();
    }
    return 0;
  }
}
