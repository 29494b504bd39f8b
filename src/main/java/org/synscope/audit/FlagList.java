package org.synscope.audit;

import java.util.List;

/**
 * An imported flag source: a list of wnids, labels, or words (a lexicon), under a name that becomes
 * a flag and a facet value.
 *
 * @param name the flag name, e.g. {@code imagenet-unsafe}
 * @param kind what the list says about what it lists, e.g. {@code offensive}, {@code sensitive}
 * @param type {@code wnids}, {@code labels} or {@code lexicon}
 * @param scope wnid entries hold for the synset only, or for it and every descendant
 * @param dataset the dataset it applies to, or {@code null} for every dataset
 * @param source the file it was imported from
 * @param sha256 that file's checksum
 * @param importedAt when
 * @param entries the entries applied, each with its line
 * @param unknown entries that name nothing (wnids that are not noun synsets), with the reason
 */
public record FlagList(String name, String kind, String type, Scope scope, String dataset, String source, String sha256,
    String importedAt, List<Entry> entries, List<Entry> unknown) {
  /** The kinds the risk score and the review queue read (any other word is allowed and weighs less). */
  public static final java.util.List<String> KNOWN_KINDS = java.util.List.of("offensive", "unsafe", "sensitive");


  public FlagList {
    entries = List.copyOf(entries);
    unknown = List.copyOf(unknown);
  }

  /** One entry and the line it came from; {@code note} explains an unknown one. */
  public record Entry(int line, String value, String note) {}

  /** True when a category on this list counts as offensive (hierarchy "flagged" counts, audit card). */
  public boolean offensive() {
    return kind.equals("offensive") || kind.equals("unsafe");
  }

  /** How the list applies, in words (the UI and exports always say which). */
  public String reach() {
    return type.equals("wnids") ? (scope == Scope.DESCENDANTS ? "listed synsets and all their descendants"
        : "listed synsets only") : type.equals("labels") ? "categories with a listed label"
        : "categories whose label or a lemma contains a listed word";
  }
}
