package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.synscope.index.CategoryDetails;
import org.synscope.index.CategoryDocuments;
import org.synscope.index.IndexFields;
import org.synscope.index.SenseInfo;

/** Reads every live category of a snapshot as a {@link CategoryRecord}, re-analysing its text as the index did. */
final class CategoryDump {
  private CategoryDump() {}

  static long dump(IndexSnapshot s, Consumer<CategoryRecord> sink) {
    CategoryColumns columns = s.columns();
    long n = 0;
    try {
      for (LeafReaderContext leaf : s.searcher.getIndexReader().leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        SortedDocValues labelSort = DocValues.getSorted(leaf.reader(), IndexFields.LABEL_SORT);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document d = stored.document(doc);
          CategoryDetails details = CategoryDocuments.details(d.get(IndexFields.DETAILS));
          List<String> ancestors = new ArrayList<>();
          int g = columns.group[leaf.ord][doc];
          for (int i = g < 0 ? 0 : columns.groupStart[g]; g >= 0 && i < columns.groupStart[g + 1]; i++) {
            ancestors.add(columns.nodes[columns.groupNodes[i]]);
          }
          Set<String> lemmas = new LinkedHashSet<>();
          List<String> senses = new ArrayList<>();
          List<String> otherGlosses = new ArrayList<>();
          for (int i = 0; i < details.senses().size(); i++) {
            SenseInfo sense = details.senses().get(i);
            senses.add(sense.id());
            lemmas.addAll(sense.lemmas());
            if (i > 0) {
              otherGlosses.add(sense.definition());
            }
          }
          Map<String, List<String>> terms = new LinkedHashMap<>();
          terms.put(IndexFields.LABEL, analyze(d.get(IndexFields.LABEL)));
          terms.put(IndexFields.LEMMAS, analyzeAll(lemmas));
          terms.put(IndexFields.GLOSS, analyze(d.get(IndexFields.GLOSS)));
          terms.put(IndexFields.OTHER_GLOSSES, analyzeAll(otherGlosses));
          IndexableField images = d.getField(IndexFields.IMAGES);
          sink.accept(new CategoryRecord(d.get(IndexFields.DATASET), d.get(IndexFields.KEY), d.get(IndexFields.LABEL),
              labelSort.advanceExact(doc) ? labelSort.lookupOrd(labelSort.ordValue()).utf8ToString() : "",
              d.get(IndexFields.SYNSET), d.get(IndexFields.LEXFILE), d.get(IndexFields.STATUS), d.get(IndexFields.CERTAINTY),
              images == null ? null : images.numericValue().longValue(), List.of(d.getValues(IndexFields.FLAG)), senses,
              ancestors, columns.offensiveFlag[leaf.ord].get(doc), terms));
          n++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  private static List<String> analyzeAll(Iterable<String> texts) {
    List<String> out = new ArrayList<>();
    texts.forEach(t -> out.addAll(analyze(t)));
    return out;
  }

  /** The terms the index analyzer makes of a text field's value. */
  static List<String> analyze(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Analyzer analyzer = QueryFactory.ANALYZER;
    try (TokenStream ts = analyzer.tokenStream(IndexFields.LABEL, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
