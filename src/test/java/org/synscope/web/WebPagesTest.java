package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.audit.AuditStore;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.search.LabelSearcher;

/**
 * Every page and its JSON twin over the hand-made fixture (see {@link Fixtures#handMade()}), plus a
 * label that is an XSS attempt. Pages are parsed into data; numbers are the hand-computed ones:
 * dog 100, domestic_dog 50, cat 30, rex 7, kid 20, unicorn 5, canine 0, slurword 3, and the
 * unmapped {@code <script>} label with 1 image.
 */
class WebPagesTest {
  @TempDir
  static Path dir;
  static LabelSearcher searcher;
  static AuditStore audit;
  static Javalin app;
  static FixtureServer server;
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String XSS = "<script>alert(1)</script>";

  @BeforeAll
  static void serve() throws IOException {
    Path labels = Fixtures.handMadeLabels(dir);
    Files.writeString(labels, Files.readString(labels) + XSS + "\t1\n");
    IndexCatalog catalog = new IndexCatalog(dir.resolve("index"));
    new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade()))
        .index(new DatasetIndexer.Request("fixture", labels, null, false, null, org.synscope.wordnet.SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    audit = AuditStore.open(catalog.root(), true, 1_000); // the cheap hash cost of test accounts
    server = FixtureServer.start(catalog, audit);
    searcher = server.searcher();
    app = server.app();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static Document html(String path) {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    return Jsoup.parse(r.body(), "http://127.0.0.1:" + app.port() + "/");
  }

  static JsonNode json(String path) throws IOException {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    return JSON.readTree(r.body());
  }

  static List<String> hits(Document d) {
    return d.select("ol.hits .hit-link").eachText();
  }

  static long total(Document d) {
    return Long.parseLong(d.selectFirst("#results-heading span").text().replace(",", ""));
  }

  /** A facet's values as "name count", in page order. */
  static List<String> facet(Document d, String name) {
    List<String> out = new ArrayList<>();
    for (Element li : d.select("section[aria-labelledby=facet-" + name + "] li")) {
      out.add(li.selectFirst(".name").text() + " " + li.selectFirst(".count").text());
    }
    return out;
  }

  static String toggle(Document d, String facet, String value) {
    for (Element li : d.select("section[aria-labelledby=facet-" + facet + "] li")) {
      if (li.selectFirst(".name").text().equals(value)) {
        return li.selectFirst("a.toggle").attr("href");
      }
    }
    throw new AssertionError("no value " + value + " in facet " + facet);
  }

  static String exclude(Document d, String facet, String value) {
    for (Element li : d.select("section[aria-labelledby=facet-" + facet + "] li")) {
      if (li.selectFirst(".name").text().equals(value)) {
        return li.selectFirst("a.exclude").attr("href");
      }
    }
    throw new AssertionError("no value " + value + " in facet " + facet);
  }

  @Test
  void searchPageShowsExactFacetCounts() {
    Document d = html("/search");
    assertEquals(9, total(d));
    assertEquals("216 images", d.selectFirst("#results-heading span:nth-of-type(2)").text());
    assertEquals(List.of("unique 6", "unmapped 2", "ambiguous 1"), facet(d, "status"));
    assertEquals(List.of("person 2", "ethnic-slur 1", "offensive-gloss 1"), facet(d, "flag"));
    assertEquals(List.of("none 1", "1–99 7", "100–999 1"), facet(d, "images"));
    assertEquals(List.of("unreviewed 9"), facet(d, "review"));
    List<String> children = d.select("section.facet-hierarchy ul.children li .name").eachText();
    assertEquals(List.of("animal.n.01", "person.n.01"), children);
    assertEquals(List.of("5", "2"), d.select("section.facet-hierarchy ul.children li .count").eachText());
    assertTrue(d.selectFirst("section.facet-hierarchy .node-total").text().contains("2 unmapped"));
  }

  @Test
  void facetsCombineOrWithinAndAcrossWithSidewaysCountsAndNot() {
    Document all = html("/search");
    Document person = html(toggle(all, "flag", "person"));
    assertEquals(List.of("kid", "s*******"), hits(person));
    assertEquals(List.of("person 2", "ethnic-slur 1", "offensive-gloss 1"), facet(person, "flag"), "drill sideways");
    assertEquals(List.of("ambiguous 1", "unique 1"), facet(person, "status"));
    assertEquals(List.of("flag: person"), person.select(".chip > span").eachText());

    Document and = html(toggle(person, "status", "ambiguous"));
    assertEquals(List.of("kid"), hits(and));
    assertEquals(List.of("flag: person", "status: ambiguous"), and.select(".chip > span").eachText());

    Document or = html(toggle(person, "flag", "ethnic-slur"));
    assertEquals(2, total(or));
    assertEquals(List.of("flag: ethnic-slur", "flag: person"), or.select(".chip > span").eachText(), "in link order");

    Document not = html(exclude(all, "flag", "person"));
    assertEquals(7, total(not));
    assertEquals(List.of("not flag: person"), not.select(".chip > span").eachText());
    Document removed = html(not.selectFirst(".chip a.chip-remove").attr("href"));
    assertEquals(9, total(removed));
  }

  @Test
  void drillingIntoTheHierarchyGivesAsManyHitsAsTheFacetSaid() {
    Document all = html("/search");
    for (Element child : all.select("section.facet-hierarchy ul.children li")) {
      long count = Long.parseLong(child.selectFirst(".count").text());
      Document drilled = html(child.selectFirst("a").attr("href"));
      assertEquals(count, total(drilled), child.text());
    }
    Document pet = html("/search?under=pet.n.01&sort=images");
    assertEquals(List.of("dog", "domestic_dog", "cat", "rex"), hits(pet));
    assertEquals(List.of("entity.n.01", "animal.n.01", "pet.n.01"),
        pet.select("section.facet-hierarchy .crumbs a").eachText());
    assertEquals(List.of("under: canine.n.01"), html("/search?under=n00000004").select(".chip > span").eachText(),
        "the node's name, as the hierarchy shows it, not its wnid");
  }

  @Test
  void theShareLinkIsCanonicalAndOpensTheSameView() throws IOException {
    Document d = html("/search?status=unique&sort=images&flag=person&q=&dataset=fixture");
    String share = d.selectFirst("#share-url").val();
    assertTrue(share.endsWith("/search?dataset=fixture&flag=person&status=unique&sort=images"), share);
    Document again = html(share.substring(share.indexOf("/search")));
    assertEquals(hits(d), hits(again));
    assertEquals(share, again.selectFirst("#share-url").val());
    JsonNode twin = json("/search.json?dataset=fixture&flag=person&status=unique&sort=images");
    assertEquals(total(d), twin.get("total").asLong());
    assertEquals("dataset=fixture&flag=person&status=unique&sort=images", twin.get("query").asText());
  }

  @Test
  void exportsHoldTheWholeResult() throws IOException {
    HttpResponse<String> csv = get("/search.csv?size=2");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals(1 + 9, csv.body().split("\r\n").length);
    HttpResponse<String> jsonl = get("/search.jsonl?flag=person");
    assertEquals(2, jsonl.body().lines().count());
    assertEquals("kid", JSON.readTree(jsonl.body().lines().findFirst().orElseThrow()).get("label").asText());
    Document page = html("/search?flag=person");
    assertEquals("/search.csv?flag=person", page.select("nav.exports a").get(1).attr("href"));
    // The page's size is no export's (they hold the whole result), nor the tree's (there it counts children).
    Document small = html("/search?flag=person&size=1&page=2");
    assertEquals("/search.csv?flag=person", small.select("nav.exports a").get(1).attr("href"));
    assertEquals(List.of(), small.select("a[href^=/tree]").eachAttr("href").stream().filter(h -> h.contains("size=")).toList());
    String notPerson = get("/search.csv?not_flag=person").body();
    assertEquals(1 + 7, notPerson.split("\r\n").length);
    HttpResponse<String> deep = get("/search.csv?not_flag=person&page=201&size=100"); // a page would pass hit 20,000
    assertEquals(200, deep.statusCode(), deep.body());
    assertEquals(notPerson, deep.body(), "an export is the whole result whatever the page");
    assertEquals(2, get("/search.jsonl?flag=person&page=999").body().lines().count());
    for (String twice : List.of("page=1&page=2", "size=5&size=6", "reveal=1&reveal=0")) {
      assertEquals(400, get("/search.csv?" + twice).statusCode(), twice + ": ignored, but given twice");
    }
    HttpResponse<String> missing = get("/search.csv?dataset=nosuch");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.headers().firstValue("Content-Disposition").isEmpty(), "the error is shown, not saved as a .csv");
    assertEquals(400, get("/search?reveal=2").statusCode(), "reveal=2 showed the masked view without a word");
    assertEquals(200, get("/search?reveal=0").statusCode());
  }

  @Test
  void anExportIsTheSameWhetherOrNotTheClientAcceptsCompression() throws Exception {
    // Without Accept-Encoding the export bypasses Javalin's compressing stream; with it, Javalin decides
    // (this export is under its 1,500-byte minimum; a 6 MB one is sent as gzip).
    HttpResponse<String> plain = get("/search.csv");
    assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
    assertEquals(1 + 9, plain.body().split("\r\n").length);
    HttpResponse<byte[]> accepting = HTTP.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + app.port() + "/search.csv")).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = accepting.body();
    if (accepting.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      }
    }
    assertEquals(plain.body(), new String(body, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void labelsAreEscapedEverywhere() throws IOException {
    HttpResponse<String> r = get("/search?q=alert");
    assertFalse(r.body().contains(XSS), "the raw label must never reach the page");
    Document d = Jsoup.parse(r.body());
    assertEquals(List.of(XSS), hits(d));
    assertTrue(d.select("script").stream().allMatch(s -> s.hasAttr("src")), "only external scripts");
    HttpResponse<String> category = get("/c/fixture/" + java.net.URLEncoder.encode(XSS, "UTF-8").replace("+", "%20"));
    assertEquals(200, category.statusCode());
    assertFalse(category.body().contains(XSS));
    assertEquals(XSS, Jsoup.parse(category.body()).selectFirst(".category-head h1 span").text());
  }

  @Test
  void securityHeadersAreSet() {
    HttpResponse<String> r = get("/search");
    assertEquals(WebServer.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""));
    assertTrue(r.headers().firstValue("Server-Timing").orElse("").startsWith("app;dur="));
  }

  @Test
  void slursAreMaskedUntilRevealedAndStillFound() throws IOException {
    Document masked = html("/search?q=slurword");
    assertEquals(List.of("s*******"), hits(masked));
    assertEquals("masked", masked.selectFirst(".hit .badge-masked").text());
    assertTrue(masked.selectFirst(".content-note").text().startsWith("Content note: 1 label on this page is flagged as a slur"),
        masked.selectFirst(".content-note").text());
    String reveal = masked.selectFirst(".content-note a").attr("href");
    assertEquals("/search?q=slurword&reveal=1", reveal);
    Document revealed = html(reveal);
    assertEquals(List.of("slurword"), hits(revealed));
    assertTrue(revealed.selectFirst("#share-url").val().endsWith("reveal=1"));
    assertEquals("/c/fixture/slurword?reveal=1", revealed.selectFirst(".hit-link").attr("href"));
    Document category = html("/c/fixture/slurword");
    assertEquals("s*******", category.selectFirst(".category-head h1 span").text());
    assertEquals("s*******", category.select(".facts dd").get(1).text(), "lemmas are masked too");
    assertEquals("slurword", html("/c/fixture/slurword?reveal=1").selectFirst(".category-head h1 span").text());
    JsonNode twin = json("/search.json?q=slurword");
    assertEquals("slurword", twin.get("hits").get(0).get("label").asText(), "JSON keeps the data");
    assertEquals("s*******", twin.get("hits").get(0).get("display").asText());
    assertTrue(twin.get("hits").get(0).get("masked").asBoolean());
    // The JSONL export says the same (it said masked: false, display raw, with reveal=1 in every link).
    JsonNode line = JSON.readTree(get("/search.jsonl?q=slurword").body().lines().findFirst().orElseThrow());
    assertEquals(List.of("slurword", "s*******", "true"),
        List.of(line.get("label").asText(), line.get("display").asText(), line.get("masked").asText()));
    assertFalse(line.toString().contains("reveal=1"), line.toString());
    JsonNode revealedLine = JSON.readTree(get("/search.jsonl?q=slurword&reveal=1").body().lines().findFirst().orElseThrow());
    assertEquals(List.of("slurword", "false"), List.of(revealedLine.get("display").asText(), revealedLine.get("masked").asText()));
  }

  @Test
  void aNodeGivenByNameIsLinkedByItsId() throws IOException {
    // under=animal.n.01 kept the name in its share link while breadcrumbs and facets linked n00000002: two links.
    assertEquals("under=n00000002", json("/search.json?under=animal.n.01").get("query").asText());
    assertEquals("under=n00000002", json("/search.json?under=n00000002").get("query").asText());
    // In any case, as synset: takes them: N00000002 was a 404 "no noun synset".
    assertEquals("under=n00000002", json("/search.json?under=N00000002").get("query").asText());
    assertEquals("under=n00000002", json("/search.json?under=Animal.N.01").get("query").asText());
  }

  @Test
  void aMethodARouteDoesNotTakeIsSaidSo() throws Exception {
    HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        "http://127.0.0.1:" + app.port() + "/search")).header("Accept", "text/html").DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode());
    assertEquals("405 · Not a method this address takes", Jsoup.parse(r.body()).selectFirst("h1").text(), "it said 'Something went wrong'");
    HttpResponse<String> put = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        "http://127.0.0.1:" + app.port() + "/static/style.css")).PUT(java.net.http.HttpRequest.BodyPublishers.ofString("x"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(List.of(405, "GET, HEAD"), List.of(put.statusCode(), put.headers().firstValue("Allow").orElse("")),
        "it was a 404");
  }

  @Test
  void aPagePastTheEndSaysSoAndLinksTheLastPage() throws IOException {
    // 9 categories (the 8 of the fixture and the <script> label), 2 a page: 5 pages. Page 9 said "showing 17–16".
    Document past = html("/search?size=2&page=9");
    assertNull(past.selectFirst(".results-range"));
    assertEquals("Page 9 is past the end of these results. Go to the last page (5).", past.selectFirst(".past-end").text());
    assertEquals("/search?page=5&size=2", past.selectFirst(".past-end a").attr("href"));
    assertEquals("showing 9–9", html("/search?size=2&page=5").selectFirst(".results-range").text().replaceAll(" ·.*", ""));
    assertNull(html("/search?size=2&page=5").selectFirst(".past-end"));
  }

  @Test
  void aDidYouMeanThatNamesASlurIsMaskedLikeTheLabel() throws IOException {
    // The user typed no slur: the page offered it, unmasked, as the correction of a typo.
    assertEquals("Nothing matched. Did you mean s*******?", html("/search?q=slurwordd").selectFirst(".did-you-mean").text());
    assertEquals("Nothing matched. Did you mean slurword?",
        html("/search?q=slurwordd&reveal=1").selectFirst(".did-you-mean").text());
    assertEquals("Nothing matched. Did you mean dog?", html("/search?q=dgo").selectFirst(".did-you-mean").text());
    JsonNode twin = json("/search.json?q=slurwordd");
    assertEquals("slurword", twin.get("suggestion").asText(), "JSON keeps the data, as it does a hit's label");
    assertEquals("s*******", twin.get("suggestion_display").asText());
    assertTrue(twin.get("suggestion_masked").asBoolean());
    assertFalse(json("/search.json?q=dgo").get("suggestion_masked").asBoolean());
  }

  /** Each hit's badges as "class: text", in page order (status, images, review, risk, then each flag). */
  static List<String> badges(Document d) {
    List<String> out = new ArrayList<>();
    for (Element e : d.select("ol.hits .hit-meta > span:not(.synset):not(.dataset), ol.hits .flags li")) {
      out.add(e.className() + (e.hasAttr("title") ? " [" + e.attr("title") + "]" : "") + ": " + e.text());
    }
    return out;
  }

  @Test
  void hitsCarryTheirStatusImagesRiskAndFlagBadges() {
    // The hand-made fixture (first-sense policy): slurword is flagged ethnic-slur on its synset and is a person (risk 0.9 + 0.1: high);
    // its gloss, "offensive term for ...", calls it offensive, a cue of the pejorative signal. kid (20 images) keeps
    // its first sense (a child, this index's policy is first) is a person; unicorn matches no lemma.
    assertEquals(List.of("status status-unique: unique", "images: 3 images", "risk risk-high: risk high",
        "signal: pejorative", "flag flag-ethnic-slur [holds on the primary sense]: ethnic-slur",
        "flag flag-offensive-gloss [holds on the primary sense]: offensive-gloss",
        "flag flag-person [holds on the primary sense]: person"), badges(html("/search?q=slurword&reveal=1")));
    assertEquals(List.of("status status-ambiguous: ambiguous", "images: 20 images",
        "flag flag-person [holds on the primary sense]: person"), badges(html("/search?q=kid")));
    assertEquals(List.of("status status-unmapped: unmapped", "images: 5 images"), badges(html("/search?q=unicorn")));
    // A flag that holds only on another sense, a review inherited from an ancestor, unknown images, low risk:
    org.synscope.search.Hit hit = new org.synscope.search.Hit("d", "kid", "kid", "n00000011", "kid.n.02", null,
        "ambiguous", "whole", "low", List.of("person", "slang"), List.of("slang"), "young goat", List.of(), Map.of(),
        "offensive", "d/animal", false, "low", 0.15, List.of(), List.of());
    Masking.HitView view = new Masking.HitView(hit, "/c/d/kid", "kid", "kid.n.02", false, Map.of(), List.of());
    assertEquals(List.of(new Masking.FlagBadge("person", "flag flag-other", "holds only on another sense of this label", true),
        new Masking.FlagBadge("slang", "flag flag-slang", "holds on the primary sense", false)), view.flagBadges());
    assertEquals(List.of("images unknown", "reviewed offensive (inherited)", "review review-offensive"),
        List.of(view.imagesText(), view.reviewText(), view.reviewClass()));
    assertEquals(null, view.riskText());
  }

  @Test
  void aSingleMatchIsOneCategory() {
    Document cat = html("/search?q=cat&dataset=fixture");
    assertEquals("1 category, 30 images", cat.selectFirst("#results-heading").text());
    assertEquals("entity.n.01: 1 category, 30 images", cat.selectFirst(".node-total").text().replaceAll(",$", ""));
  }

  @Test
  void aSynsetThatNamesSeveralCategoriesListsThemInsteadOfOpeningOne() throws IOException {
    // dog and domestic_dog both have dog.n.01 as their primary sense: /c/fixture/dog.n.01 opened dog (more images)
    // without a word of the other.
    for (String[] c : List.of(new String[] {"/c/fixture/dog.n.01", "/search?q=synset:n00000006&dataset=fixture"},
        new String[] {"/c/fixture/n00000006.json", "/search.json?q=synset:n00000006&dataset=fixture"},
        new String[] {"/c/fixture/dog.n.01?reveal=1", "/search?q=synset:n00000006&dataset=fixture&reveal=1"},
        // In any case, as labels are found: DOG.N.01 was a 404.
        new String[] {"/c/fixture/DOG.N.01", "/search?q=synset:n00000006&dataset=fixture"})) {
      HttpResponse<String> r = get(c[0]);
      assertEquals(302, r.statusCode(), c[0]);
      assertEquals(c[1], r.headers().firstValue("Location").orElse(""), c[0]);
    }
    assertEquals(List.of("dog", "domestic_dog"), html("/search?q=synset:n00000006&dataset=fixture&sort=label")
        .select(".hit-link").eachText());
    // A category's own key, and a synset only one category holds, still open the page.
    assertEquals(200, get("/c/fixture/domestic_dog").statusCode());
    assertEquals("cat", html("/c/fixture/cat.n.01").selectFirst(".category-head h1 span").text());
  }

  @Test
  void categoryPageAndItsTwin() throws IOException {
    Document dog = html("/c/fixture/dog");
    assertEquals("dog", dog.selectFirst(".category-head h1 span").text());
    assertEquals(2, dog.select("ol.paths > li").size());
    assertEquals(List.of("entity.n.01", "animal.n.01", "canine.n.01", "dog.n.01"),
        dog.select("ol.paths > li").get(0).select("a").eachText());
    assertEquals("/search?dataset=fixture&under=n00000004", dog.select("ol.paths > li").get(0).select("a").get(2).attr("href"));
    assertEquals(List.of("rex.n.01"), dog.select("section[aria-labelledby=children-heading] li a").eachText());
    assertEquals(List.of("cat.n.01"), dog.select("section[aria-labelledby=siblings-heading] li a").eachText());
    assertEquals(List.of("domestic_dog"), dog.select("section[aria-labelledby=same-heading] li a").eachText());
    JsonNode twin = json("/c/fixture/dog.json");
    assertEquals("n00000006", twin.get("category").get("synset").asText());
    assertEquals(2, twin.get("paths").size());
    Document kid = html("/c/fixture/kid");
    assertEquals(List.of("kid.n.02"), kid.select("ol.senses strong").eachText());
    // It said "WordNet's first sense is primary", which a list placed by fit with its other labels belies.
    assertEquals("The label is ambiguous. The primary sense above was chosen as its mapping says; the others follow,"
        + " the likeliest first. An auditor must see every reading.",
        kid.selectFirst("section[aria-labelledby=other-senses-heading] p").text());
    // Each id once: the corrections panel and this list both had id="senses-heading".
    List<String> ids = kid.select("[id]").eachAttr("id");
    assertEquals(ids.size(), java.util.Set.copyOf(ids).size(), ids.toString());
  }

  @Test
  void treePageCountsAndChart() throws IOException {
    Document tree = html("/tree?under=animal.n.01");
    assertEquals(List.of("canine.n.01", "pet.n.01"), tree.select("ul.tree > li > details > summary > a").eachText());
    assertEquals(List.of("4 categories · 157 images", "4 categories · 187 images"),
        tree.select("ul.tree > li > details > summary > .count").eachText());
    assertEquals(List.of("pet.n.01", "canine.n.01"), tree.select("svg.bars .bar-label").eachText(), "bars by images");
    // By hand: labels end at 230 - 8; bars are 18 high with a gap of 6; the largest (187 images) is 420 long and
    // 157 images get round(420 * 157 / 187) = 353; a value is printed 6 past its bar's end, 13 below its top.
    List<String> geometry = new ArrayList<>();
    tree.select("svg.bars .bar-label").forEach(e -> geometry.add(e.attr("x") + "," + e.attr("y")));
    tree.select("svg.bars .bar").forEach(e -> geometry.add(e.attr("x") + "," + e.attr("y") + "," + e.attr("width")));
    tree.select("svg.bars .bar-value").forEach(e -> geometry.add(e.attr("x") + "," + e.attr("y") + " " + e.text()));
    assertEquals(List.of("222,13", "222,37", "230,0,420", "230,24,353", "656,13 187", "589,37 157"), geometry);
    assertEquals(List.of("dog.n.01", "cat.n.01"), tree.select("ul.tree > li").get(1).select("details > ul a").eachText());
    JsonNode twin = json("/tree.json?under=animal.n.01");
    assertEquals(5, twin.get("categories").asLong());
    assertEquals(187, twin.get("images").asLong());
    Document root = html("/tree");
    assertEquals("1 offensive", root.select("ul.tree > li").get(1).selectFirst("summary .flagged").text());
  }

  @Test
  void treePagesItsChildren() throws IOException {
    Document first = html("/tree?under=animal.n.01&size=1");
    assertEquals(List.of("canine.n.01"), first.select("ul.tree > li > details > summary > a").eachText());
    assertEquals("1–1 of 2, most categories first", first.selectFirst("#tree-heading small").text());
    assertEquals("page 1 of 2", first.selectFirst("nav.pagination span").text());
    Document second = html(first.selectFirst("nav.pagination a[rel=next]").attr("href"));
    assertEquals(List.of("pet.n.01"), second.select("ul.tree > li > details > summary > a").eachText());
    assertEquals(null, second.selectFirst("nav.pagination a[rel=next]"));
    JsonNode twin = json("/tree.json?under=animal.n.01&size=1&page=2");
    assertEquals(2, twin.get("child_count").asInt());
    assertEquals(2, twin.get("pages").asInt());
    assertEquals("pet.n.01", twin.get("children").get(0).get("node").get("name").asText());
    assertEquals(5, twin.get("categories").asLong(), "the node's totals do not depend on the page");
    // Past the last page: empty, and saying so (it showed page 2 while its link said page 9).
    JsonNode past = json("/tree.json?under=animal.n.01&size=1&page=9");
    assertEquals(9, past.get("page").asInt());
    assertEquals(0, past.get("children").size());
    assertEquals(0, past.get("first").asInt());
    assertEquals("Page 9 is past the last page, 2.", html("/tree?under=animal.n.01&size=1&page=9")
        .selectFirst("section[aria-labelledby=tree-heading] p.muted").text());
  }

  @Test
  void homeAndDatasetsPages() throws IOException {
    Document home = html("/");
    assertEquals(List.of("fixture"), home.select(".cards h3 a").eachText());
    assertEquals(List.of("animal.n.01", "person.n.01"), home.select("section.facet-hierarchy ul.children .name").eachText());
    HttpResponse<String> redirect = get("/?q=dog");
    assertEquals(302, redirect.statusCode());
    assertEquals("/search?q=dog", redirect.headers().firstValue("Location").orElse(""));
    Document datasets = html("/datasets");
    assertEquals(List.of("fixture", "9", "216"), datasets.select("tbody tr").get(0).select("th, td").eachText().subList(0, 3));
    assertEquals(9, json("/datasets.json").get(0).get("categories").asLong());
    JsonNode homeTwin = json("/index.json");
    assertEquals(9, homeTwin.get("overview").get("total").asLong());
    // The twin took any parameter and answered the unfiltered home page (/index.json?q=dog: 9 categories).
    assertEquals(400, get("/index.json?q=dog").statusCode());
    // A stray '&' was "unknown parameter ''".
    assertEquals("the URL's query has a parameter with no name (a stray '&' or a value with no 'name=' before it);"
        + " remove it", JSON.readTree(get("/search.json?q=dog&").body()).get("error").asText());
    assertEquals("/index.json", home.selectFirst("link[rel=alternate]").attr("href"));
    assertEquals("/search.json?flag=person", html("/search?flag=person").selectFirst("link[rel=alternate]").attr("href"));
    JsonNode suggest = json("/suggest.json?q=do");
    assertEquals(List.of("dog", "domestic_dog"), List.of(suggest.get(0).get("label").asText(), suggest.get(1).get("label").asText()));
  }

  @Test
  void errorsArePagesOrJsonNeverStackTraces() throws IOException {
    HttpResponse<String> parse = get("/search?q=dog%20AND%20(");
    assertEquals(400, parse.statusCode());
    Document page = Jsoup.parse(parse.body());
    assertTrue(page.selectFirst(".error-message").text().startsWith("cannot parse the query 'dog AND ('"));
    assertTrue(page.selectFirst("main").text().contains("put phrases in double quotes"));
    HttpResponse<String> missing = get("/c/fixture/nope");
    assertEquals(404, missing.statusCode());
    assertEquals("no category 'nope' in dataset 'fixture'", Jsoup.parse(missing.body()).selectFirst(".error-message").text());
    assertEquals(404, get("/no/such/page").statusCode());
    assertTrue(get("/no/such/page").body().contains("no page at /no/such/page"));
    HttpResponse<String> twin = get("/search.json?q=dog%20AND%20(");
    assertEquals(400, twin.statusCode());
    assertEquals(400, JSON.readTree(twin.body()).get("status").asInt());
    assertEquals(404, JSON.readTree(get("/c/fixture/nope.json").body()).get("status").asInt());
    assertEquals(400, get("/search.csv?q=(").statusCode());
    assertEquals(400, get("/search?flags=person").statusCode());
    assertEquals(404, get("/tree?under=unicorn.n.01").statusCode());
    for (HttpResponse<String> r : List.of(parse, missing, twin)) {
      assertFalse(r.body().contains("Exception") || r.body().contains("at org."), r.body());
    }
  }

  @Test
  void jettysOwnErrorsHaveTheJsonShapeAndTheSecurityHeaders() throws Exception {
    String base = "http://127.0.0.1:" + app.port();
    HttpResponse<String> longUrl = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        base + "/search?q=" + "a".repeat(20_000))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(414, longUrl.statusCode());
    assertEquals("{\"error\":\"the URL is too long; shorten its query or path\",\"status\":414}", longUrl.body());
    HttpResponse<String> nul = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/c/fixture/dog%00"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, nul.statusCode());
    assertTrue(nul.body().contains("is its URL malformed (a % not followed by two hex digits, or an encoded NUL"), nul.body());
    assertEquals(WebServer.CSP, longUrl.headers().firstValue("Content-Security-Policy").orElse(""));
    assertEquals("nosniff", longUrl.headers().firstValue("X-Content-Type-Options").orElse(""));
    HttpResponse<String> bigHeader = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/"))
        .header("X-Big", "a".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(431, bigHeader.statusCode());
    assertEquals("{\"error\":\"the request headers are too large\",\"status\":431}", bigHeader.body());
    assertEquals("DENY", bigHeader.headers().firstValue("X-Frame-Options").orElse(""));
  }

  @Test
  void headAnswersAsGetWouldWithoutTheBody() throws Exception {
    // HEAD answered 200 text/plain for everything, so a link checker took dead links for live ones.
    for (String path : List.of("/c/fixture/dog", "/c/fixture/dog.json", "/c/fixture/zebra", "/c/fixture/zebra.json",
        "/queue.json?dataset=nope", "/search.json?q=dog")) {
      HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> get = get(path);
      assertEquals(get.statusCode(), head.statusCode(), path);
      assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
      assertEquals("", head.body(), path);
    }
    assertEquals(404, get("/c/fixture/zebra").statusCode());
  }
}
