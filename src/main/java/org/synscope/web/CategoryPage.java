package org.synscope.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.synscope.audit.Review;
import org.synscope.audit.SenseCorrection;
import org.synscope.flags.Flag;
import org.synscope.index.CategoryDetails;
import org.synscope.index.SenseInfo;
import org.synscope.search.CategoryView;
import org.synscope.search.Hit;
import org.synscope.search.NodeCount;
import org.synscope.search.SearchRequest;

/**
 * The category page and its JSON twin: one category in full, every path node and count linked.
 *
 * @param category the category as lists show it (with masking)
 * @param details senses, all paths, flag evidence, metadata (as stored; the JSON twin is raw data)
 * @param paths every hypernym path with browse links
 * @param children children of the primary synset with counts and links
 * @param siblings other children of its parents with counts and links
 * @param sameSynset the same synset in this and other datasets
 */
public record CategoryPage(Masking.HitView category, CategoryDetails details, List<List<Masking.Crumb>> paths,
    List<Masking.NodeView> children, List<Masking.NodeView> siblings, List<Masking.HitView> sameSynset,
    CategoryView.ReviewState review, List<Review> history, List<SenseCorrection> corrections, List<Flag> listFlags,
    CategoryView.Risk risk, String json, String historyJson,
    String revealUrl, boolean reveal, @JsonIgnore Ui ui, ImagesPage images) {

  /** The page with the first page of the category's images (when the dataset has an image import). */
  CategoryPage withImages(ImagesPage page) {
    return new CategoryPage(category, details, paths, children, siblings, sameSynset, review, history, corrections,
        listFlags, risk, json, historyJson, revealUrl, reveal, ui, page);
  }

  /** One flag as the page shows it. */
  public record FlagView(String name, String source, boolean primary, String sense, String word, String evidence) {}

  /** One scored candidate sense, linked to its place in the hierarchy. */
  public record ScoreView(String name, double score, String definition, String url) {}

  /** What only the HTML page needs: masked texts, and where a review's source category lives. */
  public record Ui(String title, SenseInfo primary, List<SenseInfo> otherSenses, List<FlagView> flags,
      Map<String, Object> metadata, String browseUrl, String treeUrl, String reviewFromUrl, String reviewFromLabel,
      String path, String reason,
      List<ScoreView> scores, boolean masksOtherWords, boolean imagesKnown) {}

  /** Builds the page; {@code reveal} unmasks labels. */
  public static CategoryPage of(CategoryView view, List<SenseCorrection> corrections, boolean fromIsSlur,
      boolean reveal) {
    return of(view, corrections, fromIsSlur, reveal, MaskedWords.NONE);
  }

  /**
   * Builds the page; {@code reveal} unmasks labels; {@code maskedWords} (see {@link MaskedWords}) are masked in
   * every text the page shows, a signal's reasons among them, except the page's own label when it is shown.
   */
  public static CategoryPage of(CategoryView view, List<SenseCorrection> corrections, boolean fromIsSlur,
      boolean reveal, MaskedWords maskedWords) {
    Hit hit = view.hit();
    String dataset = hit.dataset();
    SearchUrls urls = new SearchUrls(SearchRequest.all(), reveal);
    Masking masking = new Masking(reveal, urls, dataset);
    Masking.HitView self = masking.view(hit);
    CategoryDetails d = view.details();
    Redactor redact = reveal ? Redactor.none()
        : Redactor.of(hit.label(), self.masked(), d).withWords(maskedWords, self.masked() ? null : hit.label());
    // The page's own paths end at its senses, whose names hold the words it is masked for (cunt.n.01 is named
    // by the word WordNet marks through its other sense): the redactor masks those too.
    List<List<Masking.Crumb>> paths = d.paths().stream().map(p -> p.stream().map(n -> masking.crumb(n, dataset))
        .map(c -> new Masking.Crumb(c.synset(), redact.apply(c.name()), c.url())).toList()).toList();
    List<SenseInfo> senses = d.senses().stream().map(redact::apply).toList();
    List<FlagView> flags = java.util.stream.Stream.concat(d.flags().stream(), view.listFlags().stream())
        .map(f -> flag(f, redact)).toList();
    String path = SearchUrls.categoryPath(dataset, hit.key());
    String browse = hit.synset() == null ? urls.at("/search", SearchRequest.all())
        : "/search?dataset=" + SearchUrls.encode(dataset) + "&under=" + hit.synset() + (reveal ? "&reveal=1" : "");
    Review from = view.review().decidedBy();
    String fromUrl = view.review().inherited() && from != null ? urls.category(from.dataset(), from.category()) : null;
    Map<String, SenseInfo> byId = new java.util.HashMap<>();
    senses.forEach(s -> byId.put(s.id(), s));
    List<ScoreView> scores = d.scores().stream().map(s -> new ScoreView(redact.apply(s.name()), s.score(),
        byId.containsKey(s.id()) ? byId.get(s.id()).definition() : "",
        "/search?dataset=" + SearchUrls.encode(dataset) + "&under=" + s.id() + (reveal ? "&reveal=1" : ""))).toList();
    CategoryView.Risk risk = new CategoryView.Risk(view.risk().level(), view.risk().score(), view.risk().because()
        .stream().map(e -> new org.synscope.risk.RiskWeights.Evidence(redact.apply(e.what()), e.weight())).toList());
    Ui ui = new Ui(self.display(), senses.isEmpty() ? null : senses.get(0), senses.size() > 1 ? senses.subList(1, senses.size())
        : List.of(), flags, d.metadata(), browse, browse.replace("/search?", "/tree?"), fromUrl,
        from == null ? null : Masking.reviewedLabel(from, fromIsSlur, reveal),
        path + (reveal ? "?reveal=1" : ""), redact.apply(d.reason()), scores,
        // The label is shown, yet the page masks other words (a sense's name, a child's): say so, with Reveal.
        !reveal && !self.masked() && (redact.active() || view.children().stream().anyMatch(NodeCount::sensitive)
            || view.siblings().stream().anyMatch(NodeCount::sensitive) || view.sameSynset().stream().anyMatch(Hit::sensitive)),
        // A list without image counts (WordNet's own) has none for children either: "3 · 0 images" said otherwise.
        view.hit().images() != null);
    // Other categories and nodes listed on the page hide the page's words too (kaffir's page listed kaffir_corn).
    return new CategoryPage(self, d, paths, view.children().stream().map(c -> redact.node(masking.node(c, dataset))).toList(),
        view.siblings().stream().map(c -> redact.node(masking.node(c, dataset))).toList(),
        view.sameSynset().stream().map(masking::view).map(redact::hit).toList(), view.review(), view.history(),
        corrections.stream().map(redact::correction).toList(), view.listFlags().stream().map(f -> new Flag(f.name(),
            f.source(), f.synset(), redact.apply(f.synsetName()), f.primary(), redact.apply(f.word()),
            redact.apply(f.evidence()))).toList(), risk,
        path + ".json" + (reveal ? "?reveal=1" : ""), path + "/history.json", reveal ? path : path + "?reveal=1", reveal, ui,
        null);
  }

  private static FlagView flag(Flag f, Redactor redact) {
    return new FlagView(f.name(), f.source(), f.primary(), redact.apply(f.synsetName()), redact.apply(f.word()),
        redact.apply(f.evidence()));
  }
}
