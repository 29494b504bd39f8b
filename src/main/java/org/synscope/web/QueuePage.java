package org.synscope.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.synscope.search.QueueResult;

/**
 * The review queue page and its JSON twin ({@code /queue.json}: the queue itself, with each item's URL).
 *
 * @param dataset the dataset
 * @param items the suggestions, best first
 * @param trainedOn what the ranking learnt from
 * @param unreviewed categories of the pool nobody has reviewed yet
 */
public record QueuePage(String dataset, List<QueueResult.Item> items, QueueResult.TrainedOn trainedOn, long unreviewed,
    @JsonIgnore Ui ui) {

  /**
   * One row as the HTML page shows it: the label and its synset's name (a slur's own word) masked when
   * the label is a slur, until reveal=1.
   */
  public record Row(QueueResult.Item item, String display, String displayName, boolean masked, List<String> why) {}

  /** What only the HTML page needs. */
  public record Ui(List<Row> rows, String self, String json, String revealUrl, boolean reveal) {}

  /**
   * A reason with the masked label's own words masked: a model's reasons name label words ("label word
   * 'woman'" beside y*****_w****), which would spell out the slur the row masks.
   */
  static String maskWords(String why, String label) {
    String out = why;
    for (String word : label.split("[ _-]+")) {
      if (word.length() >= 3) {
        out = out.replaceAll("(?i)(?<![\\p{L}])" + java.util.regex.Pattern.quote(word) + "(?![\\p{L}])",
            java.util.regex.Matcher.quoteReplacement(Masking.mask(word)));
      }
    }
    return out;
  }

  /** Builds the page from the queue; {@code self} is the page's own URL (reviews come back to it). */
  public static QueuePage of(QueueResult q, String self, boolean reveal) {
    List<QueueResult.Item> items = q.items().stream().map(i -> new QueueResult.Item(i.dataset(), i.key(), i.label(),
        i.synset(), i.name(), i.images(), i.score(), i.risk(), i.riskScore(), i.lane(), i.why(), i.sensitive(),
        SearchUrls.categoryPath(i.dataset(), i.key()))).toList();
    List<Row> rows = items.stream().map(i -> {
      boolean masked = i.sensitive() && !reveal;
      return new Row(i, masked ? Masking.mask(i.label()) : i.label(),
          i.name() == null ? null : masked ? Masking.maskName(i.name()) : i.name(), masked,
          masked ? i.why().stream().map(w -> maskWords(w, i.label())).toList() : i.why());
    }).toList();
    String json = self.replaceFirst("^/queue", "/queue.json");
    String reveal1 = reveal ? self.replaceAll("[?&]reveal=1", "") : self + (self.contains("?") ? "&" : "?") + "reveal=1";
    return new QueuePage(q.dataset(), items, q.trainedOn(), q.unreviewed(), new Ui(rows, self, json, reveal1, reveal));
  }
}
