package org.synscope.images;

/**
 * What an image file's header says, read without decoding the image.
 *
 * @param format {@code png}, {@code jpeg}, {@code gif}, {@code bmp} or {@code webp}
 * @param width pixels
 * @param height pixels
 */
public record ImageHeader(String format, int width, int height) {
  public ImageHeader {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a " + format + " of " + width + "x" + height + " pixels");
    }
  }
}
