package dev.smtpdane.lab;

/** A scenario of the catalogue together with what it puts into the lab. */
record ScenarioDefinition(Scenario scenario, ScenarioSetup setup) {
  String name() {
    return scenario.name();
  }
}
