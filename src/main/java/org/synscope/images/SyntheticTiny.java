package org.synscope.images;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import org.synscope.config.BadInput;
import org.synscope.dataset.CsvFields;

/**
 * Synthetic Tiny Images metadata: {@code tiny_metadata.bin} records made from Tiny Images' class list
 * ({@code class_ind,class_name,n_images}) without the 61 GB file. Classes keep their file order and
 * their real sizes (scaled in proportion when fewer records are asked for): image {@code n} belongs to
 * the class whose cumulative range holds it. Every other field is drawn from a generator seeded by
 * {@code n} alone, so {@link #record(long)} re-reads any record at random and two runs give the same
 * bytes: search engines with fixed shares, a few thousand source hosts with Zipf-like popularity,
 * crawl dates in 2005-2008, filenames as Tiny Images names them ({@code keyword_s_000123.png}) and
 * URLs whose words come from bounded vocabularies.
 */
public final class SyntheticTiny {
  /** Records of the real dataset: the sum of the class list's image counts. */
  public static final long TINY_IMAGES = 79_302_017L;
  /** Search engines and their shares in per cent (they add up to 100). */
  static final String[] ENGINES = {"google", "flickr", "altavista", "ask", "picsearch", "webshots", "cydral"};
  private static final int[] ENGINE_SHARES = {32, 18, 14, 12, 10, 8, 6};
  /** Source hosts besides Flickr's and Webshots' own. */
  static final int HOSTS = 3_000;
  private static final long SEED = 0x7195_2008_5EED_0001L;
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
      "Dec"};
  private static final String[] DIRS = {"images", "photos", "pics", "gallery", "albums", "uploads", "img", "media",
      "pictures", "wp-content/uploads", "forum/attachments", "members/photos", "content/images", "galleries/2006",
      "galleries/2007", "archive", "files", "blog/images", "users/pics", "catalog/products"};
  private static final String[] WORDS = {"blue", "sky", "sun", "red", "green", "photo", "pix", "image", "star", "moon",
      "city", "world", "net", "home", "web", "art", "nature", "travel", "pet", "life", "family", "my", "free", "best",
      "top", "super", "daily", "news", "digital", "shot", "snap", "view", "focus", "lens", "pixel", "gallery", "planet",
      "ocean", "river", "mountain", "forest", "garden", "urban", "retro", "vintage", "happy", "wild", "open", "global",
      "local", "smart", "cool", "fun", "zone", "spot", "hub", "base", "land", "space", "point"};
  private static final String[] TLDS = {"com", "com", "com", "com", "net", "org", "de", "co.uk", "fr", "jp", "it", "nl",
      "ru", "com.au", "ca", "es", "pl", "info", "com.br", "se"};

  private final Path classes;
  private final String[] names;
  /** {@code starts[c]} is the first image of class {@code c}; {@code starts[names.length]} is the record count. */
  private final long[] starts;
  private final String[] hosts;
  /** The hosts' cumulative Zipf weights (rank 1 most popular), for a binary search. */
  private final double[] hostCdf;

  private SyntheticTiny(Path classes, String[] names, long[] starts) {
    this.classes = classes;
    this.names = names;
    this.starts = starts;
    this.hosts = hosts();
    this.hostCdf = new double[HOSTS];
    double sum = 0;
    for (int i = 0; i < HOSTS; i++) {
      sum += 1.0 / (i + 1);
      hostCdf[i] = sum;
    }
    for (int i = 0; i < HOSTS; i++) {
      hostCdf[i] /= sum;
    }
  }

  /**
   * Reads the class list and spreads {@code records} images over its classes in proportion to their
   * real sizes ({@code null}: the real sizes, {@value #TINY_IMAGES} records).
   */
  public static SyntheticTiny load(Path classList, Long records) {
    List<String> names = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(classList, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.strip().equals("class_ind,class_name,n_images")) {
        throw new BadInput(classList + ":1: expected the header class_ind,class_name,n_images (Tiny Images' class"
            + " list), found '" + header + "'");
      }
      int number = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        List<String> fields = CsvFields.split(line, ',');
        if (fields.size() != 3) {
          throw new BadInput(classList + ":" + number + ": expected 3 fields (class_ind,class_name,n_images), found "
              + fields.size());
        }
        // The list spells five names with a control character where a letter was lost (adamari_l\u001apez): a
        // keyword is printable ASCII, so it is written with '?' there.
        String name = printable(fields.get(1)).strip();
        if (name.isBlank() || name.length() > 80) {
          throw new BadInput(classList + ":" + number + ": a class name must be 1 to 80 characters (it fills the"
              + " keyword field), not '" + name + "'");
        }
        try {
          long size = Long.parseLong(fields.get(2).strip());
          if (size < 0) {
            throw new NumberFormatException();
          }
          sizes.add(size);
        } catch (NumberFormatException e) {
          throw new BadInput(classList + ":" + number + ": n_images must be a whole number >= 0, not '"
              + fields.get(2) + "'");
        }
        names.add(name);
      }
    } catch (IOException e) {
      throw new BadInput(classList + ": cannot read: " + e.getMessage());
    }
    long real = sizes.stream().mapToLong(Long::longValue).sum();
    long total = records == null ? real : records;
    if (real == 0 || total < 1) {
      throw new BadInput(classList + ": no images to make (" + real + " in the list, " + total + " asked for)");
    }
    long[] starts = new long[names.size() + 1];
    long cumulative = 0;
    for (int c = 0; c < names.size(); c++) {
      starts[c] = scaled(cumulative, total, real);
      cumulative += sizes.get(c);
    }
    starts[names.size()] = total;
    return new SyntheticTiny(classList, names.toArray(String[]::new), starts);
  }

  /** {@code floor(cumulative * total / real)} without overflow (79 million squared does not fit a long). */
  private static long scaled(long cumulative, long total, long real) {
    return java.math.BigInteger.valueOf(cumulative).multiply(java.math.BigInteger.valueOf(total))
        .divide(java.math.BigInteger.valueOf(real)).longValueExact();
  }

  /** {@code s} with every character outside printable ASCII replaced by {@code ?}. */
  private static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c > 0x7e ? '?' : c);
    }
    return out.toString();
  }

  /** The class list read. */
  public Path classes() {
    return classes;
  }

  /** The number of records. */
  public long count() {
    return starts[names.length];
  }

  /** The class of image {@code n}: the one whose cumulative range holds it. */
  public String keyword(long n) {
    return names[classOf(n)];
  }

  int classOf(long n) {
    check(n);
    int i = Arrays.binarySearch(starts, n);
    if (i < 0) {
      return -i - 2;
    }
    while (i + 1 < starts.length && starts[i + 1] == n) {
      i++; // empty classes share their start with the next
    }
    return i;
  }

  private void check(long n) {
    if (n < 0 || n >= count()) {
      throw new BadInput(String.format(Locale.ROOT, "image %d is out of range: the synthetic set holds %,d images"
          + " (numbered from 0)", n, count()));
    }
  }

  /** Record {@code n} as {@code tiny_metadata.bin} holds it, read back as {@link TinyMetadataSource} reads it. */
  public ImageRecord record(long n) {
    return record(n, classOf(n));
  }

  /** Writes record {@code n}'s 768 bytes at {@code offset} of {@code into}. */
  public void write(long n, byte[] into, int offset) {
    write(fields(n, classOf(n)), into, offset);
  }

  /** Writes every record, in order, to {@code file} ({@code tiny_metadata.bin}); {@code progress} gets the records done. */
  public void writeFile(Path file, LongConsumer progress) {
    int batch = 4096;
    byte[] buffer = new byte[batch * TinyMetadataSource.RECORD];
    try (OutputStream out = Files.newOutputStream(file)) {
      int c = 0;
      long total = count();
      for (long from = 0; from < total; from += batch) {
        int k = (int) Math.min(batch, total - from);
        for (int i = 0; i < k; i++) {
          long n = from + i;
          while (starts[c + 1] <= n) {
            c++;
          }
          write(fields(n, c), buffer, i * TinyMetadataSource.RECORD);
        }
        out.write(buffer, 0, k * TinyMetadataSource.RECORD);
        progress.accept(from + k);
      }
    } catch (IOException e) {
      throw new BadInput(file + ": cannot write: " + e.getMessage());
    }
  }

  /** The records as a source an importer reads (in order, or any range, or any one by number). */
  public ImageSource source() {
    return new SyntheticSource(this);
  }

  /** Records {@code [from, to)} in order, each as {@link #record(long)} gives it. */
  java.util.stream.Stream<ImageRecord> records(long from, long to) {
    if (from < 0 || to < from || to > count()) {
      throw new IllegalArgumentException("records " + from + " to " + to + " of " + count());
    }
    RecordCursor cursor = new RecordCursor() {
      private long next = from;
      private int c = from < to ? classOf(from) : 0;

      @Override
      public ImageRecord next() {
        if (next >= to) {
          return null;
        }
        while (starts[c + 1] <= next) {
          c++;
        }
        return record(next++, c);
      }

      @Override
      public void close() {}
    };
    return cursor.stream();
  }

  /**
   * The record made from its fields as {@link TinyMetadataSource#parse} would read them from the bytes
   * {@link #write} makes of them (every value fits its field, none has surrounding spaces; the tests read
   * a written file back to check): each non-blank field in record order, then {@code domain} and {@code year}.
   */
  private ImageRecord record(long n, int c) {
    String[] values = fields(n, c);
    Map<String, String> metadata = new LinkedHashMap<>(32);
    for (int f = 0; f < TinyMetadataSource.FIELDS.length; f++) {
      metadata.put(TinyMetadataSource.FIELDS[f].key(), values[f]);
    }
    String source = values[SOURCE_URL];
    metadata.put("domain", Provenance.domain(source));
    metadata.put("year", values[YEAR]);
    return new ImageRecord(n, values[0], null, metadata, null, source);
  }

  private static final int THUMBNAIL_URL = 5;
  private static final int SOURCE_URL = 6;
  /** Past the twelve fields of the record: the year of its date. */
  private static final int YEAR = 12;

  /** The record's bytes: each field's value at its offset, spaces elsewhere. */
  private static void write(String[] values, byte[] into, int offset) {
    Arrays.fill(into, offset, offset + TinyMetadataSource.RECORD, (byte) ' ');
    for (int f = 0; f < TinyMetadataSource.FIELDS.length; f++) {
      TinyMetadataSource.Field field = TinyMetadataSource.FIELDS[f];
      String v = values[f];
      int length = Math.min(v.length(), field.to() - field.from());
      for (int i = 0; i < length; i++) {
        into[offset + field.from() + i] = (byte) v.charAt(i);
      }
    }
  }

  /** The twelve field values of record {@code n} of class {@code c}, then its year. */
  private String[] fields(long n, int c) {
    Random rng = new Random(mix(SEED ^ n * 0x9E3779B97F4A7C15L));
    String keyword = names[c];
    long position = n - starts[c] + 1;
    String engine = ENGINES[pick(rng.below(100))];
    String[] v = new String[13];
    StringBuilder b = new StringBuilder(128);
    v[0] = keyword;
    v[1] = digits(b.append(keyword).append("_s_"), position, 6).append(".png").toString();
    v[2] = rng.below(20) == 0 ? "32321" : "32323";
    int year = 2005 + rng.below(4);
    b.setLength(0);
    digits(b, 1 + rng.below(28), 2).append(' ').append(MONTHS[rng.below(12)]).append(' ').append(year).append(' ');
    digits(b, rng.below(24), 2).append(':');
    digits(b, rng.below(60), 2).append(':');
    v[3] = digits(b, rng.below(60), 2).append(" +0000").toString();
    v[4] = engine;
    String id = base36(rng.below(36 * 36 * 36 * 36));
    int photo = rng.below(1 << 17);
    int server = 1 + rng.below(999);
    b.setLength(0);
    switch (engine) {
      case "flickr" -> b.append("http://farm").append(1 + rng.below(4)).append(".static.flickr.com/").append(server)
          .append('/').append(photo).append(".jpg");
      case "webshots" -> b.append("http://image").append(10 + rng.below(50)).append(".webshots.com/")
          .append(server % 100).append('/').append(photo).append('/').append(keyword).append(".jpg");
      default -> {
        b.append("http://").append(hosts[host(rng.unit())]).append('/').append(DIRS[rng.below(DIRS.length)]).append('/');
        switch (rng.below(4)) {
          case 0 -> b.append(keyword);
          case 1 -> digits(b.append("IMG_"), rng.below(10_000), 4);
          case 2 -> digits(b.append("DSC"), rng.below(100_000), 5);
          default -> b.append(WORDS[rng.below(WORDS.length)]).append(rng.below(1_000));
        }
        b.append(rng.below(5) == 0 ? ".gif" : ".jpg");
      }
    }
    v[SOURCE_URL] = b.toString();
    v[THUMBNAIL_URL] = switch (engine) {
      case "google" -> "http://tbn" + rng.below(4) + ".google.com/images?q=tbn:" + id;
      case "flickr" -> "http://farm1.static.flickr.com/" + server + "/" + photo + "_t.jpg";
      case "altavista" -> "http://thumbs.altavista.com/image/" + id + ".jpg";
      case "ask" -> "http://thumbnails.ask.com/t/" + id;
      case "picsearch" -> "http://thumbs.picsearch.com/" + id + ".jpg";
      case "webshots" -> "http://thumb" + (10 + rng.below(50)) + ".webshots.com/" + photo + "_th.jpg";
      default -> "http://www.cydral.com/thumb/" + id + ".jpg";
    };
    int page = 1 + rng.below(20);
    int onPage = 1 + rng.below(20);
    v[7] = Integer.toString(page);
    v[8] = Integer.toString(onPage);
    v[9] = Integer.toString((page - 1) * 20 + onPage);
    v[10] = Long.toString(Math.min(position, 9_999));
    v[11] = "-1";
    v[YEAR] = Integer.toString(year);
    return v;
  }

  /** {@code value} in decimal, zero-padded to {@code width} digits. */
  private static StringBuilder digits(StringBuilder b, long value, int width) {
    String s = Long.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  /** Four base-36 digits. */
  private static String base36(int value) {
    char[] out = new char[4];
    int v = value;
    for (int i = 3; i >= 0; i--) {
      out[i] = Character.forDigit(v % 36, 36);
      v /= 36;
    }
    return new String(out);
  }

  private static int pick(int percent) {
    int sum = 0;
    for (int i = 0; i < ENGINE_SHARES.length; i++) {
      sum += ENGINE_SHARES[i];
      if (percent < sum) {
        return i;
      }
    }
    return ENGINE_SHARES.length - 1;
  }

  /** The host at a point of the Zipf distribution, rank 1 first. */
  private int host(double u) {
    int i = Arrays.binarySearch(hostCdf, u);
    return Math.min(HOSTS - 1, i >= 0 ? i : -i - 1);
  }

  /** {@value #HOSTS} distinct host names (half with {@code www.}), made from word pairs by a fixed generator. */
  private static String[] hosts() {
    Set<String> names = new HashSet<>();
    List<String> out = new ArrayList<>();
    Random rng = new Random(mix(SEED));
    while (out.size() < HOSTS) {
      String name = WORDS[rng.below(WORDS.length)] + WORDS[rng.below(WORDS.length)]
          + (rng.below(3) == 0 ? "-" + WORDS[rng.below(WORDS.length)] : "") + "." + TLDS[rng.below(TLDS.length)];
      boolean www = rng.below(2) == 0;
      if (names.add(name)) {
        out.add(www ? "www." + name : name);
      }
    }
    return out.toArray(String[]::new);
  }

  /** SplitMix64's finaliser: a well-mixed 64-bit value from any seed. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** SplitMix64: small, fast and the same on every JVM. */
  private static final class Random {
    private long state;

    Random(long seed) {
      state = seed;
    }

    long next() {
      state += 0x9E3779B97F4A7C15L;
      return mix(state);
    }

    /** Uniform in {@code [0, bound)}. */
    int below(int bound) {
      return (int) (((next() >>> 32) * bound) >>> 32);
    }

    /** Uniform in {@code [0, 1)}. */
    double unit() {
      return (next() >>> 11) * 0x1.0p-53;
    }
  }
}
