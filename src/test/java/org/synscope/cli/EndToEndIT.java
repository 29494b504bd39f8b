package org.synscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.ServerProcess;

/**
 * Indexes a hand-made list through the CLI, starts a real server process, and checks the JSON.
 * Expected numbers come from the list (mini-tiny.csv) and WordNet 3.0 facts: taco's first sense is
 * greaser.n.01 (a person, an ethnic slur), stiff's first sense is an ordinary man, Einstein is a
 * person through instance hypernyms, dog has 7 noun senses.
 */
class EndToEndIT {
  @TempDir
  static Path dir;
  static Path index;
  static ServerProcess server;
  static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path fixture(String name) {
    try {
      return Path.of(EndToEndIT.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void indexAndServe() {
    index = dir.resolve("index");
    Run run = cli("index", fixture("mini-tiny.csv").toString(), "--dataset", "mini", "--index", index.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("categories                          8"), run.out());
    server = ServerProcess.start(index);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void searchUnderPersonSortedByImages() throws Exception {
    HttpResponse<String> r = server.get("/search.json?dataset=mini&under=n00007846&sort=images");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonNode body = json(r);
    assertEquals(5, body.get("total").asLong());
    assertEquals(43, body.get("images").asLong());
    assertEquals(List.of("taco", "einstein", "stiff", "molester", "greaser"), texts(body.get("hits"), "label"));
    JsonNode taco = body.get("hits").get(0);
    assertEquals("mini", taco.get("dataset").asText());
    assertEquals("n09722898", taco.get("synset").asText());
    assertEquals("greaser.n.01", taco.get("name").asText());
    assertEquals(20, taco.get("images").asLong());
    assertEquals("ambiguous", taco.get("status").asText());
    assertEquals(List.of("ethnic-slur", "disparagement", "offensive-gloss", "person"), strings(taco.get("flags")));
    JsonNode hierarchy = body.get("facets").get("hierarchy");
    assertEquals("person.n.01", hierarchy.get("node").get("name").asText());
    assertEquals(5, hierarchy.get("categories").asLong());
    assertEquals(43, hierarchy.get("images").asLong());
    long childSum = 0;
    for (JsonNode child : hierarchy.get("children")) {
      JsonNode drilled = json(server.get(child.get("url").asText().replace("/search?", "/search.json?")));
      assertEquals(child.get("categories").asLong(), drilled.get("total").asLong(), child.toString());
      childSum += child.get("categories").asLong();
    }
    assertTrue(childSum >= 5, "multi-parent children may overlap, never fall short");
    // einstein.n.01 is an instance of physicist.n.01, under scientist.n.01: a person named by an occupation.
    assertEquals(List.of("person:5", "disparagement:2", "ethnic-slur:2", "offensive-gloss:2", "occupation:1", "slang:1"),
        facet(body, "flag"));
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> facet(JsonNode body, String name) {
    List<String> out = new ArrayList<>();
    body.get("facets").get(name).forEach(v -> out.add(v.get("value").asText() + ":" + v.get("categories").asLong()));
    return out;
  }

  @Test
  void wholeDatasetFacetsAndTextSearch() throws Exception {
    JsonNode all = json(server.get("/search.json?dataset=mini"));
    assertEquals(8, all.get("total").asLong());
    assertEquals(198, all.get("images").asLong());
    assertEquals(List.of("ambiguous:4", "unique:3", "unmapped:1"), facet(all, "status"));
    assertEquals(1, all.get("facets").get("hierarchy").get("unmapped").asLong());
    JsonNode molester = json(server.get("/search.json?q=molester"));
    assertEquals(List.of("molester"), texts(molester.get("hits"), "label"));
    JsonNode gloss = json(server.get("/search.json?q=gloss:mexican"));
    assertEquals(List.of("greaser", "taco"), texts(gloss.get("hits"), "label"));
  }

  @Test
  void categoryAndDatasetPages() throws Exception {
    JsonNode taco = json(server.get("/c/mini/taco.json"));
    assertEquals("taco", taco.get("category").get("label").asText());
    assertEquals(List.of("n09722898", "n07880751"), texts(taco.get("details").get("senses"), "id"));
    // person.n.01 has two hypernyms (organism.n.01, causal_agent.n.01): every person has two paths at least.
    assertEquals(2, taco.get("paths").size());
    JsonNode stiff = json(server.get("/c/mini/n10656120.json"));
    assertEquals("stiff", stiff.get("category").get("label").asText());
    JsonNode datasets = json(server.get("/datasets.json"));
    assertEquals(1, datasets.size());
    JsonNode mini = datasets.get(0);
    assertEquals("mini", mini.get("dataset").asText());
    assertEquals(8, mini.get("categories").asLong());
    assertEquals(198, mini.get("images").asLong());
    assertEquals("3.0", mini.get("wordnet").asText());
    assertEquals("{\"exact\":0,\"unique\":3,\"ambiguous\":4,\"person-name\":0,\"spelling\":0,\"compound\":0,"
        + "\"overridden\":0,\"unmapped\":1}", mini.get("mapping").toString());
    assertEquals("first", mini.get("sense_policy").asText());
  }

  @Test
  void errorsAreJsonWithTheRightStatus() throws Exception {
    assertError(server.get("/search.json?q=dog%20AND%20("), 400, "cannot parse the query 'dog AND ('");
    assertError(server.get("/search.json?dataset=nope"), 404, "no dataset 'nope'; indexed: mini");
    assertError(server.get("/search.json?flags=person"), 400, "unknown parameter 'flags'");
    assertError(server.get("/search.json?page=zero"), 400, "page must be a whole number written plainly (5, not +5, 05 or ' 5'), was 'zero'");
    assertError(server.get("/c/mini/unicorn.json"), 404, "no category 'unicorn' in dataset 'mini'");
    assertError(server.get("/c/nope/dog.json"), 404, "no dataset 'nope'");
    assertError(server.get("/search.json?under=nosuch.n.01"), 404, "no noun synset 'nosuch.n.01'");
    assertError(server.get("/no/such/page.json"), 404, "no page at /no/such/page.json");
    assertEquals(404, server.get("/no/such/page").statusCode()); // an HTML error page: see WebPagesTest
  }

  static void assertError(HttpResponse<String> r, int status, String start) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertEquals(status, body.get("status").asInt());
    assertTrue(body.get("error").asText().startsWith(start), body.get("error").asText());
    assertTrue(!r.body().contains("at org.") && !r.body().contains("Exception"), "no stack trace: " + r.body());
  }

  @Test
  void cliSearchShowStatsAndExitCodes() throws Exception {
    String idx = index.toString();
    Run json = cli("search", "--dataset", "mini", "--under", "person.n.01", "--flag", "ethnic-slur", "--json", "--index", idx);
    assertEquals(0, json.code(), json.err());
    assertEquals(List.of("greaser", "taco"), texts(JSON.readTree(json.out()).get("hits"), "label"));
    Run csv = cli("search", "--dataset", "mini", "--sort", "label", "--csv", "--index", idx);
    assertEquals(9, csv.out().split("\r\n").length, csv.out());
    assertTrue(csv.out().startsWith("dataset,key,label,synset,name,images,status,match,sense,flags,primary_flags,gloss,"
        + "path\r\nmini,dog,dog,n02084071,dog.n.01,100,ambiguous,whole,confident,"), csv.out());
    Run text = cli("search", "molester", "--index", idx);
    assertTrue(text.out().startsWith("1 categories, 3 images"), text.out());
    Run show = cli("show", "stiff", "--dataset", "mini", "--index", idx);
    assertTrue(show.out().contains("slang            other    WordNet usage domain 'slang' on the word 'stiff'"), show.out());
    Run stats = cli("stats", "--json", "--index", idx);
    assertEquals(8, JSON.readTree(stats.out()).get(0).get("categories").asLong());

    assertEquals(2, cli("search", "--bogus", "--index", idx).code());
    assertEquals(2, cli("search", "dog AND (", "--index", idx).code());
    assertEquals(2, cli("index", "x.txt", "--dataset", "mini", "--format", "nope", "--index", idx).code());
    Run missing = cli("index", dir.resolve("missing.txt").toString(), "--dataset", "mini", "--index", idx);
    assertEquals(2, missing.code()); // a file that is not there is a usage error, as an unknown category is
    assertTrue(missing.err().contains("missing.txt: no such file"), missing.err());
    assertEquals(2, cli("show", "unicorn", "--dataset", "mini", "--index", idx).code());
  }

  @Test
  void aFailedCliImportPrintsEveryBadLineAndPublishesNothing() throws Exception {
    Path bad = Fixtures.write(dir.resolve("bad.csv"), "class_ind,class_name,n_images\n0,dog,1\n1,cat\n2,Dog,3\n");
    String before = java.nio.file.Files.readString(index.resolve("meta.json"));
    Run run = cli("index", bad.toString(), "--dataset", "mini", "--index", index.toString());
    assertEquals(1, run.code());
    assertEquals(bad + ":3: expected 3 comma-separated fields (class_ind,class_name,n_images), found 2\n"
        + bad + ":4: duplicate label 'Dog', first on line 2 ('dog' after normalising case, _ and spaces)\n"
        + "synscope: import failed: 2 bad lines; nothing was published and the index is unchanged (use --skip-bad-lines"
        + " to index the good lines and list the rest)\n", run.err());
    assertEquals(before, java.nio.file.Files.readString(index.resolve("meta.json")));
    assertEquals(8, json(server.get("/search.json?dataset=mini")).get("total").asLong());
  }
}
