package org.synscope.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.flags.BuiltInFlags;
import org.synscope.flags.Masks;
import org.synscope.index.PathNode;
import org.synscope.search.Hit;
import org.synscope.search.NodeCount;

/**
 * Harm-aware display. Auditors read slurs all day: a label that is a word WordNet marks as an ethnic
 * slur, obscenity or disparagement (on its primary sense or another sense that is not a rare one:
 * {@link org.synscope.flags.BuiltInFlags#marksWord}) is masked in lists (first letter of each word kept:
 * {@code n****r}) with its flag shown, and so is a WordNet node whose name is such a word, unless
 * the view reveals them ({@code reveal=1}, itself part of the URL). Search still finds masked words.
 */
public final class Masking {
  /** Flags whose words are masked by default. */
  public static final Set<String> MASKED_FLAGS = BuiltInFlags.MASKED;

  private final boolean reveal;
  private final SearchUrls urls;
  private final String dataset;

  /**
   * @param reveal true to show everything
   * @param urls the view's URL builder (links keep the reveal setting)
   * @param dataset the dataset node links browse in, or {@code null} for the view's own filters
   */
  public Masking(boolean reveal, SearchUrls urls, String dataset) {
    this.reveal = reveal;
    this.urls = urls;
    this.dataset = dataset;
  }

  /** True when the view reveals masked words. */
  public boolean reveal() {
    return reveal;
  }

  /** True when a hit's label is masked in this view. */
  public boolean masks(Hit hit) {
    return !reveal && hit.sensitive();
  }

  /** A hit as lists show it. */
  public HitView view(Hit hit) {
    boolean masked = masks(hit);
    Map<String, List<String>> highlighted = new java.util.LinkedHashMap<>();
    hit.highlights().forEach((field, h) -> highlighted.put(field, h.pieces()));
    if (masked) {
      highlighted.put("label", List.of(mask(hit.label())));
    }
    List<Crumb> path = hit.path().stream().map(n -> crumb(n, hit.dataset())).toList();
    String name = hit.name() == null ? null : masked && namesLabel(hit) || sensitiveLast(hit) ? maskName(hit.name()) : hit.name();
    Crumb last = path.isEmpty() ? null : path.get(path.size() - 1);
    if (masked && last != null && last.synset().equals(hit.synset())) { // the label's own sense, named like the hit
      path = new java.util.ArrayList<>(path);
      path.set(path.size() - 1, new Crumb(last.synset(), name, last.url()));
      path = List.copyOf(path);
    }
    return new HitView(hit, urls.category(hit.dataset(), hit.key()), masked ? mask(hit.label()) : hit.label(),
        name, masked, highlighted, path);
  }

  /**
   * True when the hit's synset name is its label's word ({@code nigger.n.01}): masking the label then
   * masks the name. A synset named by another, unmarked word keeps it (blackamoor is black.n.05, which
   * the next row, black_person, names in full: one node, one name on a page).
   */
  private static boolean namesLabel(Hit hit) {
    int dot = hit.name().indexOf(".n.");
    String word = dot < 0 ? hit.name() : hit.name().substring(0, dot);
    return org.synscope.dataset.CategoryKeys.ofLabel(word).equals(org.synscope.dataset.CategoryKeys.ofLabel(hit.label()));
  }

  private boolean sensitiveLast(Hit hit) {
    return !reveal && !hit.path().isEmpty() && hit.path().get(hit.path().size() - 1).sensitive();
  }

  /** A path node as a breadcrumb that browses the dataset below it. */
  public Crumb crumb(PathNode n, String inDataset) {
    return new Crumb(n.id(), name(n.name(), n.sensitive()), browse(n.id(), inDataset));
  }

  /** A hierarchy node with counts, linked like a breadcrumb. */
  public NodeView node(NodeCount c, String inDataset) {
    return new NodeView(c, name(c.name(), c.sensitive()), browse(c.synset(), inDataset));
  }

  /** A synset name as this view shows it. */
  public String name(String name, boolean sensitive) {
    return sensitive && !reveal ? maskName(name) : name;
  }

  private String browse(String synset, String inDataset) {
    String d = inDataset != null ? inDataset : dataset;
    if (d == null) {
      return urls.under("/search", synset);
    }
    return "/search?dataset=" + SearchUrls.encode(d) + "&under=" + synset + (reveal ? "&reveal=1" : "");
  }

  /**
   * A reviewed category's label as pages show it, unless {@code reveal}: masked when its review calls it
   * offensive, or when the index marks the label itself a slur ({@code slur}), whatever the review says
   * (a slur reviewed "sensitive" stays masked). The history and the category page's "inherited from"
   * link both use this one step.
   */
  public static String reviewedLabel(org.synscope.audit.Review r, boolean slur, boolean reveal) {
    boolean hurtful = slur || r.status() == org.synscope.audit.ReviewStatus.OFFENSIVE;
    return hurtful && !reveal ? mask(r.label()) : r.label();
  }

  /** See {@link Masks#mask}. */
  public static String mask(String label) {
    return Masks.mask(label);
  }

  /** See {@link Masks#maskName}. */
  public static String maskName(String name) {
    return Masks.maskName(name);
  }

  /** A hit with its category URL and what lists show of it. */
  public record HitView(@com.fasterxml.jackson.annotation.JsonUnwrapped Hit hit, String url, String display,
      String displayName, boolean masked, Map<String, List<String>> highlighted, List<Crumb> breadcrumbs) {
    // What the page prints, made here once rather than by template expressions for every hit of a page.

    /** The CSS classes of the status badge. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String statusClass() {
      return "status status-" + hit.status();
    }

    /** Images as the page prints them (1,234 images, or images unknown). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String imagesText() {
      return hit.images() == null ? "images unknown" : Numbers.of(hit.images(), "image", "images");
    }

    /** The review badge's text, or null when the category has no review. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String reviewText() {
      return hit.review() == null ? null : "reviewed " + hit.review() + (hit.reviewFrom() != null ? " (inherited)" : "");
    }

    /** The review badge's CSS classes. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String reviewClass() {
      return "review review-" + hit.review();
    }

    /** The risk badge's text, or null at low risk (no badge). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String riskText() {
      return hit.risk() == null || hit.risk().equals("low") ? null : "risk " + hit.risk();
    }

    /** The risk badge's CSS classes. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String riskClass() {
      return "risk risk-" + hit.risk();
    }

    /**
     * The hypernym path as the list's markup, {@code <ol><li><a href=URL>name</a></li>...</ol>}, every
     * name and URL escaped here. Made in Java because a page of 50 hits has some 600 path links, and the
     * template spent most of a text search's rendering on them (three expressions a link).
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String crumbsHtml() {
      StringBuilder b = new StringBuilder(64 * breadcrumbs.size() + 9).append("<ol>");
      for (Crumb c : breadcrumbs) {
        b.append("<li><a href=\"").append(org.unbescape.html.HtmlEscape.escapeHtml4Xml(c.url())).append("\">")
            .append(org.unbescape.html.HtmlEscape.escapeHtml4Xml(c.name())).append("</a></li>");
      }
      return b.append("</ol>").toString();
    }

    /** The flag badges: each flag, marked when it holds only on another sense of the label. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<FlagBadge> flagBadges() {
      return hit.flags().stream().map(f -> FlagBadge.of(f, hit.primaryFlags().contains(f))).toList();
    }
  }

  /** A flag as a badge: its name, CSS classes and title. */
  public record FlagBadge(String name, String css, String title, boolean other) {
    static FlagBadge of(String flag, boolean primary) {
      return primary ? new FlagBadge(flag, "flag flag-" + flag, "holds on the primary sense", false)
          : new FlagBadge(flag, "flag flag-other", "holds only on another sense of this label", true);
    }
  }

  /** A node of a path, linked to the search below it. */
  public record Crumb(String synset, String name, String url) {}

  /** A hierarchy node with counts and the URL that drills into it. */
  public record NodeView(@com.fasterxml.jackson.annotation.JsonUnwrapped NodeCount count, String display, String url) {
    /** Categories, as the page prints them (1,234): formatted here, not by the template, once per node. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String categoriesText() {
      return Numbers.grouped(count.categories());
    }

    /** Images, as the page prints them. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String imagesText() {
      return Numbers.of(count.images(), "image", "images");
    }

    /** Categories and images, as the tree prints a child. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String countText() {
      return Numbers.of(count.categories(), "category", "categories") + " · " + Numbers.of(count.images(), "image", "images");
    }

    /** Categories alone, as the tree prints a child where no image count is known. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String categoriesOnlyText() {
      return Numbers.of(count.categories(), "category", "categories");
    }

    /** Categories and images, as the tree prints a grandchild. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String shortCountText() {
      return Numbers.grouped(count.categories()) + " · " + Numbers.of(count.images(), "image", "images");
    }

    /** The offensive-flagged categories, as the tree prints them, or null when none. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String offensiveText() {
      return count.flagged() == 0 ? null : Numbers.grouped(count.flagged()) + " offensive";
    }

    /** The offensive-flagged part, as the page prints it, or null when none. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String flaggedText() {
      return count.flagged() == 0 ? null : " · " + Numbers.grouped(count.flagged()) + " offensive";
    }
  }
}
