package org.synscope.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Map;
import org.synscope.search.CategoryView;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;

/** Thin handlers: parse the URL, call the searcher, render the page record (HTML) or its JSON twin. */
final class Pages {
  private final LabelSearcher searcher;
  private final View view;
  private final ReviewPages reviews;
  private final SensePages senses;
  private final ObjectMapper json = Json.mapper();

  Pages(LabelSearcher searcher, View view, ReviewPages reviews, SensePages senses) {
    this.searcher = searcher;
    this.view = view;
    this.reviews = reviews;
    this.senses = senses;
  }

  void home(Context ctx) {
    if (!ctx.queryParamMap().isEmpty()) {
      ctx.redirect("/search?" + ctx.queryString(), HttpStatus.FOUND);
      return;
    }
    render(ctx, "home", "Dataset labels, searchable", "/index.json", homePage());
  }

  void homeJson(Context ctx) {
    ctx.json(homePage());
  }

  private HomePage homePage() {
    SearchRequest all = SearchRequest.all();
    return new HomePage(DatasetStats.of(searcher.meta()), SearchPage.of(all, searcher.search(all), false));
  }

  private SearchPage searchPage(Context ctx) {
    SearchRequest request = SearchParams.parse(ctx.queryParamMap());
    return SearchPage.of(request, searcher.search(request), SearchParams.reveal(ctx.queryParamMap()));
  }

  void search(Context ctx) {
    SearchPage page = searchPage(ctx);
    render(ctx, "search", page.q().isEmpty() ? "Search" : page.q(), page.links().json(), page);
  }

  void searchJson(Context ctx) {
    ctx.json(searchPage(ctx));
  }

  void searchCsv(Context ctx) {
    SearchRequest request = SearchParams.parseExport(ctx.queryParamMap());
    stream(ctx, request, "text/csv; charset=utf-8", "csv", (out, masking) -> {
      HitCsv csv = new HitCsv(out);
      csv.header();
      return searcher.export(request, HitCsv.FIXED, csv::row);
    });
  }

  void searchJsonl(Context ctx) {
    SearchRequest request = SearchParams.parseExport(ctx.queryParamMap());
    stream(ctx, request, "application/x-ndjson; charset=utf-8", "jsonl", (out, masking) -> searcher.export(request, hit -> {
      try {
        out.write(json.writeValueAsString(masking.view(hit)));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

  /**
   * Exports stream the whole result (every page), with raw labels: they are data for scripts (JSONL
   * lines also carry {@code display} and {@code masked}, as the JSON twin's hits do). A bad
   * request fails inside the export before the first row, while nothing is committed, so it still
   * gets its 400 or 404.
   */
  private void stream(Context ctx, SearchRequest request, String type, String extension, Export export) {
    ctx.contentType(type);
    String name = request.selection(org.synscope.search.Facet.DATASET).include().stream().findFirst().orElse("all");
    ctx.header("Content-Disposition", "attachment; filename=\"synscope-" + name.replaceAll("[^a-z0-9._-]", "") + "." + extension + "\"");
    try {
      // Javalin's stream compresses for a client that accepts an encoding; for one that accepts none it only
      // forwards, which took a fifth of a 6 MB export's time, so that client gets the response's own stream.
      String encodings = ctx.header("Accept-Encoding");
      Writer out = new org.synscope.io.Utf8Writer(
          encodings == null || encodings.isBlank() ? ctx.res().getOutputStream() : ctx.outputStream(), 1 << 16);
      // Labels stay raw, as in the JSON twin; display and masked say what a page would show.
      boolean reveal = SearchParams.reveal(ctx.queryParamMap());
      export.write(out, new Masking(reveal, new SearchUrls(request, reveal), null));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Export {
    long write(Writer out, Masking masking) throws IOException;
  }

  private TreePage treePage(Context ctx) {
    SearchRequest request = SearchParams.parse(ctx.queryParamMap());
    return TreePage.of(request, searcher.tree(request), SearchParams.reveal(ctx.queryParamMap()));
  }

  void tree(Context ctx) {
    TreePage page = treePage(ctx);
    render(ctx, "tree", "Tree: " + page.node().name(), page.links().json(), page);
  }

  void treeJson(Context ctx) {
    ctx.json(treePage(ctx));
  }

  void datasets(Context ctx) {
    render(ctx, "datasets", "Datasets", "/datasets.json", DatasetStats.of(searcher.meta()));
  }

  void datasetsJson(Context ctx) {
    ctx.json(DatasetStats.of(searcher.meta()));
  }

  void suggest(Context ctx) {
    String q = ctx.queryParam("q");
    boolean reveal = SearchParams.reveal(ctx.queryParamMap());
    Masking masking = new Masking(reveal, new SearchUrls(SearchRequest.all(), reveal), null);
    var datasets = new LinkedHashSet<>(ctx.queryParams("dataset"));
    ctx.json(searcher.suggest(q == null ? "" : q, datasets, 10).stream().map(masking::view).toList());
  }

  void category(Context ctx) {
    String key = ctx.pathParam("key");
    if (key.endsWith("/history.json")) {
      reviews.categoryHistory(ctx, ctx.pathParam("dataset"), key.substring(0, key.length() - "/history.json".length()));
      return;
    }
    boolean asJson = key.endsWith(".json");
    if (asJson) {
      key = key.substring(0, key.length() - ".json".length());
    }
    for (String name : ctx.queryParamMap().keySet()) {
      if (!name.equals("reveal")) {
        throw SearchException.badRequest("unknown parameter '" + name + "' (a category page takes only reveal)");
      }
    }
    CategoryView view = searcher.category(ctx.pathParam("dataset"), key);
    boolean reveal = SearchParams.reveal(ctx.queryParamMap());
    if (searcher.sharingTheName(view.hit().dataset(), key, view) > 1) {
      // /c/tiny-images/greaser.n.01 opened taco, one of three categories with that primary synset, without a word.
      ctx.redirect(SearchUrls.bySynset(asJson ? "/search.json" : "/search", view.hit().dataset(), view.hit().synset(),
          reveal));
      return;
    }
    var from = view.review().decidedBy();
    boolean fromIsSlur = from != null && !searcher.maskedLabels(java.util.List.of(from.dataset() + "/" + from.category())).isEmpty();
    CategoryPage page = CategoryPage.of(view, senses.history(view.hit().dataset(), view.hit().key()), fromIsSlur, reveal,
        MaskedWords.of(searcher.lexicon()));
    if (searcher.meta().images().containsKey(view.hit().dataset())) {
      // The category's images, a page at a time ("which sites did they come from" is the domain facet there).
      var images = new org.synscope.search.ImageRequest(view.hit().dataset(), "", null, view.hit().key(),
          java.util.Map.of(), SearchParams.number(ctx.queryParamMap(), "page", 1), org.synscope.search.ImageRequest.DEFAULT_SIZE);
      try {
        page = page.withImages(ImagesPage.of(images, searcher.images(images), java.util.Map.of(), reveal));
      } catch (org.synscope.index.IndexException e) {
        // The images' source file is gone or unreadable: the category itself still shows (its /images view says why).
      }
    }
    if (asJson) {
      ctx.json(page);
    } else {
      render(ctx, "category", page.ui().title(), page.json(), page);
    }
  }

  private void render(Context ctx, String template, String title, String json, Object page) {
    view.render(ctx, template, title, json, page);
  }
}
