-- Agent rows of the agents' ITs: cleared so every class starts without investigations, tasks or patrols.
DELETE FROM alerts.agent_investigations;
DELETE FROM alerts.agent_tasks;
DELETE FROM alerts.patrol_reports;
