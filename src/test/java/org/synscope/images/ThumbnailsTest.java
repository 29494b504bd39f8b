package org.synscope.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {
  private static BufferedImage decode(byte[] png) throws IOException {
    assertEquals(0x89, png[0] & 0xff);
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  /** Red at (x=1, y=0) and green at (x=0, y=1), written in the given layout by hand. */
  private static byte[] marked(Layout layout) {
    byte[] planes = new byte[Layout.BYTES];
    boolean columns = layout == Layout.COLUMN_MAJOR;
    planes[columns ? 32 : 1] = (byte) 255; // column-major: x * 32 + y; row-major: y * 32 + x
    planes[Layout.PLANE + (columns ? 1 : 32)] = (byte) 128;
    return planes;
  }

  @Test
  void scaledUpByNearestNeighbourInEitherLayout() throws IOException {
    for (Layout layout : Layout.values()) {
      BufferedImage image = decode(Thumbnails.png32(marked(layout), layout, 4));
      assertEquals(128, image.getWidth());
      assertEquals(128, image.getHeight());
      for (int dy = 0; dy < 4; dy++) {
        for (int dx = 0; dx < 4; dx++) {
          assertEquals(0xff0000, image.getRGB(4 + dx, dy) & 0xffffff, layout + " red block");
          assertEquals(0x008000, image.getRGB(dx, 4 + dy) & 0xffffff, layout + " green block");
          assertEquals(0x000000, image.getRGB(dx, dy) & 0xffffff, layout + " no smoothing into (0,0)");
        }
      }
      assertEquals(0x000000, image.getRGB(8, 0) & 0xffffff);
    }
    // The same bytes read in the other layout swap the marks across the diagonal.
    BufferedImage swapped = decode(Thumbnails.png32(marked(Layout.COLUMN_MAJOR), Layout.ROW_MAJOR, 1));
    assertEquals(0xff0000, swapped.getRGB(0, 1) & 0xffffff);
    assertEquals(0x008000, swapped.getRGB(1, 0) & 0xffffff);
  }

  @Test
  void blurredSpreadsAPixelButKeepsAFlatColour() throws IOException {
    byte[] dot = new byte[Layout.BYTES];
    dot[Layout.ROW_MAJOR.index(16, 16)] = (byte) 255;
    BufferedImage blurred = decode(Thumbnails.blurred(dot, Layout.ROW_MAJOR, 2));
    assertEquals(64, blurred.getWidth());
    int max = 0;
    int lit = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int red = blurred.getRGB(x, y) >> 16 & 0xff;
        max = Math.max(max, red);
        lit += red > 0 ? 1 : 0;
      }
    }
    assertTrue(max < 20, "a single bright pixel is spread out, max red " + max);
    assertTrue(lit > 4 * 100, "over at least 10x10 source pixels, " + lit + " lit");
    byte[] grey = new byte[Layout.BYTES];
    java.util.Arrays.fill(grey, (byte) 77);
    BufferedImage flat = decode(Thumbnails.blurred(grey, Layout.COLUMN_MAJOR, 1));
    assertEquals(0x4d4d4d, flat.getRGB(0, 0) & 0xffffff);
    assertEquals(0x4d4d4d, flat.getRGB(31, 17) & 0xffffff);
  }

  @Test
  void badSizesAreRefused() {
    assertEquals("scale must be 1 to 16, was 17", assertThrows(IllegalArgumentException.class,
        () -> Thumbnails.png32(new byte[Layout.BYTES], Layout.ROW_MAJOR, 17)).getMessage());
    assertEquals("expected 3072 pixel bytes, got 10", assertThrows(IllegalArgumentException.class,
        () -> Thumbnails.png32(new byte[10], Layout.ROW_MAJOR, 1)).getMessage());
  }
}
