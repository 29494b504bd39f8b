package org.synscope.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients at once: each loops over the plain pages for a fixed time, one request after another,
 * and every answer that is not 200 (or no answer within 30 s) is an error, reported by status.
 */
public final class LoadRun {
  /** What the run saw: round-trip latencies in ms, and errors by status (or exception). */
  public record Result(int clients, double seconds, long requests, Map<String, Long> errors, double p50, double p95,
      double p99, double max, Map<String, double[]> byPage) {
    public long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private LoadRun() {}

  public static Result run(String base, List<String> pages, int clients, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    Map<String, Long> errors = new ConcurrentHashMap<>();
    List<double[]> samples = new ArrayList<>();
    Map<String, List<Double>> perPage = new ConcurrentHashMap<>();
    AtomicLong requests = new AtomicLong();
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<double[]>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        futures.add(pool.submit(() -> {
          HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
          double[] mine = new double[1 << 12];
          int n = 0;
          for (int i = client * 7; System.nanoTime() < end; i++) {
            String page = pages.get(i % pages.size());
            long t0 = System.nanoTime();
            String error = null;
            try {
              HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + page))
                  .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
              if (r.statusCode() != 200) {
                error = "HTTP " + r.statusCode();
              }
            } catch (Exception e) {
              error = e.getClass().getSimpleName();
            }
            if (error != null) {
              errors.merge(error, 1L, Long::sum);
            }
            if (n == mine.length) {
              mine = java.util.Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = (System.nanoTime() - t0) / 1e6;
            perPage.computeIfAbsent(kind(page), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(mine[n - 1]);
            requests.incrementAndGet();
          }
          return java.util.Arrays.copyOf(mine, n);
        }));
      }
      for (Future<double[]> f : futures) {
        samples.add(f.get());
      }
    }
    double took = (System.nanoTime() - started) / 1e9;
    double[] all = samples.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    Map<String, double[]> byPage = new TreeMap<>();
    perPage.forEach((k, v) -> {
      double[] ms = v.stream().mapToDouble(Double::doubleValue).toArray();
      byPage.put(k, new double[] {ms.length, Benchmark.percentile(ms, 50), Benchmark.percentile(ms, 99)});
    });
    return new Result(clients, took, requests.get(), new TreeMap<>(errors), Benchmark.percentile(all, 50),
        Benchmark.percentile(all, 95), Benchmark.percentile(all, 99), Benchmark.percentile(all, 100), byPage);
  }

  /** The page a path shows: / , /search, /search under a node, /c/..., /tree. */
  private static String kind(String page) {
    String path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
    if (path.startsWith("/c/")) {
      return "/c/{dataset}/{label}";
    }
    if (path.equals("/search")) {
      return page.contains("q=") ? "/search?q=" : page.contains("flag=") ? "/search?under=&flag=" : "/search?under=";
    }
    return path;
  }
}
