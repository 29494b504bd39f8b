package org.synscope.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG thumbnails of 32x32 pixel planes (Tiny Images, CIFAR), scaled up by a whole factor with nearest
 * neighbour so each source pixel stays a sharp square, or blurred first for harm-aware masking.
 */
public final class Thumbnails {
  /** The largest scale factor (32 x 16 = 512 pixels a side). */
  public static final int MAX_SCALE = 16;
  /** Box blur radius and passes: three passes of a 7-pixel box approximate a Gaussian of sigma ~3.5. */
  static final int BLUR_RADIUS = 3;
  static final int BLUR_PASSES = 3;

  private Thumbnails() {}

  /** A PNG of the image in {@code rgbPlanes} (R, G, B planes laid out as {@code layout}), {@code scale} times as big. */
  public static byte[] png32(byte[] rgbPlanes, Layout layout, int scale) {
    return png(image(pixels(rgbPlanes, layout), scale));
  }

  /**
   * Like {@link #png32} but strongly blurred first (a repeated box blur over the 32x32 source), so the
   * picture cannot be made out but its colours remain: for images of categories flagged offensive.
   */
  public static byte[] blurred(byte[] rgbPlanes, Layout layout, int scale) {
    int[] rgb = pixels(rgbPlanes, layout);
    for (int pass = 0; pass < BLUR_PASSES; pass++) {
      rgb = boxBlur(boxBlur(rgb, 1, Layout.SIDE), Layout.SIDE, 1);
    }
    return png(image(rgb, scale));
  }

  /** The pixels as {@code 0xRRGGBB}, row by row. */
  static int[] pixels(byte[] planes, Layout layout) {
    if (planes.length != Layout.BYTES) {
      throw new IllegalArgumentException("expected " + Layout.BYTES + " pixel bytes, got " + planes.length);
    }
    int[] rgb = new int[Layout.PLANE];
    for (int y = 0; y < Layout.SIDE; y++) {
      for (int x = 0; x < Layout.SIDE; x++) {
        rgb[y * Layout.SIDE + x] = layout.rgb(planes, x, y);
      }
    }
    return rgb;
  }

  /**
   * One pass of a box blur along one axis ({@code step} 1: rows; {@code step} 32: columns), edges
   * clamped, each channel rounded.
   */
  private static int[] boxBlur(int[] rgb, int step, int lineStep) {
    int[] out = new int[rgb.length];
    int width = 2 * BLUR_RADIUS + 1;
    for (int line = 0; line < Layout.SIDE; line++) {
      for (int i = 0; i < Layout.SIDE; i++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int k = -BLUR_RADIUS; k <= BLUR_RADIUS; k++) {
          int j = Math.clamp(i + k, 0, Layout.SIDE - 1);
          int p = rgb[line * lineStep + j * step];
          r += p >> 16 & 0xff;
          g += p >> 8 & 0xff;
          b += p & 0xff;
        }
        out[line * lineStep + i * step] = (r + width / 2) / width << 16 | (g + width / 2) / width << 8
            | (b + width / 2) / width;
      }
    }
    return out;
  }

  private static BufferedImage image(int[] rgb, int scale) {
    if (scale < 1 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("scale must be 1 to " + MAX_SCALE + ", was " + scale);
    }
    int side = Layout.SIDE * scale;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[side];
    for (int y = 0; y < Layout.SIDE; y++) {
      for (int x = 0; x < side; x++) {
        row[x] = rgb[y * Layout.SIDE + x / scale];
      }
      for (int dy = 0; dy < scale; dy++) {
        image.setRGB(0, y * scale + dy, side, 1, row, 0, side);
      }
    }
    return image;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    // An in-memory stream: ImageIO.write to an OutputStream would cache in a temporary file by default.
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer in this JDK");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a PNG in memory", e);
    }
    return bytes.toByteArray();
  }
}
