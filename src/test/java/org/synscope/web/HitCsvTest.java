package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.HandMadeSearch;
import org.synscope.audit.Scope;
import org.synscope.io.Utf8Writer;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;

/** CSV rows whose snapshot-fixed parts the searcher keeps, on the hand-made fixture. */
class HitCsvTest {
  @TempDir
  Path dir;
  HandMadeSearch fixture;
  LabelSearcher searcher;

  @BeforeEach
  void setUp() {
    fixture = new HandMadeSearch(dir);
    searcher = fixture.searcher;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  /** The export as the web serves it: kept parts, bytes through a {@link Utf8Writer}. */
  String kept() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    Utf8Writer out = new Utf8Writer(bytes, 64);
    HitCsv csv = new HitCsv(out);
    searcher.export(SearchRequest.all(), HitCsv.FIXED, csv::row);
    try {
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The export as the CLI writes it: every row made afresh, text through a plain writer. */
  String fresh() {
    StringWriter out = new StringWriter();
    HitCsv csv = new HitCsv(out);
    searcher.export(SearchRequest.all(), csv::row);
    return out.toString();
  }

  @Test
  void keptRowsEqualFreshOnesAndFollowAListImportedAfterThem() {
    String before = kept();
    assertEquals(fresh(), before);
    assertEquals(before, kept(), "the second export reads what the first kept");
    assertEquals(List.of(
        "fixture,cat,cat,n00000007,cat.n.01,30,unique,whole,confident,,,a small domesticated feline,"
            + "entity.n.01 > animal.n.01 > pet.n.01 > cat.n.01",
        "fixture,slurword,slurword,n00000008,slurword.n.01,3,unique,whole,confident,ethnic-slur;offensive-gloss;person,"
            + "ethnic-slur;offensive-gloss;person,offensive term for a made-up group,entity.n.01 > person.n.01 > slurword.n.01"),
        rows(before, "fixture,cat,", "fixture,slurword,"));
    fixture.importList("cats", "cat\nslurword\n", "labels", Scope.CATEGORY);
    String after = kept();
    assertEquals(List.of(
        "fixture,cat,cat,n00000007,cat.n.01,30,unique,whole,confident,cats,cats,a small domesticated feline,"
            + "entity.n.01 > animal.n.01 > pet.n.01 > cat.n.01",
        "fixture,slurword,slurword,n00000008,slurword.n.01,3,unique,whole,confident,ethnic-slur;offensive-gloss;person;cats,"
            + "ethnic-slur;offensive-gloss;person;cats,offensive term for a made-up group,entity.n.01 > person.n.01 > slurword.n.01"),
        rows(after, "fixture,cat,", "fixture,slurword,"), "the list is in the flag columns at once");
    assertEquals(fresh(), after);
    assertEquals(8, after.split("\r\n").length);
  }

  private static List<String> rows(String csv, String... starts) {
    return java.util.Arrays.stream(csv.split("\r\n"))
        .filter(r -> java.util.Arrays.stream(starts).anyMatch(r::startsWith)).toList();
  }
}
