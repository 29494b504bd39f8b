package org.synscope.images;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** One pass over a source's records; {@link #stream()} wraps it in an ordered, sequential stream. */
interface RecordCursor extends AutoCloseable {
  /** The next record, or {@code null} at the end. */
  ImageRecord next();

  @Override
  void close();

  /** The records as a stream that closes this cursor when it is closed. */
  default Stream<ImageRecord> stream() {
    Spliterator<ImageRecord> split = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super ImageRecord> action) {
        ImageRecord r = RecordCursor.this.next();
        if (r == null) {
          return false;
        }
        action.accept(r);
        return true;
      }
    };
    return StreamSupport.stream(split, false).onClose(this::close);
  }
}
