package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.audit.AuditStore;
import org.synscope.config.BadInput;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.ImageIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.search.LabelSearcher;

/**
 * A Tiny Images metadata file and pixel file made byte by byte (six images), imported into a dataset
 * that had no categories, then served: the images view's counts, facets and hierarchy, one image's
 * page, its pixels as PNG (blurred for an offensive category until revealed), and the errors.
 *
 * <p>The records, by number: 0 dog (google, www.flickr.com, 2006), 1 dog (altavista, farm.flickr.com),
 * 2 cat (google, cats.example.org, 2007), 3 slurword (google, bad.example.net), 4 kid (ask,
 * www.kids.example.com), 5 unicorn (google, unicorns.example.org; not in the hand-made WordNet).
 */
class ImagesHttpTest {
  @TempDir
  static Path dir;
  static LabelSearcher searcher;
  static AuditStore audit;
  static Javalin app;
  static FixtureServer server;
  static IndexCatalog catalog;
  static String auditor;
  static String viewer;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  /** A 768-byte metadata record: keyword, date, engine and source URL at their offsets, spaces elsewhere. */
  static byte[] record(String keyword, String date, String engine, String source) {
    byte[] r = new byte[768];
    Arrays.fill(r, (byte) ' ');
    put(r, 0, keyword);
    put(r, 180, date);
    put(r, 212, engine);
    put(r, 422, source);
    return r;
  }

  private static void put(byte[] r, int at, String value) {
    byte[] b = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, r, at, b.length);
  }

  static Path tiny(Path folder, int records) throws IOException {
    List<byte[]> all = List.of(
        record("dog", "15 May 2006 12:39:30 +0000", "google", "http://www.flickr.com/photos/a.jpg"),
        record("dog", "", "altavista", "http://farm.flickr.com/b.jpg"),
        record("cat", "2007-03-01", "google", "http://cats.example.org/c.jpg"),
        record("slurword", "", "google", "http://bad.example.net/d.jpg"),
        record("kid", "", "ask", "http://www.kids.example.com/e.jpg"),
        record("unicorn", "", "google", "http://unicorns.example.org/f.jpg"));
    Files.createDirectories(folder);
    Path meta = folder.resolve("tiny_metadata.bin");
    Files.write(meta, concat(all.subList(0, records)));
    // Pixels: image 0 has one red pixel at x=1, y=0; image 3 one white pixel at x=16, y=16; the rest black.
    byte[] pixels = new byte[records * 3072];
    pixels[32] = (byte) 255; // red plane, column-major: x * 32 + y
    if (records > 3) {
      for (int plane = 0; plane < 3; plane++) {
        pixels[3 * 3072 + plane * 1024 + 16 * 32 + 16] = (byte) 255;
      }
    }
    Files.write(folder.resolve("tiny_images.bin"), pixels);
    return meta;
  }

  private static byte[] concat(List<byte[]> parts) {
    byte[] out = new byte[parts.size() * 768];
    for (int i = 0; i < parts.size(); i++) {
      System.arraycopy(parts.get(i), 0, out, i * 768, 768);
    }
    return out;
  }

  /**
   * An image folder: dog/a.png (a real 40x30 picture), dog/gone.png (deleted after the import) and
   * cat/bomb.png (a PNG header claiming 60,000 x 60,000 pixels and nothing else).
   */
  static void photos(Path root) throws IOException {
    BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(0, 0, 0x123456);
    Files.createDirectories(root.resolve("dog"));
    Files.createDirectories(root.resolve("cat"));
    ImageIO.write(picture, "png", root.resolve("dog/a.png").toFile());
    ImageIO.write(picture, "png", root.resolve("dog/gone.png").toFile());
    java.nio.ByteBuffer bomb = java.nio.ByteBuffer.allocate(33);
    bomb.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII))
        .putInt(60_000).putInt(60_000).put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
    Files.write(root.resolve("cat/bomb.png"), bomb.array());
  }

  static ImageIndexer indexer() {
    return new ImageIndexer(catalog, new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade())));
  }

  @BeforeAll
  static void serve() throws IOException {
    catalog = new IndexCatalog(dir.resolve("index"));
    ImageIndexer.Report report = indexer().index(new ImageIndexer.Request("tiny", tiny(dir.resolve("files"), 6), null, null),
        ProgressListener.NONE);
    assertEquals(5, report.categoriesCreated().dataset().categories(), "dog, cat, slurword, kid, unicorn");
    assertEquals(6L, report.categoriesCreated().dataset().images(), "each category counts its images");
    assertEquals(6, report.meta().images());
    assertTrue(report.guessed());
    photos(dir.resolve("photos"));
    indexer().index(new ImageIndexer.Request("photos", dir.resolve("photos"), null, null), ProgressListener.NONE);
    Files.delete(dir.resolve("photos/dog/gone.png")); // imported, then lost
    audit = AuditStore.open(catalog.root(), true, 1_000);
    audit.users().add("alice", org.synscope.audit.Role.AUDITOR, "correct horse battery".toCharArray());
    audit.users().add("victor", org.synscope.audit.Role.VIEWER, "correct horse battery".toCharArray());
    auditor = audit.users().token("alice");
    viewer = audit.users().token("victor");
    server = FixtureServer.start(catalog, audit);
    searcher = server.searcher();
    app = server.app();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<byte[]> get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String path) throws IOException {
    HttpResponse<byte[]> r = get(path);
    assertEquals(200, r.statusCode(), path + " -> " + new String(r.body(), StandardCharsets.UTF_8));
    return JSON.readTree(r.body());
  }

  static List<String> values(JsonNode facet) {
    List<String> out = new ArrayList<>();
    facet.forEach(v -> out.add(v.get("value").asText() + " " + v.get("images").asLong()));
    return out;
  }

  static List<Long> numbers(JsonNode page) {
    List<Long> out = new ArrayList<>();
    page.get("images").forEach(i -> out.add(i.get("n").asLong()));
    return out;
  }

  @Test
  void countsFacetsAndHierarchyOfEveryImage() throws IOException {
    JsonNode all = json("/images.json?dataset=tiny");
    assertEquals(6, all.get("total").asLong());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), numbers(all));
    assertEquals(List.of("google 4", "altavista 1", "ask 1"), values(all.get("facets").get("engine")));
    assertEquals(List.of("2006 1", "2007 1"), values(all.get("facets").get("year")));
    assertEquals(List.of("bad.example.net 1", "cats.example.org 1", "farm.flickr.com 1", "flickr.com 1",
        "kids.example.com 1", "unicorns.example.org 1"), values(all.get("facets").get("domain")));
    JsonNode h = all.get("facets").get("hierarchy");
    assertEquals(5, h.get("images").asLong(), "every mapped image is under entity");
    assertEquals(1, h.get("unmapped").asLong(), "unicorn");
    List<String> children = new ArrayList<>();
    h.get("children").forEach(c -> children.add(c.get("name").asText() + " " + c.get("images").asLong()));
    assertEquals(List.of("animal.n.01 3", "person.n.01 2"), children, "dog 2 + cat 1; kid 1 + slurword 1");
  }

  @Test
  void theDatasetsPageLinksTheImages() throws IOException {
    JsonNode tiny = null;
    for (JsonNode d : json("/datasets.json")) {
      tiny = d.get("dataset").asText().equals("tiny") ? d : tiny;
    }
    assertEquals("/images?dataset=tiny", tiny.get("images_url").asText());
    assertEquals(6, tiny.get("image_import").get("images").asLong());
    assertEquals("tiny", tiny.get("image_import").get("format").asText());
    Document page = Jsoup.parse(new String(get("/datasets").body(), StandardCharsets.UTF_8));
    assertEquals("6 imported", page.selectFirst("a[href=/images?dataset=tiny]").text());
  }

  @Test
  void drillsIntoTheHierarchyAndFiltersByMetadataWithSidewaysCounts() throws IOException {
    JsonNode pet = json("/images.json?dataset=tiny&under=pet.n.01");
    assertEquals(3, pet.get("total").asLong());
    assertEquals(List.of(0L, 1L, 2L), numbers(pet));
    List<String> children = new ArrayList<>();
    pet.get("facets").get("hierarchy").get("children").forEach(c -> children.add(c.get("name").asText() + " "
        + c.get("images").asLong()));
    assertEquals(List.of("dog.n.01 2", "cat.n.01 1"), children);
    JsonNode google = json("/images.json?dataset=tiny&engine=google");
    assertEquals(List.of(0L, 2L, 3L, 5L), numbers(google));
    assertEquals(List.of("google 4", "altavista 1", "ask 1"), values(google.get("facets").get("engine")),
        "a selected facet counts as if it were not selected");
    assertEquals(List.of("bad.example.net 1", "cats.example.org 1", "flickr.com 1", "unicorns.example.org 1"),
        values(google.get("facets").get("domain")));
    assertEquals(List.of(0L, 1L), numbers(json("/images.json?dataset=tiny&q=flickr")), "URL words are searched");
    // This regular expression held a server thread for over ten minutes; /search refused it at once.
    HttpResponse<byte[]> bomb = get("/images.json?dataset=tiny&q=" + java.net.URLEncoder.encode("/.{1,999}{1,999}/",
        StandardCharsets.UTF_8));
    assertEquals(400, bomb.statusCode());
    assertEquals("the regular expression /.{1,999}{1,999}/ expands to about 998,001 states; the limit is 10,000",
        JSON.readTree(bomb.body()).get("error").asText());
    assertEquals(List.of(0L, 1L), numbers(json("/images.json?dataset=tiny&category=dog")));
    HttpResponse<byte[]> typo = get("/images.json?dataset=tiny&category=dgo"); // answered 200 with no images
    assertEquals(404, typo.statusCode());
    assertEquals("no category 'dgo' in dataset 'tiny'", JSON.readTree(typo.body()).get("error").asText());
    assertEquals(List.of(1L), numbers(json("/images.json?dataset=tiny&category=dog&domain=farm.flickr.com")));
    assertEquals(List.of(2L), numbers(json("/images.json?dataset=tiny&meta=year:2007")));
    JsonNode second = json("/images.json?dataset=tiny&size=4&page=2");
    assertEquals(List.of(4L, 5L), numbers(second));
    assertEquals("/images?dataset=tiny&size=4", second.get("links").get("previous").asText());
  }

  @Test
  void anImagePageItsNeighboursAndItsCategory() throws IOException {
    JsonNode zero = json("/i/tiny/0.json");
    assertEquals("dog", zero.get("image").get("label").asText());
    assertEquals("dog.n.01", zero.get("image").get("name").asText());
    assertEquals("google", zero.get("image").get("metadata").get("engine").asText());
    assertEquals("http://www.flickr.com/photos/a.jpg", zero.get("image").get("source").asText());
    assertTrue(zero.get("links").get("previous").isNull());
    assertEquals("/i/tiny/1", zero.get("links").get("next").asText());
    assertTrue(json("/i/tiny/5.json").get("links").get("next").isNull());
    Document page = Jsoup.parse(new String(get("/i/tiny/0").body(), StandardCharsets.UTF_8));
    assertEquals("/c/tiny/dog", page.selectFirst(".image-meta a").attr("href"));
    Document category = Jsoup.parse(new String(get("/c/tiny/dog").body(), StandardCharsets.UTF_8));
    assertEquals(List.of("/i/tiny/0.png", "/i/tiny/1.png"), category.select(".category-images img").eachAttr("src"));
    assertEquals("/images?dataset=tiny&category=dog#facet-domain",
        category.select(".category-images .toolbar a").get(1).attr("href"), "which sites: one click");
  }

  static BufferedImage png(String path) throws IOException {
    HttpResponse<byte[]> r = get(path);
    assertEquals(200, r.statusCode());
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
    return ImageIO.read(new ByteArrayInputStream(r.body()));
  }

  @Test
  void pixelsComeFromThePixelFileScaledWithoutSmoothing() throws IOException {
    BufferedImage zero = png("/i/tiny/0.png");
    assertEquals(128, zero.getWidth(), "32 pixels, 4 times");
    assertEquals(0xFF0000, zero.getRGB(4, 0) & 0xFFFFFF, "x=1, y=0 is red");
    assertEquals(0xFF0000, zero.getRGB(7, 3) & 0xFFFFFF, "the whole 4x4 square, no smoothing");
    assertEquals(0x000000, zero.getRGB(8, 0) & 0xFFFFFF);
    assertEquals(0x000000, zero.getRGB(0, 4) & 0xFFFFFF, "not transposed: x=0, y=1 is black");
    assertEquals(256, png("/i/tiny/0.png?large=1").getWidth());
  }

  @Test
  void imageFilesAreScaledAndAMissingOrHugeFileIsAPlaceholder() throws IOException {
    JsonNode photos = json("/images.json?dataset=photos");
    assertEquals(3, photos.get("total").asLong());
    List<String> sources = new ArrayList<>();
    photos.get("images").forEach(i -> sources.add(i.get("n").asLong() + " " + i.get("source").asText()));
    assertEquals(List.of("0 cat/bomb.png", "1 dog/a.png", "2 dog/gone.png"), sources, "path order");
    HttpResponse<byte[]> real = get("/i/photos/1.png");
    assertFalse(real.headers().firstValue("X-Synscope-Image").isPresent());
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(real.body()));
    assertEquals(40, thumb.getWidth(), "smaller than a thumbnail: kept at its size");
    assertEquals(0x123456, thumb.getRGB(0, 0) & 0xFFFFFF);
    assertTrue(Files.exists(catalog.root().resolve("thumbs")), "cached under the index");
    for (String n : List.of("0", "2")) {
      HttpResponse<byte[]> missing = get("/i/photos/" + n + ".png");
      assertEquals(200, missing.statusCode());
      assertEquals("missing", missing.headers().firstValue("X-Synscope-Image").orElse(""), n);
      assertEquals(32, ImageIO.read(new ByteArrayInputStream(missing.body())).getWidth(), "the placeholder");
    }
    assertEquals(200, get("/i/photos/2").statusCode(), "the page of a lost file still opens");
    assertEquals(1, photos.get("missing").asInt(), "the lost file is counted; the oversized one is there");
    assertEquals(List.of("under 100 px 2", "2000 px or more 1"), values(photos.get("facets").get("image_size")),
        "40x30 twice, 60,000 x 60,000 once (by its header)");
    assertEquals(List.of(0L), numbers(json("/images.json?dataset=photos&image_size=2000+px+or+more")));
    Document view = Jsoup.parse(new String(get("/images?dataset=photos").body(), StandardCharsets.UTF_8));
    assertTrue(view.select(".content-note").text().contains("1 image on this page is missing from disk"),
        view.select(".content-note").text());
    assertEquals("image size", view.selectFirst("#facet-image_size").text(), "a heading, not the field name");
  }

  @Test
  void anOffensiveCategorysPicturesAreBlurredUntilRevealed() throws IOException {
    JsonNode slur = json("/images.json?dataset=tiny&category=slurword");
    assertTrue(slur.get("images").get(0).get("blurred").asBoolean());
    assertEquals("s*******", slur.get("images").get(0).get("label").asText(), "the label is masked");
    assertEquals("s*******", slur.get("images").get(0).get("category").asText(), "so is the category's key");
    BufferedImage blurred = png("/i/tiny/3.png");
    int centre = blurred.getRGB(16 * 4, 16 * 4) & 0xFF;
    assertTrue(centre > 0 && centre < 255, "the white pixel is spread out, was " + centre);
    assertTrue((blurred.getRGB(15 * 4, 16 * 4) & 0xFF) > 0, "onto its neighbour");
    BufferedImage revealed = png("/i/tiny/3.png?reveal=1");
    assertEquals(0xFFFFFF, revealed.getRGB(16 * 4, 16 * 4) & 0xFFFFFF);
    assertEquals(0, revealed.getRGB(15 * 4, 16 * 4) & 0xFFFFFF);
    JsonNode shown = json("/images.json?dataset=tiny&category=slurword&reveal=1");
    assertFalse(shown.get("images").get(0).get("blurred").asBoolean());
    assertEquals("slurword", shown.get("images").get(0).get("label").asText());
    assertEquals("slurword", shown.get("images").get(0).get("category").asText());
    assertFalse(json("/images.json?dataset=tiny&category=dog").get("images").get(0).get("blurred").asBoolean());
  }

  static HttpResponse<String> post(String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAuditorMarksImagesAndTheImageBlockListHasThemWithTheBlockedCategories() throws IOException {
    HttpResponse<String> made = post("/image-reviews.json", auditor,
        "{\"dataset\": \"tiny\", \"image\": 2, \"status\": \"duplicate\", \"rationale\": \"same as 0\"}");
    assertEquals(201, made.statusCode(), made.body());
    JsonNode d = JSON.readTree(made.body());
    assertEquals("duplicate", d.get("status").asText());
    assertEquals("cat", d.get("category").asText());
    assertEquals("alice", d.get("user").asText());
    assertEquals(403, post("/image-reviews.json", viewer, "{\"dataset\": \"tiny\", \"image\": 1, \"status\": \"ok\"}")
        .statusCode(), "a viewer cannot decide");
    assertEquals(401, post("/image-reviews.json", null, "{\"dataset\": \"tiny\", \"image\": 1, \"status\": \"ok\"}")
        .statusCode());
    assertEquals(400, post("/image-reviews.json", auditor, "{\"dataset\": \"tiny\", \"image\": 1, \"status\": \"ugly\"}")
        .statusCode());
    assertEquals(400, post("/image-reviews.json", auditor, "{\"dataset\": \"tiny\", \"image\": \"one\", \"status\": \"ok\"}")
        .statusCode());
    assertEquals(404, post("/image-reviews.json", auditor, "{\"dataset\": \"tiny\", \"image\": 60, \"status\": \"ok\"}")
        .statusCode());
    assertEquals(1, json("/i/tiny/2.json").get("decisions").size());
    assertEquals("duplicate", json("/images.json?dataset=tiny&category=cat").get("images").get(0).get("decision").asText());
    assertEquals(201, post("/reviews.json", auditor,
        "{\"dataset\": \"tiny\", \"category\": \"kid\", \"status\": \"offensive\", \"rationale\": \"r\"}").statusCode());
    String list = new String(get("/export/blocklist-images.txt?dataset=tiny&status=offensive").body(), StandardCharsets.UTF_8);
    List<String> lines = list.lines().filter(l -> !l.startsWith("#")).toList();
    assertEquals(2, lines.size(), list);
    assertEquals("2\tmarked duplicate by alice: same as 0", lines.get(0));
    assertTrue(lines.get(1).startsWith("4\tcategory kid: "), lines.get(1));
    // An image set back to ok leaves the list.
    assertEquals(201, post("/image-reviews.json", auditor, "{\"dataset\": \"tiny\", \"image\": 2, \"status\": \"ok\"}")
        .statusCode());
    assertEquals(List.of("4"), new String(get("/export/blocklist-images.txt?dataset=tiny&status=offensive").body(),
        StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).map(l -> l.split("\t")[0]).toList());
  }

  static HttpResponse<String> form(HttpClient client, String path, java.util.Map<String, String> fields) {
    String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
        StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    try {
      return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theImagePagesFormRecordsADecisionWithItsCsrfToken() throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    Document login = Jsoup.parse(browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
    form(browser, "/login", java.util.Map.of("_login", login.selectFirst("input[name=_login]").val(), "name", "alice",
        "password", "correct horse battery", "next", "/i/tiny/5"));
    Document page = Jsoup.parse(browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/i/tiny/5")).build(), HttpResponse.BodyHandlers.ofString()).body());
    java.util.Map<String, String> fields = new java.util.HashMap<>(java.util.Map.of("dataset", "tiny", "image", "5",
        "status", "personal-data", "rationale", "a face"));
    assertEquals(403, form(browser, "/image-review", fields).statusCode(), "no CSRF token");
    fields.put("_csrf", page.selectFirst("form.review-form input[name=_csrf]").val());
    HttpResponse<String> done = form(browser, "/image-review", fields);
    assertEquals(303, done.statusCode(), done.body());
    assertEquals("/i/tiny/5", done.headers().firstValue("Location").orElse(""));
    JsonNode decisions = json("/i/tiny/5.json").get("decisions");
    assertEquals(1, decisions.size());
    assertEquals("personal-data", decisions.get(0).get("status").asText());
    assertEquals("a face", decisions.get(0).get("rationale").asText());
    // Cleared again, so the image block list of the other test does not depend on the order tests run in.
    assertEquals(201, post("/image-reviews.json", auditor, "{\"dataset\": \"tiny\", \"image\": 5, \"status\": \"ok\"}")
        .statusCode());
  }

  @Test
  void badRequestsGetClearAnswers() {
    assertEquals(400, get("/images.json").statusCode(), "no dataset");
    assertEquals(400, get("/images.json?dataset=tiny&engin=google").statusCode());
    assertTrue(new String(get("/images.json?dataset=tiny&engin=google").body(), StandardCharsets.UTF_8)
        .contains("unknown parameter 'engin'"));
    assertEquals(400, get("/images.json?dataset=tiny&meta=license:cc").statusCode(), "no such facet");
    assertEquals(404, get("/images.json?dataset=nothing").statusCode());
    assertEquals(404, get("/i/tiny/6.json").statusCode());
    assertEquals(400, get("/i/tiny/six").statusCode());
    for (String alias : List.of("+1", "01", "1.0.json", "-0.png")) { // one address an image: /i/tiny/1
      assertEquals(400, get("/i/tiny/" + alias).statusCode(), alias);
    }
    for (String typo : List.of("/i/tiny/1.json?foo=1", "/i/tiny/1?revael=1", "/i/tiny/1.png?reveal=1&reveal=1",
        "/i/tiny/1?large=1")) {
      assertEquals(400, get(typo).statusCode(), typo + ": a typo must not show another view");
    }
    assertEquals(200, get("/i/tiny/1.png?large=1&reveal=1").statusCode());
    HttpResponse<byte[]> noPng = get("/i/tiny/6.png");
    assertEquals(404, noPng.statusCode());
    assertEquals("{\"error\":\"no image 6 in dataset 'tiny' (its images are numbered 0 to 5)\",\"status\":404}",
        new String(noPng.body(), StandardCharsets.UTF_8), "an image address answers JSON, not an error page");
  }

  @Test
  void anImageOfNoCategoryOfTheDatasetIsAnErrorWithItsRecord() throws IOException {
    Path meta = dir.resolve("stray/tiny_metadata.bin");
    Files.createDirectories(meta.getParent());
    Files.write(meta, concat(List.of(record("dog", "", "google", "http://a.example/x.jpg"),
        record("zebra", "", "google", "http://a.example/y.jpg"))));
    String before = Files.readString(catalog.root().resolve("meta.json"));
    BadInput e = assertThrows(BadInput.class, () -> indexer().index(new ImageIndexer.Request("tiny", meta, null, null),
        ProgressListener.NONE));
    assertEquals(meta + ":2: label 'zebra' names no category of dataset 'tiny' (import a label list that has it, or"
        + " import the images into a new dataset)", e.getMessage());
    assertEquals(before, Files.readString(catalog.root().resolve("meta.json")), "nothing published");
  }

  @Test
  void aTruncatedFileFailsWithItsRecordAndPublishesNothing() throws IOException {
    Path folder = dir.resolve("bad");
    Path meta = tiny(folder, 2);
    Files.write(meta, Arrays.copyOf(Files.readAllBytes(meta), 768 + 100));
    String before = Files.readString(catalog.root().resolve("meta.json"));
    BadInput e = assertThrows(BadInput.class, () -> indexer().index(new ImageIndexer.Request("tiny", meta, null, null),
        ProgressListener.NONE));
    assertEquals(meta + ":2: truncated record: 100 of 768 bytes", e.getMessage());
    assertEquals(before, Files.readString(catalog.root().resolve("meta.json")), "nothing published");
    assertEquals(6, json("/images.json?dataset=tiny").get("total").asLong(), "the images already imported stay");
  }

  @Test
  void aDecisionStaysWithItsImageWhenAReimportRenumbersTheFolder() throws IOException {
    // Decisions are kept by image number; a re-import that added a file moved them onto the image that took the
    // number, and the image block list named a file nobody had judged.
    Path root = dir.resolve("renum");
    BufferedImage picture = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    Files.createDirectories(root.resolve("dog"));
    ImageIO.write(picture, "png", root.resolve("dog/b.png").toFile());
    indexer().index(new ImageIndexer.Request("renum", root, null, null), ProgressListener.NONE);
    assertEquals("dog/b.png", json("/i/renum/0.json").get("image").get("source").asText());
    assertEquals(201, post("/image-reviews.json", auditor, "{\"dataset\": \"renum\", \"image\": 0, \"status\":"
        + " \"offensive\", \"rationale\": \"judged\"}").statusCode());
    ImageIO.write(picture, "png", root.resolve("dog/a.png").toFile()); // sorts first: b.png is now image 1
    indexer().index(new ImageIndexer.Request("renum", root, null, null), ProgressListener.NONE);
    assertEquals("dog/a.png", json("/i/renum/0.json").get("image").get("source").asText());
    assertEquals(0, json("/i/renum/0.json").get("decisions").size(), "the decision is not a.png's");
    String list = new String(get("/export/blocklist-images.txt?dataset=renum&status=offensive").body(),
        StandardCharsets.UTF_8);
    assertFalse(list.contains("dog/a.png"), list);
    assertTrue(list.contains("# not applied: i"), list);
    assertTrue(list.contains("marked image 0 (dog/b.png) offensive, but that number is now another image; review it"
        + " again"), list);
  }
}
