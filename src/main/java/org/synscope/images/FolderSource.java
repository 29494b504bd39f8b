package org.synscope.images;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.synscope.config.BadInput;
import org.synscope.dataset.CategoryKeys;

/**
 * An image folder tree, {@code root/<label or wnid>/<files>} (files may sit deeper; the first directory
 * names the class). One record per image file, in path order (each directory's entries sorted by
 * name), with metadata {@code bytes}, {@code format}, {@code width} and {@code height} from the header.
 * Files that are no image, unreadable headers, files outside a class folder and entries that are no
 * regular file are skipped and reported in {@link #skipped()}, never fatal. Symbolic links to
 * directories are not followed (no cycles); those to files are read.
 */
final class FolderSource implements ImageSource {
  /** Deeper directories are skipped: no dataset nests this far, a loop of bind mounts might. */
  static final int MAX_DEPTH = 32;

  private final Path root;
  private final boolean guessed;
  private Skips skips = Skips.NONE;

  FolderSource(Path root, boolean guessed) {
    if (!Files.exists(root)) {
      throw new BadInput(root + ": no such directory");
    }
    if (!Files.isDirectory(root)) {
      throw new BadInput(root + ": not a directory; format folder reads root/<label or wnid>/<image files>");
    }
    this.root = root;
    this.guessed = guessed;
  }

  @Override
  public ImageFormat format() {
    return ImageFormat.FOLDER;
  }

  @Override
  public boolean guessed() {
    return guessed;
  }

  @Override
  public Path path() {
    return root;
  }

  @Override
  public Stream<ImageRecord> records() {
    return new Cursor().stream();
  }

  @Override
  public Path base() {
    return root;
  }

  @Override
  public Skips skipped() {
    return skips;
  }

  @Override
  public void close() {}

  /** Depth-first over the tree, each directory listed and sorted when entered. */
  private final class Cursor implements RecordCursor {
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private final List<SkippedFile> listed = new ArrayList<>();
    private long notImages;
    private long unreadable;
    private long next;
    private boolean done;

    Cursor() {
      stack.push(list(root).iterator());
    }

    @Override
    public ImageRecord next() {
      while (!stack.isEmpty()) {
        Iterator<Path> entries = stack.peek();
        if (!entries.hasNext()) {
          stack.pop();
          continue;
        }
        Path entry = entries.next();
        String relative = relative(entry);
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (attributes.isSymbolicLink() && !Files.isDirectory(entry)) {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class); // a link to a file is read
          }
        } catch (IOException e) {
          skip(relative, false, "cannot read: " + reason(e));
          continue;
        }
        if (attributes.isDirectory()) {
          if (stack.size() >= MAX_DEPTH) {
            skip(relative + "/", false, "more than " + MAX_DEPTH + " directories deep");
          } else {
            stack.push(list(entry).iterator());
          }
        } else if (attributes.isSymbolicLink()) {
          skip(relative, false, "a symbolic link to a directory (not followed)");
        } else if (!attributes.isRegularFile()) {
          skip(relative, false, "not a regular file (a device, FIFO or socket)");
        } else if (stack.size() == 1) {
          skip(relative, false, "not inside a class folder (root/<label or wnid>/<file>)");
        } else {
          ImageRecord r = record(entry, relative, attributes.size());
          if (r != null) {
            return r;
          }
        }
      }
      if (!done) {
        done = true;
        skips = new Skips(notImages, unreadable, listed);
      }
      return null;
    }

    private ImageRecord record(Path file, String relative, long bytes) {
      ImageHeader header;
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        header = ImageHeaders.sniff(channel);
      } catch (ImageHeaders.Unreadable e) {
        skip(relative, false, e.getMessage());
        return null;
      } catch (IOException e) {
        skip(relative, false, "cannot read: " + reason(e));
        return null;
      }
      if (header == null) {
        skip(relative, true, ImageHeaders.NOT_AN_IMAGE);
        return null;
      }
      String folder = relative.substring(0, relative.indexOf('/'));
      boolean wnid = CategoryKeys.isWnid(folder);
      Map<String, String> metadata = new LinkedHashMap<>(8);
      metadata.put("bytes", Long.toString(bytes));
      metadata.put("format", header.format());
      metadata.put("width", Integer.toString(header.width()));
      metadata.put("height", Integer.toString(header.height()));
      return new ImageRecord(next++, wnid ? null : folder, wnid ? folder : null, metadata, relative, null);
    }

    private List<Path> list(Path dir) {
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(entries::add);
      } catch (IOException e) {
        if (dir.equals(root)) {
          throw new BadInput(root + ": cannot list: " + reason(e));
        }
        skip(relative(dir) + "/", false, "cannot list: " + reason(e));
        return List.of();
      }
      entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
      return entries;
    }

    private void skip(String path, boolean notImage, String reason) {
      if (notImage) {
        notImages++;
      } else {
        unreadable++;
      }
      if (listed.size() < Skips.LISTED) {
        listed.add(new SkippedFile(path, notImage, reason));
      }
    }

    @Override
    public void close() {
      if (!done) {
        skips = new Skips(notImages, unreadable, listed);
      }
    }
  }

  private String relative(Path entry) {
    return root.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
  }

  private static String reason(IOException e) {
    return e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
  }
}
