package org.synscope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.ServerProcess;
import org.synscope.cli.Main;

/**
 * Durability, proven on a real server process: clients stream review requests and image decisions
 * while the server is killed with SIGKILL at an arbitrary moment, three times. After a restart every
 * acknowledged (201) review and decision is there, and the journals hold only whole records.
 */
class KillDurabilityIT {
  static final List<String> CATEGORIES = List.of("dog", "domestic_dog", "taco", "stiff", "molester", "einstein",
      "justin_bieberz", "greaser");
  static final String[] STATUSES = {"offensive", "sensitive", "safe", "non-imageable", "needs-discussion"};
  static final String[] IMAGE_STATUSES = {"offensive", "wrong-label", "duplicate", "personal-data", "ok"};
  /** The images imported for the mini dataset: two of dog, one of taco. */
  static final int IMAGES = 3;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void noAcknowledgedReviewIsLostAndNoneIsHalfWritten() throws Exception {
    Path index = dir.resolve("index");
    Path list = Path.of(KillDurabilityIT.class.getResource("/fixtures/mini-tiny.csv").toURI());
    StringWriter err = new StringWriter();
    assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "index", list.toString(),
        "--dataset", "mini", "--index", index.toString()), err.toString());
    Path images = dir.resolve("images");
    for (String file : List.of("dog/a.png", "dog/b.png", "taco/c.png")) {
      Files.createDirectories(images.resolve(file).getParent());
      javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
          images.resolve(file).toFile());
    }
    assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "images", "import",
        images.toString(), "--dataset", "mini", "--index", index.toString()), err.toString());
    String token;
    try (AuditStore audit = AuditStore.open(index, false, 1_000)) {
      audit.users().add("alice", Role.AUDITOR, "correct horse battery".toCharArray());
      token = audit.users().token("alice");
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int round = 1; round <= 3; round++) {
      ServerProcess server = ServerProcess.start(index);
      AtomicInteger acks = new AtomicInteger();
      // Worker threads cannot fail the test themselves: they collect, and the test asserts after join.
      List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        int r = round;
        Thread client = new Thread(() -> {
          for (int i = 0; ; i++) {
            String why = "round " + r + " client " + thread + " request " + i;
            boolean image = i % 2 == 1; // every other request marks an image instead
            String body = image
                ? "{\"dataset\": \"mini\", \"image\": " + (i + thread) % IMAGES + ", \"status\": \""
                    + IMAGE_STATUSES[i % IMAGE_STATUSES.length] + "\", \"rationale\": \"" + why + "\"}"
                : "{\"dataset\": \"mini\", \"category\": \"" + CATEGORIES.get((i + thread) % CATEGORIES.size())
                + "\", \"status\": \"" + STATUSES[i % STATUSES.length] + "\", \"rationale\": \"" + why + "\"}";
            try {
              HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(server.base()
                  + (image ? "/image-reviews.json" : "/reviews.json")))
                  .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
              if (resp.statusCode() == 201) {
                String got = JSON.readTree(resp.body()).get("rationale").asText();
                if (!why.equals(got)) {
                  wrong.add("acknowledged '" + got + "' for '" + why + "'");
                }
                acknowledged.add(why);
                acks.incrementAndGet();
              } else {
                wrong.add("status " + resp.statusCode() + " for '" + why + "': " + resp.body());
              }
            } catch (Exception e) {
              return; // the server is gone
            }
          }
        });
        client.start();
        clients.add(client);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      int wanted = 40 + 37 * round; // kill at a different point each round
      while (acks.get() < wanted && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.process().destroyForcibly(); // SIGKILL, mid-stream: requests are in flight
      server.process().waitFor(10, TimeUnit.SECONDS);
      for (Thread c : clients) {
        c.join(10_000);
      }
      assertEquals(List.of(), wrong, "every answer before the kill is a 201 with the review sent");
      assertTrue(acks.get() >= wanted, "round " + round + " got only " + acks.get() + " acknowledgements");
    }

    ServerProcess restarted = ServerProcess.start(index);
    try {
      Set<String> stored = new HashSet<>();
      for (String category : CATEGORIES) {
        HttpResponse<String> h = restarted.get("/c/mini/" + category + "/history.json");
        assertEquals(200, h.statusCode(), h.body());
        for (JsonNode r : JSON.readTree(h.body())) {
          stored.add(r.get("rationale").asText());
        }
      }
      for (int n = 0; n < IMAGES; n++) {
        HttpResponse<String> h = restarted.get("/i/mini/" + n + ".json");
        assertEquals(200, h.statusCode(), h.body());
        for (JsonNode d : JSON.readTree(h.body()).get("decisions")) {
          stored.add(d.get("rationale").asText());
        }
      }
      Set<String> lost = new HashSet<>(acknowledged);
      lost.removeAll(stored);
      assertEquals(Set.of(), lost, "acknowledged reviews lost");
      assertTrue(acknowledged.size() >= 3 * 40, "too few reviews to prove anything: " + acknowledged.size());
    } finally {
      restarted.close();
    }
    byte[] journal = Files.readAllBytes(index.resolve("audit").resolve("reviews.journal"));
    assertEquals('\n', journal[journal.length - 1], "the journal ends with a whole record");
    String[] lines = new String(journal, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      assertTrue(ReviewJournal.parse(lines[i]) != null, "record " + (i + 1) + " is whole and its checksum matches");
    }
    try (ReviewJournal j = ReviewJournal.open(index.resolve("audit").resolve("reviews.journal"), false)) {
      assertEquals(lines.length, j.all().size());
      assertEquals(lines.length, j.all().get(lines.length - 1).seq(), "sequence numbers have no gap");
    }
    byte[] decisions = Files.readAllBytes(index.resolve("audit").resolve("images.journal"));
    assertEquals('\n', decisions[decisions.length - 1], "the image journal ends with a whole record");
    long records = new String(decisions, StandardCharsets.UTF_8).lines().count();
    try (ImageDecisions d = ImageDecisions.open(index.resolve("audit").resolve("images.journal"), false)) {
      assertEquals(records, d.all().size(), "every line a whole record");
      assertEquals(records, d.all().get(d.all().size() - 1).seq(), "sequence numbers have no gap");
      assertTrue(records >= 3 * 20, "too few decisions to prove anything: " + records);
    }
  }
}
