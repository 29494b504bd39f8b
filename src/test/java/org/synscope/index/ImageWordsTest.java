package org.synscope.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** A slim build's words, made without the analyzer, are the analyzer's distinct terms of the same text. */
class ImageWordsTest {
  private static List<String> terms(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = stream.getAttribute(CharTermAttribute.class);
    stream.reset();
    while (stream.incrementToken()) {
      out.add(term.toString());
    }
    stream.end();
    stream.close();
    return out;
  }

  @Test
  void theSameTermsAsTheAnalyzerOnceEach() throws IOException {
    ImageWords words = new ImageWords();
    Analyzer analyzer = Analyzers.forIndex();
    for (String value : List.of("Dogs_s_000123.PNG", "http://www.Flickr.com/photos/Puppies/IMG_0042.jpg?x=1&y=2",
        "alan_hale,_jr. glasses Boxes DSC01234 a-bomb a-bomb 3.5 don't", "x".repeat(300) + " end", "")) {
      StringBuilder text = new StringBuilder();
      ImageIndexer.append(text, value);
      ImageIndexer.append(text, value); // twice: the words come once
      assertTrue(words.set(List.of(value, value)));
      List<String> ours = terms(words.stream());
      List<String> analyzed;
      try (TokenStream stream = analyzer.tokenStream(ImageFields.TEXT, text.toString())) {
        analyzed = terms(stream);
      }
      assertEquals(new ArrayList<>(new LinkedHashSet<>(analyzed)), ours, value);
    }
    assertFalse(words.set(List.of("dog", "Gödel")), "text outside ASCII goes to the analyzer");
  }
}
