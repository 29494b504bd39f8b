package org.synscope.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.synscope.flags.Flag;
import org.synscope.wordnet.NounSynset;

/** Maps a {@link Category} to its Lucene document and reads the stored details back. */
public final class CategoryDocuments {
  static final ObjectMapper JSON = new ObjectMapper();
  /** The details writer, resolved once rather than per document. */
  private static final ObjectWriter DETAILS_WRITER = JSON.writerFor(CategoryDetails.class);
  /** Lenient about fields it does not know: an index written by another synscope version still reads. */
  private static final com.fasterxml.jackson.databind.ObjectReader DETAILS_READER = JSON.readerFor(CategoryDetails.class)
      .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CategoryDocuments() {}

  /** The document of one category. */
  public static Document toDocument(Category c) {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.ID, c.dataset() + "/" + c.key(), Field.Store.YES));
    doc.add(new KeywordField(IndexFields.DATASET, c.dataset(), Field.Store.YES));
    doc.add(new KeywordField(IndexFields.KEY, c.key(), Field.Store.YES));
    doc.add(new TextField(IndexFields.LABEL, c.label(), Field.Store.YES));
    String exact = org.synscope.dataset.CategoryKeys.ofLabel(c.label());
    doc.add(new StringField(IndexFields.LABEL_EXACT, exact, Field.Store.NO));
    doc.add(new SortedDocValuesField(IndexFields.LABEL_SORT, new BytesRef(exact + "\u0000" + c.key())));
    doc.add(new KeywordField(IndexFields.STATUS, c.mapping().status().key(), Field.Store.YES));
    if (c.mapping().match() != null) {
      doc.add(new KeywordField(IndexFields.MATCH, c.mapping().match().key(), Field.Store.YES));
    }
    if (c.mapping().certainty() != null) {
      doc.add(new KeywordField(IndexFields.CERTAINTY, c.mapping().certainty(), Field.Store.YES));
    }
    Set<String> lemmas = new LinkedHashSet<>();
    for (int i = 0; i < c.mapping().senses().size(); i++) {
      NounSynset s = c.mapping().senses().get(i);
      lemmas.addAll(s.lemmas());
      doc.add(new StringField(IndexFields.SENSE, s.id(), Field.Store.NO));
      if (i == 0) {
        doc.add(new KeywordField(IndexFields.SYNSET, s.id(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.NAME, s.name()));
        doc.add(new TextField(IndexFields.GLOSS, s.definition(), Field.Store.YES));
        doc.add(new KeywordField(IndexFields.LEXFILE, s.lexFile(), Field.Store.YES));
        doc.add(new FeatureField(IndexFields.FEATURES, IndexFields.SENSE_FEATURE, 1f / senseNumber(s.name())));
      } else {
        doc.add(new TextField(IndexFields.OTHER_GLOSSES, s.definition(), Field.Store.NO));
      }
    }
    for (String lemma : lemmas) {
      doc.add(new TextField(IndexFields.LEMMAS, lemma, Field.Store.NO));
      doc.add(new StringField(IndexFields.LEMMA_EXACT, org.synscope.dataset.CategoryKeys.ofLabel(lemma), Field.Store.NO));
    }
    for (String ancestor : c.ancestors()) {
      doc.add(new KeywordField(IndexFields.ANCESTOR, ancestor, Field.Store.NO));
    }
    int slot = 0;
    for (var other : c.otherAncestors().entrySet()) {
      String j = Integer.toString(slot++);
      other.getValue().forEach(a -> doc.add(new StringField(IndexFields.OTHER_ANCESTOR, j + ":" + a, Field.Store.NO)));
      doc.add(new TextField(IndexFields.OTHER_GLOSS + j, c.mapping().senses().get(other.getKey()).definition(),
          Field.Store.NO));
    }
    doc.add(new IntField(IndexFields.DEPTH, c.depth(), Field.Store.NO));
    if (c.images() != null) {
      doc.add(new LongField(IndexFields.IMAGES, c.images(), Field.Store.YES));
    }
    Set<String> any = new LinkedHashSet<>();
    Set<String> primary = new LinkedHashSet<>();
    for (Flag f : c.flags()) {
      any.add(f.name());
      if (f.primary()) {
        primary.add(f.name());
      }
    }
    any.forEach(f -> doc.add(new KeywordField(IndexFields.FLAG, f, Field.Store.YES)));
    if (sensitive(c)) {
      doc.add(new StoredField(IndexFields.SENSITIVE, "1"));
    }
    primary.forEach(f -> doc.add(new KeywordField(IndexFields.FLAG_PRIMARY, f, Field.Store.YES)));
    doc.add(new org.apache.lucene.document.DoubleDocValuesField(IndexFields.FLAG_RISK, org.synscope.risk.RiskWeights
        .combine(org.synscope.risk.RiskWeights.ofFlags(c.flags(), c.label(), c.mapping().scores()).stream()
            .mapToDouble(org.synscope.risk.RiskWeights.Evidence::weight).toArray())));
    c.metadata().forEach((column, value) -> {
      if (value instanceof Number n) {
        doc.add(new DoubleField(IndexFields.meta(column), n.doubleValue(), Field.Store.NO));
      } else {
        doc.add(new KeywordField(IndexFields.meta(column), value.toString(), Field.Store.NO));
      }
    });
    CategoryDetails details = new CategoryDetails(c.line(), c.mapping().lemma(), c.mapping().reason(),
        c.mapping().senses().stream().map(s -> SenseInfo.of(s, c.maskedWords().getOrDefault(s.id(), java.util.List.of())))
            .toList(), c.paths(), c.flags(), c.metadata(),
        c.mapping().confidence(), c.mapping().scores(), c.mapping().suggestions());
    try {
      doc.add(new StoredField(IndexFields.DETAILS, DETAILS_WRITER.writeValueAsString(details)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise details of " + c.key(), e);
    }
    return doc;
  }

  /**
   * True when the label as shown is itself a word WordNet marks a slur, obscenity or disparagement, in
   * a sense that is not a rare one ({@link org.synscope.flags.BuiltInFlags#marksWord}; a synset category shows its headword:
   * Black is not masked because blackamoor, another word of its synset, is a slur).
   */
  static boolean sensitive(Category c) {
    String shown = org.synscope.dataset.CategoryKeys.ofLabel(c.label());
    return c.flags().stream().anyMatch(f -> org.synscope.flags.BuiltInFlags.marksWord(f, shown, c.mapping().scores()));
  }

  private static int senseNumber(String name) {
    try {
      return Math.max(1, Integer.parseInt(name.substring(name.lastIndexOf('.') + 1)));
    } catch (RuntimeException e) {
      return 1;
    }
  }

  /** Reads the details JSON stored with a document. */
  public static CategoryDetails details(String json) {
    try {
      return DETAILS_READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored details are not valid JSON", e);
    }
  }
}
