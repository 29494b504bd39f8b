package org.synscope.index;

import java.util.List;
import java.util.Map;

/**
 * What meta.json records of one dataset.
 *
 * @param name the dataset name
 * @param directory the Lucene index directory of its current build, relative to the index root
 * @param source the file it was imported from (absolute), or {@code embedded:...}
 * @param format the format read
 * @param sha256 checksum of the source file as stored
 * @param wordnet the WordNet version it was enriched with
 * @param categories number of categories (documents)
 * @param images sum of image counts, or {@code null} when the list gives none
 * @param mapping categories per mapping status (exact, unique, ambiguous, unmapped, overridden)
 * @param flags categories per built-in flag (holding on any sense)
 * @param rejected lines rejected and skipped ({@code --skip-bad-lines})
 * @param rejectedLines the first rejected lines, as {@code file:line: reason}
 * @param overrides sense pins applied
 * @param metadataColumns metadata column name to {@code text} or {@code number}
 * @param builtAt ISO-8601 time the build was published
 * @param buildMillis how long the build took
 * @param sensePolicy how ambiguous labels got their primary sense ({@code first} or {@code dataset})
 * @param matches mapped labels per kind of lemma match (whole, inflection, apostrophe, lost-letter, list)
 * @param certainty mapped categories per {@code sense} facet value (confident, low)
 */
public record DatasetMeta(String name, String directory, String source, String format, String sha256, String wordnet,
    long categories, Long images, Map<String, Long> mapping, Map<String, Long> flags, int rejected,
    List<String> rejectedLines, int overrides, Map<String, String> metadataColumns, String builtAt, long buildMillis,
    String sensePolicy, Map<String, Long> matches, Map<String, Long> certainty) {

  public DatasetMeta {
    // Insertion order is kept (status order, flag order, column order) for stable output.
    mapping = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
    flags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
    rejectedLines = List.copyOf(rejectedLines);
    metadataColumns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadataColumns));
    matches = matches == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matches));
    certainty = certainty == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(certainty));
  }
}
