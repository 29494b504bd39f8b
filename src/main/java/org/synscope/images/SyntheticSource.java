package org.synscope.images;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** {@link SyntheticTiny}'s records as a source: read in order, by range or by number; no pixels. */
final class SyntheticSource implements ImageSource {
  private final SyntheticTiny generator;

  SyntheticSource(SyntheticTiny generator) {
    this.generator = generator;
  }

  @Override
  public ImageFormat format() {
    return ImageFormat.SYNTHETIC;
  }

  @Override
  public boolean guessed() {
    return false;
  }

  /** The class list the records are made from. */
  @Override
  public Path path() {
    return generator.classes();
  }

  @Override
  public OptionalLong count() {
    return OptionalLong.of(generator.count());
  }

  @Override
  public Stream<ImageRecord> records() {
    return generator.records(0, generator.count());
  }

  @Override
  public Stream<ImageRecord> records(long from, long to) {
    return generator.records(from, to);
  }

  @Override
  public boolean byNumber() {
    return true;
  }

  @Override
  public ImageRecord record(long n) {
    return generator.record(n);
  }

  @Override
  public Path base() {
    return null;
  }

  @Override
  public void close() {}
}
