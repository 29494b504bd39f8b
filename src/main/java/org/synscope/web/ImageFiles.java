package org.synscope.web;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.synscope.images.ImageFormat;
import org.synscope.images.PixelFile;
import org.synscope.images.Thumbnails;
import org.synscope.index.ImageSetMeta;
import org.synscope.io.AtomicFiles;
import org.synscope.search.ImageHit;

/**
 * An image's pixels as a PNG: from a dataset's 32x32 pixel file (Tiny Images, CIFAR), scaled up without
 * smoothing so a 32x32 picture stays readable; or from the image file (a folder, a table's local paths),
 * scaled down once and cached on disk under the index. Blurred when asked. A missing file gives a
 * placeholder, never an error.
 */
final class ImageFiles {
  /** The longest side of a thumbnail of an image file. */
  static final int SIDE = 160;
  private final Path cache;
  private final Map<String, PixelFile> pixelFiles = new ConcurrentHashMap<>();
  private final byte[] placeholder;

  ImageFiles(Path cache) {
    this.cache = cache;
    BufferedImage grey = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 32; y++) {
        grey.setRGB(x, y, (x + y) % 8 < 4 ? 0xD0D0D0 : 0xB8B8B8);
      }
    }
    this.placeholder = png(grey);
  }

  /** How many of these images are files that are gone (or outside the imported folder); pixel files never are. */
  int missing(ImageSetMeta set, java.util.List<ImageHit> hits) {
    if (set.pixels() != null || set.base() == null) {
      return 0;
    }
    Path base = Path.of(set.base());
    int n = 0;
    for (ImageHit h : hits) {
      if (h.path() != null) {
        Path file = base.resolve(h.path()).normalize();
        n += file.startsWith(base) && Files.isRegularFile(file) ? 0 : 1;
      }
    }
    return n;
  }

  /** What a thumbnail request answers: the PNG, and whether it is the placeholder of a missing image. */
  record Png(byte[] bytes, boolean missing) {}

  /** The image's PNG, {@code scale} times 32 pixels for pixel files; blurred when {@code blur}. */
  Png png(ImageSetMeta set, ImageHit hit, int scale, boolean blur) {
    if (set.pixels() != null) {
      // One open file per image build (a re-import names a new build directory).
      PixelFile file = pixelFiles.computeIfAbsent(set.directory(), d -> ImageFormat.parse(set.format()) == ImageFormat.CIFAR
          ? PixelFile.cifar(Path.of(set.pixels())) : PixelFile.tiny(Path.of(set.pixels()), Path.of(set.source())));
      if (hit.n() >= file.count()) {
        return new Png(placeholder, true);
      }
      byte[] planes;
      try {
        planes = file.pixels(hit.n());
      } catch (RuntimeException e) {
        return new Png(placeholder, true); // the pixel file was cut or replaced after the import: the placeholder
      }
      return new Png(blur ? Thumbnails.blurred(planes, file.layout(), scale) : Thumbnails.png32(planes, file.layout(), scale),
          false);
    }
    if (hit.path() == null || set.base() == null) {
      return new Png(placeholder, true); // a URL only: synscope never fetches from the web
    }
    Path base = Path.of(set.base());
    Path file = base.resolve(hit.path()).normalize();
    if (!file.startsWith(base) || !Files.isRegularFile(file)) {
      return new Png(placeholder, true);
    }
    Path cached = cache.resolve(Path.of(set.directory()).getFileName().toString()).resolve(set.name())
        .resolve(hit.n() + (blur ? ".blur.png" : ".png"));
    try {
      if (Files.isRegularFile(cached)) {
        return new Png(Files.readAllBytes(cached), false);
      }
      BufferedImage image = decode(file);
      if (image == null) {
        return new Png(placeholder, true);
      }
      byte[] out = png(blur ? blurred(image) : scaled(image, SIDE));
      AtomicFiles.write(cached, out);
      return new Png(out, false);
    } catch (IOException | RuntimeException e) {
      return new Png(placeholder, true); // unreadable or damaged: the page shows the placeholder
    }
  }

  /** Most pixels an image file may have to be decoded (a decompression bomb gets the placeholder). */
  static final long MAX_PIXELS = 100_000_000L;

  /**
   * Decodes an image file, reading every n-th pixel when it is much larger than a thumbnail; null for a
   * file that is not an image or has more than {@link #MAX_PIXELS} pixels by its header.
   */
  private static BufferedImage decode(Path file) throws IOException {
    var header = org.synscope.images.ImageHeaders.read(file);
    if ((long) header.width() * header.height() > MAX_PIXELS) {
      return null;
    }
    try (var in = ImageIO.createImageInputStream(file.toFile())) {
      var readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return null;
      }
      var reader = readers.next();
      try {
        reader.setInput(in, true, true);
        var param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(header.width(), header.height()) / (2 * SIDE));
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  private static BufferedImage scaled(BufferedImage image, int side) {
    double f = Math.min(1.0, side / (double) Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(1, (int) Math.round(image.getWidth() * f));
    int h = Math.max(1, (int) Math.round(image.getHeight() * f));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** Averaged down to 6 pixels on its longer side and drawn back up, smoothed: the colours remain, the picture does not. */
  private static BufferedImage blurred(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double f = 6.0 / Math.max(w, h);
    int sw = Math.max(1, (int) Math.round(w * f));
    int sh = Math.max(1, (int) Math.round(h * f));
    BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
    for (int sx = 0; sx < sw; sx++) {
      for (int sy = 0; sy < sh; sy++) {
        // Each small pixel is the mean of the block it covers (sampling would keep sharp colours).
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int x = sx * w / sw; x < (sx + 1) * w / sw; x++) {
          for (int y = sy * h / sh; y < (sy + 1) * h / sh; y++) {
            int rgb = image.getRGB(x, y);
            r += rgb >> 16 & 0xFF;
            g += rgb >> 8 & 0xFF;
            b += rgb & 0xFF;
            n++;
          }
        }
        n = Math.max(n, 1);
        small.setRGB(sx, sy, (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n));
      }
    }
    BufferedImage thumb = scaled(image, SIDE);
    BufferedImage out = new BufferedImage(thumb.getWidth(), thumb.getHeight(), BufferedImage.TYPE_INT_RGB);
    var g2 = out.createGraphics();
    g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g2.drawImage(small, 0, 0, out.getWidth(), out.getHeight(), null);
    g2.dispose();
    return out;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
