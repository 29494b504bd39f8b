package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Reads one parsed extJWNL synset into a {@link NounSynset}: words, hypernyms, usage domains, gloss,
 * NLTK-style name and tag counts. It reads only the synset's parsed fields, so callers need not hold
 * the dictionary lock; the one look-up that reads the dictionary (a domain's headword) takes it.
 */
final class SynsetReader {
  private final Dictionary dictionary;
  private final Supplier<Map<String, long[]>> lemmaIndex;
  private final Map<String, String> domainHeadwords = new ConcurrentHashMap<>();

  /**
   * @param dictionary the dictionary, also the lock that guards it
   * @param lemmaIndex every normalised noun lemma with its synset offsets in WordNet order
   */
  SynsetReader(Dictionary dictionary, Supplier<Map<String, long[]>> lemmaIndex) {
    this.dictionary = dictionary;
    this.lemmaIndex = lemmaIndex;
  }

  /** A synset as synscope uses it, and how often the sense-tagged corpus used each of its lemmas. */
  record Read(NounSynset synset, Map<String, Integer> tagCounts) {}

  /** Reads one synset. */
  Read read(Synset s) throws JWNLException {
    String id = SynsetIds.of(s.getOffset());
    List<Word> words = s.getWords();
    List<String> lemmas = words.stream().map(Word::getLemma).toList();
    List<String> hypernyms = new ArrayList<>();
    List<String> instanceHypernyms = new ArrayList<>();
    List<DomainPointer> domains = new ArrayList<>();
    for (Pointer p : s.getPointers()) {
      PointerType type = p.getType();
      if (type == PointerType.HYPERNYM) {
        hypernyms.add(SynsetIds.of(p.getTargetOffset()));
      } else if (type == PointerType.INSTANCE_HYPERNYM) {
        instanceHypernyms.add(SynsetIds.of(p.getTargetOffset()));
      } else if (type == PointerType.USAGE || type == PointerType.CATEGORY || type == PointerType.REGION) {
        String kind = type == PointerType.USAGE ? "usage" : type == PointerType.CATEGORY ? "topic" : "region";
        String word = p.isLexical() && p.getSourceIndex() >= 1 && p.getSourceIndex() <= words.size()
            ? words.get(p.getSourceIndex() - 1).getLemma()
            : null;
        domains.add(new DomainPointer(kind, SynsetIds.of(p.getTargetOffset()), domainHeadword(p), word));
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Word w : words) {
      if (w.getUseCount() > 0) {
        counts.merge(LabelNormalizer.normalize(w.getLemma()), w.getUseCount(), Integer::sum);
      }
    }
    Gloss gloss = Gloss.parse(s.getGloss());
    NounSynset synset = new NounSynset(id, SynsetIds.name(lemmas.get(0), senseNumber(words.get(0).getLemma(), s)),
        lemmas, gloss.definition(), gloss.examples(), s.getLexFileName(), hypernyms, instanceHypernyms, domains);
    return new Read(synset, Map.copyOf(counts));
  }

  /**
   * The first word of a domain synset (colloquialism, law, France), read once: a domain has
   * thousands of members, and parsing it again for each (extJWNL's cache is off during a full pass)
   * cost more than the rest of the pass.
   */
  private String domainHeadword(Pointer p) throws JWNLException {
    String key = p.getTargetPOS().getKey() + p.getTargetOffset();
    String known = domainHeadwords.get(key);
    if (known != null) {
      return known;
    }
    String headword;
    synchronized (dictionary) { // the domain may have to be read from the data file
      headword = p.getTargetSynset().getWords().get(0).getLemma();
    }
    domainHeadwords.putIfAbsent(key, headword);
    return headword;
  }

  /**
   * The sense number of a synset for one of its words, as {@link Word#getSenseNumber()} gives it (its
   * place among the word's senses, 0 when the index does not list it), read from the lemma index
   * instead of parsing every other sense of the word.
   */
  private int senseNumber(String lemma, Synset s) {
    long[] offsets = lemmaIndex.get().get(LabelNormalizer.normalize(lemma));
    if (offsets != null) {
      for (int i = 0; i < offsets.length; i++) {
        if (offsets[i] == s.getOffset()) {
          return i + 1;
        }
      }
    }
    return 0;
  }
}
