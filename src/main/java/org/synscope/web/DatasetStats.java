package org.synscope.web;

import java.util.List;
import java.util.Map;
import org.synscope.index.DatasetMeta;
import org.synscope.index.ImageSetMeta;
import org.synscope.index.IndexMeta;

/**
 * One dataset in {@code stats --json} and {@code /datasets.json}. Scripts depend on these names:
 * add fields freely, never rename them.
 */
public record DatasetStats(String dataset, long categories, Long images, String wordnet, Map<String, Long> mapping,
    Map<String, Long> flags, String source, String format, String sha256, int rejected, int overrides,
    Map<String, String> metadataColumns, String builtAt, long buildMs, String url, String sensePolicy,
    Map<String, Long> match, Map<String, Long> sense, ImageSetMeta imageImport, String imagesUrl) {

  /** Every dataset of an index, by name. */
  public static List<DatasetStats> of(IndexMeta meta) {
    return meta.sorted().values().stream().map(d -> of(d, meta.images().get(d.name()))).toList();
  }

  /** One dataset. */
  public static DatasetStats of(DatasetMeta d) {
    return of(d, null);
  }

  /** One dataset with its image import (null when none). */
  public static DatasetStats of(DatasetMeta d, ImageSetMeta images) {
    return new DatasetStats(d.name(), d.categories(), d.images(), d.wordnet(), d.mapping(),
        d.flags(), d.source(), d.format(), d.sha256(), d.rejected(), d.overrides(),
        d.metadataColumns(), d.builtAt(), d.buildMillis(), "/search?dataset=" + SearchUrls.encode(d.name()),
        d.sensePolicy(), d.matches(), d.certainty(), images,
        images == null ? null : "/images?dataset=" + SearchUrls.encode(d.name()));
  }
}
