package org.synscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.Role;
import org.synscope.audit.SenseCorrection;
import org.synscope.audit.SenseCorrections;
import org.synscope.audit.Users;
import org.synscope.dataset.SenseOverrides;
import org.synscope.index.SenseAmender;
import org.synscope.report.SenseFile;
import org.synscope.search.CategoryView;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;
import org.synscope.wordnet.NounSynset;

/**
 * Sense corrections over HTTP: an auditor changes a category's primary sense with a rationale. The
 * correction is durable before the answer, then applied to the live index at once (every count and
 * facet), and every later import applies it too.
 */
final class SensePages {
  private final LabelSearcher searcher;
  private final SenseCorrections corrections;
  private final SenseAmender amender;
  private final Auth auth;
  private final JsonBodies bodies;

  SensePages(LabelSearcher searcher, SenseCorrections corrections, SenseAmender amender, Auth auth, JsonBodies bodies) {
    this.searcher = searcher;
    this.corrections = corrections;
    this.amender = amender;
    this.auth = auth;
    this.bodies = bodies;
  }

  /**
   * The answer of {@code POST /senses.json}; {@code recorded} is false when the category already stood
   * corrected to that synset (the earlier correction is given, and nothing is recorded).
   */
  record Answer(SenseCorrection correction, String status, String synset, String name, String url, boolean recorded) {}

  void createJson(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "correct senses");
    JsonNode body = bodies.object(ctx, "{\"dataset\", \"category\", \"synset\", \"rationale\"}",
        java.util.List.of("dataset", "category", "synset", "rationale"));
    Answer a = correct(user, JsonBodies.text(body, "dataset", true), JsonBodies.text(body, "category", true),
        JsonBodies.text(body, "synset", true), JsonBodies.text(body, "rationale", true));
    ctx.status(a.recorded() ? 201 : 200).json(a);
  }

  void createForm(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "correct senses");
    String other = RouteParams.formField(ctx, "other");
    Answer a = correct(user, RouteParams.formField(ctx, "dataset"), RouteParams.formField(ctx, "category"),
        other != null && !other.isBlank() ? other.strip() : RouteParams.formField(ctx, "synset"), RouteParams.formField(ctx, "rationale"));
    ctx.redirect(a.url(), HttpStatus.SEE_OTHER);
  }

  /** Every correction of a dataset ({@code ?dataset=}), or of all, oldest first. */
  void listJson(Context ctx) {
    String dataset = ctx.queryParam("dataset");
    List<SenseCorrection> found = corrections.all().stream().filter(c -> dataset == null || c.dataset().equals(dataset))
        .toList();
    searcher.requireKnownDataset(dataset, !found.isEmpty());
    ctx.json(found);
  }

  /** The latest correction of each category of a dataset as a {@code --senses} file. */
  void exportTsv(Context ctx) {
    String dataset = ctx.queryParam("dataset");
    if (dataset == null) {
      throw SearchException.badRequest("give ?dataset= (one of " + String.join(", ", searcher.meta().sorted().keySet()) + ")");
    }
    searcher.requireKnownDataset(dataset, !corrections.latest(dataset).isEmpty());
    ctx.contentType("text/tab-separated-values; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"senses-" + dataset + ".tsv\"");
    try {
      Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
      SenseFile.corrections(out, dataset, corrections.latest(dataset).values());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A category's corrections, oldest first (for its page). */
  List<SenseCorrection> history(String dataset, String key) {
    return corrections.history(new CategoryRef(dataset, key));
  }

  private Answer correct(Users.User user, String dataset, String category, String synset, String rationale) {
    if (dataset == null || category == null || synset == null || synset.isBlank()) {
      throw SearchException.badRequest("a sense correction needs a dataset, a category and a synset");
    }
    if (rationale == null || rationale.isBlank()) {
      throw SearchException.badRequest("say why: a sense correction needs a rationale");
    }
    org.synscope.dataset.InvisibleCharacters.visibleRationale(rationale);
    if (rationale.length() > 2000) {
      throw SearchException.badRequest("the rationale is over 2,000 characters");
    }
    CategoryView view = searcher.categoryToDecide(dataset, category);
    if ("exact".equals(view.hit().status())) {
      throw SearchException.badRequest("'" + view.hit().label() + "' was given as a wnid and maps exactly;"
          + " there is no sense to correct");
    }
    NounSynset to = searcher.lexicon().resolve(synset).orElseThrow(() -> SearchException.badRequest("'" + synset
        + "' is not a noun synset id or name of WordNet " + searcher.lexicon().version()));
    String key = view.hit().key();
    synchronized (this) {
      // What it was, read under the lock that orders the corrections: a view read before it could be stale.
      org.synscope.search.Hit now = searcher.category(dataset, key).hit();
      SenseCorrection last = corrections.latest(dataset).get(key);
      if (last != null && to.id().equals(last.after()) && to.id().equals(now.synset())
          && "overridden".equals(now.status())) {
        // Already corrected to it: a resent form or a script's retry records nothing and republishes nothing.
        return new Answer(last, now.status(), to.id(), to.name(), SearchUrls.categoryPath(dataset, key), false);
      }
      SenseCorrection c = corrections.record(user.name(), dataset, key, now.label(), now.synset(), now.name(), to.id(),
          to.name(), rationale.strip());
      Map<String, SenseOverrides.Pin> pin = new LinkedHashMap<>();
      pin.put(key, c.pin());
      amender.amend(dataset, pin);
      searcher.refresh();
      return new Answer(c, "overridden", to.id(), to.name(), SearchUrls.categoryPath(dataset, key), true);
    }
  }
}
