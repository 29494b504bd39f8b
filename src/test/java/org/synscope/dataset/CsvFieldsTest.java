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

  @Test
  void quotingIntoABuilderAppendsExactlyWhatQuoteReturns() {
    // Written out by hand (RFC 4180: enclose in quotes, double inner quotes; defuse a formula with ').
    assertEquals("x,\"'=a,\"\"b\"\"\",\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\",'+1a,-7,",
        CsvFields.quoteInto(new StringBuilder("x,"), "=a,\"b\"").append(',')
            .append(CsvFields.quote("a,b")).append(',')
            .append(CsvFields.quoteInto(new StringBuilder(), "say \"hi\"")).append(',')
            .append(CsvFields.quoteInto(new StringBuilder(), "l1\nl2")).append(',')
            .append(CsvFields.quoteInto(new StringBuilder(), "+1a")).append(',')
            .append(CsvFields.quoteInto(new StringBuilder(), "-7")).append(',').toString());
    for (String f : new String[] {"", "dog", "a,b", "say \"hi\"", "=a,\"b\"", "@x", "\tx", "-5", "-1+c", "l1\r\nl2"}) {
      assertEquals(CsvFields.quote(f), CsvFields.quoteInto(new StringBuilder(), f).toString(), f);
    }
  }
}
