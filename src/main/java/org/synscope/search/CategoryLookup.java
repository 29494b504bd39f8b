package org.synscope.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.synscope.audit.AuditStore;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.Review;
import org.synscope.dataset.CategoryKeys;
import org.synscope.flags.Flag;
import org.synscope.index.CategoryDetails;
import org.synscope.index.CategoryDocuments;
import org.synscope.index.IndexException;
import org.synscope.index.IndexFields;
import org.synscope.index.IndexMeta;
import org.synscope.risk.RiskWeights;
import org.synscope.wordnet.NounSynset;

/** One category and what its page shows around it; categories by synset or label. */
final class CategoryLookup {
  private static final Sort BY_DATASET_AND_LABEL = new Sort(new SortedSetSortField(IndexFields.DATASET, false),
      new SortField(IndexFields.LABEL_SORT, SortField.Type.STRING));

  private final Snapshots snapshots;
  private final Nodes nodes;
  private final HitReader hits;

  CategoryLookup(Snapshots snapshots, Nodes nodes, HitReader hits) {
    this.snapshots = snapshots;
    this.nodes = nodes;
    this.hits = hits;
  }

  /** One category by its key, label, synset id or synset name, with its neighbours, review and risk. */
  CategoryView category(String dataset, String idOrLabel) {
    return snapshots.read(idOrLabel, s -> {
      requireDataset(s.meta, dataset);
      ScoreDoc found = find(s.searcher, dataset, idOrLabel)
          .orElseThrow(() -> SearchException.notFound("no category '" + idOrLabel + "' in dataset '" + dataset + "'"));
      Document doc = s.searcher.storedFields().document(found.doc);
      Overlay overlay = snapshots.overlay(s);
      Hit hit = hits.hit(s, overlay, found.doc, null);
      CategoryDetails details = CategoryDocuments.details(doc.get(IndexFields.DETAILS));
      List<NodeCount> children = List.of();
      List<NodeCount> siblings = List.of();
      List<Hit> same = List.of();
      if (hit.synset() != null) {
        Set<String> parents = new LinkedHashSet<>();
        details.paths().forEach(p -> {
          if (p.size() > 1) {
            parents.add(p.get(p.size() - 2).id());
          }
        });
        // Children lie under the category's synset, siblings under its parents: count only there.
        BooleanQuery.Builder scope = new BooleanQuery.Builder();
        scope.add(new TermQuery(new Term(IndexFields.ANCESTOR, hit.synset())), Occur.SHOULD);
        parents.forEach(p -> scope.add(new TermQuery(new Term(IndexFields.ANCESTOR, p)), Occur.SHOULD));
        Query counted = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.DATASET, dataset)), Occur.FILTER)
            .add(scope.build(), Occur.FILTER).build();
        Map<String, NodeCount> sib = new LinkedHashMap<>();
        try (MatchCounter counter = new MatchCounter(s.columns(), Set.of(), true, overlay)) {
          s.searcher.search(counted, counter.manager());
          children = nodes.childCounts(counter, hit.synset());
          for (String parent : parents) {
            nodes.childCounts(counter, parent).stream().filter(c -> !c.synset().equals(hit.synset()))
                .forEach(c -> sib.putIfAbsent(c.synset(), c));
          }
        }
        siblings = List.copyOf(sib.values());
        TopFieldDocs top = s.searcher.search(new TermQuery(new Term(IndexFields.SENSE, hit.synset())), 200,
            BY_DATASET_AND_LABEL);
        same = hits.hits(s, overlay, top.scoreDocs, null).stream()
            .filter(h -> !(h.dataset().equals(dataset) && h.key().equals(hit.key()))).toList();
      }
      AuditStore audit = snapshots.audit();
      List<Review> history = audit == null ? List.of() : audit.journal().history(new CategoryRef(dataset, hit.key()));
      CategoryView.ReviewState review = audit == null ? CategoryView.ReviewState.NONE
          : review(s, overlay, history, hit, found.doc);
      List<String> lists = hit.flags().stream().filter(overlay::isList).toList();
      List<Flag> listFlags = new ArrayList<>(ListEvidence.of(lists, overlay.lists(), hit, details));
      List<Flag> signalFlags = new ArrayList<>(ListEvidence.signals(hit.signals(), overlay.signals(), hit, details));
      signalFlags.addAll(ListEvidence.otherSignals(hit.otherSignals(), overlay.signals(), details,
          signalSenses(details), nodes.paths::ancestors));
      listFlags.addAll(signalFlags);
      List<RiskWeights.Evidence> because = new ArrayList<>(RiskWeights.ofFlags(details.flags(), hit.label(), details.scores()));
      signalFlags.forEach(f -> because.add(new RiskWeights.Evidence("signal " + f.evidence(), RiskWeights.SIGNAL)));
      lists.forEach(l -> because.add(new RiskWeights.Evidence("on list '" + l + "' (" + overlay.lists().get(l).kind() + ")",
          RiskWeights.ofList(overlay.lists().get(l).kind()))));
      return new CategoryView(hit, details, children, siblings, same, review, history, listFlags,
          new CategoryView.Risk(hit.risk(), hit.riskScore(), because));
    });
  }

  /** The category's own latest review, else the one it inherits from an ancestor's decision. */
  private static CategoryView.ReviewState review(IndexSnapshot s, Overlay overlay, List<Review> history, Hit hit,
      int doc) {
    if (!history.isEmpty()) {
      Review own = history.get(history.size() - 1);
      return new CategoryView.ReviewState(own.status().key(), own, false);
    }
    if (hit.review() != null) {
      LeafReaderContext leaf = s.leaf(doc);
      var from = overlay.inheritedFrom(leaf.ord, doc - leaf.docBase);
      return new CategoryView.ReviewState(hit.review(), from, from != null);
    }
    return CategoryView.ReviewState.NONE;
  }

  /** The positions of the other senses signals read, as the index chose them (none if WordNet lacks one). */
  private List<Integer> signalSenses(CategoryDetails details) {
    List<NounSynset> senses = new ArrayList<>();
    for (org.synscope.index.SenseInfo s : details.senses()) {
      Optional<NounSynset> synset = nodes.lexicon.synset(s.id());
      if (synset.isEmpty()) {
        return List.of();
      }
      senses.add(synset.get());
    }
    return org.synscope.index.Category.signalSenses(senses, details.scores());
  }

  /**
   * By key (normalised label or wnid) first, then by synset id or name, then by a word's senses (each
   * time the category with most images).
   */
  private Optional<ScoreDoc> find(IndexSearcher searcher, String dataset, String idOrLabel) throws IOException {
    var byKey = searcher.search(new TermQuery(new Term(IndexFields.ID, dataset + "/" + CategoryKeys.ofLabel(idOrLabel))), 1);
    if (byKey.scoreDocs.length > 0) {
      return Optional.of(byKey.scoreDocs[0]);
    }
    // As labels are, ids and names are found in any case (GREASER.N.01 was a 404 where GREASER was found).
    Optional<NounSynset> synset = nodes.resolve(idOrLabel);
    // Then a word's senses in WordNet order: /c/wordnet/dog is dog.n.01 (that dataset's keys are wnids).
    List<NounSynset> candidates = synset.map(List::of)
        .orElseGet(() -> nodes.lexicon.senses(CategoryKeys.ofLabel(idOrLabel)));
    for (NounSynset candidate : candidates) {
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.DATASET, dataset)), Occur.FILTER)
          .add(new TermQuery(new Term(IndexFields.SYNSET, candidate.id())), Occur.FILTER)
          .build();
      TopFieldDocs top = searcher.search(q, 1, QueryFactory.BY_IMAGES);
      if (top.scoreDocs.length > 0) {
        return Optional.of(top.scoreDocs[0]);
      }
    }
    return Optional.empty();
  }

  /** The categories of a dataset whose primary synset is one of {@code synsets}, most images first. */
  List<Hit> bySynsets(String dataset, Collection<String> synsets) {
    return snapshots.read("synsets of " + dataset, s -> {
      requireDataset(s.meta, dataset);
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.DATASET, dataset)), Occur.FILTER)
          .add(new TermInSetQuery(IndexFields.SYNSET, synsets.stream().map(BytesRef::new).toList()), Occur.FILTER)
          .build();
      int n = Math.max(1, s.searcher.count(q));
      return hits.hits(s, snapshots.overlay(s), s.searcher.search(q, n, QueryFactory.BY_IMAGES).scoreDocs, null);
    });
  }

  /** True when some category (of {@code dataset}, or of any dataset when null) has this normalised label. */
  boolean hasLabel(String dataset, String normalizedLabel) {
    return snapshots.read(normalizedLabel, s -> {
      BooleanQuery.Builder q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.LABEL_EXACT, normalizedLabel)), Occur.FILTER);
      if (dataset != null) {
        q.add(new TermQuery(new Term(IndexFields.DATASET, dataset)), Occur.FILTER);
      }
      return s.searcher.count(q.build()) > 0;
    });
  }

  /** Of these categories ({@code dataset/key}), the ones whose label lists mask (a slur on the primary sense). */
  Set<String> maskedLabels(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    IndexSnapshot s = snapshots.take();
    try {
      TopDocs top = s.searcher.search(new TermInSetQuery(IndexFields.ID, ids.stream().map(BytesRef::new).toList()),
          ids.size());
      Set<String> out = new HashSet<>();
      StoredFields stored = s.searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        Document doc = stored.document(sd.doc, Set.of(IndexFields.ID, IndexFields.SENSITIVE));
        if (doc.get(IndexFields.SENSITIVE) != null) {
          out.add(doc.get(IndexFields.ID));
        }
      }
      return out;
    } catch (IOException e) {
      throw new IndexException("cannot read the index: " + e.getMessage(), e);
    } finally {
      snapshots.give(s);
    }
  }

  /** 404 unless the snapshot has this dataset. */
  static void requireDataset(IndexMeta meta, String dataset) {
    if (!meta.datasets().containsKey(dataset)) {
      throw SearchException.notFound("no dataset '" + dataset + "'; indexed: " + String.join(", ", meta.sorted().keySet()));
    }
  }
}
