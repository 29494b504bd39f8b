package org.synscope.index;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analyzers of the category index, shared by the indexer and the query parser. */
public final class Analyzers {
  private Analyzers() {}

  /**
   * Text fields: {@code _} read as a space (list labels write {@code chicken_taco}), Unicode word
   * tokens, lower case, accents folded ({@code Gödel} finds {@code godel}), and plural stemming only:
   * auditors need {@code molesters} to find {@code molester}, not the loose matches of Porter.
   * Keyword fields ({@code flag:ethnic-slur}, {@code synset:n02084071}) stay whole.
   */
  public static Analyzer forIndex() {
    Analyzer text = new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new UnderscoreAsSpace(reader);
      }

      @Override
      protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new UnderscoreAsSpace(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
    Analyzer keyword = new KeywordAnalyzer();
    Map<String, Analyzer> keywords = new java.util.HashMap<>();
    for (String field : List.of(IndexFields.DATASET, IndexFields.KEY, IndexFields.SYNSET, IndexFields.SENSE,
        IndexFields.STATUS, IndexFields.LEXFILE, IndexFields.ANCESTOR, IndexFields.FLAG, IndexFields.FLAG_PRIMARY,
        IndexFields.LABEL_EXACT, IndexFields.LEMMA_EXACT, IndexFields.MATCH, IndexFields.CERTAINTY)) {
      keywords.put(field, keyword);
    }
    return new PerFieldAnalyzerWrapper(text, keywords);
  }

  /**
   * Reads {@code _} as a space. The mapping is one character for one, so offsets need no correction;
   * it does what a {@code MappingCharFilter} from "_" to " " does without that filter's buffers, which
   * cost more than tokenising (every text value of every document passes through it).
   */
  static final class UnderscoreAsSpace extends CharFilter {
    UnderscoreAsSpace(Reader input) {
      super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = input.read(buffer, offset, length);
      for (int i = offset; i < offset + n; i++) {
        if (buffer[i] == '_') {
          buffer[i] = ' ';
        }
      }
      return n;
    }

    @Override
    protected int correct(int offset) {
      return offset;
    }
  }
}
