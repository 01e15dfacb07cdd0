package dev.byocfleet.agents;

/**
 * Step 7 (and 8): turns the evidence of steps 1-6 into a diagnosis. {@link RulesDiagnoser} needs
 * no LLM; {@link ModelDiagnoser} asks a model through {@link DiagnosisModel} and falls back to the
 * rules when its answer does not validate.
 */
public interface Diagnoser {

    Diagnosis diagnose(EvidencePack pack);
}
