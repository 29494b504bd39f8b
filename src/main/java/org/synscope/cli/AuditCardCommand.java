package org.synscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.synscope.audit.AuditStore;
import org.synscope.config.BadInput;
import org.synscope.report.AuditCard;
import org.synscope.report.AuditCardMarkdown;
import org.synscope.report.AuditCards;
import org.synscope.search.LabelSearcher;
import org.synscope.web.Json;
import org.synscope.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synscope audit-card}: the dataset audit card as Markdown, JSON or HTML. */
@Command(name = "audit-card", mixinStandardHelpOptions = true,
    description = "Write a dataset's audit card (the same as /audit, /audit.json, /audit.md).")
final class AuditCardCommand extends CliCommand {
  @Option(names = "--dataset", required = true, paramLabel = "D")
  String dataset;

  @Option(names = "--format", defaultValue = "md", description = "md, json or html (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Option(names = "--reveal", description = "Do not mask labels flagged as slurs.")
  boolean reveal;

  @Override
  int run() throws Exception {
    Workspace ws = workspace();
    String text;
    try (AuditStore audit = ws.audit(false); LabelSearcher searcher = ws.searcher(System.err, audit)) {
      AuditCard card = new AuditCards(searcher, audit).card(dataset);
      text = switch (format) {
        case "md" -> AuditCardMarkdown.render(card, reveal);
        case "json" -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(card) + "\n";
        case "html" -> WebServer.renderAuditCard(options.settings().home(), card,
            List.copyOf(searcher.meta().sorted().keySet()), reveal);
        default -> throw new BadInput("unknown format '" + format + "' (use md, json or html)");
      };
    }
    if (output != null) {
      try {
        Files.writeString(output, text);
      } catch (java.io.IOException e) {
        String why = e instanceof java.nio.file.NoSuchFileException ? "its directory does not exist"
            : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
            : Files.isDirectory(output) ? "it is a directory" : String.valueOf(e.getMessage());
        throw new org.synscope.config.BadInput("cannot write " + output + ": " + why);
      }
      out().println("Wrote " + output);
    } else {
      out().print(text);
    }
    return 0;
  }
}
