package dev.byocfleet.agents;

import dev.byocfleet.agents.AgentMessages.PatrolDiff;
import dev.byocfleet.agents.AgentMessages.PatrolPage;
import dev.byocfleet.agents.AgentMessages.PatrolSummary;
import dev.byocfleet.api.ListParameters;
import dev.byocfleet.auth.AccessGuard;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import org.springframework.stereotype.Service;

/** The Patrol's reports as users see them: viewers read, operators run one now. */
@Service
public class PatrolService {

    static final int MAX_PAGE_SIZE = 100;

    private final Patrol patrol;
    private final AccessGuard access;

    PatrolService(Patrol patrol, AccessGuard access) {
        this.patrol = patrol;
        this.access = access;
    }

    public PatrolPage reports(int page, int size) {
        access.require(Role.VIEWER);
        ListParameters.checkPage(page, size, MAX_PAGE_SIZE, "started_at");
        return new PatrolPage(patrol.list(page * size, size).stream().map(PatrolSummary::of).toList(), page, size,
                patrol.count());
    }

    public PatrolReport report(String id) {
        access.require(Role.VIEWER);
        return patrol.get(id);
    }

    public PatrolDiff diff(String id) {
        access.require(Role.VIEWER);
        return patrol.diff(id);
    }

    /** Starts a run in the background; its report says how far it got until it is done. */
    public PatrolReport runNow() {
        CurrentUser user = access.require(Role.OPERATOR);
        return patrol.start(user.email());
    }
}
