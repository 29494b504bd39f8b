package org.synscope.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.synscope.flags.Flag;
import org.synscope.risk.Signal;
import org.synscope.audit.FlagList;
import org.synscope.audit.Scope;
import org.synscope.dataset.CategoryKeys;
import org.synscope.index.CategoryDetails;
import org.synscope.index.PathNode;

/**
 * Says why a category is on an imported list (which entry, which line, how the list reaches it) or is
 * marked by a signal (which anchor it lies under, which cue its gloss or label holds).
 */
final class ListEvidence {
  private ListEvidence() {}

  static List<Flag> of(List<String> names, Map<String, FlagList> lists, Hit hit, CategoryDetails d) {
    List<Flag> out = new ArrayList<>();
    Set<String> ancestors = new LinkedHashSet<>();
    d.paths().forEach(p -> p.stream().map(PathNode::id).forEach(ancestors::add));
    List<String> words = new ArrayList<>();
    words.add(CategoryKeys.ofLabel(hit.label()));
    if (!d.senses().isEmpty()) {
      d.senses().get(0).lemmas().forEach(l -> words.add(CategoryKeys.ofLabel(l)));
    }
    // Lower case, with - and _ as spaces: a substring test on these rules out nearly every entry of a big
    // lexicon before the whole-word pattern is compiled for it (202,001 patterns took 0.8 s a page).
    List<String> plain = words.stream().map(ListEvidence::plain).toList();
    for (String name : names) {
      FlagList list = lists.get(name);
      if (list == null) {
        continue;
      }
      String where = list.source() + ":";
      for (FlagList.Entry e : list.entries()) {
        String evidence = switch (list.type()) {
          case "wnids" -> list.scope() == Scope.DESCENDANTS
              ? (ancestors.contains(e.value()) ? "list '" + name + "' (" + list.kind() + ") names " + e.value()
                  + (e.value().equals(hit.synset()) ? "" : ", an ancestor of " + hit.synset())
                  + ", with all its descendants (" + where + e.line() + ")" : null)
              : (e.value().equals(hit.synset()) ? "list '" + name + "' (" + list.kind() + ") names " + e.value()
                  + ", this synset only (" + where + e.line() + ")" : null);
          case "labels" -> e.value().equals(CategoryKeys.ofLabel(hit.label()))
              ? "list '" + name + "' (" + list.kind() + ") names the label (" + where + e.line() + ")" : null;
          default -> plain.stream().anyMatch(w -> w.contains(plain(e.value())))
              && words.stream().anyMatch(w -> containsWord(w, e.value()))
              ? "the label or a lemma contains '" + e.value() + "' from lexicon '" + name + "' (" + list.kind() + ", "
                  + where + e.line() + ")" : null;
        };
        if (evidence != null) {
          out.add(new Flag(name, "list", hit.synset(), hit.name(), true, list.type().equals("lexicon") ? e.value() : null,
              evidence));
          break;
        }
      }
    }
    return out;
  }

  /** The evidence of each signal that marks the category. */
  static List<Flag> signals(List<String> names, Map<String, Signal> signals, Hit hit, CategoryDetails d) {
    List<Flag> out = new ArrayList<>();
    Set<String> ancestors = new LinkedHashSet<>();
    d.paths().forEach(p -> p.stream().map(PathNode::id).forEach(ancestors::add));
    String gloss = hit.gloss() == null ? "" : hit.gloss();
    for (String name : names) {
      Signal s = signals.get(name);
      if (s == null) {
        continue;
      }
      List<String> why = new ArrayList<>();
      s.anchors().stream().filter(a -> ancestors.contains(a.id())).findFirst()
          .ifPresent(a -> why.add("under " + a.name() + " (" + a.reason() + ")"));
      for (Signal.Cue c : s.cues()) {
        if (containsWordOrPlural(gloss, c.text())) {
          why.add("gloss says '" + c.text() + "'");
          break;
        }
      }
      for (Signal.Cue c : s.cues()) {
        if (containsWordOrPlural(hit.label(), c.text())) {
          why.add("label says '" + c.text() + "'");
          break;
        }
      }
      out.add(new Flag(name, "signal", hit.synset(), hit.name(), true, null,
          s.title() + ": " + (why.isEmpty() ? "matched its definition" : String.join("; ", why))));
    }
    return out;
  }

  /**
   * The evidence of the signals that mark a category only through another sense of its word: for each,
   * the first of the senses signals read ({@code positions} in {@code d.senses()}, as indexed:
   * {@link org.synscope.index.Category#signalSenses}) that lies under the signal's scope, with the
   * anchor it is under or the cue its gloss holds.
   */
  static List<Flag> otherSignals(List<String> names, Map<String, Signal> signals, CategoryDetails d,
      List<Integer> positions, java.util.function.Function<String, Set<String>> ancestorsOf) {
    List<Flag> out = new ArrayList<>();
    for (String name : names) {
      Signal s = signals.get(name);
      if (s == null) {
        continue;
      }
      boolean found = false;
      for (int i = 0; i < positions.size() && !found; i++) {
        int k = positions.get(i);
        org.synscope.index.SenseInfo sense = d.senses().get(k);
        Set<String> ancestors = ancestorsOf.apply(sense.id());
        if (!ancestors.contains(s.scope().id()) || s.excludes().stream().anyMatch(x -> ancestors.contains(x.id()))) {
          continue;
        }
        String why = s.anchors().stream().filter(a -> ancestors.contains(a.id())).findFirst()
            .map(a -> "under " + a.name() + " (" + a.reason() + ")")
            .orElseGet(() -> s.cues().stream().filter(c -> containsWordOrPlural(sense.definition(), c.text())).findFirst()
                .map(c -> "gloss says '" + c.text() + "'").orElse(null));
        if (why != null) {
          out.add(new Flag(name, "signal", sense.id(), sense.name(), false, null, s.title() + ": on another sense of the"
              + " word, " + sense.name() + " (sense " + (k + 1) + "), " + why));
          found = true;
        }
      }
      if (!found) { // the index matched a cue this plain-text reading does not see: still evidence, and still weighed
        out.add(new Flag(name, "signal", null, null, false, null, s.title() + ": on another sense of the word"));
      }
    }
    return out;
  }

  private static boolean containsWordOrPlural(String text, String word) {
    return containsWord(text, word) || containsWord(text, word + "s") || containsWord(text, word + "es")
        || (word.endsWith("s") && containsWord(text, word.substring(0, word.length() - 1)));
  }

  private static String plain(String text) {
    return text.replace('-', ' ').replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
  }

  /** Whole-word containment, reading - and _ as spaces on both sides. */
  private static boolean containsWord(String text, String word) {
    String w = word.replace('-', ' ').replace('_', ' ');
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text.replace('-', ' ').replace('_', ' ')).find();
  }
}
