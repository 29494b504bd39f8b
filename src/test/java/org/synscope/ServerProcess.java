package org.synscope;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real {@code synscope serve} process on a free port, for end-to-end tests. */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("at http://[^:]+:(\\d+)/");
  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> output = new ArrayList<>();

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code synscope serve --index DIR --port 0 EXTRA...} and waits for it to listen. */
  public static ServerProcess start(Path index, String... extra) {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
        "-cp", classPath(), "org.synscope.cli.Main", "serve", "--index", index.toString(), "--port", "0"));
    command.addAll(List.of(extra));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      List<String> before = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            before.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
              return Integer.parseInt(m.group(1));
            }
          }
          return -1;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      int found = port.get(120, TimeUnit.SECONDS);
      if (found < 0) {
        throw new IllegalStateException("server exited with " + p.waitFor() + " before listening");
      }
      // Keep draining output so the child never blocks on a full pipe.
      Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "server-output");
      drain.setDaemon(true);
      drain.start();
      ServerProcess server = new ServerProcess(p, found);
      server.output.addAll(before);
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the server: " + command, e);
    }
  }

  /** The java running these tests. */
  public static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The test class path (surefire's, so the child sees the same classes). */
  public static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  /** What the server printed before it listened (standard output and error). */
  public List<String> startupOutput() {
    return List.copyOf(output);
  }

  public int port() {
    return port;
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public Process process() {
    return process;
  }

  /** GETs a path; the response body as a string. */
  public HttpResponse<String> get(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
