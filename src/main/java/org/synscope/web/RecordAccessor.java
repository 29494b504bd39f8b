package org.synscope.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * How templates read synscope's view records ({@code ${node.name}}, {@code ${node.countText}}):
 * each public no-argument method of a record, by name, through a method handle looked up once per
 * class. OGNL's own lookup searches getters reflectively on every read; on a page of hundreds of rows
 * that search was the largest part of rendering (a JFR recording of {@code /search}). Anything else
 * falls back to OGNL.
 */
final class RecordAccessor extends ObjectPropertyAccessor {
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final ClassValue<Map<String, MethodHandle>> READERS = new ClassValue<>() {
    @Override
    protected Map<String, MethodHandle> computeValue(Class<?> type) {
      Map<String, MethodHandle> out = new HashMap<>();
      if (!type.getName().startsWith("org.synscope.")) {
        return out;
      }
      for (Method m : type.getDeclaredMethods()) {
        if (m.getParameterCount() == 0 && m.getReturnType() != void.class && !Modifier.isStatic(m.getModifiers())
            && !m.isSynthetic()) {
          try {
            m.setAccessible(true); // records of this application, often package-private
            out.put(m.getName(), MethodHandles.lookup().unreflect(m).asType(GETTER));
          } catch (IllegalAccessException | RuntimeException e) {
            // Left to OGNL's own lookup.
          }
        }
      }
      return out;
    }
  };

  private static volatile boolean installed;

  /** Makes OGNL read every record through this accessor (once per JVM, before the first render). */
  static void install() {
    if (!installed) {
      synchronized (RecordAccessor.class) {
        if (!installed) {
          OgnlRuntime.setPropertyAccessor(Record.class, new RecordAccessor());
          installed = true;
        }
      }
    }
  }

  @Override
  public Object getProperty(OgnlContext context, Object target, Object name) throws OgnlException {
    if (name instanceof String property && target != null) {
      MethodHandle reader = READERS.get(target.getClass()).get(property);
      if (reader != null) {
        try {
          return reader.invokeExact(target);
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable e) {
          throw new OgnlException("cannot read " + property + " of " + target.getClass().getSimpleName(), e);
        }
      }
    }
    return super.getProperty(context, target, name);
  }
}
