package org.synscope.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvFieldsTest {
  @Test
  void aFormulaIsDefusedAndOnlyAWholeNumberIsLeftAsItIs() {
    assertEquals("'-1+cmd|' /C calc'!A0", CsvFields.quote("-1+cmd|' /C calc'!A0"));
    assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\"").replaceFirst("^", "\"") + "\"",
        CsvFields.quote("=HYPERLINK(\"x\")"));
    assertEquals("'@SUM(A1)", CsvFields.quote("@SUM(A1)"));
    assertEquals("'\tx", CsvFields.quote("\tx"));
    assertEquals("-5", CsvFields.quote("-5"));
    assertEquals("-2.5", CsvFields.quote("-2.5"));
    assertEquals("+3", CsvFields.quote("+3"));
    assertEquals("dog", CsvFields.quote("dog"));
  }
}
