package org.synscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.synscope.audit.AuditStore;
import org.synscope.audit.FlagList;
import org.synscope.audit.FlagListImport;
import org.synscope.audit.FlagListReader;
import org.synscope.audit.Role;
import org.synscope.audit.Scope;
import org.synscope.audit.Users;
import org.synscope.dataset.DatasetException;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;

/** Thin handlers of the user flag lists: list them, import one (admins). */
final class FlagListPages {
  private final LabelSearcher searcher;
  private final AuditStore audit;
  private final Auth auth;
  private final JsonBodies bodies = new JsonBodies();

  FlagListPages(LabelSearcher searcher, AuditStore audit, Auth auth) {
    this.searcher = searcher;
    this.audit = audit;
    this.auth = auth;
  }

  void listsJson(Context ctx) {
    ctx.json(audit.lists().all().values().stream().map(FlagListPages::summary).toList());
  }

  void importList(Context ctx) {
    Users.User user = auth.require(ctx, Role.ADMIN, "import flag lists");
    String shape = "{\"name\", \"kind\", \"type\", \"scope\", \"dataset\", \"entries\": [...]}";
    JsonNode body = bodies.object(ctx, shape, java.util.List.of("name", "kind", "type", "scope", "dataset", "entries"));
    if (!body.path("entries").isArray()) {
      throw SearchException.badRequest("the body must be a JSON object " + shape);
    }
    StringBuilder lines = new StringBuilder();
    int at = 0;
    for (JsonNode e : body.get("entries")) {
      at++;
      if (!e.isTextual() || e.asText().indexOf('\n') >= 0 || e.asText().indexOf('\r') >= 0) {
        throw SearchException.badRequest("entry " + at + " of \"entries\" is " + e + ": each entry is one wnid, label or"
            + " word, as a string");
      }
      lines.append(e.asText()).append('\n');
    }
    String source = "http:" + user.name() + ":" + JsonBodies.text(body, "name", true);
    String type = JsonBodies.text(body, "type", false);
    String dataset = JsonBodies.text(body, "dataset", false);
    if (dataset != null) {
      searcher.requireDataset(dataset); // the CLI refuses it too
    }
    org.synscope.audit.FlagLists.checkName(JsonBodies.text(body, "name", true), searcher.signals().keySet());
    try {
      FlagListReader.Result read = FlagListReader.read(source, lines.toString().getBytes(StandardCharsets.UTF_8), type);
      FlagListImport.Result r = FlagListImport.save(read, source, new FlagListImport.Request(JsonBodies.text(body, "name", true),
          JsonBodies.text(body, "kind", false), type, Scope.parse(JsonBodies.text(body, "scope", false)), dataset, false),
          searcher.lexicon(), label -> labelExists(label, dataset), audit.lists());
      Map<String, Object> out = new LinkedHashMap<>(summary(r.list()));
      out.put("warnings", r.warnings());
      ctx.status(201).json(out);
    } catch (DatasetException e) {
      throw SearchException.badRequest(e.problems().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
    }
  }

  private boolean labelExists(String label, String dataset) {
    return searcher.hasLabel(dataset, label);
  }

  static Map<String, Object> summary(FlagList l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", l.name());
    m.put("kind", l.kind());
    m.put("type", l.type());
    m.put("scope", l.scope().key());
    m.put("reach", l.reach());
    m.put("dataset", l.dataset());
    m.put("entries", l.entries().size());
    m.put("unknown", l.unknown().size());
    m.put("source", l.source());
    m.put("sha256", l.sha256());
    m.put("imported_at", l.importedAt());
    return m;
  }
}
