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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The peer a data scientist would reach for with 79 million rows: DuckDB, columnar and vectorised, in a
 * database file of its own. One table of images (number, category id, engine, domain, year) loaded with
 * DuckDB's Appender in number order, a category table (key, primary synset), an ancestor table (one row
 * per category and distinct ancestor) and WordNet's hyponym edges. Counts group the matching images by
 * category first and then join the few thousand categories to their ancestors, the order a person who
 * knows SQL would write; a page is the top 100 numbers of a category.
 */
public final class DuckDbPeer implements ImagePeer {
  private final Path file;
  private final Connection db;
  private PreparedStatement countsAny;
  private PreparedStatement countsEngine;
  private PreparedStatement page;

  public DuckDbPeer() throws Exception {
    Path dir = Files.createTempDirectory("synscope-bench-duckdb-");
    file = dir.resolve("images.duckdb");
    db = DriverManager.getConnection("jdbc:duckdb:" + file);
  }

  @Override
  public String name() {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT version()")) {
      r.next();
      return "DuckDB " + r.getString(1);
    } catch (SQLException e) {
      return "DuckDB";
    }
  }

  @Override
  public void load(List<Category> categories, Map<String, List<String>> children, Iterator<Row> rows) throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE img(n BIGINT, cat INTEGER, engine VARCHAR, domain VARCHAR, year SMALLINT)");
      s.execute("CREATE TABLE cat(id INTEGER, key VARCHAR, synset VARCHAR)");
      s.execute("CREATE TABLE anc(cat INTEGER, node VARCHAR)");
      s.execute("CREATE TABLE hypo(parent VARCHAR, child VARCHAR)");
    }
    DuckDBConnection duck = db.unwrap(DuckDBConnection.class);
    try (DuckDBAppender img = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "img")) {
      while (rows.hasNext()) {
        Row r = rows.next();
        img.beginRow().append(r.n()).append(r.category()).append(r.engine()).append(r.domain());
        if (r.year() == 0) {
          img.appendNull();
        } else {
          img.append((short) r.year());
        }
        img.endRow();
      }
    }
    // After the rows: an image of a class the category import did not know adds its category while read.
    try (DuckDBAppender cat = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cat");
        DuckDBAppender anc = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "anc")) {
      for (Category c : categories) {
        cat.beginRow().append(c.id()).append(c.key());
        if (c.synset() == null) {
          cat.appendNull();
        } else {
          cat.append(c.synset());
        }
        cat.endRow();
        for (String a : c.ancestors()) {
          anc.beginRow().append(c.id()).append(a).endRow();
        }
      }
    }
    try (DuckDBAppender hypo = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "hypo")) {
      for (var e : children.entrySet()) {
        for (String child : e.getValue()) {
          hypo.beginRow().append(e.getKey()).append(child).endRow();
        }
      }
    }
    try (Statement s = db.createStatement()) {
      s.execute("CHECKPOINT");
    }
    countsAny = db.prepareStatement(counts(""));
    countsEngine = db.prepareStatement(counts("WHERE engine = ?"));
    page = db.prepareStatement("SELECT n FROM img WHERE cat = ? ORDER BY n LIMIT ?");
  }

  /** Images per category (filtered), then per node: the node itself, its children, and (null node) the unmapped. */
  private static String counts(String where) {
    return "WITH c AS (SELECT cat, count(*) AS n FROM img " + where + " GROUP BY cat) "
        + "SELECT a.node, sum(c.n) FROM c JOIN anc a ON a.cat = c.cat "
        + "WHERE a.node = ? OR a.node IN (SELECT child FROM hypo WHERE parent = ?) GROUP BY a.node "
        + "UNION ALL SELECT NULL, sum(c.n) FROM c JOIN cat ON cat.id = c.cat WHERE cat.synset IS NULL";
  }

  @Override
  public Counts counts(String node, boolean root, String engine) throws Exception {
    PreparedStatement q = engine == null ? countsAny : countsEngine;
    int p = 1;
    if (engine != null) {
      q.setString(p++, engine);
    }
    q.setString(p++, node);
    q.setString(p, node);
    long here = 0;
    long unmapped = 0;
    Map<String, Long> children = new LinkedHashMap<>();
    try (ResultSet r = q.executeQuery()) {
      while (r.next()) {
        String n = r.getString(1);
        long count = r.getLong(2);
        if (n == null) {
          unmapped = count;
        } else if (n.equals(node)) {
          here = count;
        } else if (count > 0) {
          children.put(n, count);
        }
      }
    }
    return new Counts(here, children, root ? unmapped : 0);
  }

  @Override
  public List<Long> page(int category, int size) throws Exception {
    page.setInt(1, category);
    page.setInt(2, size);
    List<Long> out = new ArrayList<>();
    try (ResultSet r = page.executeQuery()) {
      while (r.next()) {
        out.add(r.getLong(1));
      }
    }
    return out;
  }

  @Override
  public void close() throws java.io.IOException {
    try {
      db.close();
    } catch (SQLException e) {
      throw new java.io.IOException(e);
    } finally {
      try (var files = Files.walk(file.getParent())) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
