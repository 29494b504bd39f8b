/**
 * Per-image records read from a dataset's own files; knows nothing of WordNet, Lucene or the web.
 *
 * <p>{@link org.synscope.images.ImageSource#open} reads one {@link org.synscope.images.ImageFormat}:
 * Tiny Images' {@code tiny_metadata.bin} (with {@code tiny_images.bin}), CIFAR-100's {@code train.bin} /
 * {@code test.bin}, an image folder tree, or a per-image CSV, TSV or JSONL table. Each gives
 * {@link org.synscope.images.ImageRecord}s numbered from 0 in file order; {@link org.synscope.images.PixelFile}
 * reads one image's 32x32 pixels by that number and {@link org.synscope.images.Thumbnails} makes a PNG of them.
 * The fixed-size binary formats read any record by its number too ({@link org.synscope.images.ImageSource#record}),
 * so an index of them keeps none. {@link org.synscope.images.SyntheticTiny} makes Tiny Images metadata records
 * from the real class list, deterministically and by number, for the benchmark at full size without the 61 GB file.
 *
 * <p>Every problem with the input is a {@link org.synscope.config.BadInput} whose message names the file and,
 * for one record or line, its number counted from 1 like a line: {@code FILE:RECORD: reason} (the file as
 * given, as the label lists' {@code FILE:LINE: reason}). Files in an image folder that give no record are
 * data ({@link org.synscope.images.Skips}), not errors.
 */
package org.synscope.images;
