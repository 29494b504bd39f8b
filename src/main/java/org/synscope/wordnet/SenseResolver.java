package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.List;

/**
 * The sense policy. A wnid maps exactly or not at all. A label is normalised and looked up as a noun
 * lemma (or its base form): one sense is {@code unique}; several are {@code ambiguous}, with
 * WordNet's first (most frequent) sense primary and every sense kept, because an auditor must see
 * both readings of Tiny Images' {@code taco} (an ethnic slur first, the food second). An override
 * pins the primary sense and keeps the others.
 */
public final class SenseResolver {
  private final Lexicon lexicon;

  public SenseResolver(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Maps a wnid; unmapped with the reason when it is not a noun synset of this WordNet. */
  public SenseMapping byId(String wnid) {
    return lexicon.synset(wnid)
        .map(s -> new SenseMapping(MappingStatus.EXACT, List.of(s), null, ""))
        .orElseGet(() -> new SenseMapping(MappingStatus.UNMAPPED, List.of(), null,
            wnid + " is not a noun synset of WordNet " + lexicon.version()));
  }

  /** Maps a label, honouring an override wnid when one is given (may be null). */
  public SenseMapping byLabel(String label, String overrideId) {
    SenseLookup found = lexicon.lookup(label);
    if (overrideId != null) {
      NounSynset pinned = lexicon.synset(overrideId).orElseThrow(() -> new IllegalArgumentException(
          overrideId + " is not a noun synset of WordNet " + lexicon.version()));
      List<NounSynset> senses = new ArrayList<>();
      senses.add(pinned);
      found.senses().stream().filter(s -> !s.id().equals(pinned.id())).forEach(senses::add);
      return new SenseMapping(MappingStatus.OVERRIDDEN, senses, found.lemma(),
          "sense pinned to " + pinned.name() + " by the override file");
    }
    if (found.senses().isEmpty()) {
      return new SenseMapping(MappingStatus.UNMAPPED, List.of(), null,
          "'" + found.normalized() + "' is not a WordNet " + lexicon.version() + " noun");
    }
    String note = found.viaBaseForm() ? "looked up as its base form '" + found.lemma() + "'" : "";
    MappingStatus status = found.senses().size() == 1 ? MappingStatus.UNIQUE : MappingStatus.AMBIGUOUS;
    return new SenseMapping(status, found.senses(), found.lemma(), note);
  }
}
