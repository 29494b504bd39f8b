package org.synscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synscope.dataset.CsvFields;
import org.synscope.search.CategoryRecord;

/**
 * The peer a Datasette user would reach for: SQLite with FTS5 over label, lemmas and glosses, an
 * ancestor table (one row per category and distinct ancestor) and WordNet's hyponym edges, each
 * facet one GROUP BY with the page's WHERE clause, as Datasette runs them. Loaded from synscope's own
 * categories, so both engines answer over the same sense mapping and the same analysed terms (each
 * term is spelt for FTS5 with only {@code [a-z0-9_]}, so its tokenizer keeps it whole).
 */
public final class SqlitePeer implements Peer {
  private final Path file;
  private final Connection db;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  public SqlitePeer() throws Exception {
    file = Files.createTempFile("synscope-bench-", ".sqlite");
    db = DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @Override
  public String name() {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT sqlite_version()")) {
      r.next();
      return "SQLite " + r.getString(1) + " FTS5";
    } catch (SQLException e) {
      return "SQLite FTS5";
    }
  }

  @Override
  public void load(List<CategoryRecord> categories, Map<String, List<String>> children, Map<String, List<String>> shown)
      throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode=OFF");
      s.execute("PRAGMA synchronous=OFF");
      s.execute("PRAGMA cache_size=-262144"); // 256 MB: the whole database stays in memory
      s.execute("PRAGMA temp_store=MEMORY");
      s.execute("CREATE TABLE cat(id INTEGER PRIMARY KEY, dataset TEXT, key TEXT, label TEXT, label_sort TEXT,"
          + " synset TEXT, lexfile TEXT, status TEXT, sense TEXT, images INTEGER, img INTEGER, off INTEGER)");
      // What the export shows beyond the columns the facets read: as a table imported from synscope's CSV.
      s.execute("CREATE TABLE shown(cat INTEGER PRIMARY KEY, name TEXT, match TEXT, flags TEXT, primary_flags TEXT,"
          + " gloss TEXT, path TEXT)");
      s.execute("CREATE TABLE anc(node TEXT, cat INTEGER)");
      s.execute("CREATE TABLE flag(flag TEXT, cat INTEGER)");
      s.execute("CREATE TABLE sense(synset TEXT, cat INTEGER)");
      s.execute("CREATE TABLE hypo(parent TEXT, child TEXT)");
      s.execute("CREATE VIRTUAL TABLE fts USING fts5(label, lemmas, gloss, other_glosses,"
          + " tokenize = \"unicode61 tokenchars '_'\")");
    }
    db.setAutoCommit(false);
    try (PreparedStatement cat = db.prepareStatement("INSERT INTO cat VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        PreparedStatement anc = db.prepareStatement("INSERT INTO anc VALUES (?,?)");
        PreparedStatement show = db.prepareStatement("INSERT INTO shown VALUES (?,?,?,?,?,?,?)");
        PreparedStatement flag = db.prepareStatement("INSERT INTO flag VALUES (?,?)");
        PreparedStatement sense = db.prepareStatement("INSERT INTO sense VALUES (?,?)");
        PreparedStatement fts = db.prepareStatement("INSERT INTO fts(rowid, label, lemmas, gloss, other_glosses)"
            + " VALUES (?,?,?,?,?)")) {
      int id = 0;
      for (CategoryRecord c : categories) {
        id++;
        cat.setInt(1, id);
        cat.setString(2, c.dataset());
        cat.setString(3, c.key());
        cat.setString(4, c.label());
        cat.setString(5, c.labelSort());
        cat.setString(6, c.synset());
        cat.setString(7, c.lexfile());
        cat.setString(8, c.status());
        cat.setString(9, c.sense());
        if (c.images() == null) {
          cat.setNull(10, java.sql.Types.INTEGER);
        } else {
          cat.setLong(10, c.images());
        }
        cat.setLong(11, c.images() == null ? 0 : Math.max(c.images(), 0));
        cat.setInt(12, c.offensive() ? 1 : 0);
        cat.addBatch();
        List<String> v = shown.get(c.dataset() + "/" + c.key());
        show.setInt(1, id);
        for (int k = 0; k < SHOWN.length; k++) {
          show.setString(k + 2, v.get(SHOWN[k]));
        }
        show.addBatch();
        for (String a : c.ancestors()) {
          anc.setString(1, a);
          anc.setInt(2, id);
          anc.addBatch();
        }
        for (String f : c.flags()) {
          flag.setString(1, f);
          flag.setInt(2, id);
          flag.addBatch();
        }
        for (String sn : c.senses()) {
          sense.setString(1, sn);
          sense.setInt(2, id);
          sense.addBatch();
        }
        fts.setInt(1, id);
        int col = 2;
        for (String field : List.of("label", "lemmas", "gloss", "other_glosses")) {
          fts.setString(col++, String.join(" ", c.terms().getOrDefault(field, List.of()).stream().map(SqlitePeer::spell)
              .toList()));
        }
        fts.addBatch();
        if (id % 5000 == 0) {
          for (PreparedStatement p : List.of(cat, show, anc, flag, sense, fts)) {
            p.executeBatch();
          }
        }
      }
      for (PreparedStatement p : List.of(cat, show, anc, flag, sense, fts)) {
        p.executeBatch();
      }
    }
    try (PreparedStatement hypo = db.prepareStatement("INSERT INTO hypo VALUES (?,?)")) {
      for (var e : children.entrySet()) {
        for (String child : e.getValue()) {
          hypo.setString(1, e.getKey());
          hypo.setString(2, child);
          hypo.addBatch();
        }
      }
      hypo.executeBatch();
    }
    try (Statement s = db.createStatement()) {
      s.execute("CREATE UNIQUE INDEX cat_key ON cat(dataset, key)");
      s.execute("CREATE INDEX cat_sort ON cat(label_sort, dataset)");
      s.execute("CREATE INDEX cat_dataset ON cat(dataset, label_sort)");
      s.execute("CREATE INDEX anc_node ON anc(node, cat)");
      s.execute("CREATE INDEX anc_cat ON anc(cat, node)");
      s.execute("CREATE INDEX flag_flag ON flag(flag, cat)");
      s.execute("CREATE INDEX flag_cat ON flag(cat, flag)");
      s.execute("CREATE INDEX sense_synset ON sense(synset, cat)");
      s.execute("CREATE INDEX hypo_parent ON hypo(parent, child)");
      s.execute("CREATE INDEX hypo_child ON hypo(child, parent)");
      s.execute("ANALYZE");
    }
    db.commit();
    db.setAutoCommit(true);
  }

  /** A category's export columns, in HitCsv.COLUMNS order, from cat c and shown s. */
  private static final String SHOWN_COLUMNS = "c.dataset, c.key, c.label, c.synset, s.name, c.images, c.status, s.match,"
      + " c.sense, s.flags, s.primary_flags, s.gloss, s.path";

  /** The current row's 13 export values, null as empty. */
  private static List<String> values(ResultSet r) throws SQLException {
    List<String> out = new ArrayList<>(13);
    for (int i = 1; i <= 13; i++) {
      String v = r.getString(i);
      out.add(v == null ? "" : v);
    }
    return out;
  }

  /** The export columns (HitCsv.COLUMNS positions) the shown table holds: name, match, flags, primary_flags, gloss, path. */
  private static final int[] SHOWN = {4, 7, 9, 10, 11, 12};

  /** A term spelt with only [a-z0-9_] (each other character as _hex_), so FTS5 neither splits nor folds it. */
  static String spell(String term) {
    StringBuilder b = new StringBuilder();
    term.codePoints().forEach(c -> {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.appendCodePoint(c);
      } else {
        b.append('_').append(Integer.toHexString(c)).append('_');
      }
    });
    return b.toString();
  }

  /** The WHERE clause of a page and its parameters, leaving out one filter (for drill sideways). */
  private record Where(String sql, List<Object> params) {}

  private static Where where(String dataset, String term, String under, String flag, String skip) {
    StringBuilder sql = new StringBuilder("1");
    List<Object> params = new ArrayList<>();
    if (dataset != null && !"dataset".equals(skip)) {
      sql.append(" AND c.dataset = ?");
      params.add(dataset);
    }
    if (term != null) {
      sql.append(" AND c.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)");
      params.add("\"" + spell(term) + "\"");
    }
    if (under != null) {
      sql.append(" AND c.id IN (SELECT cat FROM anc WHERE node = ?)");
      params.add(under);
    }
    if (flag != null && !"flag".equals(skip)) {
      sql.append(" AND c.id IN (SELECT cat FROM flag WHERE flag = ?)");
      params.add(flag);
    }
    return new Where(sql.toString(), params);
  }

  private ResultSet query(String sql, List<Object> params) throws SQLException {
    PreparedStatement p = statements.get(sql);
    if (p == null) {
      p = db.prepareStatement(sql);
      statements.put(sql, p);
    }
    for (int i = 0; i < params.size(); i++) {
      p.setObject(i + 1, params.get(i));
    }
    return p.executeQuery();
  }

  private static List<Object> with(List<Object> first, Object... more) {
    List<Object> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  private Map<String, Count> facet(String select, Where w, String extra) throws SQLException {
    Map<String, Count> out = new LinkedHashMap<>();
    try (ResultSet r = query("SELECT " + select + " v, count(*), sum(c.img) FROM cat c WHERE " + w.sql() + extra
        + " GROUP BY v", w.params())) {
      while (r.next()) {
        if (r.getString(1) != null) {
          out.put(r.getString(1), new Count(r.getLong(2), r.getLong(3)));
        }
      }
    }
    return out;
  }

  private static final String BUCKET = "CASE WHEN c.images IS NULL THEN 'unknown' WHEN c.images = 0 THEN '0'"
      + " WHEN c.images < 100 THEN '1-99' WHEN c.images < 1000 THEN '100-999' WHEN c.images < 10000 THEN '1000-9999'"
      + " ELSE '10000+' END";

  private Map<String, NodeTotals> nodes(String fromWhere, List<Object> params) throws SQLException {
    Map<String, NodeTotals> out = new LinkedHashMap<>();
    try (ResultSet r = query("SELECT a.node, count(*), sum(c.img), sum(c.off), sum(c.off * c.img) " + fromWhere
        + " GROUP BY a.node", params)) {
      while (r.next()) {
        out.put(r.getString(1), new NodeTotals(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
      }
    }
    return out;
  }

  @Override
  public Answer search(String dataset, String term, String under, String flag, String node, int size) throws Exception {
    Where w = where(dataset, term, under, flag, null);
    long total;
    long images;
    try (ResultSet r = query("SELECT count(*), coalesce(sum(c.img), 0) FROM cat c WHERE " + w.sql(), w.params())) {
      r.next();
      total = r.getLong(1);
      images = r.getLong(2);
    }
    Map<String, Map<String, Count>> facets = new LinkedHashMap<>();
    facets.put("dataset", facet("c.dataset", where(dataset, term, under, flag, "dataset"), ""));
    Where sideways = where(dataset, term, under, flag, "flag");
    Map<String, Count> flags = new LinkedHashMap<>();
    try (ResultSet r = query("SELECT f.flag, count(*), sum(c.img) FROM flag f JOIN cat c ON c.id = f.cat WHERE "
        + sideways.sql() + " GROUP BY f.flag", sideways.params())) {
      while (r.next()) {
        flags.put(r.getString(1), new Count(r.getLong(2), r.getLong(3)));
      }
    }
    facets.put("flag", flags);
    facets.put("lexfile", facet("c.lexfile", w, ""));
    facets.put("status", facet("c.status", w, ""));
    facets.put("sense", facet("c.sense", w, ""));
    facets.put("images", facet(BUCKET, w, ""));
    NodeTotals at;
    try (ResultSet r = query("SELECT count(*), coalesce(sum(c.img), 0), coalesce(sum(c.off), 0),"
        + " coalesce(sum(c.off * c.img), 0) FROM anc a JOIN cat c ON c.id = a.cat WHERE a.node = ? AND " + w.sql(),
        with(List.of(node), w.params().toArray()))) {
      r.next();
      at = new NodeTotals(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
    }
    Map<String, NodeTotals> children = nodes("FROM hypo h JOIN anc a ON a.node = h.child JOIN cat c ON c.id = a.cat"
        + " WHERE h.parent = ? AND " + w.sql(), with(List.of(node), w.params().toArray()));
    List<String> hits = new ArrayList<>();
    // What the page shows of each hit, not only which hits: the export's columns from the shown table.
    try (ResultSet r = query("SELECT " + SHOWN_COLUMNS + " FROM cat c JOIN shown s ON s.cat = c.id WHERE " + w.sql()
        + " ORDER BY c.label_sort, c.dataset LIMIT ?", with(w.params(), size))) {
      while (r.next()) {
        hits.add(Peer.shown(values(r)));
      }
    }
    return new Answer(total, images, facets, at, children, hits);
  }

  @Override
  public CategoryAnswer category(String dataset, String key) throws Exception {
    String synset;
    try (ResultSet r = query("SELECT synset FROM cat WHERE dataset = ? AND key = ?", List.of(dataset, key))) {
      if (!r.next()) {
        throw new IllegalStateException("no category " + dataset + "/" + key + " in the peer");
      }
      synset = r.getString(1);
    }
    if (synset == null) {
      return new CategoryAnswer(Map.of(), Map.of(), List.of());
    }
    String under = "FROM hypo h JOIN anc a ON a.node = h.child JOIN cat c ON c.id = a.cat"
        + " WHERE h.parent = ? AND c.dataset = ?";
    Map<String, NodeTotals> children = nodes(under, List.of(synset, dataset));
    Map<String, NodeTotals> siblings = new LinkedHashMap<>();
    List<String> parents = new ArrayList<>();
    try (ResultSet r = query("SELECT parent FROM hypo WHERE child = ?", List.of(synset))) {
      while (r.next()) {
        parents.add(r.getString(1));
      }
    }
    for (String parent : parents) {
      nodes(under, List.of(parent, dataset)).forEach((n, t) -> {
        if (!n.equals(synset)) {
          siblings.putIfAbsent(n, t);
        }
      });
    }
    List<String> same = new ArrayList<>();
    try (ResultSet r = query("SELECT c.dataset, c.key FROM sense s JOIN cat c ON c.id = s.cat WHERE s.synset = ?"
        + " ORDER BY c.dataset, c.label_sort LIMIT 200", List.of(synset))) {
      while (r.next()) {
        if (!(r.getString(1).equals(dataset) && r.getString(2).equals(key))) {
          same.add(r.getString(1) + "/" + r.getString(2));
        }
      }
    }
    return new CategoryAnswer(children, siblings, same);
  }

  @Override
  public Map<String, Map<String, NodeTotals>> tree(String dataset, String node) throws Exception {
    Map<String, NodeTotals> children = nodes("FROM hypo h JOIN anc a ON a.node = h.child JOIN cat c ON c.id = a.cat"
        + " WHERE h.parent = ? AND c.dataset = ?", List.of(node, dataset));
    Map<String, Map<String, NodeTotals>> out = new LinkedHashMap<>();
    children.keySet().forEach(child -> out.put(child, new LinkedHashMap<>()));
    try (ResultSet r = query("SELECT h1.child, a.node, count(*), sum(c.img), sum(c.off), sum(c.off * c.img)"
        + " FROM hypo h1 JOIN hypo h2 ON h2.parent = h1.child JOIN anc a ON a.node = h2.child"
        + " JOIN cat c ON c.id = a.cat WHERE h1.parent = ? AND c.dataset = ? GROUP BY h1.child, a.node",
        List.of(node, dataset))) {
      while (r.next()) {
        out.get(r.getString(1)).put(r.getString(2), new NodeTotals(r.getLong(3), r.getLong(4), r.getLong(5),
            r.getLong(6)));
      }
    }
    return out;
  }

  @Override
  public long export(String dataset, String under, Appendable out) throws Exception {
    long n = 0;
    try (ResultSet r = query("SELECT " + SHOWN_COLUMNS + " FROM anc a JOIN cat c ON c.id = a.cat JOIN shown s"
        + " ON s.cat = c.id WHERE a.node = ? AND c.dataset = ? ORDER BY c.label_sort, c.dataset", List.of(under, dataset))) {
      while (r.next()) {
        List<String> v = values(r);
        for (int i = 0; i < v.size(); i++) {
          out.append(CsvFields.quote(v.get(i))).append(i < v.size() - 1 ? "," : "\r\n");
        }
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() throws java.io.IOException {
    try {
      for (PreparedStatement p : statements.values()) {
        p.close();
      }
      db.close();
    } catch (SQLException e) {
      throw new java.io.IOException(e);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
