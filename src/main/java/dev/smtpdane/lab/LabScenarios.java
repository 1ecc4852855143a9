package dev.smtpdane.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scenario catalogue (shared/spec/scenarios.md and more): what {@code smtpdane demo} runs
 * and what the integration tests assert, from one list. Each theme lives in its own file.
 */
public final class LabScenarios {
  private static final List<ScenarioDefinition> DEFINITIONS = collect();

  private LabScenarios() {}

  /** Every scenario, grouped by theme, in a stable order. */
  public static List<Scenario> all() {
    return DEFINITIONS.stream().map(ScenarioDefinition::scenario).toList();
  }

  public static Optional<Scenario> named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  static List<ScenarioDefinition> definitions() {
    return DEFINITIONS;
  }

  private static List<ScenarioDefinition> collect() {
    List<ScenarioDefinition> all = new ArrayList<>();
    all.addAll(DaneEeScenarios.all());
    all.addAll(DaneTaScenarios.all());
    all.addAll(TlsaRecordScenarios.all());
    all.addAll(DestinationScenarios.all());
    all.addAll(DnssecScenarios.all());
    all.addAll(SmtpScenarios.all());
    Set<String> names = new HashSet<>();
    for (ScenarioDefinition d : all) {
      if (!names.add(d.name())) {
        throw new IllegalStateException("scenario " + d.name() + " is defined twice");
      }
    }
    return List.copyOf(all);
  }
}
