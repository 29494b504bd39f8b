package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.synscope.ServerProcess;
import org.synscope.cli.Main;

/**
 * The auditor's path through the UI in headless Chromium (Debian's chromium and chromium-driver):
 * type a query, pick two facet values, drill into a subtree, open a category, share its link with a
 * new session, reveal a masked label, use the keyboard and the type-ahead. Screenshots go to
 * target/screenshots/. Skipped without chromium, except on CI, where it fails.
 */
class BrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = "correct horse battery";

  @TempDir
  static Path dir;
  static ServerProcess server;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void serve() throws URISyntaxException, IOException {
    boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!available && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    }
    assumeTrue(available, "chromium and chromium-driver are not installed");
    Path index = dir.resolve("index");
    Path list = Path.of(BrowserIT.class.getResource("/fixtures/mini-tiny.csv").toURI());
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "index", list.toString(), "--dataset", "mini",
        "--index", index.toString());
    assertEquals(0, code, err.toString());
    // Three image files in a folder tree: greaser (an ethnic slur: its picture is blurred) and two of dog.
    Path images = dir.resolve("images");
    picture(images.resolve("greaser/a.png"), 0xC03030);
    picture(images.resolve("dog/b.png"), 0x3050C0);
    picture(images.resolve("dog/c.png"), 0x30A050);
    code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "images", "import", images.toString(),
        "--dataset", "mini", "--index", index.toString());
    assertEquals(0, code, err.toString());
    try (org.synscope.audit.AuditStore audit = org.synscope.audit.AuditStore.open(index, false, 1_000)) {
      audit.users().add("alice", org.synscope.audit.Role.AUDITOR, PASSWORD.toCharArray());
    }
    Files.createDirectories(SHOTS);
    server = ServerProcess.start(index);
  }

  /** A 96x64 picture: a 24-pixel square of one colour on white, around the centre, so blurring shows. */
  static void picture(Path file, int rgb) throws IOException {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(96, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 96; x++) {
      for (int y = 0; y < 64; y++) {
        image.setRGB(x, y, x >= 36 && x < 60 && y >= 20 && y < 44 ? rgb : 0xFFFFFF);
      }
    }
    Files.createDirectories(file.getParent());
    javax.imageio.ImageIO.write(image, "png", file.toFile());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static WebDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  @BeforeEach
  void open() throws IOException {
    browser = chromium(Files.createTempDirectory(dir, "profile"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  void shot(WebDriver driver, String name) throws IOException {
    File png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  List<String> hits() {
    return browser.findElements(By.cssSelector("ol.hits .hit-link")).stream().map(WebElement::getText).toList();
  }

  void clickFacet(String facet, String value) {
    for (WebElement li : browser.findElements(By.cssSelector("section[aria-labelledby=facet-" + facet + "] li"))) {
      if (li.findElement(By.cssSelector(".name")).getText().equals(value)) {
        li.findElement(By.cssSelector("a.toggle")).click();
        return;
      }
    }
    throw new AssertionError("no facet value " + facet + "=" + value);
  }

  @Test
  void anAuditorsPathThroughTheUi() throws IOException {
    browser.get(server.base() + "/");
    shot(browser, "01-home");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("offensive", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/search?q=offensive"));
    assertEquals(List.of("g******", "t***"), hits(), "both slurs found, both masked");
    shot(browser, "02-query-masked");

    clickFacet("flag", "ethnic-slur");
    wait.until(ExpectedConditions.urlContains("flag=ethnic-slur"));
    clickFacet("status", "unique");
    wait.until(ExpectedConditions.urlContains("status=unique"));
    assertEquals(List.of("g******"), hits());
    assertEquals(List.of("query: offensive", "flag: ethnic-slur", "status: unique"),
        browser.findElements(By.cssSelector(".chip > span")).stream().map(WebElement::getText).toList());
    shot(browser, "03-two-facets");

    browser.findElement(By.cssSelector(".content-note a")).click();
    wait.until(ExpectedConditions.urlContains("reveal=1"));
    assertEquals(List.of("greaser"), hits());
    shot(browser, "04-revealed");

    browser.get(server.base() + "/search?dataset=mini");
    browser.findElement(By.xpath("//section[contains(@class,'facet-hierarchy')]//a[.//span[text()='physical_entity.n.01']]")).click();
    wait.until(ExpectedConditions.urlContains("under=n00001930"));
    browser.findElement(By.xpath("(//nav[@aria-label='Hypernym path']//a[text()='person.n.01'])[1]")).click();
    wait.until(ExpectedConditions.urlContains("under=n00007846"));
    assertEquals("5", browser.findElement(By.cssSelector("#results-heading span")).getText());
    shot(browser, "05-drilled-person");

    browser.findElement(By.linkText("molester")).click();
    wait.until(ExpectedConditions.urlContains("/c/mini/molester"));
    assertEquals("molester", browser.findElement(By.cssSelector(".category-head h1 span")).getText());
    browser.findElement(By.cssSelector("button.copy-link")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button.copy-link"), "Copied"));
    String link = browser.findElement(By.id("share-url")).getAttribute("value");
    assertEquals(server.base() + "/c/mini/molester", link);
    shot(browser, "06-category");

    WebDriver colleague = chromium(Files.createTempDirectory(dir, "colleague"));
    try {
      colleague.get(link);
      assertEquals("molester", colleague.findElement(By.cssSelector(".category-head h1 span")).getText());
      assertEquals(browser.findElement(By.cssSelector("ol.paths")).getText(), colleague.findElement(By.cssSelector("ol.paths")).getText());
      shot(colleague, "07-colleague-opens-link");
    } finally {
      colleague.quit();
    }
  }

  @Test
  void aSharedSearchLinkShowsTheSameViewInANewSession() throws IOException {
    browser.get(server.base() + "/search?sort=images&dataset=mini&flag=person");
    String share = browser.findElement(By.id("share-url")).getAttribute("value");
    assertEquals(server.base() + "/search?dataset=mini&flag=person&sort=images", share);
    List<String> mine = hits();
    WebDriver colleague = chromium(Files.createTempDirectory(dir, "colleague"));
    try {
      colleague.get(share);
      assertEquals(mine, colleague.findElements(By.cssSelector("ol.hits .hit-link")).stream().map(WebElement::getText).toList());
    } finally {
      colleague.quit();
    }
  }

  @Test
  void keyboardAndTypeAhead() throws IOException {
    browser.get(server.base() + "/search?dataset=mini&sort=label");
    browser.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("q", browser.switchTo().activeElement().getAttribute("id"));
    browser.findElement(By.tagName("body")).click();
    browser.findElement(By.tagName("body")).sendKeys("j");
    browser.switchTo().activeElement().sendKeys("j");
    WebElement second = browser.switchTo().activeElement();
    assertEquals("domestic_dog", second.getText());
    second.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/c/mini/domestic_dog"));

    browser.get(server.base() + "/");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("mol");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-suggestions li")));
    assertEquals("true", q.getAttribute("aria-expanded"));
    shot(browser, "08-type-ahead");
    q.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/c/mini/molester"));
  }

  @Test
  void anAuditorLogsInReviewsAndSeesItInTheHistoryAndTheFacet() throws IOException {
    browser.get(server.base() + "/c/mini/stiff");
    browser.findElement(By.linkText("Log in")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("name")).sendKeys("alice");
    browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/c/mini/stiff"));
    assertTrue(browser.findElement(By.cssSelector(".account")).getText().startsWith("alice (auditor)"));
    browser.findElement(By.cssSelector("input[name=decision][value=sensitive]")).click();
    browser.findElement(By.id("rationale")).sendKeys("slang for a corpse in its second sense");
    shot(browser, "11-review-form");
    browser.findElement(By.cssSelector(".review-form button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".review-panel .review"), "sensitive"));
    assertEquals("slang for a corpse in its second sense",
        browser.findElements(By.cssSelector(".review-panel table.history tbody tr td")).get(5).getText());
    shot(browser, "12-reviewed");

    browser.get(server.base() + "/history");
    assertEquals("stiff", browser.findElement(By.cssSelector("tbody tr td:nth-child(4)")).getText());
    shot(browser, "13-history");
    browser.get(server.base() + "/search?dataset=mini");
    clickFacet("review", "sensitive");
    wait.until(ExpectedConditions.urlContains("review=sensitive"));
    assertEquals(List.of("stiff"), hits());
    shot(browser, "14-review-facet");

    browser.get(server.base() + "/search?dataset=mini&flag=ethnic-slur");
    browser.findElement(By.cssSelector("a.bulk-link")).click();
    wait.until(ExpectedConditions.urlContains("/review/bulk"));
    assertTrue(browser.findElement(By.cssSelector(".content-note")).getText()
        .startsWith("This records one decision for 2 categories holding 22 images"));
    browser.findElement(By.cssSelector("input[name=decision][value=offensive]")).click();
    browser.findElement(By.cssSelector(".review-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/history?bulk="));
    assertEquals(2, browser.findElements(By.cssSelector("tbody tr")).size());
    shot(browser, "15-bulk-history");
  }

  @Test
  void theReviewQueueTakesOneKeyPerDecision() throws IOException {
    browser.get(server.base() + "/login?next=/queue?dataset=mini");
    browser.findElement(By.id("name")).sendKeys("alice");
    browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".queue-item")));
    String first = browser.findElement(By.cssSelector(".queue-item .hit-link")).getAttribute("href");
    shot(browser, "16-queue");
    WebElement heading = browser.findElement(By.cssSelector("h1"));
    browser.findElement(By.tagName("body")).click();
    browser.findElement(By.tagName("body")).sendKeys("j");
    browser.switchTo().activeElement().sendKeys("o"); // one key: offensive
    wait.until(ExpectedConditions.stalenessOf(heading));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".queue-item")));
    assertTrue(browser.findElements(By.cssSelector(".queue-item .hit-link")).stream()
        .noneMatch(a -> a.getAttribute("href").equals(first)), "the decided category left the queue");
    browser.get(first);
    assertEquals("offensive", browser.findElement(By.cssSelector(".review-panel .review")).getText());
    shot(browser, "17-queue-decided");
  }

  /** The centre pixel of the n-th thumbnail as the browser decoded it, once every thumbnail has loaded. */
  List<Long> centre(int n) {
    var js = (org.openqa.selenium.JavascriptExecutor) browser;
    wait.until(d -> (Boolean) js.executeScript("return Array.from(document.querySelectorAll('ul.thumbs img'))"
        + ".every(i => i.complete && i.naturalWidth > 0);"));
    @SuppressWarnings("unchecked")
    List<Long> rgb = (List<Long>) js.executeScript("const i = document.querySelectorAll('ul.thumbs img')[arguments[0]];"
        + "const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;"
        + "const g = c.getContext('2d'); g.drawImage(i, 0, 0);"
        + "return Array.from(g.getImageData(48, 32, 1, 1).data).slice(0, 3);", n);
    return rgb;
  }

  List<String> thumbLabels() {
    return browser.findElements(By.cssSelector("ul.thumbs .thumb-label")).stream().map(WebElement::getText).toList();
  }

  @Test
  void imagesOfAnOffensiveCategoryAreBlurredUntilRevealed() throws IOException {
    browser.get(server.base() + "/images?dataset=mini");
    assertEquals(List.of("dog", "dog", "g******"), thumbLabels(), "folder order; the slur masked");
    assertEquals(List.of("blurred"), browser.findElements(By.cssSelector("ul.thumbs li.blurred")).stream()
        .map(e -> e.getAttribute("class")).toList());
    assertEquals(List.of(0x30L, 0x50L, 0xC0L), centre(0), "dog's picture as it is");
    List<Long> blurred = centre(2);
    assertTrue(blurred.get(1) > 0x30 && blurred.get(2) > 0x30, "white spread into the red square: " + blurred);
    shot(browser, "18-images-blurred");
    browser.findElement(By.cssSelector(".content-note a")).click();
    wait.until(ExpectedConditions.urlContains("reveal=1"));
    assertEquals(List.of("dog", "dog", "greaser"), thumbLabels());
    assertEquals(List.of(0xC0L, 0x30L, 0x30L), centre(2), "revealed: the picture as it is");
    shot(browser, "19-images-revealed");
  }

  @Test
  void treeAndPhoneLayout() throws IOException {
    browser.get(server.base() + "/tree?dataset=mini&under=person.n.01");
    assertTrue(browser.findElements(By.cssSelector("svg.bars rect.bar")).size() > 0);
    shot(browser, "09-tree");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    browser.get(server.base() + "/search?q=offensive&reveal=1");
    shot(browser, "10-phone-search");
    Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertEquals(0L, overflow, "no horizontal scrolling on a phone");
  }
}
