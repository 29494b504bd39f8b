package org.synscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's targets on the shared lists, through the CLI as the README runs them, so a change that
 * loses one fails the build: the ImageNet person pool against the published unsafe list, and what
 * that list teaches the Tiny Images queue. Skipped when ../shared/datasets is not here.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class QueueTargetsIT {
  static final Path SHARED = Path.of("../shared/datasets");
  static final Path UNSAFE = SHARED.resolve("imagenet-unsafe-synsets-yang2020.txt");
  /** The classes of Tiny Images the audit (Prabhu and Birhane 2020) named. */
  static final List<String> NAMED = List.of("nigger", "coolie", "cunt", "bitch", "whore", "rape_suspect", "pedophile",
      "molester", "child_molester");
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static String index;

  @BeforeAll
  static void importTheLists() {
    assumeTrue(Files.exists(UNSAFE) && Files.exists(SHARED.resolve("tiny-images-classes.csv")),
        "../shared/datasets is not here");
    index = dir.resolve("index").toString();
    ok("index", SHARED.resolve("imagenet-fall11-wnids.txt").toString(), "--dataset", "imagenet-21k", "--index", index);
    ok("index", SHARED.resolve("tiny-images-classes.csv").toString(), "--dataset", "tiny-images", "--index", index);
  }

  static String ok(String... args) {
    EndToEndIT.Run run = EndToEndIT.cli(args);
    assertEquals(0, run.code(), String.join(" ", args) + ": " + run.err());
    return run.out();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void theLearningQueueOnImageNetsPersonSynsets() throws Exception {
    JsonNode e = JSON.readTree(ok("eval-queue", "--dataset", "imagenet-21k", "--truth", UNSAFE.toString(), "--pool",
        "person.n.01", "--at", "600,1593", "--json", "--index", index));
    // person.n.01 and the 2,835 fall11 synsets under it; 1,593 of them on the list.
    assertEquals(2836, e.get("pool").asInt());
    assertEquals(1593, e.get("unsafe").asInt());
    assertTrue(e.get("auc_static").asDouble() >= 0.80, e.toString());
    assertTrue(e.get("found").get("600").asInt() >= 560, e.toString());
    assertTrue(e.get("found").get("1593").asInt() >= 1250, e.toString());
  }

  @Test
  @org.junit.jupiter.api.Order(2) // it imports ImageNet's list, which the first leaves out anyway
  void imageNetsListTeachesTheTinyImagesQueue() throws Exception {
    List<String> high = new ArrayList<>();
    for (String row : ok("search", "--dataset", "tiny-images", "--risk", "high", "--csv", "--index", index).split("\n")) {
      high.add(row.split(",")[2]); // the label column (no label of Tiny Images has a comma)
    }
    high.remove(0); // the header
    assertTrue(high.size() < 0.03 * 75_846, "at risk=high: " + high.size());
    assertTrue(high.containsAll(NAMED), "every named class is at risk=high");
    ok("flags", "import", UNSAFE.toString(), "--name", "imagenet-unsafe", "--kind", "unsafe", "--dataset", "imagenet-21k",
        "--index", index);
    JsonNode queue = JSON.readTree(ok("queue", "--dataset", "tiny-images", "--size", "500", "--json", "--index", index));
    assertEquals(0, queue.get("trained_on").get("reviews").asInt());
    List<String> top = new ArrayList<>();
    queue.get("items").forEach(i -> top.add(i.get("label").asText()));
    List<String> found = NAMED.stream().filter(top::contains).toList();
    assertTrue(found.size() >= 7, "in the top 500 before any Tiny Images review: " + found);
  }
}
