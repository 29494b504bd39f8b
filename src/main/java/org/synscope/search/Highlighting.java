package org.synscope.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.synscope.index.IndexFields;

/**
 * Marks query matches in labels and glosses. The result is plain-text pieces (see
 * {@link Highlight}), never HTML, so a label like {@code <script>} can only ever be printed escaped.
 */
final class Highlighting {
  private static final String[] FIELDS = {IndexFields.LABEL, IndexFields.GLOSS};

  /** Field name to highlight, per document id; documents or fields without a match are absent. */
  Map<Integer, Map<String, Highlight>> highlight(IndexSearcher searcher, Query query, ScoreDoc[] docs,
      java.util.function.IntFunction<StoredHits.Core> cores) throws IOException {
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    // Without phrases, each match is one term: the highlighter then filters the field's tokens by the
    // query's terms. Weighing matches (a phrase marked whole) makes it index every field of every hit
    // in a MemoryIndex and run the query there, two thirds of a text search's highlighting (JFR).
    boolean phrases = hasPhrases(query);
    Marker marker = new Marker(UnifiedHighlighter.builder(searcher, QueryFactory.ANALYZER)
        .withWeightMatches(phrases)
        .withPassageRelevancyOverSpeed(phrases)
        .withFormatter(new Pieces())
        .withBreakIterator(WholeBreakIterator::new)
        .withMaxLength(10_000), cores);
    Map<String, Object[]> byField = marker.objects(FIELDS, query, ids, new int[] {1, 1});
    Map<Integer, Map<String, Highlight>> out = new HashMap<>();
    byField.forEach((field, values) -> {
      for (int i = 0; i < ids.length; i++) {
        if (values[i] instanceof Highlight h) {
          out.computeIfAbsent(ids[i], k -> new HashMap<>()).put(field, h);
        }
      }
    });
    return out;
  }

  /** Whether the query matches terms by their positions (a phrase): those visit several terms at once. */
  static boolean hasPhrases(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        found[0] |= terms.length > 1;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }
    });
    return found[0];
  }

  /** Opens up the object-returning highlight call. */
  private static final class Marker extends UnifiedHighlighter {
    private final java.util.function.IntFunction<StoredHits.Core> cores;

    Marker(Builder builder, java.util.function.IntFunction<StoredHits.Core> cores) {
      super(builder);
      this.cores = cores;
    }

    /**
     * Labels and glosses are indexed without offsets or term vectors, so their matches are found by
     * analysing the text again: said here rather than looked up per request, which merges every
     * segment's field infos each time (a sixth of a text search's highlighting in a JFR profile).
     */
    @Override
    protected OffsetSource getOffsetSource(String field) {
      return OffsetSource.ANALYSIS;
    }

    /** The label and gloss from the snapshot's decoded hits, not a second read of the stored document. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, org.apache.lucene.search.DocIdSetIterator docIter,
        int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        StoredHits.Core c = cores.apply(doc);
        CharSequence[] values = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          values[i] = fields[i].equals(IndexFields.LABEL) ? c.label() : fields[i].equals(IndexFields.GLOSS) ? c.gloss() : "";
        }
        out.add(values);
      }
      return out;
    }

    Map<String, Object[]> objects(String[] fields, Query query, int[] ids, int[] passages) throws IOException {
      return highlightFieldsAsObjects(fields, query, ids, passages);
    }
  }

  /** Splits the whole field into text and match pieces, alternating, starting with text. */
  private static final class Pieces extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      if (passages.length == 0 || passages[0].getNumMatches() == 0) {
        return null;
      }
      List<String> pieces = new ArrayList<>();
      int pos = 0;
      Passage p = passages[0];
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = Math.max(p.getMatchStarts()[i], pos);
        int end = Math.max(p.getMatchEnds()[i], start);
        if (end <= pos) {
          continue;
        }
        pieces.add(content.substring(pos, start));
        pieces.add(content.substring(start, end));
        pos = end;
      }
      pieces.add(content.substring(pos));
      return new Highlight(pieces);
    }
  }
}
