package org.synscope.index;

import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The distinct words of one image's label, filename and URLs as a slim build indexes them, made without
 * the analyzer when they are ASCII: every run of letters and digits is a word, lower-cased, with plurals
 * stemmed by the analyzer's own stemming filter ({@link #stream()}), so the query parser's terms find them.
 * That is what {@link Analyzers#forIndex()} makes of such text (its tokenizer splits ASCII text of letters,
 * digits and spaces at the spaces alone, and folding leaves ASCII as it is) at a fraction of the cost, and
 * each word comes once: the documents keep no frequencies. One instance per writing thread, set again for
 * every document.
 */
final class ImageWords extends TokenStream {
  /** The longest token the standard tokenizer makes; longer runs are cut into pieces this long, as it cuts them. */
  private static final int MAX_TOKEN = 255;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TokenStream stemmed = new EnglishMinimalStemFilter(this);
  private char[][] words = new char[32][MAX_TOKEN];
  private int[] lengths = new int[32];
  private int count;
  private int next;
  private final char[] run = new char[MAX_TOKEN];

  /**
   * Collects the distinct words of {@code values} (each a run of ASCII letters and digits; anything else
   * separates them); false when one holds a character outside ASCII, which only the analyzer reads right.
   */
  boolean set(java.util.List<String> values) {
    count = 0;
    next = 0;
    for (String text : values) {
      int length = 0;
      for (int i = 0; i <= text.length(); i++) {
        char c = i < text.length() ? text.charAt(i) : ' ';
        if (c > 127) {
          return false;
        }
        boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (!word || length == MAX_TOKEN) {
          if (length > 0) {
            add(length);
          }
          length = 0;
          if (!word) {
            continue;
          }
        }
        run[length++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      }
    }
    return true;
  }

  /** The words, plurals stemmed: the field's token stream. */
  TokenStream stream() {
    return stemmed;
  }

  private void add(int length) {
    for (int w = 0; w < count; w++) {
      if (lengths[w] == length && Arrays.equals(words[w], 0, length, run, 0, length)) {
        return;
      }
    }
    if (count == words.length) {
      words = Arrays.copyOf(words, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
      for (int w = count; w < words.length; w++) {
        words[w] = new char[MAX_TOKEN];
      }
    }
    System.arraycopy(run, 0, words[count], 0, length);
    lengths[count++] = length;
  }

  @Override
  public boolean incrementToken() {
    if (next == count) {
      return false;
    }
    clearAttributes();
    term.copyBuffer(words[next], 0, lengths[next]);
    next++;
    return true;
  }

  @Override
  public void reset() {
    next = 0;
  }
}
