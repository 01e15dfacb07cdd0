package dev.byocfleet.agents;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 7 with an LLM: the model gets the evidence pack (untrusted text delimited), must answer the
 * schema of {@link DiagnosisPrompt} citing evidence ids; an answer that does not validate gets
 * one repair round, then the rules decide (and the record says so). A failing model call falls
 * back to the rules too: an investigation always ends with a diagnosis.
 */
final class ModelDiagnoser implements Diagnoser {

    static final String MODE = "llm";
    static final String FALLBACK = "llm_fallback_rules";
    private static final Logger log = LoggerFactory.getLogger(ModelDiagnoser.class);

    private final DiagnosisModel model;
    private final Diagnoser rules;

    ModelDiagnoser(DiagnosisModel model, Diagnoser rules) {
        this.model = model;
        this.rules = rules;
    }

    @Override
    public Diagnosis diagnose(EvidencePack pack) {
        String nonce = UUID.randomUUID().toString().substring(0, 12);
        String system = DiagnosisPrompt.system(nonce);
        String user = DiagnosisPrompt.user(pack, nonce);
        try {
            DiagnosisValidator.Result first = DiagnosisValidator.validate(model.complete(system, user, pack.clusterId()), pack, MODE, model.name());
            if (first.valid()) {
                return first.diagnosis();
            }
            String retry = user + "\n" + DiagnosisPrompt.repair(first.problems());
            DiagnosisValidator.Result second = DiagnosisValidator.validate(model.complete(system, retry, pack.clusterId()), pack, MODE, model.name());
            if (second.valid()) {
                return second.diagnosis();
            }
            log.info("investigator: the model's answer for {} did not validate twice ({}); rules decide",
                    pack.clusterId(), second.problems());
        } catch (RuntimeException e) {
            log.warn("investigator: the model call for {} failed ({}); rules decide", pack.clusterId(), e.getMessage());
        }
        Diagnosis byRules = rules.diagnose(pack);
        return Remediation.complete(pack, FALLBACK, byRules.hypotheses(), byRules.rootCause(), byRules.confidence(),
                model.name());
    }
}
