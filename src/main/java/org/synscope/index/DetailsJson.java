package org.synscope.index;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.synscope.flags.Flag;
import org.synscope.wordnet.SenseScore;
import org.synscope.wordnet.Suggestion;

/**
 * Writes the details JSON of a document field by field, as Jackson's data binding writes a
 * {@link CategoryDetails} (components in declaration order, nulls written): every document of every
 * build has one, and binding them through reflection cost a tenth of an import. {@code DetailsJsonTest}
 * holds the two writers to the same output, so a component added to one of these records fails
 * there until it is written here.
 */
final class DetailsJson {
  private DetailsJson() {}

  /** The JSON text of the details. */
  static String write(CategoryDetails d) {
    StringWriter text = new StringWriter(4096);
    try (JsonGenerator g = CategoryDocuments.JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeNumberField("line", d.line());
      g.writeStringField("lemma", d.lemma());
      g.writeStringField("reason", d.reason());
      g.writeArrayFieldStart("senses");
      for (SenseInfo s : d.senses()) {
        writeSense(g, s);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("paths");
      for (List<PathNode> path : d.paths()) {
        g.writeStartArray();
        for (PathNode n : path) {
          g.writeStartObject();
          g.writeStringField("id", n.id());
          g.writeStringField("name", n.name());
          g.writeBooleanField("sensitive", n.sensitive());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("flags");
      for (Flag f : d.flags()) {
        writeFlag(g, f);
      }
      g.writeEndArray();
      writeMetadata(g, d.metadata());
      if (d.confidence() == null) {
        g.writeNullField("confidence");
      } else {
        g.writeNumberField("confidence", d.confidence().doubleValue());
      }
      g.writeArrayFieldStart("scores");
      for (SenseScore s : d.scores()) {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("name", s.name());
        g.writeNumberField("score", s.score());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("suggestions");
      for (Suggestion s : d.suggestions()) {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("name", s.name());
        g.writeStringField("why", s.why());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to a string: not expected
    }
    return text.toString();
  }

  private static void writeSense(JsonGenerator g, SenseInfo s) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", s.id());
    g.writeStringField("name", s.name());
    writeStrings(g, "lemmas", s.lemmas());
    g.writeStringField("definition", s.definition());
    writeStrings(g, "examples", s.examples());
    g.writeStringField("lexFile", s.lexFile());
    g.writeEndObject();
  }

  private static void writeFlag(JsonGenerator g, Flag f) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", f.name());
    g.writeStringField("source", f.source());
    g.writeStringField("synset", f.synset());
    g.writeStringField("synsetName", f.synsetName());
    g.writeBooleanField("primary", f.primary());
    g.writeStringField("word", f.word());
    g.writeStringField("evidence", f.evidence());
    g.writeEndObject();
  }

  private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
    if (values == null) {
      g.writeNullField(name);
      return;
    }
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** Metadata values are strings and numbers; anything else goes through data binding as before. */
  private static void writeMetadata(JsonGenerator g, Map<String, Object> metadata) throws IOException {
    if (metadata == null) {
      g.writeNullField("metadata");
      return;
    }
    g.writeObjectFieldStart("metadata");
    for (Map.Entry<String, Object> e : metadata.entrySet()) {
      g.writeFieldName(e.getKey());
      Object v = e.getValue();
      if (v instanceof String s) {
        g.writeString(s);
      } else if (v instanceof Long n) {
        g.writeNumber(n.longValue());
      } else if (v instanceof Double n) {
        g.writeNumber(n.doubleValue());
      } else {
        g.writeObject(v);
      }
    }
    g.writeEndObject();
  }
}
