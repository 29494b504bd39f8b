package org.synscope.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synscope.Fixtures;
import org.synscope.dataset.LabelRecord;
import org.synscope.flags.Flag;
import org.synscope.wordnet.SenseDisambiguator;
import org.synscope.wordnet.SenseMapping;
import org.synscope.wordnet.SensePolicy;
import org.synscope.wordnet.SenseScore;
import org.synscope.wordnet.Suggestion;

/** The hand-written details JSON is what Jackson's data binding writes for the same record. */
class DetailsJsonTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  private static void assertSameAsJackson(CategoryDetails d) throws Exception {
    assertEquals(JACKSON.writeValueAsString(d), DetailsJson.write(d));
  }

  @Test
  void everyComponentWithAwkwardValues() throws Exception {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("class_ind", 13L);
    metadata.put("share", 0.25);
    metadata.put("huge", 1e300);
    metadata.put("not a number", Double.NaN);
    metadata.put("coarse", "aquatic \"mammals\"\n\u001a");
    metadata.put("int", 7);
    metadata.put("decimal", new BigDecimal("1.50"));
    assertSameAsJackson(new CategoryDetails(3, null, "why: 'quoted' \"twice\" \\ / \u00e9\u2019",
        List.of(new SenseInfo("n00000006", "dog.n.01", List.of("dog", "domestic dog"), "a member \"of\" the genus",
            List.of("the dog barked", "\"x\""), "noun.animal"),
            new SenseInfo("n00000011", "kid.n.02", List.of(), "", List.of(), "")),
        List.of(List.of(new PathNode("n00000001", "entity.n.01", false), new PathNode("n00000008", "slur.n.01", true)),
            List.of()),
        List.of(new Flag("ethnic-slur", "wordnet-usage", "n00000008", "slurword.n.01", true, "Slurword", "evidence"),
            new Flag("person", "hierarchy", null, null, false, null, "under person.n.01")),
        metadata, 0.4999, List.of(new SenseScore("n1", "a.n.01", 0.75), new SenseScore("n2", "b.n.01", Double.NaN)),
        List.of(new Suggestion("n00007846", "person.n.01", "perhaps a personal name"))));
  }

  @Test
  void emptyAndNullComponents() throws Exception {
    assertSameAsJackson(new CategoryDetails(0, null, null, List.of(), List.of(), List.of(), Map.of(), null, null, null));
    assertSameAsJackson(new CategoryDetails(-1, "", "", List.of(), List.of(List.of()), List.of(), Map.of("k", ""),
        Double.NEGATIVE_INFINITY, List.of(), List.of()));
  }

  @Test
  void everyCategoryOfTheHandMadeListUnderEitherPolicy() throws Exception {
    CategoryEnricher enricher = new CategoryEnricher(Fixtures.handMade());
    List<LabelRecord> rows = new ArrayList<>();
    String[] labels = {"dog", "domestic_dog", "cat", "rex", "kid", "unicorn", "canine", "slurword", "dogg", "cat dog"};
    for (int i = 0; i < labels.length; i++) {
      rows.add(new LabelRecord(i + 1, labels[i], null, (long) i, Map.of("n", (long) i, "note", labels[i])));
    }
    rows.add(LabelRecord.ofWnid(rows.size() + 1, "n00000010", null));
    for (SensePolicy policy : SensePolicy.values()) {
      List<SenseDisambiguator.Item> items = new ArrayList<>();
      for (LabelRecord row : rows) {
        items.add(new SenseDisambiguator.Item(enricher.map(row, null, ""), null, java.util.Set.of(), java.util.Set.of()));
      }
      List<SenseMapping> chosen = enricher.choose(items, policy);
      for (int i = 0; i < rows.size(); i++) {
        assertSameAsJackson(CategoryDocuments.details(enricher.build("fixture", rows.get(i), chosen.get(i))));
      }
    }
  }
}
