package org.synscope.images;

/**
 * How a 32x32 image's 3,072 pixel bytes are laid out: the red, green and blue planes of 1,024 bytes
 * each, in that order; within a plane column by column (Tiny Images, written by MATLAB) or row by row
 * (CIFAR).
 */
public enum Layout {
  /** Byte {@code x * 32 + y} of a plane: MATLAB's order, as in {@code tiny_images.bin}. */
  COLUMN_MAJOR,
  /** Byte {@code y * 32 + x} of a plane: as in CIFAR's {@code train.bin} and {@code test.bin}. */
  ROW_MAJOR;

  /** The side of the square image. */
  public static final int SIDE = 32;
  /** Bytes of one colour plane. */
  public static final int PLANE = SIDE * SIDE;
  /** Bytes of one image: three planes. */
  public static final int BYTES = 3 * PLANE;

  /** The index within a plane of the pixel at column {@code x}, row {@code y} (0 at the top left). */
  public int index(int x, int y) {
    if (x < 0 || x >= SIDE || y < 0 || y >= SIDE) {
      throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") is outside 32x32");
    }
    return this == COLUMN_MAJOR ? x * SIDE + y : y * SIDE + x;
  }

  /** The pixel at ({@code x}, {@code y}) of {@code planes} as {@code 0xRRGGBB}. */
  public int rgb(byte[] planes, int x, int y) {
    int i = index(x, y);
    return (planes[i] & 0xff) << 16 | (planes[PLANE + i] & 0xff) << 8 | planes[2 * PLANE + i] & 0xff;
  }
}
