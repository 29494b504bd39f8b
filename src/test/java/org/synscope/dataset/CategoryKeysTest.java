package org.synscope.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.synscope.Fixtures;

/** Category keys: the one-pass ASCII path gives what the general normaliser gives. */
class CategoryKeysTest {
  /** The general path, the definition of a key. */
  private static String reference(String label) {
    String s = Normalizer.normalize(label, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    return s.replace('_', ' ').replaceAll("\\s+", " ");
  }

  @Test
  void examples() {
    assertEquals("chicken taco", CategoryKeys.ofLabel("Chicken_Taco"));
    assertEquals(" dog ", CategoryKeys.ofLabel("_dog_")); // stripped before '_' becomes a space
    assertEquals("a b", CategoryKeys.ofLabel(" \tA _\n b\u001f"));
    assertEquals("a\u001cb", CategoryKeys.ofLabel("\u001ca\u001cb"));
    assertEquals("gödel", CategoryKeys.ofLabel("Go\u0308del"));
    assertEquals("", CategoryKeys.ofLabel(" \t "));
  }

  @Test
  void randomTextAndTheSharedListsAgreeWithTheGeneralPath() throws IOException {
    List<String> labels = new ArrayList<>();
    String alphabet = "aZ_ .'-\t\n\u000b\f\r\u001a\u001c\u001f\u00e9\u0308";
    Random random = new Random(9);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        b.append(alphabet.charAt(random.nextInt(i % 2 == 0 ? 12 : alphabet.length())));
      }
      labels.add(b.toString());
    }
    Path tiny = Fixtures.shared("tiny-images-classes.csv");
    if (Files.exists(tiny)) {
      labels.addAll(Files.readAllLines(tiny));
    }
    for (String label : labels) {
      assertEquals(reference(label), CategoryKeys.ofLabel(label), () -> "key of '" + label + "'");
    }
  }
}
