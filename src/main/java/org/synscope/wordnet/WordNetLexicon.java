package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

/** Princeton WordNet through extJWNL; the only class that touches extJWNL types. */
final class WordNetLexicon implements Lexicon {
  private static final java.util.regex.Pattern PIECE = java.util.regex.Pattern.compile("[ -]");
  private static final java.util.regex.Pattern PLAIN_WORDS = java.util.regex.Pattern.compile("[\\p{L}\\d' .-]+");
  private final WordNetVersion version;
  private final Dictionary dictionary;
  private final Map<String, NounSynset> cache = new ConcurrentHashMap<>();
  private final Map<String, List<String>> hyponymCache = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Integer>> tagCounts = new ConcurrentHashMap<>();
  private volatile Map<String, long[]> lemmas;
  private volatile int size = -1;
  private volatile List<NounSynset> nouns;
  private final Object nounPass = new Object();
  private final SynsetReader reader;

  private WordNetLexicon(WordNetVersion version, Dictionary dictionary) {
    this.version = version;
    this.dictionary = dictionary;
    this.reader = new SynsetReader(dictionary, this::lemmaIndex);
  }

  static WordNetLexicon load(WordNetVersion version) {
    try {
      return new WordNetLexicon(version, Dictionary.getResourceInstance(version.resource()));
    } catch (JWNLException | RuntimeException e) {
      throw new IllegalStateException("cannot load WordNet " + version + " from " + version.resource()
          + " (is " + version.dataArtifact() + " on the classpath?)", e);
    }
  }

  @Override
  public String version() {
    return version.label();
  }

  @Override
  public Optional<NounSynset> synset(String id) {
    if (!SynsetIds.isId(id)) {
      return Optional.empty();
    }
    NounSynset cached = cache.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Synset s;
    synchronized (dictionary) {
      try {
        s = dictionary.getSynsetAt(POS.NOUN, SynsetIds.offset(id));
      } catch (JWNLException | RuntimeException e) {
        // extJWNL reads the data file at the offset given; an offset that is not the start of a
        // synset line fails to parse, which simply means there is no such synset.
        return Optional.empty();
      }
    }
    if (s == null || s.getOffset() != SynsetIds.offset(id)) {
      return Optional.empty();
    }
    try {
      // Outside the lock: import threads parse one synset at a time but convert them side by side.
      return Optional.of(convert(s));
    } catch (JWNLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<NounSynset> resolve(String idOrName) {
    String t = idOrName.strip();
    if (t.matches("\\d{8}")) {
      t = "n" + t;
    }
    if (SynsetIds.isId(t)) {
      return synset(t);
    }
    if (!SynsetIds.isName(t)) {
      return Optional.empty();
    }
    String lemma = SynsetIds.nameLemma(t.toLowerCase(java.util.Locale.ROOT));
    int sense = SynsetIds.nameSense(t);
    synchronized (dictionary) {
      try {
        // NLTK names use the exact lemma and its sense number, without morphology.
        IndexWord word = dictionary.getIndexWord(POS.NOUN, lemma);
        if (word == null || sense < 1 || sense > word.getSenses().size()) {
          return Optional.empty();
        }
        return Optional.of(convert(word.getSenses().get(sense - 1)));
      } catch (JWNLException e) {
        throw new IllegalStateException("WordNet lookup failed for " + t, e);
      }
    }
  }

  @Override
  public List<String> hyponyms(String id) {
    List<String> cached = hyponymCache.get(id);
    if (cached != null) {
      return cached;
    }
    List<String> out = new ArrayList<>();
    synchronized (dictionary) {
      try {
        Synset s = dictionary.getSynsetAt(POS.NOUN, SynsetIds.offset(id));
        if (s != null) {
          for (Pointer p : s.getPointers()) {
            if (p.getType() == PointerType.HYPONYM || p.getType() == PointerType.INSTANCES_HYPONYM) {
              out.add(SynsetIds.of(p.getTargetOffset()));
            }
          }
        }
      } catch (JWNLException | RuntimeException e) {
        return List.of();
      }
    }
    List<String> result = List.copyOf(out);
    hyponymCache.put(id, result);
    return result;
  }

  @Override
  public List<NounSynset> senses(String lemma) {
    long[] offsets = lemmaIndex().get(lemma);
    if (offsets == null) {
      return List.of();
    }
    List<NounSynset> out = new ArrayList<>(offsets.length);
    for (long offset : offsets) {
      synset(SynsetIds.of(offset)).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public List<String> baseForms(String label) {
    if (!PLAIN_WORDS.matcher(label).matches()) {
      return List.of(); // extJWNL's tokenizer would split at the odd character and return a piece as a "base form"
    }
    String[] pieces = PIECE.split(label, -1);
    String head = label.substring(0, label.length() - pieces[pieces.length - 1].length());
    List<String> out = new ArrayList<>();
    synchronized (dictionary) {
      try {
        // extJWNL chains exceptions, suffix rules and then a tokenizer that returns sub-phrases (split at
        // spaces and hyphens). A base form of the whole label is one from WordNet's exception list for the
        // whole label (brothers-in-law), or one that keeps every piece but the last (child molester).
        Exc exceptions = dictionary.getException(POS.NOUN, label);
        List<String> listed = exceptions == null ? List.of() : exceptions.getExceptions();
        for (String form : dictionary.getMorphologicalProcessor().lookupAllBaseForms(POS.NOUN, label)) {
          String f = LabelNormalizer.normalize(form);
          boolean lastPiece = f.startsWith(head) && PIECE.split(f, -1).length == pieces.length;
          if (!f.equals(label) && (lastPiece || listed.contains(form)) && !out.contains(f)) {
            out.add(f);
          }
        }
      } catch (JWNLException e) {
        throw new IllegalStateException("WordNet morphology failed for '" + label + "'", e);
      }
    }
    return out;
  }

  @Override
  public Set<String> lemmas() {
    return lemmaIndex().keySet();
  }

  @Override
  public int tagCount(String synsetId, String lemma) {
    synset(synsetId);
    Map<String, Integer> counts = tagCounts.get(synsetId);
    return counts == null ? 0 : counts.getOrDefault(lemma, 0);
  }

  /** Every noun lemma with its synset offsets in WordNet order, read once (about 0.6 s for 117,798 lemmas). */
  private Map<String, long[]> lemmaIndex() {
    Map<String, long[]> index = lemmas;
    if (index != null) {
      return index;
    }
    synchronized (dictionary) {
      if (lemmas != null) {
        return lemmas;
      }
      try {
        Map<String, long[]> built = new HashMap<>(200_000);
        NounPass.withoutCache(dictionary, () -> {
          Iterator<IndexWord> it = dictionary.getIndexWordIterator(POS.NOUN);
          while (it.hasNext()) {
            IndexWord w = it.next();
            built.put(LabelNormalizer.normalize(w.getLemma()), w.getSynsetOffsets().clone());
          }
        });
        lemmas = Map.copyOf(built);
        return lemmas;
      } catch (JWNLException e) {
        throw new IllegalStateException("cannot read the noun index of WordNet " + version, e);
      }
    }
  }

  @Override
  public void forEachNoun(Consumer<NounSynset> action) {
    nouns().forEach(action);
  }

  /** Every noun synset in offset order, read once (see {@link NounPass}). */
  private List<NounSynset> nouns() {
    List<NounSynset> all = nouns;
    if (all != null) {
      return all;
    }
    synchronized (nounPass) {
      if (nouns != null) {
        return nouns;
      }
      lemmaIndex(); // names need it: read it first, so the pass never waits for it
      try {
        nouns = all = List.copyOf(NounPass.read(dictionary, this::convert));
      } catch (JWNLException e) {
        throw new IllegalStateException("cannot iterate WordNet " + version + " nouns", e);
      }
      size = all.size();
      return all;
    }
  }

  @Override
  public int size() {
    if (size < 0) {
      int[] n = {0};
      synchronized (dictionary) {
        try {
          Iterator<Synset> it = dictionary.getSynsetIterator(POS.NOUN);
          while (it.hasNext()) {
            it.next();
            n[0]++;
          }
        } catch (JWNLException e) {
          throw new IllegalStateException("cannot count WordNet " + version + " nouns", e);
        }
      }
      size = n[0];
    }
    return size;
  }

  /** Converts (and caches) one extJWNL synset; callers need not hold the dictionary lock. */
  private NounSynset convert(Synset s) throws JWNLException {
    String id = SynsetIds.of(s.getOffset());
    NounSynset cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    SynsetReader.Read read = reader.read(s);
    if (!read.tagCounts().isEmpty()) {
      tagCounts.put(id, read.tagCounts());
    }
    NounSynset first = cache.putIfAbsent(id, read.synset()); // two threads may have converted it at once
    return first != null ? first : read.synset();
  }
}
