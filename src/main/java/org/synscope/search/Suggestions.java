package org.synscope.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.synscope.dataset.CategoryKeys;
import org.synscope.index.IndexFields;

/** What to type next: labels and lemmas by prefix, and "did you mean" for words the index lacks. */
final class Suggestions {
  private final Snapshots snapshots;
  private final HitReader hits;

  Suggestions(Snapshots snapshots, HitReader hits) {
    this.snapshots = snapshots;
    this.hits = hits;
  }

  /** Labels and lemmas starting with {@code prefix}, most images first. */
  List<Hit> byPrefix(String prefix, Set<String> datasets, int limit) {
    String p = CategoryKeys.ofLabel(prefix);
    if (p.isEmpty()) {
      return List.of();
    }
    return snapshots.read(prefix + "*", s -> {
      BooleanQuery.Builder any = new BooleanQuery.Builder()
          .add(new PrefixQuery(new Term(IndexFields.LABEL_EXACT, p)), Occur.SHOULD)
          .add(new PrefixQuery(new Term(IndexFields.LEMMA_EXACT, p)), Occur.SHOULD);
      BooleanQuery.Builder q = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
      if (!datasets.isEmpty()) {
        BooleanQuery.Builder ds = new BooleanQuery.Builder();
        datasets.forEach(name -> ds.add(new TermQuery(new Term(IndexFields.DATASET, name)), Occur.SHOULD));
        q.add(ds.build(), Occur.FILTER);
      }
      TopFieldDocs top = s.searcher.search(q.build(), Math.max(1, Math.min(limit, 50)), QueryFactory.BY_IMAGES);
      return hits.hits(s, snapshots.overlay(s), top.scoreDocs, null);
    });
  }

  /** The query with each word the labels lack replaced by its nearest label word; null when nothing changed. */
  static String didYouMean(IndexSnapshot s, String query) throws IOException {
    if (!query.matches("[\\p{L}\\p{N}' _-]+")) {
      return null; // only plain words get a suggestion; query syntax is the user's to fix
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(3); // labels are short: "dgo" deserves "dog"
    IndexReader reader = s.searcher.getIndexReader();
    List<String> words = new ArrayList<>();
    boolean changed = false;
    for (String word : query.toLowerCase(Locale.ROOT).split("[\\s_]+")) {
      Term term = new Term(IndexFields.LABEL, word);
      if (word.isEmpty() || reader.docFreq(term) > 0) {
        words.add(word);
        continue;
      }
      // Lucene ranks by a similarity that favours longer words (dogg: doggy before dog); fewest edits
      // first, then the word more labels use, reads as a person would correct it.
      SuggestWord best = java.util.Arrays.stream(checker.suggestSimilar(term, 5, reader))
          .min(java.util.Comparator.<SuggestWord>comparingInt(w -> edits(word, w.string))
              .thenComparing(w -> -w.freq).thenComparing(w -> w.string)).orElse(null);
      words.add(best != null ? best.string : word);
      changed |= best != null;
    }
    return changed ? String.join(" ", words) : null;
  }

  /**
   * True when the suggestion, or one of its words, is the whole label of a category that lists mask
   * (a slur): a page that offers it masks it like the label, although the user never typed it.
   */
  static boolean namesMaskedLabel(IndexSnapshot s, String suggestion) throws IOException {
    Set<String> labels = new java.util.LinkedHashSet<>();
    labels.add(CategoryKeys.ofLabel(suggestion));
    for (String word : suggestion.split(" ")) {
      labels.add(CategoryKeys.ofLabel(word));
    }
    org.apache.lucene.index.StoredFields stored = s.searcher.storedFields();
    for (String label : labels) {
      TermQuery q = new TermQuery(new Term(IndexFields.LABEL_EXACT, label));
      for (org.apache.lucene.search.ScoreDoc sd : s.searcher.search(q, Math.max(1, s.searcher.count(q))).scoreDocs) {
        if (stored.document(sd.doc, Set.of(IndexFields.SENSITIVE)).get(IndexFields.SENSITIVE) != null) {
          return true;
        }
      }
    }
    return false;
  }

  /** Edits from a to b: insertions, deletions, substitutions and swaps of neighbours (dgo to dog is one). */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
