package org.synscope.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.synscope.dataset.CategoryKeys;
import org.synscope.flags.BuiltInFlags;
import org.synscope.flags.Flag;
import org.synscope.wordnet.SenseScore;

/**
 * The documented risk score: each piece of evidence has a weight, the probability-like chance that
 * it alone makes a category one to act on, and the pieces combine as a noisy-or:
 * {@code risk = 1 - prod(1 - weight)}. {@code high} is 0.7 and above, {@code medium} 0.4 and above.
 * The weights say what the evidence means, not what a list rewards:
 *
 * <ul>
 *   <li>0.9: WordNet marks this very word a slur, obscenity or disparagement, in a sense that is not a
 *       rare one (the label is the word): a mark on the word, or on a whole synset it names
 *       ({@link BuiltInFlags#marksWord}); an imported list of kind
 *       {@code offensive} or {@code unsafe}.
 *   <li>0.8: the primary sense's gloss calls it offensive, derogatory, disparaging or a slur.
 *   <li>0.6: an imported list of kind {@code sensitive}.
 *   <li>0.45: each sensitive-attribute signal (two make {@code high}, with the person flag).
 *   <li>0.4: another sense's gloss calls the word offensive; another sense (not this word) is a slur.
 *   <li>0.3: an imported list of another kind.
 *   <li>0.15: slang or colloquial on the primary sense.
 *   <li>0.1: the primary sense is a person. Alone it never makes a category more than {@code low}.
 *   <li>0.05 instead: a person named by an occupation ({@link BuiltInFlags#OCCUPATIONS}). Occupation is
 *       no protected characteristic and no judgement of a person, so a job title alone is less likely to
 *       name someone by what the signals look for than another person word is; the stigmatised
 *       occupations carry their own signal.
 * </ul>
 */
public final class RiskWeights {
  public static final double WORD_IS_A_SLUR = 0.9;
  public static final double OFFENSIVE_GLOSS = 0.8;
  public static final double SIGNAL = 0.45;
  public static final double OTHER_SENSE_OFFENSIVE = 0.4;
  public static final double SLANG = 0.15;
  public static final double PERSON = 0.1;
  public static final double PERSON_BY_OCCUPATION = 0.05;
  public static final double HIGH = 0.7;
  public static final double MEDIUM = 0.4;

  private RiskWeights() {}

  /** One weighted piece of evidence, as hits and pages show it. */
  public record Evidence(String what, double weight) {}

  /**
   * The evidence in a category's built-in flags ({@code label} is the label as written, {@code scores}
   * its senses' scores: see {@link BuiltInFlags#marksWord}).
   */
  public static List<Evidence> ofFlags(List<Flag> flags, String label, List<SenseScore> scores) {
    String word = label == null ? null : CategoryKeys.ofLabel(label);
    List<Evidence> out = new ArrayList<>();
    boolean slur = false;
    boolean gloss = false;
    boolean other = false;
    boolean slang = false;
    boolean person = false;
    Flag occupation = flags.stream().filter(f -> f.primary() && f.name().equals("occupation")).findFirst().orElse(null);
    for (Flag f : flags) {
      if (BuiltInFlags.marksWord(f, word, scores) && !slur) {
        out.add(new Evidence(f.name() + ": " + f.evidence(), WORD_IS_A_SLUR));
        slur = true;
      } else if (f.name().equals("offensive-gloss") && f.primary() && !gloss) {
        out.add(new Evidence("offensive-gloss: " + f.evidence(), OFFENSIVE_GLOSS));
        gloss = true;
      } else if ((BuiltInFlags.MASKED.contains(f.name()) || f.name().equals("offensive-gloss")) && !f.primary() && !other) {
        out.add(new Evidence(f.name() + " on another sense: " + f.evidence(), OTHER_SENSE_OFFENSIVE));
        other = true;
      } else if ((f.name().equals("slang") || f.name().equals("colloquialism")) && f.primary() && !slang) {
        out.add(new Evidence(f.name() + ": " + f.evidence(), SLANG));
        slang = true;
      } else if (f.name().equals("person") && f.primary() && !person) {
        out.add(occupation == null ? new Evidence("person: " + f.evidence(), PERSON)
            : new Evidence("person named by an occupation: " + occupation.evidence(), PERSON_BY_OCCUPATION));
        person = true;
      }
    }
    return out;
  }

  /** The weight of membership in an imported list of a kind. */
  public static double ofList(String kind) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "offensive", "unsafe" -> WORD_IS_A_SLUR;
      case "sensitive" -> 0.6;
      default -> 0.3;
    };
  }

  /** Combines weights: {@code 1 - prod(1 - w)}. */
  public static double combine(double... weights) {
    double keep = 1;
    for (double w : weights) {
      keep *= 1 - w;
    }
    return 1 - keep;
  }

  /** {@code high}, {@code medium} or {@code low}. */
  public static String level(double risk) {
    return risk >= HIGH ? "high" : risk >= MEDIUM ? "medium" : "low";
  }
}
