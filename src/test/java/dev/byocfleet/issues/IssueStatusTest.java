package dev.byocfleet.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.alerts.AlertRetention;
import org.junit.jupiter.api.Test;

class IssueStatusTest {

    @Test
    void theAlertRetentionKeepsTheAlertsOfExactlyTheActiveStatuses() {
        assertThat(AlertRetention.ACTIVE_ISSUE_STATUSES).containsExactlyInAnyOrderElementsOf(IssueStatus.ACTIVE);
        assertThat(IssueStatus.ACTIVE).containsExactly("open", "acknowledged", "investigating", "silenced");
    }

    @Test
    void parsesTheStoredFormWhateverItsCaseAndSpaces() {
        assertThat(IssueStatus.parse(" Silenced ")).contains(IssueStatus.SILENCED);
        assertThat(IssueStatus.parse("gone")).isEmpty();
        assertThat(IssueStatus.parse(null)).isEmpty();
    }
}
