package dev.smtpdane.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON writer (RFC 8259) so the tool needs no JSON library at run time: objects,
 * arrays, strings, numbers, booleans and null, pretty-printed with two-space indentation.
 * Misuse (a value where a key is due) is a programming error and throws.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final boolean pretty;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private boolean afterKey;

  /** A pretty-printing writer. */
  public JsonWriter() {
    this(true);
  }

  /** {@code pretty=false} writes everything on one line (JSON Lines). */
  public JsonWriter(boolean pretty) {
    this.pretty = pretty;
  }

  private static final class Frame {
    final boolean object;
    int count;

    Frame(boolean object) {
      this.object = object;
    }
  }

  public JsonWriter beginObject() {
    value();
    out.append('{');
    stack.push(new Frame(true));
    return this;
  }

  public JsonWriter endObject() {
    return end(true, '}');
  }

  public JsonWriter beginArray() {
    value();
    out.append('[');
    stack.push(new Frame(false));
    return this;
  }

  public JsonWriter endArray() {
    return end(false, ']');
  }

  /** Writes an object key; the next call must write its value. */
  public JsonWriter key(String name) {
    Frame f = stack.peek();
    if (f == null || !f.object || afterKey) {
      throw new IllegalStateException("key outside an object: " + name);
    }
    separate(f);
    string(name);
    out.append(pretty ? ": " : ":");
    afterKey = true;
    return this;
  }

  public JsonWriter value(String s) {
    value();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    return this;
  }

  public JsonWriter value(long n) {
    value();
    out.append(n);
    return this;
  }

  public JsonWriter value(boolean b) {
    value();
    out.append(b);
    return this;
  }

  public JsonWriter nullValue() {
    value();
    out.append("null");
    return this;
  }

  /** Shorthand for key(name).value(s). */
  public JsonWriter field(String name, String s) {
    return key(name).value(s);
  }

  public JsonWriter field(String name, long n) {
    return key(name).value(n);
  }

  public JsonWriter field(String name, boolean b) {
    return key(name).value(b);
  }

  @Override
  public String toString() {
    if (!stack.isEmpty()) {
      throw new IllegalStateException("unclosed JSON container");
    }
    return out.toString();
  }

  private void value() {
    Frame f = stack.peek();
    if (f == null) {
      if (!out.isEmpty()) {
        throw new IllegalStateException("a second top-level JSON value");
      }
      return;
    }
    if (f.object) {
      if (!afterKey) {
        throw new IllegalStateException("JSON value without a key");
      }
      afterKey = false;
      f.count++;
      return;
    }
    separate(f);
    f.count++;
  }

  private void separate(Frame f) {
    if (f.count > 0) {
      out.append(',');
    }
    newline(stack.size());
  }

  private JsonWriter end(boolean object, char close) {
    Frame f = stack.poll();
    if (f == null || f.object != object || afterKey) {
      throw new IllegalStateException("mismatched JSON close " + close);
    }
    if (f.count > 0) {
      newline(stack.size());
    }
    out.append(close);
    return this;
  }

  private void newline(int depth) {
    if (!pretty) {
      return;
    }
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)
              && !validSurrogateAt(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A lone surrogate is not valid UTF-8 output; escape it instead of emitting garbage. */
  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
