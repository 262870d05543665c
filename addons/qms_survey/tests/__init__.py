from . import (
    test_scoring_tools,
    test_campaign_scoring,
    test_return_window,
    test_corrective_actions,
    test_reminders,
    test_bad_input,
    test_plan,
    test_callback_visit,
    test_reports,
    test_security,
    test_project_stage,
    test_portal_tour,
)
