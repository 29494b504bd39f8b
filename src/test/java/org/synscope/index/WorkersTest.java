package org.synscope.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Work spread over threads comes back in item order, and a failure comes back to the caller. */
class WorkersTest {
  @Test
  void resultsAreInItemOrderWhateverThreadMadeThem() {
    List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
    List<String> expected = items.stream().map(i -> "#" + i).toList();
    for (int threads : new int[] {1, 2, 3, 8}) {
      assertEquals(expected, new Workers(threads).map(items, i -> "#" + i, ProgressListener.NONE));
    }
    assertEquals(List.of(), new Workers(2).map(List.<Integer>of(), i -> i, ProgressListener.NONE));
  }

  @Test
  void aFailureIsRethrownToTheCaller() {
    List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Workers(2).map(items, i -> {
      if (i == 777) {
        throw new IllegalArgumentException("row 777");
      }
      return i;
    }, ProgressListener.NONE));
    assertEquals("row 777", e.getMessage());
  }
}
