package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.List;

/**
 * The sense policy's first half: which senses a row can have. A wnid maps exactly or not at all; a
 * label goes through the {@link LabelMatcher}; a pin (a {@code --senses} line or an auditor's
 * correction) fixes the primary sense and keeps the others. Which of several senses is primary is
 * the {@link SenseDisambiguator}'s choice.
 */
public final class SenseResolver {
  private final Lexicon lexicon;
  private final LabelMatcher matcher;

  public SenseResolver(Lexicon lexicon, HypernymPaths paths) {
    this.lexicon = lexicon;
    this.matcher = new LabelMatcher(lexicon, paths);
  }

  /** The synsets a hint such as a coarse class names ({@code aquatic_mammals}, {@code fruit_and_vegetables}). */
  public java.util.Set<String> hintSynsets(String hint) {
    return SenseDisambiguator.hintSynsets(matcher, hint);
  }

  /** An unmapped compound placed at its head noun when that names its group, or null (see {@link LabelMatcher#headInGroup}). */
  public SenseMapping headInGroup(String label, String group, java.util.Set<String> groupSynsets) {
    return matcher.headInGroup(label, group, groupSynsets);
  }

  /** Maps a wnid; unmapped with the reason when it is not a noun synset of this WordNet. */
  public SenseMapping byId(String wnid) {
    return lexicon.synset(wnid)
        .map(s -> new SenseMapping(MappingStatus.EXACT, List.of(s), null, "", null))
        .orElseGet(() -> SenseMapping.unmapped(wnid + " is not a noun synset of WordNet " + lexicon.version(), List.of()));
  }

  /** Maps a label, honouring a pinned wnid when one is given (may be null) with the pin's reason. */
  public SenseMapping byLabel(String label, String pinnedId, String pinReason) {
    SenseMapping found = matcher.match(label);
    if (pinnedId == null) {
      return found;
    }
    NounSynset pinned = lexicon.synset(pinnedId).orElseThrow(() -> new IllegalArgumentException(
        pinnedId + " is not a noun synset of WordNet " + lexicon.version()));
    List<NounSynset> senses = new ArrayList<>();
    senses.add(pinned);
    found.senses().stream().filter(s -> !s.id().equals(pinned.id())).forEach(senses::add);
    return new SenseMapping(MappingStatus.OVERRIDDEN, senses, found.lemma(), "sense pinned to " + pinned.name() + " "
        + pinReason, found.match());
  }
}
