package dev.smtpdane.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void writesNestedStructuresPretty() {
    String json = new JsonWriter().beginObject()
        .field("name", "mx.example.test")
        .field("port", 25)
        .field("secure", true)
        .key("records").beginArray().value("3 1 1 AB").nullValue().endArray()
        .key("empty").beginObject().endObject()
        .endObject().toString();
    assertThat(json).isEqualTo("""
        {
          "name": "mx.example.test",
          "port": 25,
          "secure": true,
          "records": [
            "3 1 1 AB",
            null
          ],
          "empty": {}
        }""");
  }

  @Test
  void escapesControlCharactersQuotesAndLoneSurrogates() {
    String json = new JsonWriter().value("a\"b\\c\n\u0001\u2028\ud800é").toString();
    assertThat(json).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u2028\\ud800é\"");
  }

  @Test
  void misuseIsRejected() {
    assertThatThrownBy(() -> new JsonWriter().beginObject().value("x"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonWriter().beginArray().endObject())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonWriter().beginArray().toString())
        .isInstanceOf(IllegalStateException.class);
  }
}
