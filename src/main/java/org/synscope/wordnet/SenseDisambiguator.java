package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the primary sense of every ambiguous label of a dataset by how well each sense fits the
 * other labels. A dataset's labels crowd into a few parts of the hierarchy (CIFAR-100's animals,
 * ImageNet's dogs and birds), so a sense is scored by the density of the other labels around it at
 * every level: the sum, over each ancestor {@code a} of the sense, of (other labels under {@code a})
 * / (synsets under {@code a}). A crowded small subtree (aquatic_mammal.n.01 holding 4 of CIFAR-100's
 * labels) counts far more than a large one that holds many by sheer size. Two more facts about
 * label lists shape it: the unambiguous labels are the only certain evidence, so the first round
 * counts only them (otherwise ambiguous labels prop each other up: otter, raccoon and leopard all
 * have a fur sense, and together they make the small fur subtree look crowded); and a dataset's
 * categories are distinct, so a synset another label already holds is evidence against a sense,
 * not for it. Later rounds count ambiguous labels with their current sense probabilities, each as it
 * would stand without the label being scored (a cavity, as in belief propagation): otherwise a
 * label's own choice comes back to it as support through its neighbours' choices, and two minor
 * senses prop each other up (telephone as telephony beside television as broadcasting).
 *
 * <p>WordNet's sense-tag counts ({@code cntlist}) are a weak prior: add-one smoothed and taken to the
 * power {@value #PRIOR_POWER}, so a sense tagged 40 times as often gets about 6 times the weight; an
 * uncounted sense leans to the synsets the label heads ({@link #headRatio()}; the first-sense policy, which
 * reports WordNet's counts alone, does not lean and so never reads every noun for the ratio).
 * {@code --context} synsets narrow the candidates to the senses under them (when any is). A group
 * (a {@code coarse}/{@code superclass}/{@code parent} column, or a {@code --hints} file) is softer:
 * its labels count as each other's close context, and the group's own name counts as one more member
 * of it (CIFAR-100's {@code people} is a social group, and woman.n.01 is no kind of one, so a hard
 * filter would pick the wrong sense). Labels of other groups count only at the synsets the label's own
 * group reaches too: the dataset put them elsewhere, so a subtree where only they lie is not the label's
 * neighbourhood (CIFAR-100's caterpillar, in {@code insects}, is not the tracked vehicle beside the
 * vehicles' tank). The README reports what this scores and how it was revised.
 */
public final class SenseDisambiguator {
  static final double PRIOR_POWER = 0.5;
  private static final int ROUNDS = 3;
  private static final double EPSILON = 1e-12;
  /** Group mass above this is a group-mate (a cavity's subtraction leaves rounding dust). */
  private static final double GROUP_PRESENT = 1e-9;

  private final Lexicon lexicon;
  private final HypernymPaths paths;
  private volatile Map<String, Integer> subtreeSizes;
  private volatile Double headRatio;
  private volatile Double headShare;

  public SenseDisambiguator(Lexicon lexicon, HypernymPaths paths) {
    this.lexicon = lexicon;
    this.paths = paths;
  }

  /**
   * One category to place.
   *
   * @param mapping its candidate senses, in WordNet order
   * @param group the group it belongs to (labels sharing a coarse class), or null
   * @param groupSenses the senses of the group's own name (they count as one more member of the group)
   * @param context synsets the whole list is known to lie under ({@code --context}; empty: none)
   * @param label the label as the dataset writes it (its names, for {@link #writesFullNames}), or null
   */
  public record Item(SenseMapping mapping, String group, Set<String> groupSenses, Set<String> context, String label) {
    public Item {
      groupSenses = Set.copyOf(groupSenses);
      context = Set.copyOf(context);
    }

    public Item(SenseMapping mapping, String group, Set<String> groupSenses, Set<String> context) {
      this(mapping, group, groupSenses, context, null);
    }

    /** The names the label gives, normalised: the parts of {@code tench, Tinca tinca}, or the label alone. */
    Set<String> names() {
      return label == null ? Set.of() : LabelNormalizer.names(label);
    }
  }

  /** Fewest list labels ({@code a, b}) from which a dataset's naming convention is read. */
  static final int MIN_LISTS = 5;

  /** The mappings, in the items' order, with the primary sense of each ambiguous one chosen. */
  public List<SenseMapping> choose(List<Item> items, SensePolicy policy) {
    List<SenseMapping> out = new ArrayList<>(items.size());
    if (policy == SensePolicy.FIRST) {
      for (Item item : items) {
        out.add(choosable(item.mapping()) ? firstSense(item.mapping()) : item.mapping());
      }
      return out;
    }
    int n = items.size();
    double[][] p = new double[n][];
    double[][] prior = new double[n][];
    List<List<Set<String>>> ancestors = new ArrayList<>(n);
    boolean[][] allowed = new boolean[n][];
    boolean fullNames = writesFullNames(items);
    FirstNames firstNames = namesByFirstName(items);
    boolean[] byNames = new boolean[n];
    boolean[] byFirst = new boolean[n];
    for (int i = 0; i < n; i++) {
      SenseMapping m = items.get(i).mapping();
      List<Set<String>> anc = new ArrayList<>();
      for (NounSynset s : m.senses()) {
        anc.add(paths.ancestors(s.id()));
      }
      ancestors.add(anc);
      prior[i] = prior(m, true);
      allowed[i] = allowed(anc, items.get(i).context());
      if (fullNames && choosable(m)) {
        byNames[i] = narrowToNamed(items.get(i), allowed[i]);
      } else if (firstNames.posterior() > 0 && choosable(m)) {
        byFirst[i] = leanToHeaded(m, prior[i], allowed[i], firstNames.posterior());
      }
      if (m.status() == MappingStatus.OVERRIDDEN) {
        p[i] = new double[m.senses().size()]; // a pinned label is certain evidence: all of it on its pin
        p[i][0] = 1;
      } else {
        p[i] = normalise(mask(prior[i].clone(), allowed[i]));
      }
    }
    Map<String, Integer> sizes = subtreeSizes();
    boolean flat = flat(items);
    Map<String, Map<String, Double>> groupNames = new HashMap<>();
    for (Item item : items) {
      if (item.group() != null && !groupNames.containsKey(item.group())) {
        Map<String, Double> named = new HashMap<>();
        for (String s : item.groupSenses()) {
          paths.ancestors(s).forEach(a -> named.merge(a, 1.0 / item.groupSenses().size(), Double::sum));
        }
        groupNames.put(item.group(), named);
      }
    }
    Neighbours near = new Neighbours(items, ancestors, sizes);
    Field before = null; // the previous round's field, and the labels' parts in it
    Part[] partsBefore = null;
    for (int round = 0; round < ROUNDS; round++) {
      Part[] parts = new Part[n];
      Field field = new Field(items, ancestors);
      groupNames.forEach((g, named) -> field.groupMass.put(g, new HashMap<>(named)));
      for (int i = 0; i < n; i++) {
        if (round > 0 && choosable(items.get(i).mapping())) {
          parts[i] = Part.of(items.get(i), ancestors.get(i), p[i]); // what a view without it, or a cavity, takes out
        }
        if (round == 0 && choosable(items.get(i).mapping())) {
          continue; // the first round trusts only the unambiguous labels
        }
        field.add(i, p[i], 1);
      }
      double[][] next = new double[n][];
      for (int i = 0; i < n; i++) {
        if (!choosable(items.get(i).mapping())) {
          next[i] = p[i];
          continue;
        }
        Field echoFree = null;
        if (round > 1 && ECHOES > 0) {
          // each other ambiguous label as it would stand without this one, so that this label's own
          // choice does not come back to it as support (the first rounds cannot echo: the first counts
          // only unambiguous labels, and the second counts choices made from those)
          echoFree = new Field(items, ancestors);
          for (int j : near.of(i)) {
            View cavity = new View(before, null, partsBefore[j], partsBefore[i]);
            double[] q = normalise(mask(score(j, cavity, prior[j], flat, sizes, items, ancestors), allowed[j]));
            for (int k = 0; k < q.length; k++) {
              q[k] -= p[j][k];
            }
            echoFree.add(j, q, 1);
          }
        }
        View view = round == 0 ? new View(field, null) : new View(field, echoFree, parts[i]);
        next[i] = normalise(mask(score(i, view, prior[i], flat, sizes, items, ancestors), allowed[i]));
      }
      before = field;
      partsBefore = parts;
      p = next;
    }
    Map<String, Double> finalMass = new HashMap<>();
    Map<String, Map<String, Double>> finalGroupMass = new HashMap<>(); // with each group's name, as scoring had it
    groupNames.forEach((g, named) -> finalGroupMass.put(g, new HashMap<>(named)));
    for (int i = 0; i < n; i++) {
      Map<String, Double> own = own(ancestors.get(i), p[i]);
      own.forEach((a, w) -> finalMass.merge(a, w, Double::sum));
      if (items.get(i).group() != null) {
        Map<String, Double> group = finalGroupMass.computeIfAbsent(items.get(i).group(), g -> new HashMap<>());
        own.forEach((a, w) -> group.merge(a, w, Double::sum));
      }
    }
    for (int i = 0; i < n; i++) {
      Item item = items.get(i);
      Map<String, Double> group = item.group() == null ? null : finalGroupMass.get(item.group());
      out.add(choosable(item.mapping()) ? ranked(item, p[i], ancestors.get(i), finalMass, group, sizes, allowed[i],
          byNames[i], byFirst[i] ? firstNames : null, flat ? unambiguous(items) : 0) : item.mapping());
    }
    return out;
  }

  /**
   * The unnormalised score of each sense of label {@code i} in {@code field}, which must not count
   * the label itself.
   */
  private double[] score(int i, View field, double[] prior, boolean flat, Map<String, Integer> sizes, List<Item> items,
      List<List<Set<String>>> ancestors) {
    SenseMapping m = items.get(i).mapping();
    String g = items.get(i).group();
    int senses = m.senses().size();
    double[] near = new double[senses]; // support where the label's own group also reaches
    double[] anywhere = new double[senses]; // support from every counted label
    double[] against = new double[senses];
    boolean groupReaches = false;
    for (int k = 0; k < senses; k++) {
      String sense = m.senses().get(k).id();
      double rivals = Math.max(0, field.taken(sense));
      for (String a : ancestors.get(i).get(k)) {
        if (a.equals(sense)) {
          continue; // another label at this very synset is a rival, not support (counted below)
        }
        double size = sizes.getOrDefault(a, 1);
        double at = 0;
        double groupAt = 0;
        if (flat) { // in a list of exclusive classes, a label at an ancestor is a rival, not support
          at = Math.max(0, field.taken(a));
          groupAt = g == null ? 0 : Math.max(0, field.groupTaken(g, a));
          rivals += at;
        }
        double inGroup = g == null ? 0 : field.groupMass(g, a) - groupAt;
        double support = (field.mass(a) - at + inGroup) / size;
        anywhere[k] += support;
        if (inGroup > GROUP_PRESENT) {
          near[k] += support;
          groupReaches = true;
        }
      }
      if (flat) { // ... and so are labels below the sense
        rivals += Math.max(0, field.mass(sense) - field.taken(sense));
      }
      against[k] = rivals;
    }
    // Labels of other groups count only where the label's own group reaches too (unless it reaches no
    // sense at all): the dataset put them in other groups, so a sense whose near neighbours are all
    // elsewhere (caterpillar as a tracked vehicle beside the vehicles' tank, under 'insects') puts the
    // label away from where the dataset says it belongs.
    double[] fit = groupReaches ? near : anywhere;
    double[] score = new double[senses];
    for (int k = 0; k < senses; k++) {
      score[k] = (Math.max(fit[k], 0) + EPSILON) * Math.pow(prior[k], PRIOR_POWER) / (1 + against[k]);
    }
    return score;
  }

  /**
   * How many other ambiguous labels a label's echo is taken out of: the ones nearest it. 8 by default;
   * the system property {@code synscope.senseEchoes} changes it (0: no echo is taken out), so that the
   * README's comparison can be rerun.
   */
  static final int ECHOES = Integer.getInteger("synscope.senseEchoes", 8);

  /**
   * The other ambiguous labels nearest each one, at most {@value #ECHOES}. A label's choice reaches
   * another's score through the synsets above both, each weighted by one over its subtree's size, and
   * twice within a group; so the nearest are those under its senses' smallest subtrees, its group's
   * first at each. They are the ones its echo comes back from; the bound keeps the cost linear in the list.
   */
  private static final class Neighbours {
    private final List<Item> items;
    private final List<List<Set<String>>> ancestors;
    private final Map<String, Integer> sizes;
    private final Map<String, List<Integer>> under = new HashMap<>();
    private final Map<String, Map<String, List<Integer>>> underInGroup = new HashMap<>();

    Neighbours(List<Item> items, List<List<Set<String>>> ancestors, Map<String, Integer> sizes) {
      this.items = items;
      this.ancestors = ancestors;
      this.sizes = sizes;
      for (int i = 0; i < items.size(); i++) {
        if (!choosable(items.get(i).mapping())) {
          continue;
        }
        String g = items.get(i).group();
        for (String a : allAncestors(i)) {
          under.computeIfAbsent(a, x -> new ArrayList<>()).add(i);
          if (g != null) {
            underInGroup.computeIfAbsent(g, x -> new HashMap<>()).computeIfAbsent(a, x -> new ArrayList<>()).add(i);
          }
        }
      }
    }

    Set<Integer> of(int i) {
      Set<Integer> out = new LinkedHashSet<>();
      Map<String, List<Integer>> group = underInGroup.getOrDefault(items.get(i).group(), Map.of());
      List<String> bySize = new ArrayList<>(allAncestors(i));
      bySize.sort(Comparator.<String>comparingInt(a -> sizes.getOrDefault(a, 1)).thenComparing(a -> a));
      for (String a : bySize) {
        if (out.size() >= ECHOES) {
          break;
        }
        take(group.getOrDefault(a, List.of()), i, out);
        take(under.get(a), i, out);
      }
      return out;
    }

    private Set<String> allAncestors(int i) {
      Set<String> all = new java.util.HashSet<>();
      ancestors.get(i).forEach(all::addAll);
      return all;
    }

    private static void take(List<Integer> from, int i, Set<Integer> out) {
      for (int j : from) {
        if (out.size() >= ECHOES) {
          return;
        }
        if (j != i) {
          out.add(j);
        }
      }
    }
  }

  /** One label's part in a field: the probability it puts under each synset and exactly on each, and its group. */
  private record Part(String group, Map<String, Double> under, Map<String, Double> on) {
    static Part of(Item item, List<Set<String>> anc, double[] p) {
      Map<String, Double> on = new HashMap<>();
      for (int k = 0; k < p.length; k++) {
        on.merge(item.mapping().senses().get(k).id(), p[k], Double::sum);
      }
      return new Part(item.group(), own(anc, p), on);
    }
  }

  /**
   * What the counted labels put at each synset: the probability mass under it ({@code mass}), exactly
   * on it ({@code taken}), and the same within each group.
   */
  private static final class Field {
    private final List<Item> items;
    private final List<List<Set<String>>> ancestors;
    final Map<String, Double> mass = new HashMap<>();
    final Map<String, Double> taken = new HashMap<>();
    final Map<String, Map<String, Double>> groupMass = new HashMap<>();
    final Map<String, Map<String, Double>> groupTaken = new HashMap<>();

    Field(List<Item> items, List<List<Set<String>>> ancestors) {
      this.items = items;
      this.ancestors = ancestors;
    }

    /** Counts label {@code i} with sense probabilities {@code p}, {@code sign} times (-1 takes it out). */
    void add(int i, double[] p, double sign) {
      SenseMapping m = items.get(i).mapping();
      String g = items.get(i).group();
      Map<String, Double> gm = g == null ? null : groupMass.computeIfAbsent(g, x -> new HashMap<>());
      Map<String, Double> gt = g == null ? null : groupTaken.computeIfAbsent(g, x -> new HashMap<>());
      for (int k = 0; k < p.length; k++) {
        double w = sign * p[k];
        if (w == 0) {
          continue;
        }
        taken.merge(m.senses().get(k).id(), w, Double::sum);
        if (g != null) {
          gt.merge(m.senses().get(k).id(), w, Double::sum);
        }
        for (String a : ancestors.get(i).get(k)) {
          mass.merge(a, w, Double::sum);
          if (g != null) {
            gm.merge(a, w, Double::sum);
          }
        }
      }
    }
  }

  /** A field seen without some labels' parts ({@code minus}) and with some changes ({@code plus}, or null). */
  private record View(Field base, Field plus, Part... minus) {
    double mass(String a) {
      double v = base.mass.getOrDefault(a, 0.0) + (plus == null ? 0 : plus.mass.getOrDefault(a, 0.0));
      for (Part m : minus) {
        v -= m.under().getOrDefault(a, 0.0);
      }
      return v;
    }

    double taken(String a) {
      double v = base.taken.getOrDefault(a, 0.0) + (plus == null ? 0 : plus.taken.getOrDefault(a, 0.0));
      for (Part m : minus) {
        v -= m.on().getOrDefault(a, 0.0);
      }
      return v;
    }

    double groupMass(String g, String a) {
      double v = inGroup(base.groupMass, g, a) + (plus == null ? 0 : inGroup(plus.groupMass, g, a));
      for (Part m : minus) {
        v -= g.equals(m.group()) ? m.under().getOrDefault(a, 0.0) : 0;
      }
      return v;
    }

    double groupTaken(String g, String a) {
      double v = inGroup(base.groupTaken, g, a) + (plus == null ? 0 : inGroup(plus.groupTaken, g, a));
      for (Part m : minus) {
        v -= g.equals(m.group()) ? m.on().getOrDefault(a, 0.0) : 0;
      }
      return v;
    }

    private static double inGroup(Map<String, Map<String, Double>> byGroup, String g, String a) {
      Map<String, Double> m = byGroup.get(g);
      return m == null ? 0 : m.getOrDefault(a, 0.0);
    }
  }

  /** Fewest unambiguous labels from which a list is read as exclusive classes. */
  static final int MIN_FLAT = 10;

  /**
   * Whether the list's classes are exclusive, as a classification dataset's are (CIFAR-100's classes
   * are "completely mutually exclusive"; no ILSVRC class is an ancestor of another): at least
   * {@value #MIN_FLAT} unambiguous labels, none of whose synsets lies under another's.
   */
  boolean flat(List<Item> items) {
    Set<String> sure = sure(items);
    if (sure.size() < MIN_FLAT) {
      return false;
    }
    for (String s : sure) {
      for (String a : paths.ancestors(s)) {
        if (!a.equals(s) && sure.contains(a)) {
          return false;
        }
      }
    }
    return true;
  }

  private static int unambiguous(List<Item> items) {
    return sure(items).size();
  }

  /** The synsets of the unambiguous labels (one sense, not pinned). */
  private static Set<String> sure(List<Item> items) {
    Set<String> sure = new java.util.HashSet<>();
    for (Item item : items) {
      SenseMapping m = item.mapping();
      if (m.senses().size() == 1 && m.status() != MappingStatus.OVERRIDDEN) {
        sure.add(m.senses().get(0).id());
      }
    }
    return sure;
  }

  private static boolean choosable(SenseMapping m) {
    return m.senses().size() > 1 && m.status() != MappingStatus.OVERRIDDEN;
  }

  private SenseMapping firstSense(SenseMapping m) {
    double[] pr = normalise(prior(m, false)); // the first-sense policy reports WordNet's counts alone
    List<SenseScore> scores = new ArrayList<>();
    for (int k = 0; k < pr.length; k++) {
      scores.add(new SenseScore(m.senses().get(k).id(), m.senses().get(k).name(), round(pr[k])));
    }
    double runnerUp = 0;
    for (int k = 1; k < pr.length; k++) {
      runnerUp = Math.max(runnerUp, pr[k]);
    }
    String why = joined(m.reason(), "WordNet's first of " + m.senses().size() + " senses (sense policy first)");
    return m.chosen(m.senses(), why, round(Math.max(0, pr[0] - runnerUp)), scores);
  }

  /**
   * @param groupMass the label's group's mass at each synset, itself included (null without a group): the
   *     fit it names is where the group reaches, as scoring counted it, unless the group reaches no ancestor
   */
  private SenseMapping ranked(Item item, double[] p, List<Set<String>> anc, Map<String, Double> mass,
      Map<String, Double> groupMass, Map<String, Integer> sizes, boolean[] allowed, boolean byNames,
      FirstNames firstNames, int exclusive) {
    SenseMapping m = item.mapping();
    Integer[] order = new Integer[p.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -p[k]).thenComparingInt(k -> k));
    List<NounSynset> senses = new ArrayList<>();
    List<SenseScore> scores = new ArrayList<>();
    for (int k : order) {
      senses.add(m.senses().get(k));
      scores.add(new SenseScore(m.senses().get(k).id(), m.senses().get(k).name(), round(p[k])));
    }
    int best = order[0];
    double margin = p[best] - (order.length > 1 ? p[order[1]] : 0);
    Map<String, Double> own = own(anc, p);
    String where = null;
    double top = 0;
    long others = 0;
    String self = m.senses().get(best).id();
    java.util.function.Predicate<String> reached = a -> groupMass != null
        && groupMass.getOrDefault(a, 0.0) - own.getOrDefault(a, 0.0) > GROUP_PRESENT; // by another of the group
    boolean gated = anc.get(best).stream().anyMatch(a -> !a.equals(self) && reached.test(a));
    for (String a : anc.get(best)) {
      if (a.equals(self) || gated && !reached.test(a)) {
        continue;
      }
      double o = mass.getOrDefault(a, 0.0) - own.getOrDefault(a, 0.0);
      double density = o / sizes.getOrDefault(a, 1);
      if (density > top) {
        top = density;
        where = a;
        others = Math.round(o);
      }
    }
    StringBuilder why = new StringBuilder("chosen over " + (senses.size() - 1) + " other sense"
        + (senses.size() == 2 ? "" : "s"));
    if (where != null && others > 0) {
      String name = lexicon.synset(where).map(NounSynset::name).orElse(where);
      why.append(" by fit with ").append(others).append(" other label").append(others == 1 ? "" : "s").append(" under ")
          .append(name);
    } else {
      why.append(" by WordNet's sense counts (no other label is near any sense)");
    }
    int narrowed = 0;
    for (boolean b : allowed) {
      narrowed += b ? 1 : 0;
    }
    if (item.group() != null) {
      why.append("; its group '").append(item.group()).append("' counted as close context, and labels of other groups")
          .append(" only where it reaches too");
    }
    if (byNames) {
      why.append("; ").append(narrowed).append(" of ").append(allowed.length).append(" senses have exactly the names the label")
          .append(" lists (the list writes every name of a class)");
    } else if (firstNames != null) {
      why.append(String.format(java.util.Locale.ROOT, "; the list names each class by its synset's first name"
          + " (chance %.3f from %d unambiguous labels), so senses whose first name is not '%s' keep %.3f of their"
          + " prior", firstNames.posterior(), firstNames.labels(), m.lemma(), 1 - firstNames.posterior()));
    }
    if (exclusive > 0) {
      why.append("; the list's ").append(exclusive).append(" unambiguous labels are exclusive classes (none lies under")
          .append(" another), so a label above or below a sense is its rival");
    }
    if (!byNames && !item.context().isEmpty() && narrowed < allowed.length) {
      why.append("; ").append(narrowed).append(" of ").append(allowed.length).append(" senses lie under --context");
    }
    return m.chosen(senses, joined(m.reason(), why.toString()), round(margin), scores);
  }

  /** Each ancestor of any sense once, with the probability mass of the senses under it. */
  private static Map<String, Double> own(List<Set<String>> anc, double[] p) {
    Map<String, Double> out = new HashMap<>();
    for (int k = 0; k < p.length; k++) {
      if (p[k] > 0) {
        for (String a : anc.get(k)) {
          out.merge(a, p[k], Double::sum);
        }
      }
    }
    return out;
  }

  /** Add-one sense counts; {@code lean}: an uncounted sense the label does not head gets 1 / {@link #headRatio()}. */
  private double[] prior(SenseMapping m, boolean lean) {
    double[] out = new double[m.senses().size()];
    String lemma = m.lemma();
    double secondary = lemma == null || !lean ? 1 : 1 / headRatio();
    for (int k = 0; k < out.length; k++) {
      NounSynset s = m.senses().get(k);
      out[k] = lemma == null ? 1
          : (isHead(s, lemma) ? 1 : secondary) + lexicon.tagCount(s.id(), lemma);
    }
    return out;
  }

  private static boolean isHead(NounSynset s, String lemma) {
    return LabelNormalizer.normalize(s.lemmas().get(0)).equals(lemma);
  }

  /**
   * How much more often a word is used in a synset it heads (its first lemma) than in one where it is
   * a later synonym, estimated from WordNet's own tag counts: over the polysemous nouns that have
   * counts and senses of both kinds, the sum of each noun's mean count over its headed senses divided
   * by the sum of its mean count over the others (WordNet 3.0: 14,015.5 / 7,184.6 = 1.951 over 3,397
   * nouns). The add-one
   * prior of an uncounted sense is 1 where the label heads the synset and 1/ratio where it does not,
   * so {@code jellyfish} leans to jellyfish.n.02 over the Portuguese man-of-war, whose second word it is.
   * 1 (no lean) when the lexicon has no counts, as hand-made test lexicons do.
   */
  double headRatio() {
    Double r = headRatio;
    if (r == null) {
      Map<String, double[]> perLemma = new HashMap<>(200_000); // head sum, head n, other sum, other n
      lexicon.forEachNoun(s -> {
        Set<String> seen = new java.util.HashSet<>(); // Earth and earth in one synset are one word, counted once
        for (int i = 0; i < s.lemmas().size(); i++) {
          String lemma = LabelNormalizer.normalize(s.lemmas().get(i));
          if (!seen.add(lemma)) {
            continue;
          }
          double[] a = perLemma.computeIfAbsent(lemma, x -> new double[4]);
          int at = i == 0 ? 0 : 2;
          a[at] += lexicon.tagCount(s.id(), lemma);
          a[at + 1]++;
        }
      });
      double head = 0;
      double other = 0;
      for (double[] a : perLemma.values()) {
        if (a[1] > 0 && a[3] > 0 && a[0] + a[2] > 0) {
          head += a[0] / a[1];
          other += a[2] / a[3];
        }
      }
      headRatio = r = head > 0 && other > 0 ? head / other : 1.0;
    }
    return r;
  }

  /** The evidence for the first-name convention: how many labels, and the posterior they give it. */
  record FirstNames(int labels, double posterior) {}

  /**
   * How sure it is that the dataset names each class by its synset's first name, as a list made of
   * ImageNet's first lemmas does ({@code tench}, {@code hammer}), rather than by the word people use
   * (CIFAR-100's {@code couch} for sofa.n.01, whose first name is sofa). The evidence is the
   * unambiguous labels whose synset has more than one name (a label of a one-name synset could not
   * have been anything else). Under the convention every one of them is its synset's first name; under
   * ordinary naming each is with the chance {@link #headShare()} that WordNet's tagged corpus, naming a
   * many-named synset, uses its first name. Taking both readings as equally likely beforehand, the
   * posterior of the convention is {@code 1 / (1 + share^n)} when all {@code n} are first names, and 0
   * as soon as one is not (one label named otherwise refutes a convention). 0 with no such label.
   */
  FirstNames namesByFirstName(List<Item> items) {
    int n = 0;
    for (Item item : items) {
      SenseMapping m = item.mapping();
      if (m.senses().size() != 1 || m.lemma() == null || m.status() == MappingStatus.OVERRIDDEN
          || LabelNormalizer.names(m.senses().get(0)).size() < 2) {
        continue;
      }
      if (!isHead(m.senses().get(0), m.lemma())) {
        return new FirstNames(0, 0);
      }
      n++;
    }
    return new FirstNames(n, n == 0 ? 0 : 1 / (1 + Math.pow(headShare(), n)));
  }

  /**
   * Mixes a label's prior with the same prior over only the senses it is the first name of, by the
   * posterior {@code convention} that the list names classes so; true when that changed anything.
   */
  private static boolean leanToHeaded(SenseMapping m, double[] prior, boolean[] allowed, double convention) {
    boolean[] headed = within(allowed, k -> isHead(m.senses().get(k), m.lemma()));
    if (headed == null) {
      return false;
    }
    double[] p = normalise(mask(prior.clone(), allowed));
    double[] q = normalise(mask(p.clone(), headed));
    for (int k = 0; k < prior.length; k++) {
      prior[k] = convention * q[k] + (1 - convention) * p[k];
    }
    return true;
  }

  /**
   * The allowed senses that also {@code keep}, or null when that narrows nothing: none of them keeps
   * (no sense fits, so the rule says nothing) or all of them do.
   */
  private static boolean[] within(boolean[] allowed, java.util.function.IntPredicate keep) {
    boolean[] out = new boolean[allowed.length];
    int kept = 0;
    int before = 0;
    for (int k = 0; k < allowed.length; k++) {
      out[k] = allowed[k] && keep.test(k);
      kept += out[k] ? 1 : 0;
      before += allowed[k] ? 1 : 0;
    }
    return kept == 0 || kept == before ? null : out;
  }

  /**
   * The share of WordNet's tagged uses of many-named synsets that use the synset's first name: over
   * every noun synset with two or more names and any tag count, the first name's counts over all its
   * names' counts. How often ordinary naming picks the first name.
   */
  double headShare() {
    Double r = headShare;
    if (r == null) {
      double[] sums = new double[2];
      lexicon.forEachNoun(s -> {
        List<String> names = new ArrayList<>(LabelNormalizer.names(s));
        if (names.size() < 2) {
          return;
        }
        double first = lexicon.tagCount(s.id(), names.get(0));
        double all = first;
        for (int i = 1; i < names.size(); i++) {
          all += lexicon.tagCount(s.id(), names.get(i));
        }
        sums[0] += first;
        sums[1] += all;
      });
      headShare = r = sums[1] > 0 ? sums[0] / sums[1] : 0.5;
    }
    return r;
  }

  /**
   * Whether the dataset names each class by all of its synset's names, as ImageNet's class names do
   * ({@code tench, Tinca tinca} is every lemma of n01440764): most of its list labels (at least
   * {@value #MIN_LISTS} of them, each of two or more names) are exactly the lemmas of one of their
   * senses. In such a list a label names the synset whose names are exactly the ones it lists, and a
   * label of one name, {@code hammer}, a synset with that one name (hammer.n.02, not mallet.n.02,
   * which ImageNet would call {@code mallet, hammer}).
   */
  static boolean writesFullNames(List<Item> items) {
    int lists = 0;
    int exact = 0;
    for (Item item : items) {
      Set<String> names = item.names();
      if (names.size() < 2 || item.mapping().senses().isEmpty()) {
        continue;
      }
      lists++;
      if (item.mapping().senses().stream().anyMatch(s -> LabelNormalizer.names(s).equals(names))) {
        exact++;
      }
    }
    return lists >= MIN_LISTS && 2 * exact > lists;
  }

  /** Narrows {@code allowed} to the senses whose names are exactly the label's, when any allowed one is. */
  private static boolean narrowToNamed(Item item, boolean[] allowed) {
    Set<String> names = item.names();
    boolean[] exact = within(allowed, k -> LabelNormalizer.names(item.mapping().senses().get(k)).equals(names));
    if (exact == null) {
      return false;
    }
    System.arraycopy(exact, 0, allowed, 0, exact.length);
    return true;
  }

  private static boolean[] allowed(List<Set<String>> anc, Set<String> hints) {
    boolean[] out = new boolean[anc.size()];
    boolean any = false;
    for (int k = 0; k < out.length; k++) {
      out[k] = hints.isEmpty() || anc.get(k).stream().anyMatch(hints::contains);
      any |= out[k];
    }
    if (!any) {
      java.util.Arrays.fill(out, true); // a hint no sense fits narrows nothing
    }
    return out;
  }

  private static double[] mask(double[] v, boolean[] allowed) {
    for (int k = 0; k < v.length; k++) {
      if (!allowed[k]) {
        v[k] = 0;
      }
    }
    return v;
  }

  private static double[] normalise(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    if (sum <= 0) {
      return v;
    }
    for (int k = 0; k < v.length; k++) {
      v[k] /= sum;
    }
    return v;
  }

  /** How many synsets lie under each synset (itself included), each counted once: WordNet's own structure. */
  private Map<String, Integer> subtreeSizes() {
    Map<String, Integer> sizes = subtreeSizes;
    if (sizes == null) {
      Map<String, Integer> built = new HashMap<>(200_000);
      lexicon.forEachNoun(s -> paths.ancestors(s.id()).forEach(a -> built.merge(a, 1, Integer::sum)));
      subtreeSizes = sizes = built;
    }
    return sizes;
  }

  /** The synsets a hint names: every sense of it, or of each part of {@code fruit and vegetables}. */
  public static Set<String> hintSynsets(LabelMatcher matcher, String hint) {
    // A group numbered among groups of one kind (CIFAR-100's vehicles_1 and vehicles_2) is named by the kind.
    hint = LabelNormalizer.normalize(hint).replaceAll("\\s+\\d+$", "");
    Set<String> out = new LinkedHashSet<>();
    SenseMapping whole = matcher.match(hint);
    whole.senses().forEach(s -> out.add(s.id()));
    if (out.isEmpty()) {
      for (String part : LabelNormalizer.normalize(hint).split(",| and | or ")) {
        String p = part.strip();
        if (p.isEmpty()) {
          continue;
        }
        SenseMapping m = matcher.match(p);
        if (m.senses().isEmpty() && p.contains(" ")) {
          m = matcher.match(p.substring(p.lastIndexOf(' ') + 1)); // the head noun of 'large man-made outdoor things'
        }
        m.senses().forEach(s -> out.add(s.id()));
      }
    }
    return out;
  }

  private static String joined(String a, String b) {
    return a == null || a.isEmpty() ? b : a + "; " + b;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
