package org.synscope.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.synscope.config.BadInput;
import org.synscope.flags.BuiltInFlags;
import org.synscope.io.AtomicFiles;

/**
 * The imported flag lists, one JSON file each under {@code lists/}, written atomically: re-importing
 * a list replaces its previous version whole; removing deletes it. Changes made by another process
 * (the CLI while a server runs) are picked up on the next read.
 */
public final class FlagLists {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;
  private final AtomicLong version = new AtomicLong();
  private volatile Map<String, FlagList> lists = Map.of();
  private volatile long stamp = -1;

  public FlagLists(Path dir) {
    this.dir = dir;
  }

  /** Every list by name. */
  public Map<String, FlagList> all() {
    refresh();
    return lists;
  }

  /** Bumped whenever the set of lists changes. */
  public long version() {
    refresh();
    return version.get();
  }

  /** Saves a list, replacing one of the same name. */
  public synchronized void save(FlagList list) {
    checkName(list.name());
    try {
      AtomicFiles.write(dir.resolve(list.name() + ".json"), JSON.writeValueAsBytes(list));
      touch();
    } catch (IOException e) {
      throw new AuditException("cannot save flag list " + list.name() + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a list. */
  public synchronized void remove(String name) {
    Path file = dir.resolve(name + ".json");
    if (!NAME.matcher(name).matches() || !Files.exists(file)) {
      throw new BadInput("no flag list '" + name + "' (lists: " + String.join(", ", all().keySet()) + ")");
    }
    try {
      Files.delete(file);
      touch();
    } catch (IOException e) {
      throw new AuditException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  /** Checks a list name: a flag name of its own, not one of the built-in flags. */
  public static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadInput("list name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    if (BuiltInFlags.NAMES.contains(name)) {
      throw new BadInput("'" + name + "' is a built-in flag; give the list another name");
    }
  }

  /** As {@link #checkName(String)}, and not the name of a signal in force ({@code flag=} and {@code signal=} would clash). */
  public static void checkName(String name, java.util.Set<String> signals) {
    checkName(name);
    if (signals.contains(name)) {
      throw new BadInput("'" + name + "' is a signal (synscope signals lists them); give the list another name");
    }
  }

  private void touch() throws IOException {
    // A marker whose time changes on every save, so other processes notice even within one second.
    Files.writeString(dir.resolve(".version"), Long.toString(System.nanoTime()));
    stamp = -1;
    refresh();
  }

  private void refresh() {
    long now = markerStamp();
    if (now == stamp) {
      return;
    }
    synchronized (this) {
      if (now == stamp) {
        return;
      }
      Map<String, FlagList> read = new TreeMap<>();
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
            FlagList l = JSON.readValue(f.toFile(), FlagList.class);
            read.put(l.name(), l);
          }
        } catch (IOException e) {
          throw new AuditException("cannot read the flag lists in " + dir + ": " + e.getMessage(), e);
        }
      }
      lists = java.util.Collections.unmodifiableMap(read);
      stamp = now;
      version.incrementAndGet();
    }
  }

  private long markerStamp() {
    try {
      Path marker = dir.resolve(".version");
      return Files.exists(marker) ? Long.parseLong(Files.readString(marker).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
