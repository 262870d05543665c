"""Benchmark: score a satisfaction campaign of N answered questionnaires.

Run through scripts/bench (``scripts/bench survey 10000``).

The data (customers, invitations, answers: five scored questions in three
modules, 8 or 10 points of 10 so no corrective action is due) is inserted with
SQL outside what is timed. Timed in the same run and database:

- the SQL floor: one bare ``GROUP BY`` (questionnaire, question) over the same
  answer lines;
- the product: ``qms.survey.campaign._score_answers()``, which reads the
  lines, scores every module, total, grade and band, aggregates per module,
  per question and per customer, and stores totals and module scores.
"""

import time

from bench_timing import timed

from odoo import SUPERUSER_ID, Command, api

QUESTIONS = (("overall", 2), ("service", 1), ("quality", 2))


def seed_survey_campaign(env, size):
    """A sent campaign with ``size`` answered questionnaires; returns (campaign, lines)."""
    cr = env.cr
    modules = {code: env.ref(f"qms_survey.module_{code}") for code, _count in QUESTIONS}
    survey = env["survey.survey"].create(
        {
            "title": f"Bench satisfaction {size} {time.time_ns()}",
            "access_mode": "token",
            "question_and_page_ids": [
                Command.create(
                    {
                        "title": f"{code} {index}",
                        "question_type": "simple_choice",
                        "qms_module_id": modules[code].id,
                        "suggested_answer_ids": [
                            Command.create({"value": str(points), "answer_score": points})
                            for points in (10, 8, 6, 4, 2)
                        ],
                    }
                )
                for code, count in QUESTIONS
                for index in range(count)
            ],
        }
    )
    campaign = env["qms.survey.campaign"].create(
        {
            "title": f"Bench {size}",
            "survey_id": survey.id,
            "weight_ids": [
                Command.create({"module_id": modules["overall"].id, "weight": 40}),
                Command.create({"module_id": modules["service"].id, "weight": 30}),
                Command.create({"module_id": modules["quality"].id, "weight": 30}),
            ],
        }
    )
    # Seeded as already sent: the workflow write stands in for the send button.
    campaign._qms_workflow_write({"state": "sent"})
    # Columns other addons make NOT NULL without a database default (e.g. account).
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'res_partner' AND is_nullable = 'NO'
              AND column_default IS NULL AND column_name <> 'id'"""
    )
    extra = {
        name: env["res.partner"]
        ._fields[name]
        .convert_to_column(env["res.partner"].default_get([name]).get(name), env["res.partner"])
        for (name,) in cr.fetchall()
        if name in env["res.partner"]._fields
    }
    columns = "".join(f", {name}" for name in extra)
    cr.execute(
        f"""
        INSERT INTO res_partner (name, active, type, is_company, create_date, write_date{columns})
        SELECT 'Bench survey customer ' || n, true, 'contact', true, now(), now()
               {"".join(", %s" for _name in extra)}
          FROM generate_series(1, %s) n
        RETURNING id
        """,
        [*extra.values(), size],
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", [partner_ids]
    )
    cr.execute(
        """
        INSERT INTO qms_survey_invitation
               (campaign_id, company_id, user_id, partner_id, contact_id, channel, source, state,
                date_sent, answer_date, sent_count, returned_count, campaign_date,
                create_date, write_date, create_uid, write_uid)
        SELECT %(campaign)s, %(company)s, %(uid)s, p, p, 'email', 'customer', 'returned',
               now() - interval '3 days', now() - interval '1 day',
               1, 1, now() - interval '3 days', now(), now(), 1, 1
          FROM unnest(%(partners)s::int[]) p
        RETURNING id, partner_id
        """,
        {
            "campaign": campaign.id,
            "company": env.company.id,
            "uid": env.uid,
            "partners": partner_ids,
        },
    )
    invitations = cr.fetchall()
    cr.execute(
        """
        INSERT INTO survey_user_input
               (survey_id, partner_id, state, access_token, qms_invitation_id,
                create_date, write_date, create_uid, write_uid)
        SELECT %s, v.partner_id, 'done', md5(random()::text || v.id), v.id, now(), now(), 1, 1
          FROM unnest(%s::int[], %s::int[]) v(id, partner_id)
        RETURNING id, qms_invitation_id
        """,
        [survey.id, [i for i, _p in invitations], [p for _i, p in invitations]],
    )
    answers = cr.fetchall()
    cr.execute(
        "UPDATE qms_survey_invitation i SET user_input_id = a.id FROM unnest(%s::int[], %s::int[])"
        " a(id, invitation) WHERE i.id = a.invitation",
        [[a for a, _i in answers], [i for _a, i in answers]],
    )
    questions = survey.question_ids
    best = {
        q.id: q.suggested_answer_ids.filtered(lambda a: a.answer_score == 10).id for q in questions
    }
    good = {
        q.id: q.suggested_answer_ids.filtered(lambda a: a.answer_score == 8).id for q in questions
    }
    cr.execute(
        """
        INSERT INTO survey_user_input_line
               (user_input_id, survey_id, question_id, answer_type, suggested_answer_id,
                answer_score, skipped, create_date, write_date, create_uid, write_uid)
        SELECT a, %(survey)s, q.id,
               'suggestion',
               CASE WHEN (a + q.n) %% 3 = 0 THEN q.good ELSE q.best END,
               CASE WHEN (a + q.n) %% 3 = 0 THEN 8 ELSE 10 END,
               false, now(), now(), 1, 1
          FROM unnest(%(answers)s::int[]) a
    CROSS JOIN unnest(%(questions)s::int[], %(best)s::int[], %(good)s::int[])
               WITH ORDINALITY AS q(id, best, good, n)
        """,
        {
            "survey": survey.id,
            "answers": [a for a, _i in answers],
            "questions": questions.ids,
            "best": [best[q] for q in questions.ids],
            "good": [good[q] for q in questions.ids],
        },
    )
    lines = cr.rowcount
    cr.execute("ANALYZE survey_user_input_line")
    cr.execute("ANALYZE survey_user_input")
    cr.execute("ANALYZE qms_survey_invitation")
    return campaign, lines


def bench_survey(registry, size):
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        campaign, lines = seed_survey_campaign(env, size)
        campaign_id = campaign.id
        cr.commit()

    # The floor: one bare GROUP BY over the same answer lines.
    with registry.cursor() as cr:
        with timed(results, "sql_floor"):
            cr.execute(
                """
                SELECT ui.qms_invitation_id, l.question_id, SUM(l.answer_score)
                  FROM survey_user_input_line l
                  JOIN survey_user_input ui ON ui.id = l.user_input_id
                  JOIN qms_survey_invitation i ON i.id = ui.qms_invitation_id
                 WHERE i.campaign_id = %s
              GROUP BY ui.qms_invitation_id, l.question_id
                """,
                [campaign_id],
            )
            floor_rows = len(cr.fetchall())

    # The product: score, aggregate and store, as closing the campaign does.
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        campaign = env["qms.survey.campaign"].browse(campaign_id)
        queries_before = cr.sql_log_count
        with timed(results, "product"):
            aggregates = campaign._score_answers()
            cr.flush()
        queries = cr.sql_log_count - queries_before
        cr.execute(
            "SELECT count(*), count(*) FILTER (WHERE scored), avg(score_total) "
            "FROM qms_survey_invitation WHERE campaign_id = %s",
            [campaign_id],
        )
        invitations, scored, average = cr.fetchone()
        cr.execute("SELECT count(*) FROM qms_survey_score WHERE campaign_id = %s", [campaign_id])
        score_rows = cr.fetchone()[0]
        actions = env["qms.capa"].search_count([("survey_campaign_id", "=", campaign_id)])
        cr.commit()

    ratio = results["product"] / results["sql_floor"]
    print(f"survey: N={size} answered questionnaires, {lines} answer lines")
    print(
        f"  SQL floor (GROUP BY questionnaire, question): {results['sql_floor']:.3f} s"
        f" for {floor_rows} rows"
    )
    print(
        f"  score + aggregate + store (product):         {results['product']:.3f} s"
        f"  = {ratio:.1f}x the floor"
    )
    print(
        f"  {scored}/{invitations} scored, {score_rows} module scores, average {average or 0:.2f}, "
        f"{len(aggregates['questions'])} questions, {len(aggregates['customers'])} customers, "
        f"{actions} actions, {queries} queries"
    )
    ok = (
        scored == size
        and score_rows == size * len(QUESTIONS)
        and len(aggregates["customers"]) == size
        and actions == 0
    )
    if not ok:
        print("  MISMATCH: every questionnaire must be scored once, with one row per module")
    return ok


if __name__ == "__main__":  # pragma: no cover - the lead wires it into scripts/bench.py
    import sys

    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", sys.argv[1], "-d", sys.argv[2]])
    sys.exit(0 if bench_survey(Registry(sys.argv[2]), int(sys.argv[3])) else 1)
