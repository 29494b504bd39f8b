package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Views built in Java for pages: what they show and mask. */
class PageViewsTest {
  @Test
  void aUsersSignalIsBroadWhereItMarksOverFivePercentOfAThousandOrMoreCategories() {
    // The hostile pass's cue "a" marked 8,193 of Tiny Images' 75,846 categories (10.8%) and nothing said so.
    Map<String, Long> marked = new LinkedHashMap<>();
    marked.put("tiny-images", 8_193L);
    marked.put("wordnet", 4_105L); // 5.0% of 82,115 exactly is 4,105.75: not over
    marked.put("cifar100", 40L); // 40% of a list too small to judge
    Map<String, Long> totals = Map.of("tiny-images", 75_846L, "wordnet", 82_115L, "cifar100", 100L);
    assertEquals(List.of("tiny-images (10.8%)"), RiskPages.broad(marked, totals));
  }

  @Test
  void aMaskedLabelIsMaskedInTheImagesPathToo() {
    // A folder names files after their class: the image page showed "source kike/k.png" under a masked label.
    org.synscope.search.ImageHit hit = new org.synscope.search.ImageHit("tiny", 10, "slurword", null, "slurword",
        "n00000008", "slurword.n.01", null, "slurword/Slurword_2.png", Map.of(), true, true);
    assertEquals("s*******/S*******_2.png", ImagesPage.view(hit, null, false).source());
    assertEquals("slurword/Slurword_2.png", ImagesPage.view(hit, null, true).source());
  }

  @Test
  void aBulkViewOverTheLimitSaysSoInsteadOfOfferingAFormThatFails() {
    // The page offered "Record for 75,846 categories"; the POST then failed with "at most 20000".
    assertEquals(true, new BulkPage("", 75_846, 0, List.of(), List.of(), "/", List.of(), "b1").tooMany());
    assertEquals(false, new BulkPage("", 20_000, 0, List.of(), List.of(), "/", List.of(), "b1").tooMany());
  }
}
