package org.synscope.wordnet;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.synscope.config.BadInput;

/** The WordNet releases synscope can load; each is read from its own extJWNL data jar. */
public enum WordNetVersion {
  V2_1("2.1", "wn21"),
  V3_0("3.0", "wn30"),
  V3_1("3.1", "wn31");

  private final String label;
  private final String dataPackage;
  WordNetVersion(String label, String dataPackage) {
    this.label = label;
    this.dataPackage = dataPackage;
  }

  /** The version as users write it, e.g. {@code 3.0}. */
  public String label() {
    return label;
  }

  /**
   * The extJWNL properties file inside this version's data jar. All data jars also carry a
   * top-level {@code extjwnl_resource_properties.xml}, so the default instance depends on classpath
   * order; naming the file inside the version's own package avoids that trap.
   */
  String resource() {
    return "/net/sf/extjwnl/data/wordnet/" + dataPackage + "/res_properties.xml";
  }

  /** The Maven artifact holding this version's data. */
  String dataArtifact() {
    return "net.sf.extjwnl:extjwnl-data-" + dataPackage;
  }

  /** Parses {@code 3.0}, {@code 3}, {@code 30}, {@code wn30}; throws with the accepted values otherwise. */
  public static WordNetVersion parse(String text) {
    String t = text.trim().toLowerCase().replaceFirst("^wn", "");
    for (WordNetVersion v : values()) {
      if (v.label.equals(t) || v.label.replace(".", "").equals(t) || (v == V3_0 && t.equals("3"))) {
        return v;
      }
    }
    throw new BadInput("unknown WordNet version '" + text + "' (use one of "
        + Arrays.stream(values()).map(WordNetVersion::label).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return label;
  }
}
