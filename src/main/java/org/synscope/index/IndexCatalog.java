package org.synscope.index;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.synscope.io.AtomicFiles;
import org.synscope.io.LockedFile;

/**
 * The index directory: one Lucene index per dataset build under {@code datasets/<name>/<build>/},
 * and {@code meta.json} naming each dataset's current build. A build is written aside, committed,
 * then published by atomically replacing meta.json, so readers see the old build until the new one
 * is complete, and a failed or interrupted import leaves only an unreferenced directory that the
 * next import removes.
 */
public final class IndexCatalog {
  private static final String META = "meta.json";

  /**
   * What an index directory holds besides hidden files (its lock): an index, or the remains of a first
   * import that was killed before it published meta.json (which the next import cleans up).
   */
  public static final Set<String> OWN_ENTRIES = Set.of("audit", "datasets", "images", "thumbs", META + ".tmp");
  private static final DateTimeFormatter BUILD = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
  /** Who to tell, in this process, when a build of an index directory is published (by directory). */
  private static final Map<Path, List<Runnable>> LISTENERS = new java.util.concurrent.ConcurrentHashMap<>();
  private final Path root;

  public IndexCatalog(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Calls {@code listener} after each publish to this index directory by this process (the refresh
   * hook: an open searcher sees an import at once). Another process's imports are seen by polling
   * {@link #metaModified()}.
   */
  public void addPublishListener(Runnable listener) {
    LISTENERS.computeIfAbsent(root, r -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(listener);
  }

  /** Stops calling a listener added with {@link #addPublishListener}. */
  public void removePublishListener(Runnable listener) {
    List<Runnable> list = LISTENERS.get(root);
    if (list != null) {
      list.remove(listener);
    }
  }

  /** The index directory. */
  public Path root() {
    return root;
  }

  /** The directory of a dataset's current build. */
  public Path directory(DatasetMeta dataset) {
    return root.resolve(dataset.directory());
  }

  /** meta.json, or empty when nothing has been indexed here yet. */
  public Optional<IndexMeta> meta() {
    Path file = root.resolve(META);
    try {
      IndexMeta meta = CategoryDocuments.JSON.readValue(Files.readString(file), IndexMeta.class);
      if (meta.schema() != IndexFields.SCHEMA_VERSION) {
        throw new IndexException("the index at " + root + " has schema " + meta.schema() + " but this synscope reads schema "
            + IndexFields.SCHEMA_VERSION + "; re-import its datasets into a new --index directory");
      }
      return Optional.of(meta);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IndexException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** When meta.json last changed (a cheap check for readers that poll for new builds). */
  public FileTime metaModified() {
    try {
      return Files.getLastModifiedTime(root.resolve(META));
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** Takes the import lock: one import at a time per index directory. */
  public ImportLock lock() {
    try {
      Files.createDirectories(root);
      return new ImportLock(LockedFile.tryOpen(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)
          .orElseThrow(() -> new IndexException("another import, or a server applying a sense correction, is writing to " + root
              + "; wait for it to finish and try again")));
    } catch (IOException e) {
      throw new IndexException("cannot lock " + root + ": " + e.getMessage(), e);
    }
  }

  /** A fresh directory for a new build of a dataset. */
  Path newBuild(String dataset) {
    return newBuild("datasets", dataset);
  }

  /** A fresh directory for a new build of a dataset's images. */
  Path newImageBuild(String dataset) {
    return newBuild("images", dataset);
  }

  private Path newBuild(String kind, String dataset) {
    String build = LocalDateTime.now().format(BUILD) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
    Path dir = root.resolve(kind).resolve(dataset).resolve(build);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IndexException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    return dir;
  }

  /** Publishes a finished build: meta.json now names it; the build it replaces is deleted. */
  void publish(ImportLock held, DatasetMeta dataset) {
    held.check();
    IndexMeta before = meta().orElse(new IndexMeta(IndexFields.SCHEMA_VERSION, dataset.wordnet(), 0, Map.of()));
    write(before.with(dataset));
    DatasetMeta replaced = before.datasets().get(dataset.name());
    if (replaced != null && !replaced.directory().equals(dataset.directory())) {
      // Open readers keep their files: on POSIX an unlinked file lives until it is closed.
      deleteQuietly(root.resolve(replaced.directory()));
    }
    notifyListeners();
  }

  private void notifyListeners() {
    for (Runnable listener : LISTENERS.getOrDefault(root, List.of())) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // The build is published; a reader that failed to open it now retries on its next request.
        System.getLogger(IndexCatalog.class.getName()).log(System.Logger.Level.WARNING,
            "a reader of " + root + " could not open the new build yet: " + e.getMessage());
      }
    }
  }

  /** Publishes a finished image build: meta.json now names it; the image build it replaces is deleted. */
  void publish(ImportLock held, ImageSetMeta images) {
    held.check();
    IndexMeta before = meta().orElseThrow(() -> new IndexException("no categories of '" + images.name() + "' in " + root));
    write(before.with(images));
    ImageSetMeta replaced = before.images().get(images.name());
    if (replaced != null && !replaced.directory().equals(images.directory())) {
      deleteQuietly(root.resolve(replaced.directory()));
    }
    notifyListeners();
  }

  /** Deletes build directories that meta.json does not name (left by failed or killed imports). */
  void collectGarbage(ImportLock held) {
    held.check();
    Set<Path> live = new HashSet<>();
    meta().ifPresent(m -> {
      m.datasets().values().forEach(d -> live.add(root.resolve(d.directory()).normalize()));
      m.images().values().forEach(d -> live.add(root.resolve(d.directory()).normalize()));
    });
    collectGarbage(root.resolve("datasets"), live);
    collectGarbage(root.resolve("images"), live);
    // Cached thumbnails are kept per image build (thumbs/<build>/...): those of replaced builds go too.
    Set<String> builds = new HashSet<>();
    meta().ifPresent(m -> m.images().values().forEach(d -> builds.add(Path.of(d.directory()).getFileName().toString())));
    Path thumbs = root.resolve("thumbs");
    if (Files.isDirectory(thumbs)) {
      try (Stream<Path> all = Files.list(thumbs)) {
        all.filter(t -> !builds.contains(t.getFileName().toString())).forEach(IndexCatalog::deleteQuietly);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void collectGarbage(Path datasets, Set<Path> live) {
    if (!Files.isDirectory(datasets)) {
      return;
    }
    try (Stream<Path> names = Files.list(datasets)) {
      for (Path name : names.toList()) {
        try (Stream<Path> builds = Files.list(name)) {
          builds.filter(b -> !live.contains(b.normalize())).forEach(IndexCatalog::deleteQuietly);
        }
        try (Stream<Path> left = Files.list(name)) {
          if (left.findAny().isEmpty()) {
            Files.deleteIfExists(name);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(IndexMeta meta) {
    try {
      AtomicFiles.write(root.resolve(META),
          CategoryDocuments.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(meta));
    } catch (IOException e) {
      throw new IndexException("cannot write " + root.resolve(META) + ": " + e.getMessage(), e);
    }
  }

  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Best effort: a leftover directory is collected by the next import.
    }
  }

  /** The held import lock; closing it releases the lock. */
  public static final class ImportLock implements AutoCloseable {
    private final LockedFile file;

    private ImportLock(LockedFile file) {
      this.file = file;
    }

    void check() {
      if (!file.held()) {
        throw new IllegalStateException("import lock is not held");
      }
    }

    @Override
    public void close() {
      try {
        file.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
