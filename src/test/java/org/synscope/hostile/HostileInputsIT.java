package org.synscope.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.audit.AuditStore;
import org.synscope.audit.Role;
import org.synscope.cli.Main;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.IndexCatalog;
import org.synscope.index.SenseAmender;
import org.synscope.search.LabelSearcher;
import org.synscope.web.WebServer;

/**
 * The hostile-input corpus: malformed label files, query bombs, bad parameters and bodies. Each gets a
 * clear message and the right exit code or status, never a stack trace, and the dataset indexed before
 * them is still there, whole, afterwards.
 */
class HostileInputsIT {
  @TempDir
  static Path dir;
  static Path index;
  static Javalin app;
  static LabelSearcher searcher;
  static AuditStore audit;
  static String token;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One CLI case: the arguments, the exit codes accepted. */
  record Cli(String name, List<String> args, Set<Integer> codes) {}

  /** One HTTP case: method, path, body (may be null), the status expected. */
  record Web(String name, String method, String path, String body, int status) {}

  @BeforeAll
  static void setUp() throws IOException {
    index = dir.resolve("index");
    Path list = Fixtures.write(dir.resolve("real.txt"), "dog\t100\ncat\t30\nmolester\t3\nteapot\t2\n");
    assertEquals(0, cli(List.of("index", list.toString(), "--dataset", "real", "--index", index.toString())).code);
    try (AuditStore a = AuditStore.open(index, false, 1_000)) {
      a.users().add("alice", Role.AUDITOR, "correct horse battery".toCharArray());
      token = a.users().token("alice");
    }
    audit = AuditStore.open(index, true);
    searcher = LabelSearcher.open(new IndexCatalog(index), Fixtures.wordNet30(), 2_000, audit);
    app = WebServer.create(searcher, audit, new SenseAmender(new IndexCatalog(index), new CategoryEnricher(
        Fixtures.wordNet30())), Path.of("."), false).start("127.0.0.1", 0);
  }

  @AfterAll
  static void tearDown() {
    app.stop();
    searcher.close();
    audit.close();
  }

  record Run(int code, String out, String err) {}

  static Run cli(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  static Path file(String name, String text) {
    return Fixtures.write(dir.resolve(name), text);
  }

  static Path bytes(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  static List<String> importing(Path f, String... more) {
    List<String> a = new ArrayList<>(List.of("index", f.toString(), "--dataset", "victim", "--index", index.toString()));
    a.addAll(List.of(more));
    return a;
  }

  static List<String> searching(String... args) {
    List<String> a = new ArrayList<>(List.of("search"));
    a.addAll(List.of(args));
    a.addAll(List.of("--dataset", "real", "--index", index.toString()));
    return a;
  }

  static String words(int n, String joiner) {
    return IntStream.range(0, n).mapToObj(i -> "w" + i).collect(Collectors.joining(joiner));
  }

  @Test
  void everyHostileCommandGetsAClearMessageAndTheIndexIsUnharmed() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 20_000; i++) {
        out.write(("label" + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
    StringBuilder wide = new StringBuilder("label");
    for (int i = 0; i < 1_500; i++) {
      wide.append(",c").append(i);
    }
    Set<Integer> failed = Set.of(1, 2);
    List<Cli> corpus = List.of(
        new Cli("empty file", importing(file("empty.txt", "")), failed),
        new Cli("only comments", importing(file("comments.txt", "# a\n# b\n")), failed),
        new Cli("binary", importing(bytes("bin.dat", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 0, 0})), failed),
        new Cli("invalid UTF-8", importing(bytes("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xe9, 10})), failed),
        new Cli("a 2 MB line", importing(file("long.txt", "a".repeat(2 << 20))), failed),
        new Cli("wnid-looking labels", importing(file("ids.txt", "v01926311\nN02084071\n")), failed),
        new Cli("duplicates", importing(file("dups.txt", "dog\nDog\n")), failed),
        new Cli("bad count", importing(file("count.txt", "dog\tmany\n")), failed),
        new Cli("count overflow", importing(file("huge.txt", "dog\t99999999999999999999\n")), failed),
        new Cli("negative count", importing(file("neg.txt", "dog\t-4\n")), failed),
        new Cli("label over 32 KB", importing(file("big.txt", "x".repeat(40_000) + "\n")), failed),
        new Cli("unbalanced quote", importing(file("q.csv", "label,images\n\"dog,1\n")), failed),
        new Cli("no key column", importing(file("nokey.csv", "name,images\ndog,1\n"), "--format", "csv"), failed),
        new Cli("1,501 columns", importing(file("wide.csv", wide + "\ndog\n")), failed),
        new Cli("jsonl not json", importing(file("bad.jsonl", "{\"label\": \n")), failed),
        new Cli("jsonl label not text", importing(file("num.jsonl", "{\"label\": 5}\n")), failed),
        new Cli("a verb offset as wnid", importing(file("v.txt", "n99999999\n"), "--format", "wnids"), failed),
        new Cli("tiny-images wrong header", importing(file("tiny.csv", "a,b,c\n1,dog,2\n"), "--format", "tiny-images"),
            failed),
        new Cli("truncated gzip", importing(bytes("cut.txt.gz", cut)), failed),
        new Cli("a device", importing(Path.of("/dev/zero")), failed),
        new Cli("a directory", importing(dir), failed),
        new Cli("a missing file", importing(dir.resolve("nope.txt")), failed),
        new Cli("an unknown format", importing(file("ok.txt", "dog\n"), "--format", "bogus"), failed),
        new Cli("a bad dataset name", List.of("index", file("ok2.txt", "dog\n").toString(), "--dataset", "Tiny Images",
            "--index", index.toString()), failed),
        new Cli("a bad --senses line", importing(file("ok3.txt", "dog\n"), "--senses", file("s.tsv", "dog\n").toString()),
            failed),
        new Cli("a --senses pin to no synset", importing(file("ok4.txt", "dog\n"), "--senses",
            file("s2.tsv", "dog\tn99999999\n").toString()), failed),
        new Cli("--hints not JSON", importing(file("ok5.txt", "dog\n"), "--hints", file("h.json", "{oops").toString()),
            failed),
        new Cli("--context no synset", importing(file("ok6.txt", "dog\n"), "--context", "nothing.n.77"), failed),
        new Cli("--sense-policy bogus", importing(file("ok7.txt", "dog\n"), "--sense-policy", "best"), failed),
        new Cli("3,000 nested parentheses", searching("(".repeat(3000) + "dog" + ")".repeat(3000)), Set.of(2)),
        new Cli("300 words", searching(words(300, " ")), Set.of(2)),
        new Cli("1,000 ORs", searching(words(1000, " OR ")), Set.of(2)),
        new Cli("a regexp too complex", searching("label:/(a|b|c|d|e)*(a|b|c)*[a-z]{1,200}x{1,100}.*.*.*/"), Set.of(2)),
        new Cli("an unbalanced quote", searching("\"dog"), Set.of(2)),
        new Cli("an unknown sort", searching("dog", "--sort", "bogus"), Set.of(2)),
        new Cli("an unknown synset", searching("--under", "notasynset.n.99"), failed), // not found: exit 1
        new Cli("an unknown risk level", searching("--risk", "extreme"), Set.of(2)),
        new Cli("a bad signals file", searching("dog", "--signals", file("sig.conf", "[x]\ntitle = t\n").toString()),
            failed),
        new Cli("a bad truth file", List.of("eval-queue", "--dataset", "real", "--truth", file("t.txt", "# none\n")
            .toString(), "--index", index.toString()), failed),
        new Cli("a label with a zero-width space", importing(file("zw.txt", "dog\nhorse\u200b\n")), failed),
        new Cli("a label with a NUL", importing(file("nul.txt", "dog\u0000cat\n")), failed),
        new Cli("a JSONL line naming a field twice", importing(file("twice.jsonl", "{\"label\": \"dog\", \"label\": \"cat\"}\n")),
            failed),
        new Cli("a regexp too large to build", searching("/.{1,999}{1,999}/"), Set.of(2)),
        new Cli("--limit 0", searching("dog", "--limit", "0"), Set.of(2)),
        new Cli("a mistyped --index", List.of("stats", "--index", dir.resolve("typo-index").toString()), Set.of(2)),
        new Cli("a bad gold file", List.of("eval-senses", file("g.tsv", "dog\n").toString(), "--dataset", "real",
            "--index", index.toString()), failed));
    assertTrue(corpus.size() >= 40, corpus.size() + " CLI cases");
    for (Cli c : corpus) {
      Run r = cli(c.args());
      assertTrue(c.codes().contains(r.code()), c.name() + ": exit " + r.code() + "\n" + r.err());
      String all = r.out() + r.err();
      assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("Error:"),
          c.name() + " printed a stack trace or an exception name:\n" + all);
      assertFalse(r.err().isBlank(), c.name() + " said nothing");
      assertFalse(r.err().contains("synscope: internal error"), c.name() + " was reported as a bug:\n" + r.err());
    }
    Run stats = cli(List.of("stats", "--json", "--index", index.toString()));
    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().contains("\"dataset\" : \"real\"") && stats.out().contains("\"categories\" : 4"), stats.out());
    assertFalse(stats.out().contains("\"victim\""), "no hostile import was published");
  }

  static HttpResponse<String> send(Web w) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + w.path()))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    b = w.body() == null ? b.GET() : b.method(w.method(), HttpRequest.BodyPublishers.ofString(w.body()));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyHostileRequestGetsItsStatusAsJson() throws Exception {
    List<Web> corpus = List.of(
        new Web("negative page", "GET", "/search.json?page=-1", null, 400),
        new Web("huge size", "GET", "/search.json?size=100000", null, 400),
        new Web("unknown parameter", "GET", "/search.json?bogus=1", null, 400),
        new Web("bad range", "GET", "/search.json?meta=year:%5Bx%20TO%20y%5D", null, 400),
        new Web("nested query", "GET", "/search.json?q=" + "(".repeat(200) + "dog" + ")".repeat(200), null, 400),
        new Web("unknown risk", "GET", "/search.json?risk=extreme", null, 400),
        new Web("unknown signal", "GET", "/search.json?signal=astrology", null, 400),
        new Web("traversal", "GET", "/c/real/..%2F..%2Fetc%2Fpasswd.json", null, 404),
        new Web("queue size not a number", "GET", "/queue.json?dataset=real&size=abc", null, 400),
        new Web("queue of nothing", "GET", "/queue.json?dataset=nope", null, 404),
        new Web("review not JSON", "POST", "/reviews.json", "not json", 400),
        new Web("review wrong types", "POST", "/reviews.json", "{\"dataset\": 1}", 400),
        new Web("review unknown status", "POST", "/reviews.json",
            "{\"dataset\": \"real\", \"category\": \"dog\", \"status\": \"meh\"}", 400),
        new Web("correction as an array", "POST", "/senses.json", "[]", 400),
        new Web("correction to no synset", "POST", "/senses.json",
            "{\"dataset\": \"real\", \"category\": \"dog\", \"synset\": \"n99999999\", \"rationale\": \"x\"}", 400),
        new Web("method override", "GET", "/reviews.json", null, 400),
        new Web("a regexp too large to build", "GET", "/search.json?q=%2F.%7B1%2C999%7D%7B1%2C999%7D%2F", null, 400),
        new Web("a regexp of a million states", "GET", "/search.json?q=label:%2Fa%7B1000000%7D%2F", null, 400),
        new Web("an unknown parameter on /signals", "GET", "/signals.json?foo=1", null, 400),
        new Web("a queue dataset given twice", "GET", "/queue.json?dataset=real&dataset=real", null, 400),
        new Web("history page 0", "GET", "/history.json?page=0", null, 400),
        new Web("a review body naming a field twice", "POST", "/reviews.json",
            "{\"dataset\": \"real\", \"dataset\": \"other\", \"category\": \"dog\", \"status\": \"safe\"}", 400),
        new Web("a rationale with a bidi override", "POST", "/reviews.json",
            "{\"dataset\": \"real\", \"category\": \"dog\", \"status\": \"safe\", \"rationale\": \"a\\u202eb\"}", 400));
    for (Web w : corpus) {
      HttpRequest.Builder b = null;
      HttpResponse<String> r = w.name().equals("method override")
          ? HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + w.path()))
              .header("X-HTTP-Method-Override", "POST").GET().build(), HttpResponse.BodyHandlers.ofString())
          : send(w);
      assertEquals(w.status(), r.statusCode(), w.name() + ": " + r.body());
      assertTrue(r.body().startsWith("{\"error\"") || r.body().contains("\"error\""), w.name() + ": " + r.body());
      assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), w.name() + ": " + r.body());
    }
    HttpResponse<String> dog = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/search.json?q=dog")).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(dog.body().contains("\"total\" : 1") || dog.body().contains("\"total\":1"), dog.body());
    assertEquals("[]", HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/senses.json"))
        .build(), HttpResponse.BodyHandlers.ofString()).body(), "no hostile correction was recorded");
  }
}
