package org.synscope.cli;

import java.util.function.Function;
import org.synscope.config.BadInput;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option value parsed by the domain's own {@code parse}: a bad value is reported with the parser's
 * reason (which names the accepted values), never with the name of the exception it threw.
 */
abstract class ParsedValue<T> implements ITypeConverter<T> {
  private final Function<String, T> parse;

  ParsedValue(Function<String, T> parse) {
    this.parse = parse;
  }

  @Override
  public final T convert(String value) {
    try {
      return parse.apply(value);
    } catch (BadInput e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
