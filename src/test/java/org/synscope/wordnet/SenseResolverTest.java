package org.synscope.wordnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synscope.Fixtures;

class SenseResolverTest {
  private final SenseResolver wn = new SenseResolver(Fixtures.wordNet30());

  private static List<String> ids(SenseMapping m) {
    return m.senses().stream().map(NounSynset::id).toList();
  }

  @Test
  void wnidMapsExactlyOrNotAtAll() {
    SenseMapping dog = wn.byId("n02084071");
    assertEquals(MappingStatus.EXACT, dog.status());
    assertEquals(List.of("n02084071"), ids(dog));
    SenseMapping none = wn.byId("n99999999");
    assertEquals(MappingStatus.UNMAPPED, none.status());
    assertEquals("n99999999 is not a noun synset of WordNet 3.0", none.reason());
  }

  @Test
  void labelsAreUniqueAmbiguousOrUnmapped() {
    SenseMapping molester = wn.byLabel("molester", null);
    assertEquals(MappingStatus.UNIQUE, molester.status());
    assertEquals(List.of("n10327333"), ids(molester));

    SenseMapping taco = wn.byLabel("taco", null);
    assertEquals(MappingStatus.AMBIGUOUS, taco.status());
    assertEquals(List.of("n09722898", "n07880751"), ids(taco));

    SenseMapping none = wn.byLabel("justin_bieberz", null);
    assertEquals(MappingStatus.UNMAPPED, none.status());
    assertEquals("'justin bieberz' is not a WordNet 3.0 noun", none.reason());

    SenseMapping plural = wn.byLabel("molesters", null);
    assertEquals("looked up as its base form 'molester'", plural.reason());
  }

  @Test
  void anOverridePinsThePrimarySenseAndKeepsTheOthers() {
    SenseMapping taco = wn.byLabel("taco", "n07880751");
    assertEquals(MappingStatus.OVERRIDDEN, taco.status());
    assertEquals(List.of("n07880751", "n09722898"), ids(taco));
    assertEquals("sense pinned to taco.n.02 by the override file", taco.reason());
    assertThrows(IllegalArgumentException.class, () -> wn.byLabel("taco", "n99999999"));
  }
}
