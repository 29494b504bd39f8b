package org.synscope.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders Thymeleaf templates from {@code templates/} in the synscope home (edited in place, no
 * rebuild), or from the jar when the home has none.
 */
final class Renderer implements FileRenderer {
  private final TemplateEngine engine = new TemplateEngine();

  Renderer(Path home) {
    RecordAccessor.install();
    Path dir = home.resolve("templates");
    AbstractConfigurableTemplateResolver resolver;
    if (Files.isDirectory(dir)) {
      resolver = new FileTemplateResolver();
      resolver.setPrefix(dir.toAbsolutePath() + "/");
    } else {
      resolver = new ClassLoaderTemplateResolver();
      resolver.setPrefix("templates/");
    }
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(!Boolean.getBoolean("synscope.dev"));
    engine.setTemplateResolver(resolver);
  }

  /** Renders outside a request (no servlet): every URL in the templates is computed in Java anyway. */
  String standalone(String template, Map<String, Object> model) {
    return engine.process(template, new org.thymeleaf.context.Context(Locale.ENGLISH, model));
  }

  /**
   * Renders a page. Every URL and value a template prints is computed in Java, so a plain context does:
   * a servlet context would store each template variable as a request attribute and look it up there.
   */
  @Override
  public String render(String template, Map<String, ?> model, Context ctx) {
    return engine.process(template, new org.thymeleaf.context.Context(Locale.ENGLISH, new HashMap<String, Object>(model)));
  }
}
