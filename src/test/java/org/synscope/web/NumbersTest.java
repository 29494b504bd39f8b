package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void groupsDigitsAsFormatDoes() {
    List<Long> values = List.of(0L, 7L, 999L, 1_000L, -1_000L, 12_345L, 999_999L, 1_000_000L, -79_302_017L,
        Long.MAX_VALUE, Long.MIN_VALUE);
    List<String> expected = List.of("0", "7", "999", "1,000", "-1,000", "12,345", "999,999", "1,000,000", "-79,302,017",
        "9,223,372,036,854,775,807", "-9,223,372,036,854,775,808");
    assertEquals(expected, values.stream().map(Numbers::grouped).toList());
    assertEquals(values.stream().map(v -> String.format(Locale.ROOT, "%,d", v)).toList(),
        values.stream().map(Numbers::grouped).toList());
  }

  @Test
  void countsTakeTheSingularOnlyForOne() {
    assertEquals(List.of("0 images", "1 image", "2 images", "1,000 images"),
        List.of(0L, 1L, 2L, 1_000L).stream().map(n -> Numbers.of(n, "image", "images")).toList());
  }
}
